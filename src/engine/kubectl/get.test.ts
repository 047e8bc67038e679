import { describe, expect, it } from 'vitest';
import { createFakeCluster } from './testing/fakeCluster';
import { at, createSeededCluster as cluster, webPod } from './testing/fixtures';

describe('kubectl get pods', () => {
  it('prints the default table with READY, STATUS and RESTARTS (N (age ago))', () => {
    expect(cluster().run('get pods')).toEqual({
      stdout:
        'NAME            READY   STATUS    RESTARTS      AGE\n' +
        'liveness-exec   0/1     Running   2 (39s ago)   3m\n' +
        'web             1/1     Running   0             3m\n',
      stderr: '',
      exitCode: 0,
    });
  });

  it('adds IP, NODE, NOMINATED NODE and READINESS GATES with -o wide', () => {
    expect(cluster().run('get po -o wide').stdout).toBe(
      'NAME            READY   STATUS    RESTARTS      AGE   IP           NODE      NOMINATED NODE   READINESS GATES\n' +
        'liveness-exec   0/1     Running   2 (39s ago)   3m    10.244.1.7   worker1   <none>           <none>\n' +
        'web             1/1     Running   0             3m    10.244.1.5   worker1   <none>           <none>\n',
    );
  });

  it('prints a single object as YAML with keys sorted, and a query as a List', () => {
    const c = createFakeCluster();
    c.api.seed({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'one', namespace: 'default', uid: 'u1', creationTimestamp: '2025-01-01T00:00:00Z' },
      spec: { containers: [{ name: 'c', image: 'nginx' }] },
      status: { phase: 'Pending' },
    });
    const item =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: "2025-01-01T00:00:00Z"\n  name: one\n  namespace: default\n  resourceVersion: "102"\n  uid: u1\n' +
      'spec:\n  containers:\n  - image: nginx\n    name: c\nstatus:\n  phase: Pending\n';
    expect(c.run('get pod one -o yaml').stdout).toBe(item);
    expect(c.run('get pods -o yaml').stdout).toBe(
      `apiVersion: v1\nitems:\n${item.replace(/^(.)/gm, '  $1').replace(/^ {2}/, '- ')}kind: List\nmetadata:\n  resourceVersion: ""\n`,
    );
  });

  it('prints JSON with sorted keys and 4-space indentation', () => {
    const c = createFakeCluster();
    c.api.seed({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'one',
        namespace: 'default',
        uid: 'u1',
        labels: { a: '<b>' },
        creationTimestamp: '2025-01-01T00:00:00Z',
      },
      spec: {},
    });
    expect(c.run('get pod one -o json').stdout).toBe(
      '{\n    "apiVersion": "v1",\n    "kind": "Pod",\n    "metadata": {\n        "creationTimestamp": "2025-01-01T00:00:00Z",\n' +
        '        "labels": {\n            "a": "\\u003cb\\u003e"\n        },\n        "name": "one",\n        "namespace": "default",\n' +
        '        "resourceVersion": "102",\n        "uid": "u1"\n    },\n    "spec": {}\n}\n',
    );
  });

  it('omits managedFields unless --show-managed-fields', () => {
    const c = createFakeCluster();
    c.api.seed({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: 'cm',
        namespace: 'default',
        uid: 'u',
        creationTimestamp: '2025-01-01T00:00:00Z',
        managedFields: [{ manager: 'kubectl' }],
      },
    });
    expect(c.run('get cm cm -o yaml').stdout).not.toContain('managedFields');
    expect(c.run('get cm cm -o yaml --show-managed-fields').stdout).toContain(
      '  managedFields:\n  - manager: kubectl\n',
    );
  });

  it('prints kind/name with -o name', () => {
    expect(cluster().run('get pods -o name').stdout).toBe('pod/liveness-exec\npod/web\n');
  });

  it('runs jsonpath templates with range and filters on the List', () => {
    const c = cluster();
    expect(c.run('get pods -o jsonpath={.items[*].metadata.name}').stdout).toBe('liveness-exec web');
    expect(
      c.run(`get pods -o jsonpath='{range .items[*]}{.metadata.name}{"\\t"}{.status.podIP}{"\\n"}{end}'`).stdout,
    ).toBe('liveness-exec\t10.244.1.7\nweb\t10.244.1.5\n');
    expect(c.run(`get pods -o jsonpath='{.items[?(@.metadata.name=="web")].status.podIP}'`).stdout).toBe('10.244.1.5');
    expect(c.run('get pod web -o jsonpath={.spec.containers[0].image}').stdout).toBe('nginx:1.25');
  });

  it('prints custom columns', () => {
    expect(
      cluster().run(
        'get pods -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[*].image,GATES:.spec.readinessGates',
      ).stdout,
    ).toBe(
      'NAME            IMAGE        GATES\nliveness-exec   busybox      <none>\nweb             nginx:1.25   <none>\n',
    );
  });

  it('shows labels, label columns and selects by label', () => {
    const c = createFakeCluster();
    c.api.seed(webPod('a', { app: 'nginx', env: 'prod' }));
    c.api.seed(webPod('b', { app: 'nginx02', env: 'dev' }));
    c.api.seed(webPod('c', { app: 'other' }));
    c.api.clock = Date.parse(at(3010));
    expect(c.run('get pods --show-labels').stdout).toBe(
      'NAME   READY   STATUS    RESTARTS   AGE   LABELS\n' +
        'a      1/1     Running   0          10s   app=nginx,env=prod\n' +
        'b      1/1     Running   0          10s   app=nginx02,env=dev\n' +
        'c      1/1     Running   0          10s   app=other\n',
    );
    expect(c.run('get pods -L env,app --no-headers').stdout).toBe(
      'a     1/1   Running   0     10s   prod   nginx\nb     1/1   Running   0     10s   dev    nginx02\nc     1/1   Running   0     10s          other\n',
    );
    const names = (selector: string) => c.run(`get pods -l '${selector}' -o name`).stdout;
    expect(names('env=prod,app=nginx')).toBe('pod/a\n');
    expect(names('app in (nginx,nginx02,nginx03)')).toBe('pod/a\npod/b\n');
    expect(names('app notin (nginx,nginx02)')).toBe('pod/c\n');
    expect(names('env != dev')).toBe('pod/a\npod/c\n');
    expect(names('!env')).toBe('pod/c\n');
  });

  it('sorts by a field and lists every namespace with -A', () => {
    const c = cluster();
    expect(c.run('get pods --sort-by=.status.podIP -o name').stdout).toBe('pod/web\npod/liveness-exec\n');
    expect(c.run('get pods -A').stdout).toBe(
      'NAMESPACE   NAME            READY   STATUS    RESTARTS      AGE\n' +
        'default     liveness-exec   0/1     Running   2 (39s ago)   3m\n' +
        'default     web             1/1     Running   0             3m\n',
    );
  });

  it('prints one table per type, names prefixed by kind, for several types', () => {
    expect(cluster().run('get pods,nodes').stdout).toBe(
      'NAME                READY   STATUS    RESTARTS      AGE\npod/liveness-exec   0/1     Running   2 (39s ago)   3m\npod/web             1/1     Running   0             3m\n\n' +
        'NAME           STATUS   ROLES           AGE   VERSION\nnode/master    Ready    control-plane   53m   v1.34.1\nnode/worker1   Ready    <none>          52m   v1.34.1\n',
    );
  });

  it('says when nothing matched, naming the namespace for namespaced types', () => {
    const c = cluster();
    expect(c.run('get pods -n kube-system')).toEqual({
      stdout: '',
      stderr: 'No resources found in kube-system namespace.\n',
      exitCode: 0,
    });
    expect(c.run('get nodes -l x=y')).toEqual({ stdout: '', stderr: 'No resources found\n', exitCode: 0 });
    expect(c.run('get pods -l x=y -o yaml').stdout).toBe(
      'apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n',
    );
  });

  it('prints what it found and the errors for names it did not', () => {
    expect(cluster().run('get pod nope web')).toEqual({
      stdout: 'NAME   READY   STATUS    RESTARTS   AGE\nweb    1/1     Running   0          3m\n',
      stderr: 'Error from server (NotFound): pods "nope" not found\n',
      exitCode: 1,
    });
  });

  it('prints -w as the current table (the page streams later changes)', () => {
    expect(cluster().run('get pods -l app=web -w').stdout).toBe(
      'NAME   READY   STATUS    RESTARTS   AGE\nweb    1/1     Running   0          3m\n',
    );
  });
});

