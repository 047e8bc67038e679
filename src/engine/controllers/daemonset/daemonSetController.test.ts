import { describe, expect, it } from 'vitest';
import type { Node, Pod } from '../../api/kinds';
import { SyncHarness } from '../history/syncHarness';
import { targetNodeOf } from './daemonPods';
import { DAEMON_SET_CONTROLLER } from './daemonSetController';
import type { DaemonSet } from './daemonSetTypes';

const KEY = 'default/agent';

function newHarness(...workers: string[]): SyncHarness {
  const harness = new SyncHarness(DAEMON_SET_CONTROLLER);
  harness.addNode('master1');
  for (const worker of workers) harness.addNode(worker);
  return harness;
}

function newDaemonSet(harness: SyncHarness, spec: Record<string, unknown> = {}, podSpec: Record<string, unknown> = {}) {
  return harness.create<DaemonSet>({
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent' },
    spec: {
      selector: { matchLabels: { app: 'agent' } },
      template: {
        metadata: { labels: { app: 'agent' } },
        spec: { containers: [{ name: 'agent', image: 'nginx:1.25' }], ...podSpec },
      },
      ...spec,
    },
  });
}

function daemonSet(harness: SyncHarness): DaemonSet {
  return harness.get<DaemonSet>('daemonsets.apps', 'agent')!;
}

/** Live (not terminating) pods by the node they are pinned to, nodes in name order. */
function podsByNode(harness: SyncHarness): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  const pods = harness.podNames().map((name) => harness.pod(name));
  const live = pods.filter((pod) => !pod.metadata.deletionTimestamp);
  for (const pod of live.sort((a, b) => ((targetNodeOf(a) ?? '') < (targetNodeOf(b) ?? '') ? -1 : 1)))
    (result[targetNodeOf(pod) ?? '?'] ??= []).push(pod.metadata.name);
  return result;
}

function isTerminating(harness: SyncHarness, name: string): boolean {
  return harness.pod(name).metadata.deletionTimestamp !== undefined;
}

/** The kubelet finishing every terminating pod. */
function finishTerminating(harness: SyncHarness): void {
  for (const name of harness.podNames()) if (isTerminating(harness, name)) harness.removePod(name);
}

function podOn(harness: SyncHarness, node: string): Pod {
  const name = podsByNode(harness)[node]?.[0];
  if (!name) throw new Error(`no pod on ${node}`);
  return harness.pod(name);
}

/** Binds every daemon pod to its node and makes it Running and Ready. */
function runAll(harness: SyncHarness): void {
  for (const [node, names] of Object.entries(podsByNode(harness))) {
    for (const name of names) {
      const pod = harness.pod(name);
      if (pod.status?.phase !== 'Running') harness.setPod(name, { phase: 'Running', readyFor: 60 }, node);
    }
  }
}

function setImage(harness: SyncHarness, image: string): void {
  harness.update<DaemonSet>('daemonsets.apps', 'agent', (ds) => {
    ds.spec.template.spec!.containers[0]!.image = image;
  });
}

function hashOf(pod: Pod): string | undefined {
  return pod.metadata.labels?.['controller-revision-hash'];
}

