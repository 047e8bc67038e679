import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import type { FakeCluster } from '../testing/fakeCluster';
import { createSeededCluster as cluster } from '../testing/fixtures';

/** Lets the named pod run and end with `exitCode` on the next simulated second, as a kubelet would report it. */
function finishPod(c: FakeCluster, name: string, exitCode: number, logs: string): void {
  c.logsByContainer[`default/${name}/${name}`] = logs;
  c.onTick = () => {
    const pod = c.api.objects[`pods/default/${name}`];
    if (!pod) return;
    const terminated = { exitCode, reason: exitCode === 0 ? 'Completed' : 'Error' };
    pod.status = {
      phase: exitCode === 0 ? 'Succeeded' : 'Failed',
      containerStatuses: [{ name, ready: false, restartCount: 0, state: { terminated } }],
    };
  };
}

describe('kubectl run --dry-run=client -o yaml', () => {
  it('prints the generated Pod with every flag, in the namespace given with -n', () => {
    const c = cluster();
    expect(
      c.run(
        'run web --image=nginx:1.25 -n dev --port=80 --env=A=1 --env=B=x=y --labels=app=web,tier=fe ' +
          '--annotations=note=a,b --image-pull-policy=IfNotPresent --restart=Never --privileged ' +
          '--dry-run=client -o yaml --command -- sh -c "sleep 1"',
      ).stdout,
    ).toBe(
      [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  annotations:',
        '    note: a,b',
        '  labels:',
        '    app: web',
        '    tier: fe',
        '  name: web',
        '  namespace: dev',
        'spec:',
        '  containers:',
        '  - command:',
        '    - sh',
        '    - -c',
        '    - sleep 1',
        '    env:',
        '    - name: A',
        '      value: "1"',
        '    - name: B',
        '      value: x=y',
        '    image: nginx:1.25',
        '    imagePullPolicy: IfNotPresent',
        '    name: web',
        '    ports:',
        '    - containerPort: 80',
        '    resources: {}',
        '    securityContext:',
        '      privileged: true',
        '  dnsPolicy: ClusterFirst',
        '  restartPolicy: Never',
        'status: {}',
        '',
      ].join('\n'),
    );
  });

  it('sets stdin, stdinOnce and tty for -it, and applies --overrides', () => {
    const c = cluster();
    expect(
      c.run(`run bb --image=busybox -it --dry-run=client -o json --overrides='{"spec":{"nodeName":"worker1"}}' -- sh`)
        .stderr,
    ).toBe(
      "error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)\n",
    );
    const yaml = c.run(
      `run bb --image=busybox -it --attach=false --dry-run=client -o yaml --overrides='{"spec":{"nodeName":"worker1"}}'`,
    ).stdout;
    expect(yaml).toContain('    stdin: true\n    stdinOnce: true\n    tty: true\n');
    expect(yaml).toContain('  nodeName: worker1\n');
  });

  it('prints the Pod and its Service as two YAML documents with --expose', () => {
    expect(cluster().run('run web --image=nginx --port=8080 --expose --dry-run=client -o yaml').stdout).toBe(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n    run: web\n  name: web\nspec:\n  containers:\n  - image: nginx\n' +
        '    name: web\n    ports:\n    - containerPort: 8080\n    resources: {}\n  dnsPolicy: ClusterFirst\n  restartPolicy: Always\n' +
        'status: {}\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 8080\n    protocol: TCP\n' +
        '    targetPort: 8080\n  selector:\n    run: web\nstatus:\n  loadBalancer: {}\n',
    );
  });
});

