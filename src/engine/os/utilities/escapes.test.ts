import { describe, expect, it } from 'vitest';
import { processEscapes } from './escapes';

describe('processEscapes', () => {
  it('handles echo -e escapes and \\c', () => {
    expect(processEscapes('a\\nb\\x41\\0101\\\\', 'echo')).toEqual({ text: 'a\nbAA\\', stop: false });
    expect(processEscapes('one\\ctwo', 'echo')).toEqual({ text: 'one', stop: true });
    expect(processEscapes('\\101\\q', 'format')).toEqual({ text: 'A\\q', stop: false });
  });

  it('lets only a printf format escape quotes', () => {
    expect(processEscapes('\\"\\\'', 'format').text).toBe(`"'`);
    expect(processEscapes('\\"', 'echo').text).toBe('\\"');
  });
});
