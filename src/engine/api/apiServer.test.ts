import { describe, expect, it } from 'vitest';
import { ApiServer } from './apiServer';
import { resolveResourceName } from './resources';
import type { KubeObject, WatchEvent } from './types';
import { seedRandom } from '../runtime/random';

const PODS = resolveResourceName('pods')!;
const DEPLOYMENTS = resolveResourceName('deployments.apps')!;
const CONFIGMAPS = resolveResourceName('configmaps')!;
const NAMESPACES = resolveResourceName('namespaces')!;
const SERVICES = resolveResourceName('services')!;
const JOBS = resolveResourceName('jobs.batch')!;
const EVENTS = resolveResourceName('events')!;
const DAEMONSETS = resolveResourceName('daemonsets.apps')!;
const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);

function setup() {
  const clock = { now: T0 };
  const api = new ApiServer(ApiServer.initialState(), () => clock.now, seedRandom(1));
  for (const name of ['default', 'kube-system'])
    api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  const changes: string[] = [];
  api.watch((event, resource) =>
    changes.push(
      `${event.type} ${resource.plural}/${event.object.metadata.name} ${event.object.metadata.resourceVersion}`,
    ),
  );
  return { clock, api, changes };
}

function pod(name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels: { app: 'web' } },
    spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] },
    ...extra,
  };
}

const configMap = (
  name: string,
  data: Record<string, string> = { a: '1' },
  metadata: Record<string, unknown> = {},
) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, ...metadata },
  data,
});

const deployment = (replicas: number) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: {
    replicas,
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx' }] } },
  },
});

function ok<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function bindPod(api: ApiServer, name: string): KubeObject {
  return ok(api.bind('default', name, 'worker1'));
}

describe('ApiServer: create', () => {
  it('assigns uid, creationTimestamp and a resourceVersion that grows with every write', () => {
    const { api } = setup();
    const a = ok(api.create(configMap('a')));
    const b = ok(api.create(configMap('b')));
    expect(a.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.metadata.uid).not.toBe(b.metadata.uid);
    expect(a.metadata.creationTimestamp).toBe('2026-01-05T09:00:00Z');
    expect(Number(b.metadata.resourceVersion)).toBe(Number(a.metadata.resourceVersion) + 1);
    const updated = ok(api.update({ ...a, data: { a: '2' } }));
    expect(Number(updated.metadata.resourceVersion)).toBe(Number(b.metadata.resourceVersion) + 1);
    expect(api.resourceVersion()).toBe(updated.metadata.resourceVersion);
  });

  it('generates a name from generateName: the base cut to 58 characters and 5 random characters', () => {
    const { api } = setup();
    const short = ok(api.create(configMap('', {}, { generateName: 'web-' })));
    expect(short.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    const long = ok(api.create(configMap('', {}, { generateName: 'x'.repeat(70) })));
    expect(long.metadata.name).toMatch(new RegExp(`^${'x'.repeat(58)}[bcdfghjklmnpqrstvwxz2456789]{5}$`));
  });

  it('starts generation at 1 for kinds that track it and leaves it out for the others', () => {
    const { api } = setup();
    expect(ok(api.create(deployment(1))).metadata.generation).toBe(1);
    expect(ok(api.create(pod('p'))).metadata.generation).toBe(1);
    expect(ok(api.create(configMap('c'))).metadata.generation).toBeUndefined();
    const service = ok(
      api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 80 }] } }),
    );
    expect(service.metadata.generation).toBeUndefined();
  });

  it('refuses an object whose namespace does not exist, and one that already exists', () => {
    const { api } = setup();
    expect(api.create({ ...configMap('a'), metadata: { name: 'a', namespace: 'x' } })).toEqual({
      ok: false,
      error: {
        code: 404,
        reason: 'NotFound',
        message: 'namespaces "x" not found',
        details: { name: 'x', kind: 'namespaces' },
      },
    });
    ok(api.create(configMap('a')));
    const again = api.create(configMap('a'));
    expect(again.ok ? '' : again.error.message).toBe('configmaps "a" already exists');
    expect(again.ok ? 0 : again.error.code).toBe(409);
  });

  it('says the existing object is being deleted when the name is taken by a terminating one', () => {
    const { api } = setup();
    ok(api.create(configMap('a', {}, { finalizers: ['example.com/keep'] })));
    ok(api.delete(CONFIGMAPS, 'default', 'a'));
    const again = api.create(configMap('a'));
    expect(again.ok ? '' : again.error.message).toBe('object is being deleted: configmaps "a" already exists');
  });

  it('changes nothing for an invalid object: no resourceVersion is used up', () => {
    const { api, changes } = setup();
    const before = api.resourceVersion();
    const result = api.create(pod('Bad_Name'));
    expect(result.ok).toBe(false);
    expect(result.ok ? 0 : result.error.code).toBe(422);
    expect(api.resourceVersion()).toBe(before);
    expect(changes).toEqual([]);
  });

  it('gives a pod with scheduling gates the SchedulingGated condition', () => {
    const { api } = setup();
    const gated = ok(
      api.create(pod('g', { spec: { schedulingGates: [{ name: 'x' }], containers: [{ name: 'a', image: 'nginx' }] } })),
    );
    expect((gated.status as { conditions: unknown[] }).conditions).toEqual([
      {
        type: 'PodScheduled',
        status: 'False',
        reason: 'SchedulingGated',
        message: 'Scheduling is blocked due to non-empty scheduling gates',
        lastProbeTime: null,
        lastTransitionTime: null,
      },
    ]);
  });
});

