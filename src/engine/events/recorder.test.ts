import { describe, expect, it } from 'vitest';
import { ApiServer } from '../api/apiServer';
import { resolveResourceName } from '../api/resources';
import type { KubeObject } from '../api/types';
import { seedRandom } from '../runtime/random';
import { EventRecorder, referenceTo, type InvolvedObject } from './recorder';

const EVENTS = resolveResourceName('events')!;
const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);

function setup() {
  const clock = { now: T0 };
  const api = new ApiServer(ApiServer.initialState(), () => clock.now, seedRandom(1));
  api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  const recorder = new EventRecorder(EventRecorder.initialState(), api);
  const events = () => api.all(EVENTS, 'default') as (KubeObject & Record<string, unknown>)[];
  return { clock, api, recorder, events };
}

const POD: InvolvedObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  name: 'web',
  namespace: 'default',
  uid: 'u1',
  resourceVersion: '5',
};
const KUBELET = { component: 'kubelet', host: 'worker1' };
const SCHEDULER = { controller: 'default-scheduler', instance: 'default-scheduler-master1' };

describe('EventRecorder.record (core/v1, client-go tools/record)', () => {
  it('names an event `<object>.<UnixNano hex>` and fills source, counts and timestamps', () => {
    const { recorder, events } = setup();
    recorder.record(
      { ...POD, fieldPath: 'spec.containers{app}' },
      'Normal',
      'Pulling',
      'Pulling image "nginx"',
      KUBELET,
    );
    const [event] = events();
    expect(event).toMatchObject({
      metadata: { name: 'web.1887ca1be9b3a000', namespace: 'default' },
      involvedObject: { ...POD, fieldPath: 'spec.containers{app}' },
      reason: 'Pulling',
      message: 'Pulling image "nginx"',
      source: { component: 'kubelet', host: 'worker1' },
      firstTimestamp: '2026-01-05T09:00:00Z',
      lastTimestamp: '2026-01-05T09:00:00Z',
      count: 1,
      type: 'Normal',
      reportingComponent: 'kubelet',
      reportingInstance: 'worker1',
    });
    expect((BigInt(T0) * 1_000_000n).toString(16)).toBe('1887ca1be9b3a000');
  });

  it('counts a repeat into the same object: count and lastTimestamp move, name and firstTimestamp stay', () => {
    const { clock, recorder, events } = setup();
    recorder.record(POD, 'Warning', 'BackOff', 'Back-off restarting failed container', KUBELET);
    const name = events()[0]!.metadata.name;
    clock.now += 65_000;
    recorder.record(POD, 'Warning', 'BackOff', 'Back-off restarting failed container', KUBELET);
    clock.now += 5_000;
    recorder.record(POD, 'Warning', 'BackOff', 'Back-off restarting failed container', KUBELET);
    expect(events()).toHaveLength(1);
    expect(events()[0]).toMatchObject({
      metadata: { name },
      count: 3,
      firstTimestamp: '2026-01-05T09:00:00Z',
      lastTimestamp: '2026-01-05T09:01:10Z',
    });
  });

  it('writes the 10th distinct message of a reason as a combined event that later ones update', () => {
    const { clock, recorder, events } = setup();
    for (let i = 1; i <= 12; i++) {
      clock.now = T0 + i * 1000;
      recorder.record(POD, 'Warning', 'FailedMount', `volume ${i} not found`, KUBELET);
    }
    const all = events();
    expect(all).toHaveLength(10);
    const combined = all.find((e) => String(e.message).startsWith('(combined'))!;
    expect(combined).toMatchObject({
      message: '(combined from similar events): volume 12 not found',
      count: 3,
      firstTimestamp: '2026-01-05T09:00:10Z',
      lastTimestamp: '2026-01-05T09:00:12Z',
      reportingComponent: '',
    });
  });

  it('creates an expired event again under its first name, counting on', () => {
    const { clock, recorder, events } = setup();
    recorder.record(POD, 'Warning', 'BackOff', 'again', KUBELET);
    const name = events()[0]!.metadata.name;
    clock.now += 60 * 60_000;
    expect(events()).toHaveLength(0);
    recorder.record(POD, 'Warning', 'BackOff', 'again', KUBELET);
    expect(events()).toMatchObject([{ metadata: { name }, count: 2, firstTimestamp: '2026-01-05T09:00:00Z' }]);
  });
});

