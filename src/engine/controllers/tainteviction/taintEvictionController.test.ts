import { describe, expect, it } from 'vitest';
import type { Node, Pod, Taint, Toleration } from '../../api/kinds';
import { OneSyncHarness } from '../job/oneSyncHarness';
import { TAINT_EVICTION_CONTROLLER } from './taintEvictionController';

const UNREACHABLE: Taint = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' };
/** What DefaultTolerationSeconds admission gives every pod. */
const DEFAULT_TOLERATIONS: Toleration[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
];

function harness(): OneSyncHarness {
  const h = new OneSyncHarness(TAINT_EVICTION_CONTROLLER);
  h.create({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'worker1' } });
  return h;
}

function pod(h: OneSyncHarness, name: string, tolerations: Toleration[]): Pod {
  return h.create<Pod>({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: { nodeName: 'worker1', tolerations, containers: [{ name: 'app', image: 'nginx' }] },
  });
}

function taint(h: OneSyncHarness, taints: Taint[]): Node {
  const node = h.get<Node>('nodes', 'worker1', undefined)!;
  return h.modify(node, (n) => {
    n.spec = { ...n.spec, taints };
  });
}

const disruption = (p: Pod) =>
  p.status?.conditions
    ?.filter((c) => c.type === 'DisruptionTarget')
    .map((c) => `${c.status} ${c.reason}: ${c.message} (${c.lastTransitionTime})`);

describe('taint eviction controller', () => {
  it('deletes a pod that does not tolerate a NoExecute taint at once, with the DisruptionTarget condition', () => {
    const h = harness();
    pod(h, 'plain', []);
    const before = h.get<Node>('nodes', 'worker1', undefined)!;
    const after = taint(h, [{ key: 'dedicated', value: 'db', effect: 'NoExecute' }]);
    expect(h.keysFor('MODIFIED', after, before)).toEqual(['node:worker1']);
    h.advance(1);
    expect(h.sync('node:worker1')).toEqual(['update pods/plain/status', 'delete pods/plain']);
    expect(disruption(h.pod('plain'))).toEqual([
      'True DeletionByTaintManager: Taint manager: deleting due to NoExecute taint (2026-01-05T09:00:01Z)',
    ]);
    expect(h.pod('plain').metadata.deletionTimestamp).toBe('2026-01-05T09:00:31Z');
    expect(h.events('plain')).toEqual(['Normal TaintManagerEviction: Marking for deletion Pod default/plain']);
    expect(h.decisions.about('Pod', 'default', 'plain').map((d) => d.text)).toEqual([
      'deleted the pod: node worker1 has the taint dedicated=db:NoExecute, which it does not tolerate',
    ]);
  });

  it('deletes a pod when the shortest matching tolerationSeconds runs out; one tolerating forever stays', () => {
    const h = harness();
    pod(h, 'web', DEFAULT_TOLERATIONS);
    pod(h, 'short', [...DEFAULT_TOLERATIONS, { operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60 }]);
    pod(h, 'daemon', [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' }]);
    taint(h, [UNREACHABLE]);
    expect(h.sync('node:worker1')).toEqual([]);
    expect(h.queuedIn('evict:default/web')).toBe(300_000);
    // The first matching toleration counts: the pod's unreachable one (300 s), not the later catch-all.
    expect(h.queuedIn('evict:default/short')).toBe(300_000);
    expect(h.queuedIn('evict:default/daemon')).toBeUndefined();
    h.advance(299);
    expect(h.sync('evict:default/web')).toEqual([]);
    expect(h.queuedIn('evict:default/web')).toBe(1_000);
    h.advance(1);
    expect(h.sync('evict:default/web')).toEqual(['update pods/web/status', 'delete pods/web']);
    expect(h.events('web')).toEqual(['Normal TaintManagerEviction: Marking for deletion Pod default/web']);
    expect(h.events('daemon')).toEqual([]);
    expect(h.decisions.about('Pod', 'default', 'web').map((d) => d.text)).toEqual([
      'deleted the pod: node worker1 has the taint node.kubernetes.io/unreachable:NoExecute, which it tolerates ' +
        'for 300s (since 2026-01-05T09:00:00Z)',
    ]);
  });

  it('takes the minimum over the tolerations the taints match', () => {
    const h = harness();
    pod(h, 'web', [
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'maintenance', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 120 },
    ]);
    taint(h, [UNREACHABLE, { key: 'maintenance', effect: 'NoExecute' }]);
    expect(h.sync('node:worker1')).toEqual([]);
    expect(h.queuedIn('evict:default/web')).toBe(120_000);
  });

  it('cancels a scheduled deletion when the taints go, with an event', () => {
    const h = harness();
    pod(h, 'web', DEFAULT_TOLERATIONS);
    taint(h, [UNREACHABLE]);
    h.sync('node:worker1');
    h.advance(100);
    taint(h, []);
    expect(h.sync('node:worker1')).toEqual([]);
    expect(h.events('web')).toEqual(['Normal TaintManagerEviction: Cancelling deletion of Pod default/web']);
    h.advance(200);
    expect(h.sync('evict:default/web')).toEqual([]);
    expect(h.pod('web').metadata.deletionTimestamp).toBeUndefined();
  });

  it('keeps the deletion already scheduled when the node changes again, counting from when it was first seen', () => {
    const h = harness();
    pod(h, 'web', DEFAULT_TOLERATIONS);
    taint(h, [UNREACHABLE]);
    h.sync('node:worker1');
    h.advance(100);
    taint(h, [UNREACHABLE, { key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' }]);
    expect(h.sync('node:worker1')).toEqual([]);
    h.advance(200);
    expect(h.sync('evict:default/web')).toEqual(['update pods/web/status', 'delete pods/web']);
  });

  it('looks at a pod when it is bound or its tolerations change, and forgets one that is gone', () => {
    const h = harness();
    taint(h, [UNREACHABLE]);
    const created = pod(h, 'web', DEFAULT_TOLERATIONS);
    expect(h.keysFor('ADDED', created)).toEqual(['pod:default/web']);
    expect(h.keysFor('MODIFIED', created, created)).toEqual([]);
    expect(h.sync('pod:default/web')).toEqual([]);
    expect(h.queuedIn('evict:default/web')).toBe(300_000);
    h.api.delete(h.api.resolveResource('pods')!, 'default', 'web', { gracePeriodSeconds: 0 });
    expect(h.sync('pod:default/web')).toEqual([]);
    expect(h.events('web')).toEqual(['Normal TaintManagerEviction: Cancelling deletion of Pod default/web']);
  });
});
