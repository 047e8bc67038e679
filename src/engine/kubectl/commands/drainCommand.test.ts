import { describe, expect, it } from 'vitest';
import { TestCluster } from '../../testing/testCluster';

const PDB = (minAvailable: number) => `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web-pdb
spec:
  minAvailable: ${minAvailable}
  selector:
    matchLabels:
      app: web
`;

const DAEMON_SET = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels: { app: agent }
  template:
    metadata:
      labels: { app: agent }
    spec:
      containers:
      - name: a
        image: busybox:1.36
        command: ['sleep', '86400']
`;

function podsOn(t: TestCluster, node: string): string[] {
  return t
    .pods()
    .filter((p) => p.spec.nodeName === node && !p.metadata.deletionTimestamp)
    .map((p) => p.metadata.name);
}

describe('kubectl drain and the eviction API (drain.go, eviction.go)', () => {
  it('refuses to drain DaemonSet pods, pods with emptyDir data and bare pods without the flags that allow it', () => {
    const t = new TestCluster();
    t.apply(DAEMON_SET);
    t.apply(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: lonely\nspec:\n  nodeName: worker1\n  containers:\n  - name: c\n    image: nginx\n',
    );
    t.advance(10);
    const agent = t.pods().find((p) => p.spec.nodeName === 'worker1' && p.metadata.name.startsWith('agent-'))!;
    const refused = t.kubectl('drain worker1');
    expect(refused.exitCode).toBe(1);
    expect(refused.stdout).toBe('node/worker1 cordoned\n');
    const errors =
      `cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): default/${agent.metadata.name}\n` +
      'cannot delete Pods that declare no controller (use --force to override): default/lonely';
    expect(refused.stderr).toBe(
      `error: unable to drain node "worker1" due to error: [${errors.replace('\n', ', ')}], continuing command...\n` +
        `There are pending nodes to be drained:\n worker1\n${errors}\n`,
    );

    const drained = t.kubectl('drain worker1 --ignore-daemonsets --force');
    expect(drained.exitCode).toBe(0);
    expect(drained.stdout).toBe(
      'node/worker1 already cordoned\nevicting pod default/lonely\npod/lonely evicted\nnode/worker1 drained\n',
    );
    expect(drained.stderr).toBe(
      `Warning: deleting Pods that declare no controller: default/lonely; ignoring DaemonSet-managed Pods: default/${agent.metadata.name}\n`,
    );
    expect(podsOn(t, 'worker1')).toEqual([agent.metadata.name]);
  });

  it('retries an eviction every 5 s while the PodDisruptionBudget allows none, and evicts once it does', () => {
    const t = new TestCluster();
    t.kubectl('create deployment web --image=nginx --replicas=3');
    t.apply(PDB(3));
    t.advance(15);
    expect(t.kubectl('get pdb web-pdb').stdout).toMatch(/^web-pdb\s+3\s+N\/A\s+0\s+15s$/m);
    const victim = podsOn(t, 'worker1')[0]!;
    const blocked = t.kubectl('drain worker1 --timeout=12s');
    expect(blocked.stdout).toBe(`node/worker1 cordoned\n${`evicting pod default/${victim}\n`.repeat(3)}`);
    const refusal = `error when evicting pods/"${victim}" -n "default" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.\n`;
    expect(blocked.stderr).toBe(
      refusal.repeat(3) +
        `error: unable to drain node "worker1" due to error: error when evicting pods/"${victim}" -n "default": global timeout reached: 12s, continuing command...\n` +
        'There are pending nodes to be drained:\n worker1\n' +
        `error when evicting pods/"${victim}" -n "default": global timeout reached: 12s\n`,
    );

    t.apply(PDB(2));
    t.advance(1);
    const drained = t.kubectl('drain worker1');
    expect(drained.stdout).toBe(
      `node/worker1 already cordoned\nevicting pod default/${victim}\npod/${victim} evicted\nnode/worker1 drained\n`,
    );
    expect(t.kubectl('get pdb web-pdb -o jsonpath={.status.disruptionsAllowed}').stdout).toBe('0');
    t.advance(10);
    expect(podsOn(t, 'worker1')).toEqual([]);
    expect(t.pods().filter((p) => !p.metadata.deletionTimestamp)).toHaveLength(3);
    expect(t.kubectl('get pdb web-pdb -o jsonpath={.status.disruptionsAllowed}').stdout).toBe('1');
  });

  it('answers 429 with the budget in the cause, and lets pods that are not running go without asking', () => {
    const t = new TestCluster();
    t.kubectl('create deployment web --image=nginx --replicas=2');
    t.apply(PDB(2));
    t.advance(15);
    const [first] = t.pods().map((p) => p.metadata.name);
    const refused = t.cluster.api.evict('default', first!);
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 429,
        reason: 'TooManyRequests',
        message: "Cannot evict pod as it would violate the pod's disruption budget.",
        details: {
          causes: [
            {
              reason: 'DisruptionBudget',
              message: 'The disruption budget web-pdb needs 2 healthy pods and has 2 currently',
              field: '',
            },
          ],
        },
      },
    });
    t.kubectl('set image deployment/web nginx=nginx:no-such-tag');
    t.advance(5);
    const pending = t.pods().find((p) => p.status?.phase === 'Pending')!;
    expect(t.cluster.api.evict('default', pending.metadata.name).ok).toBe(true);
  });
});
