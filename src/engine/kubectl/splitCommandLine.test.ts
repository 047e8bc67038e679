import { describe, expect, it } from 'vitest';
import { splitCommandLine } from './splitCommandLine';

describe('splitCommandLine', () => {
  it('splits on blanks and keeps quoted text together', () => {
    expect(splitCommandLine(`get pods -l 'app in (web, db)' -o "jsonpath={.items[*].metadata.name}"`)).toEqual([
      'get',
      'pods',
      '-l',
      'app in (web, db)',
      '-o',
      'jsonpath={.items[*].metadata.name}',
    ]);
  });

  it('handles backslashes as bash does', () => {
    expect(splitCommandLine('exec web -- sh -c echo\\ hi')).toEqual(['exec', 'web', '--', 'sh', '-c', 'echo hi']);
    expect(splitCommandLine('"a\\"b" "c\\d" \'e\\f\'')).toEqual(['a"b', 'c\\d', 'e\\f']);
    expect(splitCommandLine('get \\\n  pods')).toEqual(['get', 'pods']);
  });

  it('keeps empty quoted words and drops comments', () => {
    expect(splitCommandLine(`label pod x a='' # set a to empty`)).toEqual(['label', 'pod', 'x', 'a=']);
    expect(splitCommandLine(`run x ""`)).toEqual(['run', 'x', '']);
  });

  it('reports an unclosed quote with bash wording', () => {
    expect(splitCommandLine(`get 'pods`)).toEqual({ error: "unexpected EOF while looking for matching `''" });
    expect(splitCommandLine(`get "pods`)).toEqual({ error: 'unexpected EOF while looking for matching `"\'' });
  });
});
