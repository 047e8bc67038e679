import { describe, expect, it } from 'vitest';
import { Session } from '../../engine';
import { locateApplyErrors, type EditorMarker } from './locateApplyErrors';

/** Applies each text in turn on a fresh cluster; returns the markers for the last one, from the engine's stderr. */
function apply(...texts: string[]): { stderr: string; markers: EditorMarker[] } {
  const session = Session.create({ seed: 1 }, { kubectlStartupMs: 0 });
  let stderr = '';
  for (const text of texts) stderr = session.kubectl('apply -f -', text).stderr;
  return { stderr, markers: locateApplyErrors(texts[texts.length - 1]!, stderr) };
}

function at(line: number, column: number, endColumn: number, message: string): EditorMarker {
  return {
    startLineNumber: line,
    startColumn: column,
    endLineNumber: line,
    endColumn,
    message,
    severity: 'error',
  };
}

const deployment = (name: string, app: string, replicas = '1', extraSpec = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
${extraSpec}  selector:
    matchLabels: {app: ${app}}
  template:
    metadata:
      labels: {app: ${app}}
    spec:
      containers:
      - name: web
        image: nginx
`;

describe('locateApplyErrors: API validation errors', () => {
  it('marks the invalid field of the named object', () => {
    const { stderr, markers } = apply(deployment('web', 'web', '-1'));
    expect(stderr).toBe(
      'The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n',
    );
    expect(markers).toEqual([at(6, 3, 15, 'spec.replicas: Invalid value: -1: must be greater than or equal to 0')]);
  });

  it('marks the nearest written parent of a missing required field', () => {
    const { stderr, markers } = apply(deployment('web', 'web').replace('        image: nginx\n', ''));
    expect(stderr).toBe('The Deployment "web" is invalid: spec.template.spec.containers[0].image: Required value\n');
    expect(markers).toEqual([at(14, 9, 18, 'spec.template.spec.containers[0].image: Required value')]);
  });

  it('marks a missing list at its parent key', () => {
    const { markers } = apply('apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  selector: {app: x}\n');
    expect(markers).toEqual([at(5, 1, 5, 'spec.ports: Required value')]);
  });

  it('marks every cause of a multi-line error', () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  restartPolicy: Sometimes
  containers:
  - name: web
    image: ""
    ports:
    - containerPort: 99999
`;
    const { stderr, markers } = apply(text);
    expect(stderr).toBe(`The Pod "p" is invalid: 
* spec.containers[0].image: Required value
* spec.containers[0].ports[0].containerPort: Invalid value: 99999: must be between 1 and 65535, inclusive
* spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"
`);
    expect(markers).toEqual([
      at(9, 5, 14, 'spec.containers[0].image: Required value'),
      at(
        11,
        7,
        27,
        'spec.containers[0].ports[0].containerPort: Invalid value: 99999: must be between 1 and 65535, inclusive',
      ),
      at(
        6,
        3,
        27,
        'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
      ),
    ]);
  });

  it('marks the bad key of a map named by its value', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels:\n    app: web\n    "bad key!": v\n';
    const { markers } = apply(text);
    expect(markers).toHaveLength(1);
    expect(markers[0]).toMatchObject({ startLineNumber: 7, startColumn: 5, endLineNumber: 7, endColumn: 18 });
    expect(markers[0]!.message).toMatch(/^metadata\.labels: Invalid value: "bad key!": name part must consist/);
  });

  it('marks the last of repeated keys, the one kubectl keeps', () => {
    const { stderr, markers } = apply('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n  name: Bad\n');
    expect(stderr).toMatch(/^The ConfigMap "Bad" is invalid: metadata\.name: Invalid value: "Bad": /);
    expect(markers).toHaveLength(1);
    expect(markers[0]).toMatchObject({ startLineNumber: 5, startColumn: 3, endLineNumber: 5, endColumn: 12 });
  });

  it('marks the document’s first line when the field is not written at all', () => {
    const { stderr, markers } = apply('apiVersion: v1\nkind: ConfigMap\ndata:\n  a: b\n');
    expect(stderr).toBe(
      'The ConfigMap "" is invalid: metadata.name: Required value: name or generateName is required\n',
    );
    expect(markers).toEqual([at(1, 1, 15, 'metadata.name: Required value: name or generateName is required')]);
  });

  it('finds the second document when only it is invalid', () => {
    const text = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports:
  - port: 80
---
${deployment('web', 'web').replace('matchLabels: {app: web}', 'matchLabels: {app: other}')}`;
    const { stderr, markers } = apply(text);
    expect(stderr).toBe(
      'The Deployment "web" is invalid: spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`\n',
    );
    expect(markers).toEqual([
      at(
        20,
        7,
        25,
        'spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`',
      ),
    ]);
  });

  it('tells documents of the same kind apart by name', () => {
    const { stderr, markers } = apply(deployment('a', 'web') + '---\n' + deployment('b', 'web', '-2'));
    expect(stderr).toBe(
      'The Deployment "b" is invalid: spec.replicas: Invalid value: -2: must be greater than or equal to 0\n',
    );
    expect(markers).toEqual([at(22, 3, 15, 'spec.replicas: Invalid value: -2: must be greater than or equal to 0')]);
  });

  it('splits an aggregate of causes whose messages hold commas, and reads warnings', () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  restartPolicy: Sometimes
  containers:
  - name: A
    image: ""
---
apiVersion: v1
kind: Endpoints
metadata:
  name: e
---
apiVersion: v1
kind: Pod
metadata:
  name: q
spec:
  containers:
  - name: a
`;
    const { stderr, markers } = apply(text);
    const lines = stderr.split('\n');
    expect(lines[0]).toBe('Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice');
    expect(lines[1]).toMatch(/^Error from server \(Invalid\): error when creating "STDIN": Pod "p" is invalid: \[spec/);
    expect(lines[2]).toBe(
      'Error from server (Invalid): error when creating "STDIN": Pod "q" is invalid: spec.containers[0].image: Required value',
    );
    expect(
      markers.map((m) => [m.startLineNumber, m.startColumn, m.endColumn, m.severity, m.message.slice(0, 40)]),
    ).toEqual([
      [12, 1, 16, 'warning', 'v1 Endpoints is deprecated in v1.33+; us'],
      [8, 5, 12, 'error', 'spec.containers[0].name: Invalid value: '],
      [9, 5, 14, 'error', 'spec.containers[0].image: Required value'],
      [6, 3, 27, 'error', 'spec.restartPolicy: Unsupported value: "'],
      [22, 5, 12, 'error', 'spec.containers[0].image: Required value'],
    ]);
  });
});

describe('locateApplyErrors: decoding errors', () => {
  it('marks each unknown field of strict decoding', () => {
    const text = deployment('web', 'web', '1', '  foo: 1\n').replace(
      '        image: nginx\n',
      '        image: nginx\n        bar: 2\n',
    );
    const { stderr, markers } = apply(text);
    expect(stderr).toBe(
      'Error from server (BadRequest): error when creating "STDIN": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.foo", unknown field "spec.template.spec.containers[0].bar"\n',
    );
    expect(markers).toEqual([
      at(7, 3, 9, 'unknown field "spec.foo"'),
      at(17, 9, 15, 'unknown field "spec.template.spec.containers[0].bar"'),
    ]);
  });

  it('finds which document of a kind holds the unknown field', () => {
    const a = deployment('a', 'web', '1', '  foo: 1\n');
    const b = deployment('b', 'web', '1', '  bar: 1\n');
    const { markers } = apply(`${a}---\n${b}`);
    expect(markers).toEqual([at(7, 3, 9, 'unknown field "spec.foo"'), at(24, 3, 9, 'unknown field "spec.bar"')]);
  });

  it('marks a value of the wrong type inside lists', () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: a
    image: nginx
    ports:
    - containerPort: 80
    - containerPort: "abc"
`;
    const { stderr, markers } = apply(text);
    const detail =
      'json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32';
    expect(stderr).toBe(
      `Error from server (BadRequest): error when creating "STDIN": Pod in version "v1" cannot be handled as a Pod: ${detail}\n`,
    );
    expect(markers).toEqual([at(11, 7, 27, detail)]);
  });

  it('marks the wrong value inside a map, in a List item', () => {
    const text = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: ConfigMap
  metadata:
    name: a
  data:
    ok: "yes"
    count: 1
`;
    const { markers } = apply(text);
    expect(markers).toEqual([
      at(10, 5, 13, 'json: cannot unmarshal number into Go struct field ConfigMap.data of type string'),
    ]);
  });

  it('marks a mapping written where a list belongs at its key', () => {
    const text =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    name: a\n    image: nginx\n';
    const { markers } = apply(text);
    expect(markers).toEqual([
      at(6, 3, 13, 'json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container'),
    ]);
  });

  it('marks a value that is not a quantity', () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: a
    image: nginx
    resources:
      limits:
        cpu: 500m
        memory: 1Gx
`;
    const { markers } = apply(text);
    expect(markers).toEqual([
      at(12, 9, 20, "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"),
    ]);
  });

  it('uses the object name of `error when applying patch` to pick the document', () => {
    const first = deployment('a', 'x') + '---\n' + deployment('b', 'x');
    // `y` is a YAML 1.1 boolean: the second document's labels no longer decode.
    const second = deployment('a', 'x') + '---\n' + deployment('b', 'y');
    const { stderr, markers } = apply(first, second);
    expect(stderr).toMatch(/^Error from server \(BadRequest\): error when applying patch:\n/);
    expect(stderr).toContain('\nName: "b", Namespace: "default"\n');
    expect(markers).toEqual([
      at(
        24,
        19,
        25,
        'json: cannot unmarshal bool into Go struct field LabelSelector.spec.selector.matchLabels of type string',
      ),
    ]);
  });
});