describe('ApiServer: update and optimistic concurrency', () => {
  it('refuses a stale resourceVersion with the real Conflict message', () => {
    const { api } = setup();
    const first = ok(api.create(configMap('a')));
    ok(api.update({ ...first, data: { a: '2' } }));
    const stale = api.update({ ...first, data: { a: '3' } });
    expect(stale).toEqual({
      ok: false,
      error: {
        code: 409,
        reason: 'Conflict',
        message:
          'Operation cannot be fulfilled on configmaps "a": the object has been modified; please apply your changes to the latest version and try again',
        details: { name: 'a', group: '', kind: 'configmaps' },
      },
    });
  });

  it('does not write (nor bump the resourceVersion) when an update changes nothing', () => {
    const { api, changes } = setup();
    const created = ok(api.create(configMap('a')));
    const same = ok(api.update(created));
    expect(same.metadata.resourceVersion).toBe(created.metadata.resourceVersion);
    expect(changes).toHaveLength(1);
  });

  it('bumps generation for spec changes only, and for a Deployment also for annotation changes', () => {
    const { api } = setup();
    const created = ok(api.create(deployment(1)));
    const scaled = ok(api.patch(DEPLOYMENTS, 'default', 'web', 'merge', { spec: { replicas: 3 } }));
    expect(scaled.metadata.generation).toBe(2);
    const labelled = ok(api.patch(DEPLOYMENTS, 'default', 'web', 'merge', { metadata: { labels: { tier: 'a' } } }));
    expect(labelled.metadata.generation).toBe(2);
    const annotated = ok(api.patch(DEPLOYMENTS, 'default', 'web', 'merge', { metadata: { annotations: { a: 'b' } } }));
    expect(annotated.metadata.generation).toBe(3);
    const status = ok(api.updateStatus({ ...annotated, status: { replicas: 3 } }));
    expect(status.metadata.generation).toBe(3);
    expect(created.metadata.uid).toBe(status.metadata.uid);
  });

  it('keeps a pod generation for label changes and bumps it for spec changes', () => {
    const { api } = setup();
    ok(api.create(pod('p')));
    expect(ok(api.patch(PODS, 'default', 'p', 'merge', { metadata: { labels: { x: 'y' } } })).metadata.generation).toBe(
      1,
    );
    const image = ok(
      api.patch(PODS, 'default', 'p', 'strategic', { spec: { containers: [{ name: 'app', image: 'nginx:1.28' }] } }),
    );
    expect(image.metadata.generation).toBe(2);
  });

  it('ignores status on the main endpoint and spec on the status endpoint', () => {
    const { api } = setup();
    const created = ok(api.create(pod('p')));
    const viaSpec = ok(api.update({ ...created, status: { phase: 'Running' } }));
    expect((viaSpec.status as { phase: string }).phase).toBe('Pending');
    const viaStatus = ok(
      api.updateStatus({ ...viaSpec, spec: { containers: [{ name: 'x', image: 'y' }] }, status: { phase: 'Running' } }),
    );
    expect((viaStatus.status as { phase: string }).phase).toBe('Running');
    expect(viaStatus.spec).toEqual(created.spec);
  });

  it('counts a DaemonSet template change in its template generation annotation', () => {
    const { api } = setup();
    const ds = {
      ...deployment(1),
      kind: 'DaemonSet',
      spec: { selector: deployment(1).spec.selector, template: deployment(1).spec.template },
    };
    const created = ok(api.create(ds));
    expect(created.metadata.annotations).toEqual({ 'deprecated.daemonset.template.generation': '1' });
    const changed = ok(
      api.patch(DAEMONSETS, 'default', 'web', 'merge', {
        spec: { template: { metadata: { labels: { app: 'web', v: '2' } } } },
      }),
    );
    expect(changed.metadata.annotations).toEqual({ 'deprecated.daemonset.template.generation': '2' });
    expect(changed.metadata.generation).toBe(2);
  });
});