describe('EventRecorder.eventf (events.k8s.io/v1, client-go tools/events)', () => {
  it('writes eventTime, action and the reporting controller, with no legacy source or count', () => {
    const { recorder, events } = setup();
    recorder.eventf(
      POD,
      undefined,
      'Normal',
      'Scheduled',
      'Binding',
      'Successfully assigned default/web to worker1',
      SCHEDULER,
    );
    const [event] = events();
    expect(event).toEqual({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: {
        name: 'web.1887ca1be9b3a000',
        namespace: 'default',
        uid: event!.metadata.uid,
        resourceVersion: event!.metadata.resourceVersion,
        creationTimestamp: '2026-01-05T09:00:00Z',
      },
      involvedObject: POD,
      reason: 'Scheduled',
      message: 'Successfully assigned default/web to worker1',
      type: 'Normal',
      action: 'Binding',
      eventTime: '2026-01-05T09:00:00.000000Z',
      reportingComponent: 'default-scheduler',
      reportingInstance: 'default-scheduler-master1',
      source: {},
    });
  });

  it('turns repeats into a series: the 2nd writes count 2, later ones count in memory until the series ends', () => {
    const { clock, recorder, events } = setup();
    const fail = (note: string) =>
      recorder.eventf(POD, undefined, 'Warning', 'FailedScheduling', 'Scheduling', note, SCHEDULER);
    fail('0/1 nodes are available: 1 Insufficient cpu.');
    clock.now += 60_000;
    fail('0/1 nodes are available: 1 Insufficient memory.');
    expect(events()).toHaveLength(1);
    expect(events()[0]).toMatchObject({
      message: '0/1 nodes are available: 1 Insufficient cpu.',
      series: { count: 2, lastObservedTime: '2026-01-05T09:01:00.000000Z' },
    });
    clock.now += 60_000;
    fail('0/1 nodes are available: 1 Insufficient cpu.');
    expect(events()[0]!.series).toEqual({ count: 2, lastObservedTime: '2026-01-05T09:01:00.000000Z' });

    // The 30-minute refresh writes the running count; the finish waits until 6 minutes without an occurrence.
    recorder.refreshSeries('default-scheduler');
    expect(events()[0]!.series).toEqual({ count: 3, lastObservedTime: '2026-01-05T09:02:00.000000Z' });
    clock.now += 60_000;
    fail('x');
    recorder.finishSeries('default-scheduler');
    expect(events()[0]!.series).toEqual({ count: 3, lastObservedTime: '2026-01-05T09:02:00.000000Z' });
    expect(recorder.hasPendingSeries('default-scheduler')).toBe(true);
    clock.now += 6 * 60_000 + 1;
    recorder.finishSeries('default-scheduler');
    expect(events()[0]!.series).toEqual({ count: 4, lastObservedTime: '2026-01-05T09:03:00.000000Z' });
    expect(recorder.hasPendingSeries('default-scheduler')).toBe(false);
  });

  it('starts a new event when the regarding object changed (another resourceVersion)', () => {
    const { recorder, events } = setup();
    recorder.eventf(POD, undefined, 'Warning', 'FailedScheduling', 'Scheduling', 'a', SCHEDULER);
    recorder.eventf(
      { ...POD, resourceVersion: '6' },
      undefined,
      'Warning',
      'FailedScheduling',
      'Scheduling',
      'a',
      SCHEDULER,
    );
    expect(events()).toHaveLength(2);
  });

  it('forgets a singleton after 6 minutes, so a later repeat is a new event', () => {
    const { clock, recorder, events } = setup();
    recorder.eventf(POD, undefined, 'Normal', 'Scheduled', 'Binding', 'a', SCHEDULER);
    clock.now += 6 * 60_000 + 1;
    recorder.finishSeries('default-scheduler');
    recorder.eventf(POD, undefined, 'Normal', 'Scheduled', 'Binding', 'a', SCHEDULER);
    expect(events().map((e) => e.series)).toEqual([undefined, undefined]);
  });
});

describe('referenceTo', () => {
  it('is the object reference an event points at', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web', namespace: 'default', uid: 'u1', resourceVersion: '5', labels: { a: 'b' } },
    };
    expect(referenceTo(pod, 'spec.containers{app}')).toEqual({ ...POD, fieldPath: 'spec.containers{app}' });
  });
});