describe('DaemonSet controller: where pods run', () => {
  it('creates one pod per eligible node, pinned by node affinity, and skips the tainted control plane', () => {
    const harness = newHarness('worker1', 'worker2');
    newDaemonSet(harness);
    const actions = harness.sync(KEY);
    expect(actions.filter((a) => a.startsWith('ADDED'))).toHaveLength(3);
    expect(Object.keys(podsByNode(harness))).toEqual(['worker1', 'worker2']);
    const pod = podOn(harness, 'worker1');
    expect(pod.spec.nodeName).toBeUndefined();
    expect(pod.spec.affinity).toEqual({
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['worker1'] }] }],
        },
      },
    });
    expect(pod.metadata.generateName).toBe('agent-');
    expect(pod.metadata.labels).toEqual({
      app: 'agent',
      'controller-revision-hash': '67bc9c9cf8',
      'pod-template-generation': '1',
    });
    expect([...harness.events('agent')].sort()).toEqual(
      harness.podNames().map((name) => `Normal SuccessfulCreate: Created pod: ${name}`),
    );
    expect(harness.decisionsAbout('DaemonSet', 'agent')).toEqual([
      'recorded the template as ControllerRevision agent-67bc9c9cf8 (revision 1); its pods are labelled ' +
        'controller-revision-hash=67bc9c9cf8',
      'creating a daemon pod for worker1, worker2: each of these nodes should run one and has none; none for ' +
        'master1 (it has the taint node-role.kubernetes.io/control-plane:NoSchedule, which the pod does not tolerate)',
    ]);
  });

  it('adds the daemon tolerations to every pod', () => {
    const harness = newHarness('worker1');
    newDaemonSet(harness, {}, { hostNetwork: true, tolerations: [{ key: 'dedicated', operator: 'Exists' }] });
    harness.sync(KEY);
    expect(podOn(harness, 'worker1').spec.tolerations).toEqual([
      { key: 'dedicated', operator: 'Exists' },
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
      { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' },
    ]);
  });

  it('runs on the control plane when the template tolerates its taint', () => {
    const harness = newHarness('worker1');
    newDaemonSet(
      harness,
      {},
      { tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }] },
    );
    harness.sync(KEY);
    expect(Object.keys(podsByNode(harness))).toEqual(['master1', 'worker1']);
  });

  it('follows node labels: a node that starts matching gets a pod, one that stops matching loses it', () => {
    const harness = newHarness('worker1', 'worker2');
    newDaemonSet(harness, {}, { nodeSelector: { disk: 'ssd' } });
    harness.sync(KEY);
    expect(podsByNode(harness)).toEqual({});
    harness.update<Node>('nodes', 'worker2', (node) => {
      node.metadata.labels = { ...node.metadata.labels, disk: 'ssd' };
    });
    harness.sync(KEY);
    expect(Object.keys(podsByNode(harness))).toEqual(['worker2']);
    runAll(harness);
    harness.update<Node>('nodes', 'worker2', (node) => {
      delete node.metadata.labels!.disk;
    });
    harness.sync(KEY);
    expect(podsByNode(harness)).toEqual({});
    expect(harness.decisionsAbout('DaemonSet', 'agent').at(-1)).toMatch(
      /^deleting agent-\w+ on worker2: its labels do not match the template's nodeSelector or required node affinity$/,
    );
  });

  it('keeps a pod on a node tainted NoSchedule (misscheduled) but removes it for NoExecute', () => {
    const harness = newHarness('worker1', 'worker2');
    newDaemonSet(harness);
    harness.sync(KEY);
    runAll(harness);
    harness.update<Node>('nodes', 'worker1', (node) => {
      node.spec = { ...node.spec, taints: [{ key: 'maintenance', value: 'yes', effect: 'NoSchedule' }] };
    });
    harness.sync(KEY);
    expect(Object.keys(podsByNode(harness))).toEqual(['worker1', 'worker2']);
    expect(daemonSet(harness).status).toMatchObject({
      desiredNumberScheduled: 1,
      currentNumberScheduled: 1,
      numberMisscheduled: 1,
    });
    expect(harness.decisionsAbout('DaemonSet', 'agent').at(-1)).toMatch(
      /^agent-\w+ keeps running on worker1 although it has the taint maintenance=yes:NoSchedule, which the pod does not tolerate: only a NoExecute taint removes a running daemon pod, so it counts as misscheduled$/,
    );
    harness.update<Node>('nodes', 'worker1', (node) => {
      node.spec = { ...node.spec, taints: [{ key: 'maintenance', value: 'yes', effect: 'NoExecute' }] };
    });
    harness.sync(KEY);
    expect(Object.keys(podsByNode(harness))).toEqual(['worker2']);
  });

  it('deletes an unscheduled pod pinned to a node that no longer exists', () => {
    const harness = newHarness('worker1', 'worker2');
    newDaemonSet(harness);
    harness.sync(KEY);
    const stranded = podOn(harness, 'worker2').metadata.name;
    harness.api.delete(harness.api.resolveResource('nodes')!, undefined, 'worker2');
    harness.sync(KEY);
    expect(harness.podNames()).not.toContain(stranded);
    expect(harness.decisionsAbout('DaemonSet', 'agent').at(-1)).toBe(
      `deleting ${stranded}: pinned to node worker2, which no longer exists`,
    );
  });

  it('reports the status kubectl prints as DESIRED CURRENT READY UP-TO-DATE AVAILABLE', () => {
    const harness = newHarness('worker1', 'worker2', 'worker3');
    newDaemonSet(harness, { minReadySeconds: 30 });
    harness.sync(KEY);
    runAll(harness);
    harness.setPod(podOn(harness, 'worker3').metadata.name, { phase: 'Running', readyFor: 10 });
    harness.sync(KEY);
    expect(daemonSet(harness).status).toEqual({
      currentNumberScheduled: 3,
      numberMisscheduled: 0,
      desiredNumberScheduled: 3,
      numberReady: 3,
      observedGeneration: 1,
      updatedNumberScheduled: 3,
      numberAvailable: 2,
      numberUnavailable: 1,
    });
    // The pod on worker3 becomes available with time alone: sync again after minReadySeconds.
    expect(harness.queuedIn(KEY)).toBe(30_000);
  });
});

