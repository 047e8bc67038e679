import { describe, expect, it } from 'vitest';
import { createFakeCluster } from '../testing/fakeCluster';

describe('kubectl create deployment', () => {
  it('prints the Deployment it generates with --dry-run=client -o yaml', () => {
    expect(
      createFakeCluster().run(
        'create deployment web --image=nginx:1.25 --replicas=3 --port=80 --dry-run=client -o yaml',
      ).stdout,
    ).toBe(
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  labels:',
        '    app: web',
        '  name: web',
        'spec:',
        '  replicas: 3',
        '  selector:',
        '    matchLabels:',
        '      app: web',
        '  strategy: {}',
        '  template:',
        '    metadata:',
        '      labels:',
        '        app: web',
        '    spec:',
        '      containers:',
        '      - image: nginx:1.25',
        '        name: nginx',
        '        ports:',
        '        - containerPort: 80',
        '        resources: {}',
        'status: {}',
        '',
      ].join('\n'),
    );
  });

  it('creates it in the current namespace, one container per image, with the command after --', () => {
    const c = createFakeCluster();
    expect(c.run('create deploy demo --image=busybox --image=registry.k8s.io/pause:3.10')).toEqual({
      stdout: 'deployment.apps/demo created\n',
      stderr: '',
      exitCode: 0,
    });
    expect(
      c.run('get deploy demo -o jsonpath={.metadata.namespace}/{.spec.template.spec.containers[*].name}').stdout,
    ).toBe('default/busybox pause');
    expect(c.run('create deployment sleeper --image=busybox -- sleep 3600').stdout).toBe(
      'deployment.apps/sleeper created\n',
    );
    expect(c.run('get deploy sleeper -o jsonpath={.spec.template.spec.containers[0].command}').stdout).toBe(
      '["sleep","3600"]',
    );
  });

  it('checks its arguments as kubectl does', () => {
    const c = createFakeCluster();
    expect(c.run('create deployment web').stderr).toBe('error: required flag(s) "image" not set\n');
    expect(c.run('create deployment --image=nginx').stderr).toBe(
      "error: NAME is required\nSee 'kubectl create deployment -h' for help and examples\n",
    );
    expect(c.run('create deployment web --image=a --image=b -- sh').stderr).toBe(
      'error: cannot specify multiple --image options and command\n',
    );
  });
});

describe('kubectl create without -f', () => {
  it('says -f is missing, then names the unknown subcommand or prints the help', () => {
    const c = createFakeCluster();
    expect(c.run('create secrets x')).toEqual({
      stdout: '',
      stderr:
        'Error: must specify one of -f and -k\n\nerror: unknown command "secrets x"\nSee \'kubectl create -h\' for help and examples\n',
      exitCode: 1,
    });
    const bare = c.run('create');
    expect(bare.exitCode).toBe(1);
    expect(
      bare.stderr.startsWith('Error: must specify one of -f and -k\n\nCreate a resource from a file or from stdin.\n'),
    ).toBe(true);
  });
});
