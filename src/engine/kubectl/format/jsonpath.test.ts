import { describe, it, expect } from 'vitest';
import { executeJsonPath, parseJsonPath, relaxedJsonPath } from './jsonpath';
import type { JsonPathOptions } from './jsonpath';

function run(template: string, data: unknown, options: JsonPathOptions = {}): string {
  const parsed = parseJsonPath(template);
  if (!parsed.ok) throw new Error(`parse: ${parsed.error}`);
  const result = executeJsonPath(parsed.program, data, options);
  if (!result.ok) throw new Error(`execute: ${result.error}`);
  return result.output;
}

function runError(template: string, data: unknown, options: JsonPathOptions = {}): string {
  const parsed = parseJsonPath(template);
  if (!parsed.ok) throw new Error(`parse: ${parsed.error}`);
  const result = executeJsonPath(parsed.program, data, options);
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.output)}`);
  return result.error;
}

// client-go jsonpath_test.go TestKubernetes input.
const nodes = {
  kind: 'List',
  items: [
    {
      kind: 'None',
      metadata: { name: '127.0.0.1', labels: { 'kubernetes.io/hostname': '127.0.0.1' } },
      status: { capacity: { cpu: '4' }, ready: true, addresses: [{ type: 'LegacyHostIP', address: '127.0.0.1' }] },
    },
    {
      kind: 'None',
      metadata: { name: '127.0.0.2', labels: { 'kubernetes.io/hostname': '127.0.0.2' } },
      status: {
        capacity: { cpu: '8' },
        ready: false,
        addresses: [
          { type: 'LegacyHostIP', address: '127.0.0.2' },
          { type: 'another', address: '127.0.0.3' },
        ],
      },
    },
  ],
  users: [
    { name: 'myself', user: {} },
    { name: 'e2e', user: { username: 'admin', password: 'secret' } },
  ],
};

// client-go jsonpath_test.go TestTypesInput input.
const types = {
  bools: [true, false, true, false],
  integers: [1, 2, 3, 4],
  floats: [1.0, 2.2, 3.3, 4.0],
  strings: ['one', 'two', 'three', 'four'],
  interfaces: [true, 'one', 1, 1.1],
  maps: [
    { name: 'one', value: 1 },
    { name: 'two', value: 2.02 },
    { name: 'three', value: 3.03 },
    { name: 'four', value: 4.04 },
  ],
};

const pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', labels: { tier: 'fe', app: 'web' }, deletionTimestamp: null },
  spec: {
    containers: [
      { name: 'a', image: 'nginx:1.25' },
      { name: 'b', image: 'busybox' },
    ],
  },
  status: {
    phase: 'Running',
    containerStatuses: [
      { name: 'a', ready: true, restartCount: 0 },
      { name: 'b', ready: false, restartCount: 3 },
    ],
  },
};

describe('parseJsonPath errors', () => {
  it.each([
    ['{.hello', 'unclosed action'],
    ['{', 'unclosed action'],
    ['{.a\n}', 'unclosed action'],
    ['{*}', "unrecognized character in action: U+002A '*'"],
    ['{#}', "unrecognized character in action: U+0023 '#'"],
    ['{\\\\\\}', "unrecognized character in action: U+005C '\\'"],
    ['{\t}', 'unrecognized character in action: U+0009'],
    ['{.a, .b}', "unrecognized character in action: U+002C ','"],
    ['{+12.3.0}', 'cannot parse number +12.3.0'],
    ['{-}', 'cannot parse number -'],
    ['{[1}', 'unterminated array'],
    ['{[x]}', 'invalid array index x'],
    ['{["a"]}', 'invalid array index "a"'],
    ['{[-]}', 'array index - is not a number'],
    ['{[?(.price]}', 'unterminated filter'],
    ['{[?(@.a)x]}', 'unclosed array expect ]'],
    ["{'abc}", 'unterminated quoted string'],
    ['{"\\q"}', 'unquote string "\\q" error invalid syntax'],
    ['{......a}', 'invalid multiple recursive descent'],
  ])('%j → %j', (template, error) => {
    expect(parseJsonPath(template)).toEqual({ ok: false, error });
  });
});

describe('parseJsonPath structure', () => {
  it.each([
    ['hello jsonpath', [{ type: 'text', text: 'hello jsonpath' }]],
    [
      'hello {.jsonpath}',
      [
        { type: 'text', text: 'hello ' },
        { type: 'list', nodes: [{ type: 'field', name: 'jsonpath' }] },
      ],
    ],
    [
      "hello {['jsonpath']}",
      [
        { type: 'text', text: 'hello ' },
        { type: 'list', nodes: [{ type: 'field', name: 'jsonpath' }] },
      ],
    ],
    [
      "{['book.price']}",
      [
        {
          type: 'list',
          nodes: [
            { type: 'field', name: 'book' },
            { type: 'field', name: 'price' },
          ],
        },
      ],
    ],
    [
      '{[1:3]}',
      [
        {
          type: 'list',
          nodes: [
            {
              type: 'array',
              params: [
                { known: true, value: 1, derived: false },
                { known: true, value: 3, derived: false },
                { known: false, value: 0, derived: false },
              ],
            },
          ],
        },
      ],
    ],
    [
      '{[-1]}',
      [
        {
          type: 'list',
          nodes: [
            {
              type: 'array',
              params: [
                { known: true, value: -1, derived: false },
                { known: true, value: 0, derived: true },
                { known: false, value: 0, derived: false },
              ],
            },
          ],
        },
      ],
    ],
    ['{..price}', [{ type: 'list', nodes: [{ type: 'recursive' }, { type: 'field', name: 'price' }] }]],
    ['{.bicycle.*}', [{ type: 'list', nodes: [{ type: 'field', name: 'bicycle' }, { type: 'wildcard' }] }]],
    [
      '{[?(@.price<3)]}',
      [
        {
          type: 'list',
          nodes: [
            {
              type: 'filter',
              left: [{ type: 'field', name: 'price' }],
              right: [{ type: 'int', value: 3 }],
              operator: '<',
            },
          ],
        },
      ],
    ],
    [
      `{[?(@.status.nodeInfo.osImage == "(\\"\\")")]}`,
      [
        {
          type: 'list',
          nodes: [
            {
              type: 'filter',
              left: [
                { type: 'field', name: 'status' },
                { type: 'field', name: 'nodeInfo' },
                { type: 'field', name: 'osImage' },
              ],
              right: [{ type: 'text', text: '("")' }],
              operator: '==',
            },
          ],
        },
      ],
    ],
    [
      "{[?(@.x == '\\\\\\'')]}",
      [
        {
          type: 'list',
          nodes: [
            {
              type: 'filter',
              left: [{ type: 'field', name: 'x' }],
              right: [{ type: 'text', text: "\\'" }],
              operator: '==',
            },
          ],
        },
      ],
    ],
    [
      '{range .items}{.name},{end}',
      [
        {
          type: 'list',
          nodes: [
            { type: 'identifier', name: 'range' },
            { type: 'field', name: 'items' },
          ],
        },
        { type: 'list', nodes: [{ type: 'field', name: 'name' }] },
        { type: 'text', text: ',' },
        { type: 'list', nodes: [{ type: 'identifier', name: 'end' }] },
      ],
    ],
  ])('%j', (template, nodes) => {
    expect(parseJsonPath(template)).toEqual({ ok: true, program: { nodes } });
  });
});

describe('executeJsonPath (client-go cases)', () => {
  it.each([
    ['{ .bools }', '[true,false,true,false]'],
    ['{ .bools[-1] }', 'false'],
    ['{ .bools[0:2] }', 'true false'],
    ['{ .bools[:4:2] }', 'true true'],
    ['{ .integers }', '[1,2,3,4]'],
    ['{ .integers[-2] }', '3'],
    ['{ .floats }', '[1,2.2,3.3,4]'],
    ['{ .floats[:4:2] }', '1 3.3'],
    ['{ .strings }', '["one","two","three","four"]'],
    ['{ .strings[:2] }', 'one two'],
    ['{ .interfaces }', '[true,"one",1,1.1]'],
    ['{ .interfaces[-2] }', '1'],
    ['{ .interfaces[:4:2] }', 'true 1'],
    ['{ .maps[0] }', '{"name":"one","value":1}'],
    ['{ .maps[::2] }', '{"name":"one","value":1} {"name":"three","value":3.03}'],
    ['{ .maps[1::2] }', '{"name":"two","value":2.02} {"name":"four","value":4.04}'],
  ])('types %j → %j', (template, expected) => {
    expect(run(template, types)).toBe(expected);
  });

  it.each([
    ['hello jsonpath', null, 'hello jsonpath'],
    ['{..}', [1, 2, 3], '[1,2,3]'],
    ['{[?(@<5)]}', [2, 6, 3, 7], '2 3'],
    ['{"{"}', null, '{'],
    ['{[1,3,4]}', [0, 1, 2, 3, 4], '1 3 4'],
    ['{[0:2]}', ['Monday', 'Tudesday'], 'Monday Tudesday'],
    ['{$.Labels.web/html}', { Labels: { 'web/html': 15 } }, '15'],
    ['{.Labels.k8s-app}', { Labels: { 'k8s-app': 20 } }, '20'],
    ['{[?(@.z)].id}', [{ id: 'i1', z: 1 }, { id: 'i2' }, { id: 'i3', z: 0 }], 'i1 i3'],
    ["{[0]['id']}", [{ id: 'i1' }], 'i1'],
  ])('%j on %j → %j', (template, data, expected) => {
    expect(run(template, data)).toBe(expected);
  });

  it.each([
    ['{range .items[*]}{.metadata.name}, {end}{.kind}', '127.0.0.1, 127.0.0.2, List'],
    ['{range .items[*]}{.metadata.name}{"\\t"}{end}', '127.0.0.1\t127.0.0.2\t'],
    ['{.items[*].status.addresses[*].address}', '127.0.0.1 127.0.0.2 127.0.0.3'],
    ['{range .items[*]}{range .status.addresses[*]}{.address}, {end}{end}', '127.0.0.1, 127.0.0.2, 127.0.0.3, '],
    ['{.items[*].metadata.name}', '127.0.0.1 127.0.0.2'],
    ["{.items[*]['metadata.name', 'status.capacity']}", '127.0.0.1 127.0.0.2 {"cpu":"4"} {"cpu":"8"}'],
    [
      '{range .items[*]}[{.metadata.name}, {.status.capacity}] {end}',
      '[127.0.0.1, {"cpu":"4"}] [127.0.0.2, {"cpu":"8"}] ',
    ],
    ['{.users[?(@.name=="e2e")].user.password}', 'secret'],
    ['{.items[0].metadata.labels.kubernetes\\.io/hostname}', '127.0.0.1'],
    ['{.items[?(@.metadata.labels.kubernetes\\.io/hostname=="127.0.0.1")].kind}', 'None'],
    ['{.items[?(@..ready==true)].metadata.name}', '127.0.0.1'],
    ['{..name}', '127.0.0.1 127.0.0.2 myself e2e'],
  ])('nodes %j → %j', (template, expected) => {
    expect(run(template, nodes)).toBe(expected);
  });

  it('handles empty and nested ranges', () => {
    expect(run('{range .items[*]}{.metadata.name}{end}', { items: [] }, { allowMissingKeys: true })).toBe('');
    expect(
      run(
        '{range .items[*]}{.metadata.name}{":"}{range @.spec.containers[*]}{.name}{","}{end}{"+"}{end}',
        { items: [] },
        { allowMissingKeys: true },
      ),
    ).toBe('');
    const data = {
      items: [
        {
          metadata: { name: 'pod1' },
          spec: {
            containers: [
              { name: 'foo', another: [{ name: 'value1' }, { name: 'value2' }] },
              { name: 'bar', another: [{ name: 'value1' }, { name: 'value2' }] },
            ],
          },
        },
        {
          metadata: { name: 'pod2' },
          spec: { containers: [{ name: 'baz', another: [{ name: 'value1' }, { name: 'value2' }] }] },
        },
      ],
    };
    expect(
      run('{range .items[*]}{.metadata.name}{":"}{range @.spec.containers[*]}{.name}{","}{end}{"+"}{end}', data),
    ).toBe('pod1:foo,bar,+pod2:baz,+');
    expect(
      run(
        '{range .items[*]}{.metadata.name}{"~"}{range @.spec.containers[*]}{.name}{":"}{range @.another[*]}{.name}{","}{end}{"+"}{end}{"#"}{end}',
        data,
      ),
    ).toBe('pod1~foo:value1,value2,+bar:value1,value2,+#pod2~baz:value1,value2,+#');
    expect(
      run(
        '{range .items[*]}{.metadata.name}{"\\t"}{range @.spec.containers[*]}{.name}{" "}{end}{"\\t"}{range @.spec.containers[*]}{.name}{" "}{end}{"\\n"}{end}',
        data,
      ),
    ).toBe('pod1\tfoo bar \tfoo bar \npod2\tbaz \tbaz \n');
  });

  it('filters partial matches only when missing keys are allowed', () => {
    const data = {
      items: [
        { metadata: { name: 'pod1', annotations: { color: 'blue' } } },
        { metadata: { name: 'pod2' } },
        { metadata: { name: 'pod3', annotations: { color: 'green' } } },
        { metadata: { name: 'pod4', annotations: { color: 'blue' } } },
      ],
    };
    const template = '{.items[?(@.metadata.annotations.color=="blue")].metadata.name}';
    expect(run(template, data, { allowMissingKeys: true })).toBe('pod1 pod4');
    expect(runError(template, data)).toBe('annotations is not found');
  });

  const containers = { spec: { containers: ['fake0', 'fake1', 'fake2', 'fake3'].map((name) => ({ name })) } };
  it.each([
    ['{.spec.containers[0].name}', 'fake0'],
    ['{.spec.containers[0:0].name}', ''],
    ['{.spec.containers[0:-1].name}', 'fake0 fake1 fake2'],
    ['{.spec.containers[-1].name}', 'fake3'],
    ['{.spec.containers[-1:].name}', 'fake3'],
    ['{.spec.containers[-2:].name}', 'fake2 fake3'],
    ['{.spec.containers[-4].name}', 'fake0'],
    ['{.spec.containers[5:5].name}', ''],
    ['{.spec.containers[-5:-5].name}', ''],
    ['{.spec.containers[1:4:2].name}', 'fake1 fake3'],
    ['{.spec.containers[0:4:3].name}', 'fake0 fake3'],
    ['{.spec.containers[*].name}', 'fake0 fake1 fake2 fake3'],
    ['{.spec.containers[]}', '{"name":"fake0"}'],
  ])('index %j → %j', (template, expected) => {
    expect(run(template, containers)).toBe(expected);
  });

  it.each([
    ['{.spec.containers[-1:0].name}', 'starting index 3 is greater than ending index 0'],
    ['{.spec.containers[-5].name}', 'array index out of bounds: index -1, length 4'],
    ['{.spec.containers[3:1].name}', 'starting index 3 is greater than ending index 1'],
    ['{.spec.containers[5].name}', 'array index out of bounds: index 5, length 4'],
    ['{.spec.containers[0:6].name}', 'array index out of bounds: index 5, length 4'],
    ['{.spec.containers[0:4:0].name}', 'step must be > 0'],
    ['{.spec.containers[0:4:-1].name}', 'step must be > 0'],
    ['{.spec[0]}', 'map[string]interface {} is not array or slice'],
    ['{.spec.containers[0].name[0]}', 'string is not array or slice'],
    ['{hello}', 'unrecognized identifier hello'],
    ['{.hello}', 'hello is not found'],
    ['{range .spec.containers[*]}{.name}{end}{end}', 'not in range, nothing to end'],
    ['{.spec.containers[?(@.name<>1)]}', 'unrecognized filter operator <>'],
    ['{.spec.containers[?(@.name>1)]}', 'incompatible types for comparison'],
    [
      '{.spec[?(@.name)]}',
      'map[containers:[map[name:fake0] map[name:fake1] map[name:fake2] map[name:fake3]]] is not array or slice and cannot be filtered',
    ],
  ])('error %j → %j', (template, error) => {
    expect(runError(template, containers)).toBe(error);
  });
});

describe('executeJsonPath (kubectl use)', () => {
  const get: JsonPathOptions = { allowMissingKeys: true };
  it.each([
    ['{.metadata.name}', 'web'],
    ['{.metadata.labels}', '{"app":"web","tier":"fe"}'],
    ['{.spec.containers[*].image}', 'nginx:1.25 busybox'],
    ['{range .spec.containers[*]}{.name}{"\\t"}{.image}{"\\n"}{end}', 'a\tnginx:1.25\nb\tbusybox\n'],
    ["{range .spec.containers[*]}{.name}{'\\n'}{end}", 'a\nb\n'],
    ['{.status.containerStatuses[?(@.ready==false)].name}', 'b'],
    ['{.status.containerStatuses[?(@.restartCount>1)].name}', 'b'],
    ['{.status.containerStatuses[?(@.restartCount >= 0)].name}', 'a b'],
    ['{.status.containerStatuses[?(@.name!="a")].restartCount}', '3'],
    ["{.status.containerStatuses[?(@.name=='a')].ready}", 'true'],
    ['{.spec.containers[-1].name}', 'b'],
    ['{..image}', 'nginx:1.25 busybox'],
    ["{.metadata['name']}", 'web'],
    ['{.kind}/{.metadata.name}', 'Pod/web'],
    ['{.missing}', ''],
    ['{.metadata.missing.deeper}', ''],
    ['{.spec.containers}', '[{"image":"nginx:1.25","name":"a"},{"image":"busybox","name":"b"}]'],
    ['{.metadata.deletionTimestamp}', '<nil>'],
    ['{.metadata.name.*}', '119 101 98'],
    ['{$}', JSON.stringify({ a: 1 })],
    ['.metadata.name', '.metadata.name'],
    ['{@.status.phase}', 'Running'],
  ])('%j → %j', (template, expected) => {
    const data = template === '{$}' ? { a: 1 } : pod;
    expect(run(template, data, get)).toBe(expected);
  });

  it('prints values the way Go does', () => {
    expect(run('{.a} {.b} {.c} {.d} {.e}', { a: 0.5, b: 1234567.5, c: 0.00001, d: 2 ** 60, e: true }, get)).toBe(
      '0.5 1.2345675e+06 1e-05 1152921504606846976 true',
    );
    expect(run('{.m}', { m: { z: '<&>', a: [1, null], u: '\u2028\n' } }, get)).toBe(
      '{"a":[1,null],"u":"\\u2028\\n","z":"\\u003c\\u0026\\u003e"}',
    );
    expect(run('{.x[?(@>=2.5)]}', { x: [2.25, 3.5, 2.5] }, get)).toBe('3.5 2.5');
    expect(runError('{.x[?(@==2.0)]}', { x: [2] }, get)).toBe('incompatible types for comparison');
    expect(runError('{.x[?(@<true)]}', { x: [true] }, get)).toBe('invalid type for comparison');
  });

  it('prints each result set as an indented JSON array for jsonpath-as-json', () => {
    expect(run('{.spec.containers[*].name}', pod, { allowMissingKeys: true, jsonOutput: true })).toBe(
      '[\n    "a",\n    "b"\n]\n',
    );
    expect(run('{.metadata.labels}', pod, { allowMissingKeys: true, jsonOutput: true })).toBe(
      '[\n    {\n        "app": "web",\n        "tier": "fe"\n    }\n]\n',
    );
    expect(run('{.missing}', pod, { allowMissingKeys: true, jsonOutput: true })).toBe('[]\n');
  });
});

describe('relaxedJsonPath', () => {
  it.each([
    ['metadata.name', '{.metadata.name}'],
    ['.metadata.name', '{.metadata.name}'],
    ['{metadata.name}', '{.metadata.name}'],
    ['{.metadata.name}', '{.metadata.name}'],
    ['.spec.containers[*].image', '{.spec.containers[*].image}'],
    ['', ''],
  ])('%j → %j', (expression, relaxed) => {
    expect(relaxedJsonPath(expression)).toEqual({ ok: true, expression: relaxed });
  });

  it.each(['{.a}{.b}', '{.a', 'a}'])('rejects %j', (expression) => {
    expect(relaxedJsonPath(expression)).toEqual({
      ok: false,
      error:
        "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    });
  });
});
