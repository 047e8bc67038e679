import { describe, expect, it } from 'vitest';
import type { Pod } from '../../api/kinds';
import { TestCluster } from '../../testing/testCluster';
import { isPodAvailable } from '../podConditions';
import { targetNodeOf } from './daemonPods';
import { DAEMON_SETS, type DaemonSet } from './daemonSetTypes';

/** Seed 000's fluentd-elasticsearch DaemonSet, tolerating the old `master` taint as written there. */
const FLUENTD = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: fluentd-elasticsearch
  namespace: kube-system
  labels:
    k8s-app: fluentd-logging
spec:
  selector:
    matchLabels:
      name: fluentd-elasticsearch
  template:
    metadata:
      labels:
        name: fluentd-elasticsearch
    spec:
      tolerations:
        - key: node-role.kubernetes.io/master
          effect: NoSchedule
      containers:
        - name: fluentd-elasticsearch
          image: quay.io/fluentd_elasticsearch/fluentd:v2.5.2
          resources:
            limits:
              memory: 200Mi
            requests:
              cpu: 100m
              memory: 200Mi
      terminationGracePeriodSeconds: 30
`;

function nginx({ image = 'nginx:1.25', nodeSelector = '', maxUnavailable = 1 } = {}): string {
  return `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: nginx
spec:
  updateStrategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: ${maxUnavailable}
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:${nodeSelector ? `\n      nodeSelector:\n        ${nodeSelector}` : ''}
      terminationGracePeriodSeconds: 5
      containers:
      - name: nginx
        image: ${image}
`;
}

/** node → names of the DaemonSet's live pods there, nodes in name order. */
function placement(test: TestCluster, prefix: string, namespace = 'default'): Record<string, number> {
  const result: Record<string, number> = {};
  const pods = test.pods(namespace).filter((p) => p.metadata.name.startsWith(prefix) && !p.metadata.deletionTimestamp);
  for (const node of pods.map((p) => targetNodeOf(p) ?? '?').sort()) result[node] = (result[node] ?? 0) + 1;
  return result;
}

function daemonSet(test: TestCluster, name: string, namespace = 'default'): DaemonSet {
  return test.cluster.api.find(DAEMON_SETS, namespace, name) as DaemonSet;
}

function counts(ds: DaemonSet): number[] {
  const s = ds.status!;
  return [
    s.desiredNumberScheduled,
    s.currentNumberScheduled,
    s.numberReady,
    s.updatedNumberScheduled ?? 0,
    s.numberAvailable ?? 0,
    s.numberMisscheduled,
  ];
}

describe('DaemonSet in a cluster: placement', () => {
  it('runs fluentd on every worker; the old master toleration does not cover the control-plane taint', () => {
    const test = new TestCluster();
    test.apply(FLUENTD);
    test.advance(30);
    expect(placement(test, 'fluentd-elasticsearch-', 'kube-system')).toEqual({ worker1: 1, worker2: 1, worker3: 1 });
    const decisions = test.cluster.decisions.about('DaemonSet', 'kube-system', 'fluentd-elasticsearch');
    expect(decisions.map((d) => d.text)).toContain(
      'creating a daemon pod for worker1, worker2, worker3: each of these nodes should run one and has none; none ' +
        'for master1 (it has the taint node-role.kubernetes.io/control-plane:NoSchedule, which the pod does not ' +
        'tolerate)',
    );
    // The pods are bound by the scheduler to the nodes their affinity names.
    for (const pod of test.pods('kube-system').filter((p) => p.metadata.name.startsWith('fluentd')))
      expect(pod.spec.nodeName).toBe(targetNodeOf(pod));
    expect(counts(daemonSet(test, 'fluentd-elasticsearch', 'kube-system'))).toEqual([3, 3, 3, 3, 3, 0]);
  });

  it('adds a pod when a node joins', () => {
    const test = new TestCluster();
    test.apply(nginx());
    test.advance(20);
    expect(test.session.action(['node', 'add', 'worker4']).exitCode).toBe(0);
    test.advance(20);
    expect(placement(test, 'nginx-')).toEqual({ worker1: 1, worker2: 1, worker3: 1, worker4: 1 });
    expect(counts(daemonSet(test, 'nginx'))).toEqual([4, 4, 4, 4, 4, 0]);
  });

  it('follows node labels with a nodeSelector', () => {
    const test = new TestCluster();
    test.apply(nginx({ nodeSelector: 'ds: "true"' }));
    test.advance(10);
    expect(placement(test, 'nginx-')).toEqual({});
    expect(test.kubectl('label node worker1 worker2 ds=true').exitCode).toBe(0);
    test.advance(20);
    expect(placement(test, 'nginx-')).toEqual({ worker1: 1, worker2: 1 });
    test.kubectl('label node worker3 ds=true');
    test.advance(20);
    expect(placement(test, 'nginx-')).toEqual({ worker1: 1, worker2: 1, worker3: 1 });
    test.kubectl('label node worker1 ds-');
    test.advance(20);
    expect(placement(test, 'nginx-')).toEqual({ worker2: 1, worker3: 1 });
    expect(counts(daemonSet(test, 'nginx'))).toEqual([2, 2, 2, 2, 2, 0]);
  });

  it('keeps a pod on a node tainted NoSchedule and removes it for NoExecute', () => {
    const test = new TestCluster();
    test.apply(nginx());
    test.advance(20);
    expect(test.kubectl('taint node worker1 maintenance=yes:NoSchedule').exitCode).toBe(0);
    test.advance(20);
    expect(placement(test, 'nginx-')).toEqual({ worker1: 1, worker2: 1, worker3: 1 });
    expect(counts(daemonSet(test, 'nginx'))).toEqual([2, 2, 2, 2, 2, 1]);
    test.kubectl('taint node worker1 drain=now:NoExecute');
    test.advance(20);
    expect(placement(test, 'nginx-')).toEqual({ worker2: 1, worker3: 1 });
    expect(counts(daemonSet(test, 'nginx'))).toEqual([2, 2, 2, 2, 2, 0]);
  });
});

describe('DaemonSet in a cluster: rolling update', () => {
  it('replaces one node at a time with maxUnavailable 1, never leaving two nodes without an available pod', () => {
    const test = new TestCluster();
    test.apply(nginx());
    test.advance(20);
    const before = test.pods().map((p) => p.metadata.name);
    test.apply(nginx({ image: 'nginx:1.21.6' }));
    let worst = 0;
    const waited = test.waitFor(() => {
      const available = new Set(
        test
          .pods()
          .filter((p: Pod) => !p.metadata.deletionTimestamp && isPodAvailable(p, 0, test.cluster.now()))
          .map((p) => targetNodeOf(p)),
      );
      worst = Math.max(worst, 3 - available.size);
      // As `kubectl rollout status` does: the status must be about the current generation.
      const ds = daemonSet(test, 'nginx');
      const observed = ds.status?.observedGeneration === ds.metadata.generation;
      return observed && ds.status?.updatedNumberScheduled === 3 && ds.status.numberAvailable === 3;
    }, 180);
    expect(worst).toBe(1);
    expect(waited).toBeGreaterThan(3);
    expect(test.pods().some((p) => before.includes(p.metadata.name))).toBe(false);
    expect(test.pods().every((p) => p.spec.containers[0]!.image === 'nginx:1.21.6')).toBe(true);
    expect(test.kubectl('get controllerrevisions -o name').stdout).toMatch(
      /^controllerrevision\.apps\/nginx-\w+\ncontrollerrevision\.apps\/nginx-\w+\n$/,
    );
  });
});
