import { describe, expect, it } from 'vitest';
import type { NodeView, PodView, ServiceView, WorkloadView } from '../../engine/view/clusterViewTypes';
import en from '../i18n/locales/en/graph.json';
import {
  explainPodStatus,
  graceFraction,
  nodeAriaLabel,
  nodeTooltip,
  podAriaLabel,
  podTooltip,
  serviceAriaLabel,
  serviceTooltip,
  workloadAriaLabel,
  workloadTooltip,
  type Translate,
} from './graphText';
import { podStatusCategory } from './podStatusCategory';
import { shortenName } from './shortenName';

/** i18next's lookup and `{{name}}` interpolation over the English table. */
const t: Translate = (key, values = {}) => {
  const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], en);
  if (typeof text !== 'string') throw new Error(`no string at ${key}`);
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));
};

function pod(extra: Partial<PodView> = {}): PodView {
  return {
    namespace: 'default',
    name: 'web-0',
    uid: 'u1',
    node: 'worker1',
    status: 'Running',
    ready: '1/1',
    restarts: 0,
    phase: 'Running',
    podReady: true,
    created: 0,
    containers: [],
    probeFailures: { liveness: 0, readiness: 0, startup: 0 },
    ...extra,
  };
}

const NODE: NodeView = {
  name: 'worker1',
  uid: 'n1',
  roles: [],
  ready: 'True',
  status: 'Ready,SchedulingDisabled',
  unschedulable: true,
  taints: ['node.kubernetes.io/unschedulable:NoSchedule'],
  pressures: ['MemoryPressure'],
};

const workload = (extra: Partial<WorkloadView>): WorkloadView => ({
  kind: 'Deployment',
  namespace: 'default',
  name: 'web',
  uid: 'w1',
  desired: 3,
  current: 3,
  ready: 2,
  ...extra,
});

describe('accessible names', () => {
  it('follow `<Kind> <name>, <status>, <ready> ready` for pods and the short forms for the rest', () => {
    expect(podAriaLabel(pod())).toBe('Pod web-0, Running, 1/1 ready');
    expect(podAriaLabel(pod({ status: 'CrashLoopBackOff', ready: '0/2' }))).toBe(
      'Pod web-0, CrashLoopBackOff, 0/2 ready',
    );
    expect(nodeAriaLabel(NODE)).toBe('Node worker1, Ready,SchedulingDisabled');
    expect(workloadAriaLabel(workload({}))).toBe('Deployment web, 2/3 ready');
    expect(workloadAriaLabel(workload({ kind: 'Job', name: 'pi', desired: 5, succeeded: 2 }))).toBe(
      'Job pi, 2/5 succeeded',
    );
    expect(workloadAriaLabel(workload({ kind: 'CronJob', name: 'tick', detail: '*/5 * * * *', current: 1 }))).toBe(
      'CronJob tick, */5 * * * *, 1 active',
    );
    const service: ServiceView = {
      namespace: 'default',
      name: 'web',
      uid: 's1',
      type: 'ClusterIP',
      clusterIP: '10.96.3.4',
      endpoints: [
        { ip: '10.244.1.2', ready: true, podUid: 'a' },
        { ip: '10.244.1.3', ready: false, podUid: 'b' },
      ],
    };
    expect(serviceAriaLabel(service)).toBe('Service web, 1/2 endpoints ready');
    expect(serviceTooltip(service, t)).toBe(
      'Service default/web (ClusterIP, 10.96.3.4)\n' +
        'Sends traffic to the ready pods its selector matches: 1 of 2 endpoints ready.',
    );
  });
});

