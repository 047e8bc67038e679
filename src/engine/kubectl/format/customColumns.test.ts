import { describe, it, expect } from 'vitest';
import { parseCustomColumnsSpec, parseCustomColumnsTemplate, printCustomColumns } from './customColumns';
import type { CustomColumn } from './customColumns';

const pods = [
  {
    metadata: { name: 'web', labels: { tier: 'fe', app: 'web' } },
    spec: { containers: [{ image: 'nginx' }, { image: 'busybox' }] },
    status: { restarts: 3 },
  },
  { metadata: { name: 'db-0' }, spec: { containers: [{ image: 'postgres:16' }], nodeName: 'node-1' } },
];

function columns(spec: string): CustomColumn[] {
  const parsed = parseCustomColumnsSpec(spec);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.columns;
}

describe('parseCustomColumnsSpec', () => {
  it('relaxes every JSONPath', () => {
    expect(parseCustomColumnsSpec('NAME:metadata.name,IMAGE:.spec.containers[*].image,UID:{.metadata.uid},X:')).toEqual(
      {
        ok: true,
        columns: [
          { header: 'NAME', fieldSpec: '{.metadata.name}' },
          { header: 'IMAGE', fieldSpec: '{.spec.containers[*].image}' },
          { header: 'UID', fieldSpec: '{.metadata.uid}' },
          { header: 'X', fieldSpec: '' },
        ],
      },
    );
  });

  it('keeps colons after the first in the path', () => {
    expect(parseCustomColumnsSpec('A:.metadata.annotations.a:b')).toEqual({
      ok: true,
      columns: [{ header: 'A', fieldSpec: '{.metadata.annotations.a:b}' }],
    });
  });

  it.each([
    ['', 'custom-columns format specified but no custom columns given'],
    ['NAME', 'unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>'],
    ['NAME:.metadata.name,foo', 'unexpected custom-columns spec: foo, expected <header>:<json-path-expr>'],
    [
      'NAME:{.a}{.b}',
      "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    ],
  ])('%j fails with %j', (spec, error) => {
    expect(parseCustomColumnsSpec(spec)).toEqual({ ok: false, error });
  });
});

describe('parseCustomColumnsTemplate', () => {
  it('reads a header line and a spec line', () => {
    expect(parseCustomColumnsTemplate('NAME          RSRC\nmetadata.name metadata.resourceVersion\n')).toEqual({
      ok: true,
      columns: [
        { header: 'NAME', fieldSpec: '{.metadata.name}' },
        { header: 'RSRC', fieldSpec: '{.metadata.resourceVersion}' },
      ],
    });
  });

  it.each([
    [
      '',
      'invalid template, missing header line. Expected format is one line of space separated headers, one line of space separated column specs.',
    ],
    [
      'NAME\n',
      'invalid template, missing spec line. Expected format is one line of space separated headers, one line of space separated column specs.',
    ],
    ['NAME IMAGE\n.metadata.name\n', "number of headers (2) and field specifications (1) don't match"],
  ])('%j fails with %j', (text, error) => {
    expect(parseCustomColumnsTemplate(text)).toEqual({ ok: false, error });
  });
});

describe('printCustomColumns', () => {
  it('prints aligned columns with <none> and comma-joined lists', () => {
    expect(
      printCustomColumns(columns('NAME:.metadata.name,IMAGE:.spec.containers[*].image,NODE:.spec.nodeName'), pods),
    ).toEqual({
      output: 'NAME   IMAGE           NODE\nweb    nginx,busybox   <none>\ndb-0   postgres:16     node-1\n',
    });
  });

  it('prints maps and numbers as Go does, and omits the header on request', () => {
    expect(
      printCustomColumns(columns('LABELS:.metadata.labels,RESTARTS:.status.restarts'), pods, { noHeaders: true }),
    ).toEqual({
      output: 'map[app:web tier:fe]   3\n<none>                 <none>\n',
    });
  });

  it('escapes terminal control characters', () => {
    expect(printCustomColumns(columns('V:.v'), [{ v: 'a\x1b[31mb\rc' }])).toEqual({ output: 'V\na^[[31mb\\rc\n' });
  });

  it('prints the header before reporting a template error', () => {
    expect(printCustomColumns(columns('NAME:.metadata.name,X:.metadata['), pods)).toEqual({
      output: 'NAME   X\n',
      error: 'unterminated array',
    });
  });

  it('keeps the rows printed before an execution error', () => {
    expect(printCustomColumns(columns('NAME:.metadata.name,SECOND:.spec.containers[1].image'), pods)).toEqual({
      output: 'NAME   SECOND\nweb    busybox\n',
      error: 'array index out of bounds: index 1, length 1',
    });
  });
});