describe('ApiServer: reads and selectors', () => {
  it('answers NotFound with the resource and name', () => {
    const { api } = setup();
    expect(api.get(DEPLOYMENTS, 'default', 'nope')).toEqual({
      ok: false,
      error: {
        code: 404,
        reason: 'NotFound',
        message: 'deployments.apps "nope" not found',
        details: { name: 'nope', group: 'apps', kind: 'deployments' },
      },
    });
  });

  it('lists with label and field selectors, and refuses a malformed selector', () => {
    const { api } = setup();
    ok(api.create(pod('a')));
    ok(api.create(pod('b', { metadata: { name: 'b', labels: { app: 'db' } } })));
    bindPod(api, 'b');
    const names = (options: Parameters<ApiServer['list']>[2]) =>
      ok(api.list(PODS, 'default', options)).map((p) => p.metadata.name);
    expect(names({ labelSelector: 'app=web' })).toEqual(['a']);
    expect(names({ labelSelector: 'app in (web,db)' })).toEqual(['a', 'b']);
    expect(names({ fieldSelector: 'spec.nodeName=worker1' })).toEqual(['b']);
    expect(names({ fieldSelector: 'metadata.name!=a,status.phase=Pending' })).toEqual(['b']);
    expect(api.list(PODS, 'default', { labelSelector: 'app in (' }).ok).toBe(false);
  });
});

describe('ApiServer: watches', () => {
  it('delivers ADDED, MODIFIED and DELETED in order, each with its own resourceVersion', () => {
    const { api, changes } = setup();
    ok(api.create(configMap('a')));
    ok(api.patch(CONFIGMAPS, 'default', 'a', 'merge', { data: { a: '2' } }));
    ok(api.delete(CONFIGMAPS, 'default', 'a'));
    expect(changes).toEqual(['ADDED configmaps/a 4', 'MODIFIED configmaps/a 5', 'DELETED configmaps/a 6']);
  });

  it('resumes from a resourceVersion, filtering by selector (entering is ADDED, leaving is DELETED)', () => {
    const { api } = setup();
    const from = api.resourceVersion();
    ok(api.create(configMap('a', {}, { labels: { keep: 'yes' } })));
    ok(api.create(configMap('b')));
    ok(api.patch(CONFIGMAPS, 'default', 'b', 'merge', { metadata: { labels: { keep: 'yes' } } }));
    ok(api.patch(CONFIGMAPS, 'default', 'a', 'merge', { metadata: { labels: { keep: 'no' } } }));
    const summary = (events: WatchEvent[]) =>
      events.map(
        (e) =>
          `${e.type} ${e.object.metadata.name} ${e.object.metadata.resourceVersion} ${e.object.metadata.labels?.keep}`,
      );
    expect(summary(ok(api.watchSince(CONFIGMAPS, 'default', from)))).toEqual([
      'ADDED a 4 yes',
      'ADDED b 5 undefined',
      'MODIFIED b 6 yes',
      'MODIFIED a 7 no',
    ]);
    expect(summary(ok(api.watchSince(CONFIGMAPS, 'default', from, { labelSelector: 'keep=yes' })))).toEqual([
      'ADDED a 4 yes',
      'ADDED b 6 yes',
      'DELETED a 7 yes',
    ]);
    expect(summary(ok(api.watchSince(CONFIGMAPS, 'default', '0', { labelSelector: 'keep=yes' })))).toEqual([
      'ADDED b 6 yes',
    ]);
  });

  it('answers 410 for a resourceVersion older than the kept window', () => {
    const { api } = setup();
    const from = api.resourceVersion();
    ok(api.create(configMap('a')));
    for (let i = 0; i < 60; i++) ok(api.patch(CONFIGMAPS, 'default', 'a', 'merge', { data: { a: String(i) } }));
    expect(api.watchSince(CONFIGMAPS, 'default', from)).toEqual({
      ok: false,
      error: { code: 410, reason: 'Gone', message: 'too old resource version: 3 (14)' },
    });
    expect(ok(api.watchSince(CONFIGMAPS, 'default', '60')).map((e) => e.object.metadata.resourceVersion)).toEqual([
      '61',
      '62',
      '63',
      '64',
    ]);
  });
});

