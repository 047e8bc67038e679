import { describe, expect, it } from 'vitest';
import type { Node, Pod } from '../../api/kinds';
import { resolveResourceName } from '../../api/resources';
import { OneSyncHarness } from '../job/oneSyncHarness';
import { POD_GC_CONTROLLER, POD_GC_KEY } from './podGcController';

const PODS = resolveResourceName('pods')!;
const NODES = resolveResourceName('nodes')!;

function node(h: OneSyncHarness, name: string, ready: string, taints: Node['spec'] = {}): void {
  const created = h.create<Node>({ apiVersion: 'v1', kind: 'Node', metadata: { name }, spec: taints });
  h.setStatus(created, { conditions: [{ type: 'Ready', status: ready }] });
}

function pod(h: OneSyncHarness, name: string, nodeName?: string, phase = 'Running'): Pod {
  const created = h.create<Pod>({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', finalizers: ['example.com/hold'] },
    spec: { ...(nodeName ? { nodeName } : {}), containers: [{ name: 'app', image: 'nginx' }] },
  });
  return h.setStatus(created, { phase, conditions: [{ type: 'Ready', status: 'True' }] });
}

/** Marks a pod for deletion (the finalizer keeps it) as the API does for a graceful delete. */
function terminate(h: OneSyncHarness, name: string): void {
  h.api.delete(PODS, 'default', name);
}

const summary = (p: Pod | undefined) =>
  p && `${p.status?.phase} ${p.status?.conditions?.map((c) => `${c.type}=${c.status} ${c.reason ?? ''}`).join(', ')}`;

describe('pod garbage collector', () => {
  it('force-deletes the pods of a node gone for its 40 s quarantine, marked Failed with DisruptionTarget', () => {
    const h = new OneSyncHarness(POD_GC_CONTROLLER);
    expect(h.queuedIn(POD_GC_KEY)).toBe(20_000);
    node(h, 'worker1', 'True');
    pod(h, 'web-1', 'worker1');
    pod(h, 'web-2', 'worker2');
    h.advance(20);
    expect(h.sync(POD_GC_KEY)).toEqual([]);
    expect(h.queuedIn(POD_GC_KEY)).toBe(20_000);
    h.advance(20);
    expect(h.sync(POD_GC_KEY)).toEqual([]);
    h.advance(20);
    expect(h.sync(POD_GC_KEY)).toEqual(['update pods/web-2/status', 'delete pods/web-2']);
    const gone = h.pod('web-2');
    // The test's finalizer keeps the object: the status as the collector left it.
    expect(summary(gone)).toBe('Failed Ready=True , DisruptionTarget=True DeletionByPodGC');
    expect(gone.status?.conditions?.[1]?.message).toBe('PodGC: node no longer exists');
    expect(gone.metadata.deletionGracePeriodSeconds).toBe(0);
    expect(summary(h.pod('web-1'))).toBe('Running Ready=True ');
    expect(h.decisions.about('Pod', 'default', 'web-2').map((d) => d.text)).toEqual([
      'force-deleted the pod: its node worker2 no longer exists',
    ]);
  });

  it('does not count a node that comes back during the quarantine', () => {
    const h = new OneSyncHarness(POD_GC_CONTROLLER);
    pod(h, 'web-2', 'worker2');
    h.advance(20);
    h.sync(POD_GC_KEY);
    node(h, 'worker2', 'False');
    h.advance(40);
    expect(h.sync(POD_GC_KEY)).toEqual([]);
  });

  it('force-deletes terminating pods on a not-Ready node tainted out-of-service', () => {
    const h = new OneSyncHarness(POD_GC_CONTROLLER);
    const outOfService = {
      taints: [{ key: 'node.kubernetes.io/out-of-service', value: 'nodeshutdown', effect: 'NoExecute' as const }],
    };
    node(h, 'worker1', 'Unknown', outOfService);
    node(h, 'worker2', 'Unknown');
    node(h, 'worker3', 'True', outOfService);
    for (const [name, on] of [
      ['db-0', 'worker1'],
      ['db-1', 'worker2'],
      ['db-2', 'worker3'],
      ['db-3', 'worker1'],
    ]) {
      pod(h, name!, on);
      if (name !== 'db-3') terminate(h, name!);
    }
    expect(h.sync(POD_GC_KEY)).toEqual(['update pods/db-0/status', 'delete pods/db-0']);
    expect(summary(h.pod('db-0'))).toBe('Failed Ready=True ');
    expect(h.decisions.about('Pod', 'default', 'db-0').map((d) => d.text)).toEqual([
      'force-deleted the pod: it is terminating on node worker1, which is not Ready and tainted node.kubernetes.io/out-of-service',
    ]);
  });

  it('force-deletes terminating pods that were never scheduled, and keeps a finished pod’s phase', () => {
    const h = new OneSyncHarness(POD_GC_CONTROLLER);
    node(h, 'worker1', 'True');
    pod(h, 'pending', undefined, 'Pending');
    terminate(h, 'pending');
    pod(h, 'done', 'worker1', 'Succeeded');
    h.api.delete(NODES, undefined, 'worker1');
    terminate(h, 'done');
    expect(h.sync(POD_GC_KEY)).toEqual(['update pods/pending/status', 'delete pods/pending']);
    expect(summary(h.pod('pending'))).toBe('Failed Ready=True ');
    h.advance(40);
    // The finalizer keeps the pending pod, so the collector deletes it again; the orphan keeps its phase.
    expect(h.sync(POD_GC_KEY)).toEqual(['delete pods/done', 'delete pods/pending']);
    expect(summary(h.pod('done'))).toBe('Succeeded Ready=True ');
  });
});