describe('tooltips', () => {
  it('explain a pod in plain words, with its probe failures', () => {
    const failing = pod({
      status: 'Running',
      podReady: false,
      ready: '0/1',
      restarts: 2,
      owner: { kind: 'ReplicaSet', namespace: 'default', name: 'web-5d9f', uid: 'rs' },
      probeFailures: { liveness: 3, readiness: 1, startup: 0 },
    });
    expect(podTooltip(failing, t, 0)).toBe(
      [
        'Pod default/web-0',
        'Running · 0/1 containers ready · 2 restarts',
        'Running, but not ready: a container is not ready or a readiness probe fails, so Services send it no traffic.',
        'Runs on node worker1',
        'Managed by ReplicaSet web-5d9f',
        'Liveness probe failed 3 times (the kubelet restarts the container after enough failures)',
        "Readiness probe failed 1 times (the pod is taken out of its Services' endpoints)",
      ].join('\n'),
    );
  });

  it('pick the explanation from kubectl STATUS', () => {
    const explain = (extra: Partial<PodView>) => explainPodStatus(pod(extra), t, 1_000);
    expect(explain({ status: 'Pending', node: undefined })).toBe(en.podStatus.Unscheduled);
    expect(explain({ status: 'Pending' })).toBe(en.podStatus.Pending);
    expect(explain({ status: 'Init:0/2' })).toBe(en.podStatus.Initializing);
    expect(explain({ status: 'Init:CrashLoopBackOff' })).toBe(
      'An init container failed (Init:CrashLoopBackOff); the app containers cannot start.',
    );
    expect(explain({ status: 'ExitCode:3' })).toBe(en.podStatus.Error);
    expect(explain({ status: 'ImagePullBackOff' })).toBe(en.podStatus.ImagePullBackOff);
    expect(explain({ status: 'CreateContainerConfigError' })).toBe(
      'Something stops a container from running: CreateContainerConfigError.',
    );
    expect(explain({ status: 'Terminating', deletionDeadline: 13_500 })).toBe(
      'Being deleted: its containers got SIGTERM and have 13 s of grace left before SIGKILL.',
    );
  });

  it('describe a node and a workload', () => {
    expect(nodeTooltip(NODE, t)).toBe(
      [
        'Node worker1',
        'Ready,SchedulingDisabled: the kubelet reports this node healthy.',
        'Cordoned: its pods keep running, but no new pods are scheduled here.',
        'Taints: node.kubernetes.io/unschedulable:NoSchedule (only pods that tolerate them are scheduled here)',
        'Under pressure: MemoryPressure',
      ].join('\n'),
    );
    expect(workloadTooltip(workload({ kind: 'ReplicaSet', name: 'web-5d9f', revision: '2' }), t)).toBe(
      [
        'ReplicaSet default/web-5d9f',
        'Keeps 3 identical pods running.',
        '2 ready, 3 current, 3 desired',
        'Revision 2',
      ].join('\n'),
    );
    expect(
      workloadTooltip(workload({ kind: 'CronJob', name: 'tick', detail: '@hourly', current: 0, paused: true }), t),
    ).toBe(
      ['CronJob default/tick', 'Creates a Job on the schedule @hourly.', '0 active Jobs', en.workload.suspended].join(
        '\n',
      ),
    );
  });
});

describe('graceFraction', () => {
  it('is the share of the grace period left, 30 s when none is given', () => {
    expect(graceFraction(pod({ deletionDeadline: 20_000, gracePeriodSeconds: 20 }), 5_000)).toBe(0.75);
    expect(graceFraction(pod({ deletionDeadline: 20_000 }), 5_000)).toBe(0.5);
    expect(graceFraction(pod({ deletionDeadline: 20_000, gracePeriodSeconds: 20 }), 25_000)).toBe(0);
    expect(graceFraction(pod({ deletionDeadline: 20_000, gracePeriodSeconds: 0 }), 5_000)).toBe(0);
    expect(graceFraction(pod(), 5_000)).toBe(0);
  });
});

describe('podStatusCategory', () => {
  it('maps kubectl STATUS (and readiness) to the card shape', () => {
    const cases: [Partial<PodView>, string][] = [
      [{ status: 'Running' }, 'ready'],
      [{ status: 'Running', podReady: false }, 'notReady'],
      [{ status: 'NotReady' }, 'notReady'],
      [{ status: 'ContainerCreating' }, 'pending'],
      [{ status: 'Init:1/2' }, 'pending'],
      [{ status: 'Init:Error' }, 'error'],
      [{ status: 'CrashLoopBackOff' }, 'error'],
      [{ status: 'OOMKilled' }, 'error'],
      [{ status: 'Completed' }, 'completed'],
      [{ status: 'Terminating' }, 'terminating'],
      [{ status: 'Unknown' }, 'unknown'],
    ];
    expect(cases.map(([extra]) => podStatusCategory(pod(extra)))).toEqual(cases.map(([, category]) => category));
  });
});

describe('shortenName', () => {
  it('keeps the head and the random tail of long generated names', () => {
    expect(shortenName('web-0', 13)).toBe('web-0');
    expect(shortenName('web-7d9f8c6b5-x2k4p', 13)).toBe('web-7d9…x2k4p');
    expect(shortenName('nginx-deployment-66b6c48dd5-abcde', 13)).toBe('nginx-d…abcde');
    expect(shortenName('a-verylongsuffixname', 13)).toBe('a-verylongsu…');
    expect(shortenName('averyveryverylongname', 13)).toBe('averyveryver…');
  });
});