describe('ApiServer: deletion', () => {
  it('deletes an unscheduled pod at once: marked (grace 0) and removed', () => {
    const { api, changes } = setup();
    ok(api.create(pod('p')));
    const deleted = ok(api.delete(PODS, 'default', 'p'));
    expect(deleted.metadata.deletionGracePeriodSeconds).toBe(0);
    expect(deleted.metadata.generation).toBe(2);
    expect(changes.slice(1)).toEqual(['MODIFIED pods/p 5', 'DELETED pods/p 6']);
    expect(api.find(PODS, 'default', 'p')).toBeUndefined();
  });

  it('deletes a scheduled pod gracefully; a second delete may only shorten the grace, counted from the first', () => {
    const { api, clock } = setup();
    ok(
      api.create(
        pod('p', { spec: { terminationGracePeriodSeconds: 40, containers: [{ name: 'a', image: 'nginx' }] } }),
      ),
    );
    bindPod(api, 'p');
    const first = ok(api.delete(PODS, 'default', 'p'));
    expect(first.metadata).toMatchObject({
      deletionTimestamp: '2026-01-05T09:00:40Z',
      deletionGracePeriodSeconds: 40,
      generation: 2,
    });
    clock.now += 10_000;
    const longer = ok(api.delete(PODS, 'default', 'p', { gracePeriodSeconds: 60 }));
    expect(longer.metadata.resourceVersion).toBe(first.metadata.resourceVersion);
    const shorter = ok(api.delete(PODS, 'default', 'p', { gracePeriodSeconds: 5 }));
    expect(shorter.metadata).toMatchObject({
      deletionTimestamp: '2026-01-05T09:00:05Z',
      deletionGracePeriodSeconds: 5,
    });
    // The kubelet's final delete with grace 0 removes it.
    ok(api.delete(PODS, 'default', 'p', { gracePeriodSeconds: 0, preconditionUid: shorter.metadata.uid }));
    expect(api.find(PODS, 'default', 'p')).toBeUndefined();
  });

  it('refuses a delete whose uid precondition does not match', () => {
    const { api } = setup();
    ok(api.create(pod('p')));
    const result = api.delete(PODS, 'default', 'p', { preconditionUid: 'other' });
    expect(result.ok ? '' : result.error.message).toMatch(
      /^Operation cannot be fulfilled on Pod "p": the UID in the precondition \(other\) does not match the UID in record \(.+\)\. The object might have been deleted and then recreated$/,
    );
  });

  it('keeps an object with finalizers until the last one is removed', () => {
    const { api, clock } = setup();
    ok(api.create(configMap('a', {}, { finalizers: ['example.com/a', 'example.com/b'] })));
    const marked = ok(api.delete(CONFIGMAPS, 'default', 'a'));
    expect(marked.metadata).toMatchObject({ deletionTimestamp: '2026-01-05T09:00:00Z', deletionGracePeriodSeconds: 0 });
    clock.now += 5000;
    const again = ok(api.delete(CONFIGMAPS, 'default', 'a'));
    expect(again.metadata.deletionTimestamp).toBe('2026-01-05T09:00:00Z');
    ok(api.patch(CONFIGMAPS, 'default', 'a', 'json', [{ op: 'remove', path: '/metadata/finalizers/0' }]));
    expect(api.find(CONFIGMAPS, 'default', 'a')?.metadata.finalizers).toEqual(['example.com/b']);
    const added = api.patch(CONFIGMAPS, 'default', 'a', 'merge', {
      metadata: { finalizers: ['example.com/b', 'x/y'] },
    });
    expect(added.ok ? '' : added.error.message).toContain(
      'no new finalizers can be added if the object is being deleted',
    );
    ok(api.patch(CONFIGMAPS, 'default', 'a', 'merge', { metadata: { finalizers: null } }));
    expect(api.find(CONFIGMAPS, 'default', 'a')).toBeUndefined();
  });

  it('adds the garbage collector finalizer a propagation policy asks for', () => {
    const { api } = setup();
    ok(api.create(deployment(1)));
    const foreground = ok(api.delete(DEPLOYMENTS, 'default', 'web', { propagationPolicy: 'Foreground' }));
    expect(foreground.metadata.finalizers).toEqual(['foregroundDeletion']);
    expect(foreground.metadata.generation).toBe(2);
    ok(api.create(configMap('c')));
    expect(ok(api.delete(CONFIGMAPS, 'default', 'c', { propagationPolicy: 'Orphan' })).metadata.finalizers).toEqual([
      'orphan',
    ]);
  });

  it('orphans a batch/v1 Job by default and warns about it', () => {
    const { api } = setup();
    ok(
      api.create({
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: { name: 'pi' },
        spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl' }] } } },
      }),
    );
    const result = api.delete(JOBS, 'default', 'pi');
    expect(result.ok && result.value.metadata.finalizers).toEqual(['orphan']);
    expect(result.ok && result.warnings).toEqual([
      'child pods are preserved by default when jobs are deleted; set propagationPolicy=Background to remove them or set propagationPolicy=Orphan to suppress this warning',
    ]);
  });
});