describe('locateApplyErrors: client-side errors', () => {
  it('marks a YAML syntax error where the parser finds it, in the second document', () => {
    const text = `apiVersion: v1
kind: ConfigMap
metadata:
  name: a
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: b
 data:
  x: y
`;
    const { stderr, markers } = apply(text);
    expect(stderr).toBe(
      'error: error parsing STDIN: error converting YAML to JSON: yaml: line 4: did not find expected key\n',
    );
    expect(markers).toEqual([at(10, 1, 7, 'All mapping items must start at the same column')]);
  });

  it('moves an error found at the end of the text to the last written line', () => {
    const { stderr, markers } = apply('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  x: [1, 2\n\n');
    expect(stderr).toBe(
      "error: error parsing STDIN: error converting YAML to JSON: yaml: line 7: did not find expected ',' or ']'\n",
    );
    expect(markers).toEqual([
      at(6, 3, 11, 'Flow sequence in block collection must be sufficiently indented and end with a ]'),
    ]);
  });

  it('marks a tab used as indentation', () => {
    const { markers } = apply('apiVersion: v1\nkind: Pod\nmetadata:\n\tname: p\n');
    expect(markers).toEqual([at(4, 1, 9, 'Tabs are not allowed as indentation')]);
  });

  it('falls back to kubectl’s line, counted from the document, for a tab only go-yaml rejects', () => {
    const text =
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n \t\n';
    const { stderr, markers } = apply(text);
    expect(stderr).toBe(
      'error: error parsing STDIN: error converting YAML to JSON: yaml: line 5: found character that cannot start any token\n',
    );
    expect(markers).toEqual([at(10, 1, 3, 'found character that cannot start any token')]);
  });

  it('marks the first line of a document without kind or apiVersion', () => {
    const noKind = apply('apiVersion: v1\nmetadata:\n  name: p\n');
    expect(noKind.markers).toEqual([
      at(
        1,
        1,
        15,
        `unable to decode "STDIN": Object 'Kind' is missing in '{"apiVersion":"v1","metadata":{"name":"p"}}'`,
      ),
    ]);
    const noVersion = apply('# a pod\nkind: Pod\nmetadata:\n  name: p\n');
    expect(noVersion.markers).toEqual([
      at(
        2,
        1,
        10,
        `unable to decode "STDIN": Object 'apiVersion' is missing in '{"kind":"Pod","metadata":{"name":"p"}}'`,
      ),
    ]);
  });

  it('marks apiVersion and kind of a kind no API serves', () => {
    const { stderr, markers } = apply('apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata:\n  name: a\n');
    const message =
      'resource mapping not found for name: "a" namespace: "" from "STDIN": no matches for kind "Deployment" in version "extensions/v1beta1"\nensure CRDs are installed first';
    expect(stderr).toBe(`error: ${message}\n`);
    expect(markers).toEqual([at(1, 1, 31, message), at(2, 1, 17, message)]);
  });

  it('marks a namespace that does not exist', () => {
    const { markers } = apply('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: nope\n');
    expect(markers).toEqual([at(5, 3, 18, 'namespaces "nope" not found')]);
  });

  it('marks a document that is not a mapping', () => {
    const { markers } = apply('- a\n- b\n');
    expect(markers).toEqual([
      at(
        1,
        1,
        4,
        'unable to decode "STDIN": json: cannot unmarshal array into Go value of type map[string]interface {}',
      ),
    ]);
  });

  it('reads kubectl’s client-side schema validation errors', () => {
    // kubectl: pkg/cmd/util/helpers.go (ValidateSchema), kube-openapi: pkg/util/proto/validation/errors.go
    const text = deployment('web', 'web', '1', '  foo: 1\n').replace('        image: nginx\n', '');
    const stderr =
      'error: error validating "STDIN": error validating data: [ValidationError(Deployment.spec): unknown field "foo" in io.k8s.api.apps.v1.DeploymentSpec, ValidationError(Deployment.spec.template.spec.containers[0]): missing required field "image" in io.k8s.api.core.v1.Container]; if you choose to ignore these errors, turn validation off with --validate=false\n';
    expect(locateApplyErrors(text, stderr)).toEqual([
      at(7, 3, 9, 'unknown field "foo" in io.k8s.api.apps.v1.DeploymentSpec'),
      at(15, 9, 18, 'missing required field "image" in io.k8s.api.core.v1.Container'),
    ]);
  });

  it('has nothing to mark when apply succeeds', () => {
    const { stderr, markers } = apply(deployment('web', 'web'));
    expect(stderr).toBe('');
    expect(markers).toEqual([]);
  });
});
