import { describe, expect, it } from 'vitest';
import { createFakeCluster, type FakeCluster } from './testing/fakeCluster';

const POD_V1 = `apiVersion: v1
kind: Pod
metadata:
  name: app
  labels:
    app: demo
spec:
  containers:
  - name: app
    image: nginx:1.25
    ports:
    - containerPort: 80
`;
const POD_V2 = `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
  - name: app
    image: nginx:1.26
`;
const DEPLOY_AND_SERVICE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ports:
  - port: 80
`;

const LAST_APPLIED_V1 =
  '{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"labels":{"app":"demo"},"name":"app","namespace":"default"},' +
  '"spec":{"containers":[{"image":"nginx:1.25","name":"app","ports":[{"containerPort":80}]}]}}\n';

const cluster = () => createFakeCluster({ 'pod.yaml': POD_V1, 'pod2.yaml': POD_V2, 'web.yaml': DEPLOY_AND_SERVICE });

const annotation = (c: FakeCluster, key: string) =>
  c.run(`get pod app -o 'jsonpath={.metadata.annotations.${key.replace(/\./g, '\\.')}}'`).stdout;

describe('kubectl apply', () => {
  it('creates with the last-applied-configuration annotation kubectl writes', () => {
    const c = cluster();
    expect(c.run('apply -f pod.yaml')).toEqual({ stdout: 'pod/app created\n', stderr: '', exitCode: 0 });
    expect(annotation(c, 'kubectl.kubernetes.io/last-applied-configuration')).toBe(LAST_APPLIED_V1);
  });

  it('reports unchanged when nothing differs, without sending a patch', () => {
    const c = cluster();
    c.run('apply -f pod.yaml');
    expect(c.run('apply -f pod.yaml')).toEqual({ stdout: 'pod/app unchanged\n', stderr: '', exitCode: 0 });
    expect(c.api.patches).toEqual([]);
  });

  it('sends a three-way strategic merge patch and reports configured', () => {
    const c = cluster();
    c.run('apply -f pod.yaml');
    expect(c.run('apply -f pod2.yaml')).toEqual({ stdout: 'pod/app configured\n', stderr: '', exitCode: 0 });
    const lastApplied =
      '{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"name":"app","namespace":"default"},"spec":{"containers":[{"image":"nginx:1.26","name":"app"}]}}\n';
    expect(c.api.patches).toEqual([
      {
        type: 'strategic',
        patch: {
          metadata: { labels: null, annotations: { 'kubectl.kubernetes.io/last-applied-configuration': lastApplied } },
          spec: {
            containers: [{ name: 'app', ports: null, image: 'nginx:1.26' }],
            '$setElementOrder/containers': [{ name: 'app' }],
          },
        },
      },
    ]);
    expect(c.run('get pod app -o jsonpath={.spec.containers[0].image}{.metadata.labels}').stdout).toBe('nginx:1.26');
  });

  it('records the change cause with --record and warns that the flag is deprecated', () => {
    const c = cluster();
    c.run('apply -f pod.yaml');
    expect(c.run('apply -f pod2.yaml --record')).toEqual({
      stdout: 'pod/app configured\n',
      stderr: 'Flag --record has been deprecated, --record will be removed in the future\n',
      exitCode: 0,
    });
    expect(annotation(c, 'kubernetes.io/change-cause')).toBe('kubectl apply --filename=pod2.yaml --record=true');
    c.run('-n default apply --record -f pod.yaml');
    expect(annotation(c, 'kubernetes.io/change-cause')).toBe(
      'kubectl apply --namespace=default --record=true --filename=pod.yaml',
    );
  });

  it('names objects kind.group/name and goes on after a failing document', () => {
    const c = cluster();
    c.files['bad.yaml'] = 'apiVersion: v1\nkind: Nothing\nmetadata:\n  name: thing\n';
    expect(c.run('apply -f web.yaml -f bad.yaml -f pod.yaml')).toEqual({
      stdout: 'deployment.apps/web created\nservice/web created\npod/app created\n',
      stderr:
        'error: resource mapping not found for name: "thing" namespace: "" from "bad.yaml": no matches for kind "Nothing" in version "v1"\nensure CRDs are installed first\n',
      exitCode: 1,
    });
  });

  it('supports dry runs and -o', () => {
    const c = cluster();
    expect(c.run('apply -f pod.yaml --dry-run=client').stdout).toBe('pod/app created (dry run)\n');
    expect(c.run('apply -f pod.yaml --dry-run=server').stdout).toBe('pod/app created (server dry run)\n');
    expect(c.run('get pods').stderr).toBe('No resources found in default namespace.\n');
    expect(c.run('apply -f pod.yaml -o name').stdout).toBe('pod/app\n');
    expect(c.run('apply -f pod2.yaml --dry-run=client').stdout).toBe('pod/app configured (dry run)\n');
    expect(c.run('apply -f pod.yaml --dry-run=client -o yaml').stdout).toBe(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  annotations:\n    kubectl.kubernetes.io/last-applied-configuration: |\n' +
        `      ${LAST_APPLIED_V1}` +
        '  labels:\n    app: demo\n  name: app\n  namespace: default\nspec:\n  containers:\n  - image: nginx:1.25\n    name: app\n    ports:\n    - containerPort: 80\n',
    );
  });

  it('applies the items of a List one by one', () => {
    const c = cluster();
    const list = `apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: a\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: b\n`;
    expect(c.run('apply -f -', list).stdout).toBe('configmap/a created\nconfigmap/b created\n');
  });

  it('reads the manifest from stdin with -f -', () => {
    const c = cluster();
    expect(c.run('apply -f -', POD_V1).stdout).toBe('pod/app created\n');
  });

  it('warns when the live object was not created by apply', () => {
    const c = cluster();
    c.run('create -f pod.yaml');
    expect(c.run('apply -f pod.yaml')).toEqual({
      stdout: 'pod/app configured\n',
      stderr:
        'Warning: resource pods/app is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n',
      exitCode: 0,
    });
  });

  it('asks for -f', () => {
    expect(cluster().run('apply').stderr).toBe('error: must specify one of -f and -k\n');
  });
});

describe('kubectl create', () => {
  it('creates from files and creates namespaces', () => {
    const c = cluster();
    expect(c.run('create -f pod.yaml').stdout).toBe('pod/app created\n');
    expect(c.run('create namespace dev').stdout).toBe('namespace/dev created\n');
    expect(c.run('create ns dev').stderr).toBe('Error from server (AlreadyExists): namespaces "dev" already exists\n');
    expect(c.run('create ns tmp --dry-run=client -o yaml').stdout).toBe(
      // v1.33+ (kubernetes#130989) no longer prints `creationTimestamp: null`.
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: tmp\nspec: {}\nstatus: {}\n',
    );
    expect(c.run('create namespace').stderr).toBe(
      "error: exactly one NAME is required, got 0\nSee 'kubectl create namespace -h' for help and examples\n",
    );
  });
});
