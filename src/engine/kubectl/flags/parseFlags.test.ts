import { describe, expect, it } from 'vitest';
import { parseFlags, parseGoDuration, type FlagDef } from './parseFlags';

const DEFS: FlagDef[] = [
  { name: 'namespace', shorthand: 'n', type: 'string' },
  { name: 'output', shorthand: 'o', type: 'string' },
  { name: 'stdin', shorthand: 'i', type: 'bool' },
  { name: 'tty', shorthand: 't', type: 'bool' },
  { name: 'filename', shorthand: 'f', type: 'stringSlice' },
  { name: 'env', type: 'stringArray' },
  { name: 'tail', type: 'int' },
  { name: 'dry-run', type: 'string', noOptDefault: 'unchanged' },
];

function parse(argv: string[]) {
  const result = parseFlags(argv, DEFS);
  if (!result.ok) throw new Error(result.error);
  return result.flags;
}

describe('parseFlags', () => {
  it('accepts every pflag spelling of a value', () => {
    for (const argv of [
      ['--namespace=kube-system'],
      ['--namespace', 'kube-system'],
      ['-n', 'kube-system'],
      ['-nkube-system'],
      ['-n=kube-system'],
    ]) {
      expect(parse(argv).values.namespace).toBe('kube-system');
    }
  });

  it('groups boolean shorthands and lets the last letter take a value', () => {
    const flags = parse(['-it', 'web', '-oyaml']);
    expect(flags.values).toEqual({ stdin: true, tty: true, output: 'yaml' });
    expect(flags.args).toEqual(['web']);
  });

  it('accumulates repeated slices and arrays, and records the order given', () => {
    const flags = parse(['-f', 'a.yaml,b.yaml', '--filename=c.yaml', '--env', 'A=1', '--env', 'B=2,3']);
    expect(flags.values.filename).toEqual(['a.yaml', 'b.yaml', 'c.yaml']);
    expect(flags.values.env).toEqual(['A=1', 'B=2,3']);
    expect(flags.given.map((g) => `${g.name}=${g.value}`)).toEqual([
      'filename=a.yaml,b.yaml',
      'filename=c.yaml',
      'env=A=1',
      'env=B=2,3',
    ]);
  });

  it('stops at -- and remembers where', () => {
    const flags = parse(['web', '-i', '--', 'sh', '-c', 'ls -n']);
    expect(flags.args).toEqual(['web', 'sh', '-c', 'ls -n']);
    expect(flags.argsLenAtDash).toBe(1);
  });

  it('uses NoOptDefVal when a flag is given without =value', () => {
    expect(parse(['--dry-run', 'client']).values['dry-run']).toBe('unchanged');
    expect(parse(['--dry-run=client']).values['dry-run']).toBe('client');
  });

  it('reports errors with pflag wording', () => {
    expect(parseFlags(['--foo'], DEFS)).toEqual({ ok: false, error: 'unknown flag: --foo' });
    expect(parseFlags(['-z'], DEFS)).toEqual({ ok: false, error: "unknown shorthand flag: 'z' in -z" });
    expect(parseFlags(['-iz'], DEFS)).toEqual({ ok: false, error: "unknown shorthand flag: 'z' in -iz" });
    expect(parseFlags(['-n'], DEFS)).toEqual({ ok: false, error: "flag needs an argument: 'n' in -n" });
    expect(parseFlags(['--namespace'], DEFS)).toEqual({ ok: false, error: 'flag needs an argument: --namespace' });
    expect(parseFlags(['--tail=x'], DEFS)).toEqual({
      ok: false,
      error: 'invalid argument "x" for "--tail" flag: strconv.ParseInt: parsing "x": invalid syntax',
    });
    expect(parseFlags(['--stdin=maybe'], DEFS)).toEqual({
      ok: false,
      error: 'invalid argument "maybe" for "--stdin" flag: strconv.ParseBool: parsing "maybe": invalid syntax',
    });
  });
});

describe('parseGoDuration', () => {
  it('reads Go durations in milliseconds', () => {
    expect(parseGoDuration('60s')).toBe(60_000);
    expect(parseGoDuration('1m30s')).toBe(90_000);
    expect(parseGoDuration('1.5h')).toBe(5_400_000);
    expect(parseGoDuration('0')).toBe(0);
    expect(parseGoDuration('10')).toBeUndefined();
  });
});
