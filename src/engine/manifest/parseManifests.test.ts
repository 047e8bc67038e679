import { describe, expect, it } from 'vitest';
import { parseManifests } from './parseManifests';
import { locateField, parseFieldPath } from './locateField';

function firstError(text: string): { message: string; line: number; column: number } {
  const { errors } = parseManifests(text, { source: 'pod.yaml' });
  const [error] = errors;
  if (!error) throw new Error('expected a syntax error');
  return { message: error.message, line: error.line, column: error.column };
}

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web   # the name
  labels:
    app: web
spec:
  containers:
  - name: web
    image: nginx:1.27
    ports:
    - containerPort: 80
`;

describe('parseManifests', () => {
  it('reads a document with comments and locates its fields (1-based)', () => {
    const { documents, errors } = parseManifests(POD);
    expect(errors).toEqual([]);
    expect(documents).toHaveLength(1);
    const [doc] = documents;
    expect(doc?.object).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web', labels: { app: 'web' } },
      spec: { containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] },
    });
    expect(doc?.locate(['spec', 'containers', 0, 'image'])).toEqual({
      line: 10,
      column: 12,
      endLine: 10,
      endColumn: 22,
    });
    expect(doc?.locate(['spec', 'containers', 0, 'command'])).toBeUndefined();
  });

  it('maps an API error field to its line, or to the nearest written ancestor', () => {
    const [doc] = parseManifests(POD).documents;
    expect(parseFieldPath('spec.containers[0].resources.limits[cpu]')).toEqual([
      'spec',
      'containers',
      0,
      'resources',
      'limits',
      'cpu',
    ]);
    expect(locateField(doc!, 'metadata.labels')?.line).toBe(6);
    expect(locateField(doc!, 'spec.containers[0].ports[0].containerPort')?.line).toBe(12);
    expect(locateField(doc!, 'spec.containers[0].livenessProbe.periodSeconds')?.line).toBe(9);
  });

  it('resolves unquoted scalars with YAML 1.1 rules, as go-yaml v2 does', () => {
    const [doc] = parseManifests(
      'a: yes\nb: off\nc: \'yes\'\nd: 0644\ne: 1_000\nf: 1.0\ng: 2024-01-01\nh: ~\ni: "80"\nj: 0x1F\n',
    ).documents;
    expect(doc?.object).toEqual({
      a: true,
      b: false,
      c: 'yes',
      d: 420,
      e: 1000,
      f: 1,
      g: '2024-01-01',
      h: null,
      i: '80',
      j: 31,
    });
  });

  it('splits documents, skips empty ones, accepts JSON and flattens lists', () => {
    const text = [
      '# only a comment',
      '---',
      '{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "dev"}}',
      '---',
      '---',
      'apiVersion: v1',
      'kind: List',
      'items:',
      '- apiVersion: v1',
      '  kind: ConfigMap',
      '  metadata: {name: a}',
      '- apiVersion: v1',
      '  kind: ConfigMap',
      '  metadata:',
      '    name: b',
      '',
    ].join('\n');
    const { documents, errors } = parseManifests(text);
    expect(errors).toEqual([]);
    expect(documents.map((d) => (d.object as { metadata: { name: string } }).metadata.name)).toEqual(['dev', 'a', 'b']);
    expect(documents.map((d) => d.index)).toEqual([0, 1, 2]);
    expect(documents[2]?.locate(['metadata', 'name'])?.line).toBe(15);
  });

  it('reports "mapping values are not allowed" for a value split onto a deeper line', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n   labels:\n    a: b\n';
    expect(firstError(text)).toEqual({
      message:
        'error parsing pod.yaml: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context',
      line: 4,
      column: 9,
    });
    expect(firstError('metadata:\n  name: app\n  image: nginx: latest\n').message).toBe(
      'error parsing pod.yaml: error converting YAML to JSON: yaml: line 3: mapping values are not allowed in this context',
    );
  });

  it('reports a key without a colon at the next line, as go-yaml does', () => {
    expect(firstError('metadata:\n  name: x\n  labels nginx\n  foo: bar\n')).toEqual({
      message: "error parsing pod.yaml: error converting YAML to JSON: yaml: line 4: could not find expected ':'",
      line: 3,
      column: 3,
    });
  });

  it('reports bad indentation of a key or list as a missing key one line up', () => {
    expect(firstError('metadata:\n  labels:\n    app: x\n  - name: y\n').message).toBe(
      'error parsing pod.yaml: error converting YAML to JSON: yaml: line 3: did not find expected key',
    );
    expect(firstError('metadata:\n  name: x\n labels: y\n').message).toBe(
      'error parsing pod.yaml: error converting YAML to JSON: yaml: line 2: did not find expected key',
    );
    expect(firstError('spec:\n  containers:\n    - name: a\n      image: b\n     ports: x\n').message).toBe(
      "error parsing pod.yaml: error converting YAML to JSON: yaml: line 4: did not find expected '-' indicator",
    );
  });

  it('rejects tabs where go-yaml does, even where eemeli/yaml would accept them', () => {
    expect(firstError('metadata:\n\tname: x\n')).toEqual({
      message:
        'error parsing pod.yaml: error converting YAML to JSON: yaml: line 2: found character that cannot start any token',
      line: 2,
      column: 1,
    });
    expect(firstError('args:\n-\tx\n').message).toBe(
      'error parsing pod.yaml: error converting YAML to JSON: yaml: line 2: found character that cannot start any token',
    );
    expect(parseManifests('metadata:  \t# a tab before a comment is fine\n  name: x\n').errors).toEqual([]);
  });

  it('reports an unterminated quote at the end of the stream', () => {
    expect(firstError('a: "abc\nb: 1\n').message).toBe(
      'error parsing pod.yaml: error converting YAML to JSON: yaml: line 3: found unexpected end of stream',
    );
  });

  it('keeps the documents before a broken one and counts lines from its chunk', () => {
    const { documents, errors } = parseManifests('a: 1\n---\nb: 2\n---\nc: 3\n  d: 4\n');
    expect(documents.map((d) => d.object)).toEqual([{ a: 1 }, { b: 2 }]);
    expect(errors).toEqual([
      {
        message: 'error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context',
        line: 5,
        column: 4,
        document: 2,
      },
    ]);
  });
});
