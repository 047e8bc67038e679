import { describe, expect, it } from 'vitest';
import { resolveResourceName } from '../../api/resources';
import type { KubeObject } from '../../api/types';
import { TestCluster } from '../../testing/testCluster';
import { OneSyncHarness } from '../job/oneSyncHarness';
import { NAMESPACE_CONTROLLER } from './namespaceController';
import type { NamespaceCondition } from './namespaceConditions';

const NAMESPACES = resolveResourceName('namespaces')!;
const PODS = resolveResourceName('pods')!;

function setup() {
  const h = new OneSyncHarness(NAMESPACE_CONTROLLER);
  h.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'demo' } });
  for (const name of ['a', 'b']) {
    h.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'demo' },
      spec: { containers: [{ name: 'c', image: 'nginx' }], serviceAccountName: 'default' },
    });
    h.api.bind('demo', name, 'worker1');
  }
  h.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'demo' }, data: {} });
  const namespace = () =>
    h.api.find(NAMESPACES, undefined, 'demo') as
      (KubeObject & { status?: { conditions?: NamespaceCondition[] } }) | undefined;
  return { h, namespace };
}

function conditionLines(conditions: NamespaceCondition[] | undefined): string[] {
  return (conditions ?? []).map((c) => `${c.type} ${c.status} ${c.reason}: ${c.message}`);
}

describe('namespace controller: one sync', () => {
  it('deletes the pods first, reports what remains, and looks again after half the grace period', () => {
    const { h, namespace } = setup();
    expect(h.keysFor('MODIFIED', namespace()!)).toEqual([]);
    h.api.delete(NAMESPACES, undefined, 'demo');
    expect(h.keysFor('MODIFIED', namespace()!)).toEqual(['demo']);
    expect(h.sync('demo')).toEqual([
      'delete pods/a (Background)',
      'delete pods/b (Background)',
      'update namespaces/demo/status',
    ]);
    expect(
      h.api.find(resolveResourceName('configmaps')!, 'demo', 'settings')?.metadata.deletionTimestamp,
    ).toBeUndefined();
    expect(conditionLines(namespace()?.status?.conditions)).toEqual([
      'NamespaceDeletionDiscoveryFailure False ResourcesDiscovered: All resources successfully discovered',
      'NamespaceDeletionGroupVersionParsingFailure False ParsedGroupVersions: All legacy kube types successfully parsed',
      'NamespaceDeletionContentFailure False ContentDeleted: All content successfully deleted, may be waiting on finalization',
      'NamespaceContentRemaining True SomeResourcesRemain: Some resources are remaining: pods. has 2 resource instances',
      'NamespaceFinalizersRemaining False ContentHasNoFinalizers: All content-preserving finalizers finished',
    ]);
    expect(h.queuedIn('demo')).toBe(16_000);

    // The kubelet finishes both pods; the next look finds them gone and deletes the rest.
    h.advance(16);
    for (const name of ['a', 'b']) h.api.delete(PODS, 'demo', name, { gracePeriodSeconds: 0 });
    expect(h.sync('demo')).toEqual([
      'delete configmaps/settings (Background)',
      'update namespaces/demo/status',
      'update namespaces/demo/finalize',
    ]);
    expect(namespace()).toBeUndefined();
    expect(h.decisions.about('Namespace', undefined, 'demo').map((d) => d.text)).toEqual([
      "deleted the namespace's content; 2 pods still going: expecting up to 30s, looking again in 16s",
      'the namespace is empty: removed the kubernetes finalizer',
    ]);
  });

  it('waits 8 s at a time for content held by a finalizer', () => {
    const h = new OneSyncHarness(NAMESPACE_CONTROLLER);
    h.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'demo' } });
    h.create({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'kept', namespace: 'demo', finalizers: ['example.com/keep'] },
    });
    h.api.delete(NAMESPACES, undefined, 'demo');
    expect(h.sync('demo')).toEqual(['delete configmaps/kept (Background)', 'update namespaces/demo/status']);
    const status = (h.api.find(NAMESPACES, undefined, 'demo')?.status ?? {}) as { conditions?: NamespaceCondition[] };
    expect(conditionLines(status.conditions).slice(3)).toEqual([
      'NamespaceContentRemaining True SomeResourcesRemain: Some resources are remaining: configmaps. has 1 resource instances',
      'NamespaceFinalizersRemaining True SomeFinalizersRemain: Some content in the namespace has finalizers remaining: example.com/keep in 1 resource instances',
    ]);
    expect(h.queuedIn('demo')).toBe(8000);
  });
});

describe('namespace controller in a cluster', () => {
  it('stays Terminating while its pods shut down, then removes the rest and disappears', () => {
    const c = new TestCluster();
    c.kubectl('create namespace demo');
    c.kubectl('create deployment web --image=nginx --replicas=2 -n demo');
    c.waitFor(() => c.pods('demo').filter((p) => p.status?.phase === 'Running').length === 2);
    expect(c.kubectl('delete namespace demo --wait=false').stdout).toBe('namespace "demo" deleted\n');
    c.advance(1);
    expect(c.kubectl('get namespace demo').stdout.split('\n')[1]).toMatch(/^demo +Terminating +/);
    expect(c.pods('demo')).toEqual([]);
    // Pods go first; the Deployment waits for the next look.
    expect(c.kubectl('get deployments -n demo -o name').stdout).toBe('deployment.apps/web\n');
    expect(c.kubectl('run late --image=nginx -n demo').stderr).toBe(
      'Error from server (Forbidden): pods "late" is forbidden: unable to create new content in namespace demo because it is being terminated\n',
    );
    c.advance(16);
    expect(c.kubectl('get namespace demo').stderr).toBe('Error from server (NotFound): namespaces "demo" not found\n');
  });
});
