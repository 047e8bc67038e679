import { describe, it, expect } from 'vitest';
import {
  formatLabelSelector,
  isEmptySelector,
  labelSelectorFromSpec,
  matchesLabels,
  parseLabelSelector,
} from './labelSelector';
import type { LabelSelector } from './labelSelector';

function parse(text: string): LabelSelector {
  const result = parseLabelSelector(text);
  if (!result.ok) throw new Error(result.error);
  return result.selector;
}

const VALUE_REGEX_ERROR =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const NAME_REGEX_ERROR =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

describe('parseLabelSelector', () => {
  it.each([
    ['', ''],
    ['   ', ''],
    ['app=web', 'app=web'],
    ['app==web', 'app==web'],
    ['app!=web', 'app!=web'],
    ['tier=web,app=nginx', 'app=nginx,tier=web'],
    ['env=prod,app=nginx', 'app=nginx,env=prod'],
    ['x in (foo,,baz),y,z notin ()', 'x in (,baz,foo),y,z notin ()'],
    ['tier in (b, a)', 'tier in (a,b)'],
    ['tier in (a,a)', 'tier in (a)'],
    ['!canary', '!canary'],
    ['app', 'app'],
    ['  app = web , !canary ', 'app=web,!canary'],
    ['a=', 'a='],
    ['a=,b=c', 'a=,b=c'],
    ['in in (in,notin)', 'in in (in,notin)'],
    ['x>1', 'x>1'],
    ['x<10', 'x<10'],
    ['example.com/app=web', 'example.com/app=web'],
    // apimachinery selector_test.go TestSelectorParse / TestSetSelectorParser
    ['x= ,z= ', 'x=,z='],
    ['x!=a,y=b', 'x!=a,y=b'],
    ['x>1,z<5', 'x>1,z<5'],
    ['\rx', 'x'],
    ['x notin\n (abc)', 'x notin (abc)'],
    ['x notin (abc,,def),bar,z in (),w', 'bar,w,x notin (,abc,def),z in ()'],
    ['a in (x,y,notin, z,in)', 'a in (in,notin,x,y,z)'],
    ['0.1.2.domain/99 notin (10.10.100.1, tick.tack.clock)', '0.1.2.domain/99 notin (10.10.100.1,tick.tack.clock)'],
  ])('%j → %j', (text, formatted) => {
    expect(formatLabelSelector(parse(text))).toBe(formatted);
  });

  it.each([
    ['app=a b', "found 'b', expected: ',' or 'end of string'"],
    ['a b', "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt"],
    ['=a', "found '=', expected: !, identifier, or 'end of string'"],
    ['a,', "found '', expected: identifier after ','"],
    ['a,=b', "found '=', expected: identifier after ','"],
    ['!', "unable to parse requirement: found '', expected: identifier"],
    ['a in b', "unable to parse requirement: found 'b' expected: '('"],
    ['a in (b c)', "unable to parse requirement: found 'c', expected: ',' or ')'"],
    ['a in (=)', "unable to parse requirement: found '=', expected: ',', ')' or identifier"],
    ['a in (b,=)', "unable to parse requirement: found '=', expected: ',', or identifier"],
    ['a=(', "unable to parse requirement: found '(', expected: identifier"],
    ['a===b', "unable to parse requirement: found '=', expected: identifier"],
    ['!a=b', "found '=', expected: ',' or 'end of string'"],
    ['x,,y', "found ',', expected: identifier after ','"],
    ['a in (xyz)b notin ()', "found 'b', expected: ',' or 'end of string'"],
    // The value "a||y" is rejected before the trailing "=b" is looked at.
    ['x=a||y=b', `unable to parse requirement: values[0][x]: Invalid value: "a||y": ${VALUE_REGEX_ERROR}`],
    ['app=a@b', `unable to parse requirement: values[0][app]: Invalid value: "a@b": ${VALUE_REGEX_ERROR}`],
    ['a@b=c', `unable to parse requirement: <nil>: Invalid value: "a@b": ${NAME_REGEX_ERROR}`],
    [
      'Example.com/app=web',
      "unable to parse requirement: <nil>: Invalid value: \"Example.com/app\": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ],
    ['/app', 'unable to parse requirement: <nil>: Invalid value: "/app": prefix part must be non-empty'],
    ['a/', `unable to parse requirement: <nil>: Invalid value: "a/": name part must be non-empty; ${NAME_REGEX_ERROR}`],
    [
      'a/b/c',
      "unable to parse requirement: <nil>: Invalid value: \"a/b/c\": a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ],
    [
      `a=${'x'.repeat(64)}`,
      `unable to parse requirement: values[0][a]: Invalid value: "${'x'.repeat(64)}": must be no more than 63 bytes`,
    ],
    [
      'x>y',
      `unable to parse requirement: values[0]: Invalid value: "y": for 'Gt', 'Lt' operators, the value must be an integer`,
    ],
    [
      'x in (a,-b)',
      // Values are sorted before validation, so "-b" is values[0].
      `unable to parse requirement: values[0][x]: Invalid value: "-b": ${VALUE_REGEX_ERROR}`,
    ],
  ])('%j fails with %j', (text, error) => {
    expect(parseLabelSelector(text)).toEqual({ ok: false, error });
  });

  it('aggregates several value errors in brackets', () => {
    expect(parseLabelSelector('x in (-a,-b)')).toEqual({
      ok: false,
      error: `unable to parse requirement: [values[0][x]: Invalid value: "-a": ${VALUE_REGEX_ERROR}, values[1][x]: Invalid value: "-b": ${VALUE_REGEX_ERROR}]`,
    });
  });
});

describe('matchesLabels', () => {
  const labels = { app: 'web', tier: 'front', n: '5' };
  it.each([
    ['', true],
    ['app=web', true],
    ['app==web', true],
    ['app=db', false],
    ['app!=db', true],
    ['missing!=x', true],
    ['app in (db,web)', true],
    ['app notin (db,web)', false],
    ['missing notin (a)', true],
    ['missing in (a)', false],
    ['app', true],
    ['missing', false],
    ['!missing', true],
    ['!app', false],
    ['app=web,tier=front', true],
    ['app=web,tier=back', false],
    ['n>4', true],
    ['n>5', false],
    ['n<6', true],
    ['app>1', false],
    ['missing=', false],
    ['missing!=', true],
    ['x>1,x<1', false],
  ])('%j → %s', (text, expected) => {
    expect(matchesLabels(parse(text), labels)).toBe(expected);
  });

  it.each([
    ['x notin (),y', { y: '' }, true],
    ['!x,y', { y: '' }, true],
    ['x notin (),!y', { y: '' }, false],
    ['x in ()', { y: 'baz' }, false],
    ['z>1', { z: 'v2' }, false],
    ['notin=in', { notin: 'in' }, true],
  ])('%j on %j → %s (selector_test.go)', (text, labels, expected) => {
    expect(matchesLabels(parse(text), labels)).toBe(expected);
  });

  it('treats undefined labels as an empty set', () => {
    expect(matchesLabels(parse('!app'), undefined)).toBe(true);
    expect(matchesLabels(parse('app'), undefined)).toBe(false);
  });
});

describe('labelSelectorFromSpec', () => {
  it('matches nothing for a missing selector and everything for an empty one', () => {
    const nothing = labelSelectorFromSpec(undefined);
    const everything = labelSelectorFromSpec({});
    expect(nothing).toEqual({ requirements: [], matchesNothing: true });
    expect(everything).toEqual({ requirements: [] });
    if ('error' in nothing || 'error' in everything) throw new Error('unexpected error');
    expect(matchesLabels(nothing, { app: 'web' })).toBe(false);
    expect(matchesLabels(everything, { app: 'web' })).toBe(true);
    expect(isEmptySelector(nothing)).toBe(false);
    expect(isEmptySelector(everything)).toBe(true);
    expect(formatLabelSelector(nothing)).toBe('');
    expect(isEmptySelector(labelSelectorFromSpec({ matchLabels: {}, matchExpressions: [] }) as LabelSelector)).toBe(
      true,
    );
  });

  it('combines matchLabels and matchExpressions sorted by key', () => {
    const selector = labelSelectorFromSpec({
      matchLabels: { tier: 'web', app: 'nginx' },
      matchExpressions: [
        { key: 'env', operator: 'In', values: ['prod', 'dev'] },
        { key: 'canary', operator: 'DoesNotExist' },
        { key: 'zone', operator: 'Exists' },
        { key: 'release', operator: 'NotIn', values: ['old'] },
      ],
    });
    if ('error' in selector) throw new Error(selector.error);
    expect(formatLabelSelector(selector)).toBe('app=nginx,!canary,env in (dev,prod),release notin (old),tier=web,zone');
    expect(matchesLabels(selector, { app: 'nginx', tier: 'web', env: 'dev', zone: 'a' })).toBe(true);
    expect(matchesLabels(selector, { app: 'nginx', tier: 'web', env: 'dev', zone: 'a', canary: 'x' })).toBe(false);
    expect(matchesLabels(selector, { app: 'nginx', tier: 'web', env: 'qa', zone: 'a' })).toBe(false);
  });

  it.each([
    [{ matchExpressions: [{ key: 'a', operator: 'Foo' }] }, '"Foo" is not a valid pod selector operator'],
    [
      { matchExpressions: [{ key: 'a', operator: 'In' }] },
      "values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty",
    ],
    [
      { matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x', 'y'] }] },
      'values: Invalid value: []string{"x", "y"}: values set must be empty for exists and does not exist',
    ],
    [{ matchLabels: { 'a b': 'x' } }, `key: Invalid value: "a b": ${NAME_REGEX_ERROR}`],
    [{ matchLabels: { app: 'we b' } }, `values[0][app]: Invalid value: "we b": ${VALUE_REGEX_ERROR}`],
  ])('%j fails with %j', (spec, error) => {
    expect(labelSelectorFromSpec(spec)).toEqual({ error });
  });
});
