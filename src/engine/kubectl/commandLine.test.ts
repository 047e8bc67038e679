import { describe, expect, it } from 'vitest';
import { TestCluster } from '../testing/testCluster';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
spec:
  replicas: 1
  selector:
    matchLabels:
      app: app
  template:
    metadata:
      labels:
        app: app
    spec:
      containers:
      - name: app
        image: nginx:1.24
`;

const changeCause = (t: TestCluster) =>
  t.cluster.api.find(t.cluster.api.resolveResource('deployments')!, 'default', 'app')?.metadata.annotations?.[
    'kubernetes.io/change-cause'
  ];

describe('kubectl command lines as cobra reads them', () => {
  it('skips an unknown flag and the word after it when looking for the command (stripFlags)', () => {
    const t = new TestCluster();
    t.apply(DEPLOYMENT);
    const result = t.kubectl('kubectl --record deployment.v1.apps/app set image deployment.v1.apps/app app=nginx:1.25');
    expect(result.stdout).toBe('deployment.apps/app image updated\n'.repeat(2));
    // factoryImpl.Command: every non-flag word where it was typed, then the flags.
    expect(changeCause(t)).toBe(
      'kubectl deployment.v1.apps/app set image deployment.v1.apps/app app=nginx:1.25 --record=true',
    );
    expect(t.kubectl('-A get pods').stderr).toMatch(/^error: unknown command "pods" for "kubectl"\n/);
  });

  it('wants every resource before the image changes (GetResourcesAndPairs)', () => {
    const t = new TestCluster();
    t.apply(DEPLOYMENT);
    expect(t.kubectl('set image deploy app app=nginx:1.25 –record')).toEqual({
      stdout: '',
      stderr: 'error: all resources must be specified before image changes: –record\n',
      exitCode: 1,
    });
  });

  it('shows a revision’s change-cause among its pod template’s annotations', () => {
    const t = new TestCluster();
    t.apply(DEPLOYMENT);
    t.advance(10);
    t.kubectl('set image deploy app app=nginx:1.25 --record');
    t.advance(30);
    expect(t.kubectl('rollout history deploy app --revision=2').stdout).toMatch(
      /^ {2}Annotations:\s+kubernetes\.io\/change-cause: kubectl set image deploy app app=nginx:1\.25 --record=true$/m,
    );
  });
});