describe('kubectl run', () => {
  it('creates the Pod and the Service of --expose', () => {
    const c = cluster();
    expect(c.run('run api --image=nginx --port=80 --expose')).toEqual({
      stdout: 'pod/api created\nservice/api created\n',
      stderr: '',
      exitCode: 0,
    });
    expect(c.run('get svc api -o jsonpath={.spec.selector.run}/{.spec.ports[0].targetPort}').stdout).toBe('api/80');
    expect(c.run('run api --image=nginx').stderr).toBe(
      'Error from server (AlreadyExists): pods "api" already exists\n',
    );
  });

  it('records the command with --record', () => {
    const c = cluster();
    c.run('run rec --image=nginx --record');
    expect(c.run(`get pod rec -o jsonpath='{.metadata.annotations.kubernetes\\.io/change-cause}'`).stdout).toBe(
      'kubectl run rec --image=nginx --record=true',
    );
  });

  it('checks its flags with kubectl’s messages', () => {
    const c = cluster();
    const error = (line: string) => c.run(line).stderr;
    expect(error('run x --image=nginx --labels=a')).toBe('error: unexpected label spec: a\n');
    expect(error('run x --image=nginx --labels==b')).toBe('error: unexpected empty label key\n');
    expect(error('run x --image=nginx --env=NOVALUE')).toBe('error: invalid env: NOVALUE\n');
    expect(error('run x --image=nginx --env=1A=b')).toBe('error: invalid env: 1A=b\n');
    expect(error('run x --image=nginx --annotations=oops')).toBe('error: invalid annotations format: oops\n');
    expect(error('run x --image=nginx --port=http')).toBe('error: --port must be a number\n');
    expect(error('run x --image=nginx --expose')).toBe('error: --port must be set when exposing a service\n');
    expect(error('run x --image=Nginx')).toBe('error: invalid image name "Nginx": invalid reference format\n');
    expect(error('run x --image=nginx --image-pull-policy=Sometimes')).toBe(
      'error: invalid image pull policy: Sometimes\n',
    );
    expect(error('run x --image=nginx -t')).toBe('error: -i/--stdin is required for containers with -t/--tty=true\n');
    expect(error('run x --image=nginx --rm')).toBe('error: --rm should only be used for attached containers\n');
    expect(error('run --image=nginx -- x')).toBe('error: NAME is required for run\n');
  });

  it('points at a manifest for flags kubectl run no longer has', () => {
    expect(cluster().run('run hpa --image=nginx --requests=cpu=10m')).toEqual({
      stdout: '',
      stderr: "error: unknown flag: --requests\nSee 'kubectl run --help' for usage.\n",
      exitCode: 1,
      hints: [
        "Today's kubectl run only creates a Pod and has no --requests flag: write the setting in a manifest instead (e.g. `resources.requests` in the Pod spec, or a Deployment for replicas).",
      ],
    });
  });
});

describe('kubectl run attached (-i, --attach, --rm)', () => {
  it('prints the container’s output, then removes the pod with --rm', () => {
    const c = cluster();
    finishPod(c, 'tmp', 0, 'hello\n');
    expect(c.run('run tmp --rm -i --image=busybox --restart=Never -- echo hello')).toEqual({
      stdout: 'hello\npod "tmp" deleted from default namespace\n',
      stderr: '',
      exitCode: 0,
    });
    expect(c.api.objects['pods/default/tmp']).toBeUndefined();
  });

  it('ends with the container’s exit code when it fails', () => {
    const c = cluster();
    finishPod(c, 'fail', 3, 'bye\n');
    expect(c.run('run fail --rm -it --image=busybox --restart=Never -- sh -c "echo bye; exit 3"')).toEqual({
      stdout: 'bye\npod "fail" deleted from default namespace\n',
      stderr: 'pod default/fail terminated (Error)\n',
      exitCode: 3,
    });
  });

  it('times out when the pod never starts', () => {
    const c = cluster();
    const start = c.api.clock;
    expect(c.run('run stuck --attach --image=busybox --restart=Never --pod-running-timeout=10s')).toEqual({
      stdout: '',
      stderr: 'error: timed out waiting for the condition\n',
      exitCode: 1,
    });
    expect(c.api.clock - start).toBe(10_000);
    expect((c.api.objects['pods/default/stuck'] as KubeObject).metadata.name).toBe('stuck');
  });
});