describe('kubectl get nodes, namespaces, events', () => {
  it('prints nodes with roles and SchedulingDisabled', () => {
    const c = cluster();
    c.run('cordon worker1');
    expect(c.run('get nodes').stdout).toBe(
      'NAME      STATUS                     ROLES           AGE   VERSION\n' +
        'master    Ready                      control-plane   53m   v1.34.1\n' +
        'worker1   Ready,SchedulingDisabled   <none>          52m   v1.34.1\n',
    );
    expect(c.run('get no -o wide').stdout).toBe(
      'NAME      STATUS                     ROLES           AGE   VERSION   INTERNAL-IP    EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION   CONTAINER-RUNTIME\n' +
        'master    Ready                      control-plane   53m   v1.34.1   192.168.49.2   <none>        Ubuntu 22.04.5 LTS   6.8.0-1015-gcp   containerd://1.7.24\n' +
        'worker1   Ready,SchedulingDisabled   <none>          52m   v1.34.1   192.168.49.3   <none>        Ubuntu 22.04.5 LTS   6.8.0-1015-gcp   containerd://1.7.24\n',
    );
  });

  it('prints namespaces', () => {
    expect(cluster().run('get ns').stdout).toBe('NAME      STATUS   AGE\ndefault   Active   53m\n');
  });

  it('prints events in the order the API lists them', () => {
    expect(cluster().run('get events --field-selector reason=Unhealthy').stdout).toBe(
      'LAST SEEN   TYPE      REASON      OBJECT              MESSAGE\n' +
        "43s         Warning   Unhealthy   pod/liveness-exec   Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory\n",
    );
  });

  it('prints the kubectl events table sorted by last seen', () => {
    expect(cluster().run('events --types=Warning,Normal').stdout).toBe(
      'LAST SEEN             TYPE      REASON      OBJECT              MESSAGE\n' +
        '3m                    Normal    Scheduled   Pod/liveness-exec   Successfully assigned default/liveness-exec to worker1\n' +
        '2m58s                 Normal    Pulled      Pod/liveness-exec   Successfully pulled image "busybox" in 1.2s (1.2s including waiting). Image size: 2156518 bytes.\n' +
        "43s (x6 over 2m23s)   Warning   Unhealthy   Pod/liveness-exec   Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory\n" +
        '43s (x2 over 2m13s)   Normal    Killing     Pod/liveness-exec   Container liveness failed liveness probe, will be restarted\n' +
        '39s (x3 over 2m59s)   Normal    Pulling     Pod/liveness-exec   Pulling image "busybox"\n' +
        '38s (x3 over 2m58s)   Normal    Created     Pod/liveness-exec   Created container: liveness\n' +
        '38s (x3 over 2m58s)   Normal    Started     Pod/liveness-exec   Started container liveness\n',
    );
  });
});