describe('DaemonSet controller: failed pods', () => {
  it('deletes a failed pod, and backs off when the replacement fails too', () => {
    const harness = newHarness('worker1');
    newDaemonSet(harness);
    harness.sync(KEY);
    const first = podOn(harness, 'worker1').metadata.name;
    harness.setPod(first, { phase: 'Failed' }, 'worker1');
    harness.sync(KEY);
    expect(harness.events('agent').at(-2)).toBe(
      `Warning FailedDaemonPod: Found failed daemon pod default/${first} on node worker1, will try to kill it`,
    );
    expect(harness.podNames()).not.toContain(first);
    harness.sync(KEY);
    const second = podOn(harness, 'worker1').metadata.name;
    harness.setPod(second, { phase: 'Failed' }, 'worker1');
    harness.sync(KEY);
    // The second failure within a second of the first: deleting waits out the 1 s backoff.
    expect(harness.podNames()).toContain(second);
    expect(harness.queuedIn(KEY)).toBe(1000);
    harness.advance(1);
    harness.sync(KEY);
    expect(harness.podNames()).not.toContain(second);
  });
});

describe('DaemonSet controller: updates', () => {
  it('replaces old pods without surge, within maxUnavailable (a percentage rounds up)', () => {
    const harness = newHarness('worker1', 'worker2', 'worker3', 'worker4');
    newDaemonSet(harness, { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '30%' } } });
    harness.sync(KEY);
    runAll(harness);
    setImage(harness, 'nginx:1.26');
    const actions = harness.sync(KEY);
    // 30% of 4 nodes is 1.2, rounded up to 2: two old pods go at once (gracefully: they are marked terminating).
    expect(actions.filter((a) => a.startsWith('MODIFIED pods'))).toHaveLength(2);
    expect(Object.keys(podsByNode(harness))).toEqual(['worker3', 'worker4']);
    expect(harness.decisionsAbout('DaemonSet', 'agent').at(-1)).toMatch(
      /^rolling update \(maxUnavailable 2 \(30% of 4 nodes, rounded up\)\): deleting old agent-\w+, agent-\w+; 0 node\(s\) were unavailable before \(none\), and each emptied node gets a new pod on the next sync$/,
    );
    // A node gets its new pod only once the old one is gone.
    expect(harness.sync(KEY)).toEqual([]);
    finishTerminating(harness);
    harness.sync(KEY);
    expect(hashOf(podOn(harness, 'worker1'))).toBe('7955b5956c');
    expect(harness.sync(KEY)).toEqual([]);
    expect(harness.decisionsAbout('DaemonSet', 'agent').at(-1)).toMatch(
      /^rolling update waits: 2 node\(s\) unavailable/,
    );
    runAll(harness);
    harness.sync(KEY);
    expect(Object.keys(podsByNode(harness))).toEqual(['worker1', 'worker2']);
    expect(daemonSet(harness).status?.updatedNumberScheduled).toBe(2);
  });

  it('surges a new pod next to the old one and deletes the old one once the new one is available', () => {
    const harness = newHarness('worker1', 'worker2');
    newDaemonSet(harness, {
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    });
    harness.sync(KEY);
    runAll(harness);
    const old = podOn(harness, 'worker1').metadata.name;
    setImage(harness, 'nginx:1.26');
    harness.sync(KEY);
    expect(podsByNode(harness).worker1).toHaveLength(2);
    expect(podsByNode(harness).worker2).toHaveLength(1);
    expect(harness.decisionsAbout('DaemonSet', 'agent').at(-1)).toBe(
      'rolling update (maxSurge 1): creating new pods on worker1 next to the old ones; each old pod is deleted once ' +
        'its replacement is available',
    );
    harness.sync(KEY);
    expect(podsByNode(harness).worker1).toHaveLength(2);
    runAll(harness);
    harness.sync(KEY);
    expect(podsByNode(harness).worker1).toHaveLength(1);
    expect(isTerminating(harness, old)).toBe(true);
  });

  it('leaves old pods alone with OnDelete; a deleted one comes back at the new revision', () => {
    const harness = newHarness('worker1', 'worker2');
    newDaemonSet(harness, { updateStrategy: { type: 'OnDelete' } });
    harness.sync(KEY);
    runAll(harness);
    setImage(harness, 'nginx:1.26');
    expect(harness.sync(KEY)).toEqual(['ADDED controllerrevisions/agent-7955b5956c', 'MODIFIED daemonsets/agent']);
    expect(daemonSet(harness).status?.updatedNumberScheduled).toBeUndefined();
    harness.removePod(podOn(harness, 'worker1').metadata.name);
    harness.sync(KEY);
    expect(hashOf(podOn(harness, 'worker1'))).toBe('7955b5956c');
    expect(podOn(harness, 'worker1').metadata.labels?.['pod-template-generation']).toBe('2');
    expect(daemonSet(harness).status?.updatedNumberScheduled).toBe(1);
  });

  it('renumbers the old revision on a rollback, so pods labelled with it count as updated again', () => {
    const harness = newHarness('worker1');
    newDaemonSet(harness, { updateStrategy: { type: 'OnDelete' } });
    harness.sync(KEY);
    runAll(harness);
    setImage(harness, 'nginx:1.26');
    harness.sync(KEY);
    setImage(harness, 'nginx:1.25');
    expect(harness.sync(KEY)).toEqual(['MODIFIED controllerrevisions/agent-67bc9c9cf8', 'MODIFIED daemonsets/agent']);
    expect(harness.get<DaemonSet & { revision: number }>('controllerrevisions', 'agent-67bc9c9cf8')?.revision).toBe(3);
    expect(daemonSet(harness).status?.updatedNumberScheduled).toBe(1);
  });

  it('keeps revisionHistoryLimit old revisions that no pod uses', () => {
    const harness = newHarness('worker1');
    newDaemonSet(harness, { updateStrategy: { type: 'OnDelete' }, revisionHistoryLimit: 1 });
    harness.sync(KEY);
    for (const image of ['nginx:1.26', 'nginx:1.27', 'nginx:1.28']) {
      setImage(harness, image);
      harness.sync(KEY);
    }
    // Three old revisions, limit 1: two must go. The first is skipped (the running pod carries its hash), so the
    // next two are deleted, leaving that one and the current revision.
    expect(harness.names('controllerrevisions')).toEqual(['agent-5947dd6dc7', 'agent-67bc9c9cf8']);
  });
});