describe('ApiServer: namespaces', () => {
  it('marks a deleted namespace Terminating and refuses new content, leaving the content to the namespace controller', () => {
    const { api } = setup();
    ok(api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'demo' } }));
    expect(api.find(NAMESPACES, undefined, 'demo')?.spec).toEqual({ finalizers: ['kubernetes'] });
    ok(api.create({ ...configMap('c'), metadata: { name: 'c', namespace: 'demo' } }));
    ok(api.create({ ...pod('running'), metadata: { name: 'running', namespace: 'demo' } }));
    ok(api.bind('demo', 'running', 'worker1'));
    const terminating = ok(api.delete(NAMESPACES, undefined, 'demo'));
    expect(terminating.status).toEqual({ phase: 'Terminating' });
    expect(terminating.metadata.deletionTimestamp).toBe('2026-01-05T09:00:00Z');
    expect(api.find(CONFIGMAPS, 'demo', 'c')).toBeDefined();
    expect(api.find(PODS, 'demo', 'running')?.metadata.deletionTimestamp).toBeUndefined();
    const refused = api.create({ ...pod('x'), metadata: { name: 'x', namespace: 'demo' } });
    expect(refused.ok ? undefined : refused.error).toMatchObject({
      code: 403,
      reason: 'Forbidden',
      message: 'pods "x" is forbidden: unable to create new content in namespace demo because it is being terminated',
    });
    expect(ok(api.delete(NAMESPACES, undefined, 'demo')).metadata.name).toBe('demo');
    ok(api.delete(PODS, 'demo', 'running', { gracePeriodSeconds: 0 }));
    expect(api.find(NAMESPACES, undefined, 'demo')?.status).toEqual({ phase: 'Terminating' });
  });

  it('removes a namespace through the finalize subresource once its finalizers are gone', () => {
    const { api } = setup();
    ok(api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'demo' } }));
    ok(
      api.create({
        ...configMap('c', {}, { finalizers: ['example.com/keep'] }),
        metadata: { name: 'c', namespace: 'demo', finalizers: ['example.com/keep'] },
      }),
    );
    ok(api.delete(NAMESPACES, undefined, 'demo'));
    expect(api.find(NAMESPACES, undefined, 'demo')?.status).toEqual({ phase: 'Terminating' });
    ok(api.finalizeNamespace('demo', []));
    expect(api.find(NAMESPACES, undefined, 'demo')).toBeUndefined();
  });

  it('never deletes default, kube-system or kube-public', () => {
    const { api } = setup();
    const result = api.delete(NAMESPACES, undefined, 'default');
    expect(result.ok ? '' : result.error.message).toBe(
      'namespaces "default" is forbidden: this namespace may not be deleted',
    );
  });
});

describe('ApiServer: binding', () => {
  it('sets nodeName and PodScheduled, once', () => {
    const { api } = setup();
    ok(api.create(pod('p')));
    const bound = bindPod(api, 'p');
    expect((bound.spec as { nodeName: string }).nodeName).toBe('worker1');
    expect((bound.status as { conditions: unknown[] }).conditions).toEqual([
      { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: '2026-01-05T09:00:00Z' },
    ]);
    const again = api.bind('default', 'p', 'worker2');
    expect(again.ok ? '' : again.error.message).toBe(
      'Operation cannot be fulfilled on pods/binding "p": pod p is already assigned to node "worker1"',
    );
  });
});

describe('ApiServer: event leases', () => {
  it('forgets an Event an hour after it was last written', () => {
    const { api, clock } = setup();
    const event = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'e1' },
      involvedObject: { kind: 'Pod', name: 'p', namespace: 'default' },
      reason: 'Test',
      message: 'm',
      type: 'Normal',
    };
    ok(api.create(event));
    clock.now += 30 * 60_000;
    ok(api.patch(EVENTS, 'default', 'e1', 'merge', { message: 'm2' }));
    clock.now += 59 * 60_000;
    expect(api.find(EVENTS, 'default', 'e1')?.message).toBe('m2');
    clock.now += 60_000;
    expect(api.find(EVENTS, 'default', 'e1')).toBeUndefined();
    expect(api.find(SERVICES, 'default', 'x')).toBeUndefined();
  });
});
