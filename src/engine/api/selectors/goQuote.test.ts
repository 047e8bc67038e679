import { describe, expect, it } from 'vitest';
import { goQuote } from './goQuote';

describe("Go's %q", () => {
  it.each([
    ['', '""'],
    ['plain', '"plain"'],
    ['say "hi"\n', '"say \\"hi\\"\\n"'],
    ['tab\there', '"tab\\there"'],
    ['back\\slash', '"back\\\\slash"'],
    ['\x01\x7f', '"\\x01\\x7f"'],
    ['中文', '"中文"'],
  ])('%j → %s', (text, quoted) => {
    expect(goQuote(text)).toBe(quoted);
  });
});
