import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { podPrinter } from './podPrinter';

const NOW = Date.parse('2025-01-01T01:00:00Z');

function pod(
  spec: Record<string, unknown>,
  status: Record<string, unknown>,
  metadata: Record<string, unknown> = {},
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', creationTimestamp: '2025-01-01T00:00:00Z', ...metadata },
    spec: { containers: [{ name: 'app' }], ...spec },
    status,
  };
}

/** READY, STATUS and RESTARTS cells. */
const cells = (p: KubeObject) => podPrinter.row(p, NOW).slice(1, 4);

const running = {
  state: { running: { startedAt: '2025-01-01T00:00:10Z' } },
  ready: true,
  restartCount: 0,
  name: 'app',
};

describe('podPrinter STATUS, READY and RESTARTS', () => {
  it('shows the phase while containers run', () => {
    expect(cells(pod({}, { phase: 'Running', containerStatuses: [running] }))).toEqual(['1/1', 'Running', '0']);
    expect(cells(pod({}, { phase: 'Pending' }))).toEqual(['0/1', 'Pending', '0']);
  });

  it('shows the waiting reason and restarts with the time of the last one', () => {
    const crashing = {
      name: 'app',
      ready: false,
      restartCount: 6,
      state: { waiting: { reason: 'CrashLoopBackOff' } },
      lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: '2025-01-01T00:57:54Z' } },
    };
    expect(cells(pod({}, { phase: 'Running', containerStatuses: [crashing] }))).toEqual([
      '0/1',
      'CrashLoopBackOff',
      '6 (2m6s ago)',
    ]);
  });

  it('shows terminated reasons, or ExitCode:N without one', () => {
    const done = (t: Record<string, unknown>) => ({
      name: 'app',
      ready: false,
      restartCount: 0,
      state: { terminated: t },
    });
    expect(
      cells(pod({}, { phase: 'Succeeded', containerStatuses: [done({ exitCode: 0, reason: 'Completed' })] }))[1],
    ).toBe('Completed');
    expect(cells(pod({}, { phase: 'Failed', containerStatuses: [done({ exitCode: 3 })] }))[1]).toBe('ExitCode:3');
    expect(cells(pod({}, { phase: 'Failed', containerStatuses: [done({ exitCode: 137, signal: 9 })] }))[1]).toBe(
      'Signal:9',
    );
  });

  it('lets the first container with a reason win, and says NotReady when one completed and one runs', () => {
    const twoSpec = { containers: [{ name: 'a' }, { name: 'b' }] };
    const completed = {
      name: 'a',
      ready: false,
      restartCount: 0,
      state: { terminated: { exitCode: 0, reason: 'Completed' } },
    };
    const b = { ...running, name: 'b' };
    expect(cells(pod(twoSpec, { phase: 'Running', containerStatuses: [completed, b] }))).toEqual([
      '1/2',
      'NotReady',
      '0',
    ]);
    expect(
      cells(
        pod(twoSpec, {
          phase: 'Running',
          conditions: [{ type: 'Ready', status: 'True' }],
          containerStatuses: [completed, b],
        }),
      )[1],
    ).toBe('Running');
    const pulling = { name: 'b', ready: false, restartCount: 0, state: { waiting: { reason: 'ErrImagePull' } } };
    const creating = { name: 'a', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } };
    expect(cells(pod(twoSpec, { phase: 'Pending', containerStatuses: [creating, pulling] }))[1]).toBe(
      'ContainerCreating',
    );
  });

  it('shows init progress and init failures', () => {
    const spec = { initContainers: [{ name: 'i1' }, { name: 'i2' }] };
    const waitingInit = (name: string, reason?: string) => ({
      name,
      ready: false,
      restartCount: 0,
      state: { waiting: reason ? { reason } : {} },
    });
    const initDone = {
      name: 'i1',
      ready: false,
      restartCount: 0,
      state: { terminated: { exitCode: 0, reason: 'Completed' } },
    };
    expect(
      cells(pod(spec, { phase: 'Pending', initContainerStatuses: [waitingInit('i1'), waitingInit('i2')] })),
    ).toEqual(['0/1', 'Init:0/2', '0']);
    expect(
      cells(
        pod(spec, { phase: 'Pending', initContainerStatuses: [initDone, waitingInit('i2', 'PodInitializing')] }),
      )[1],
    ).toBe('Init:1/2');
    const crashing = {
      name: 'i1',
      ready: false,
      restartCount: 3,
      state: { waiting: { reason: 'CrashLoopBackOff' } },
      lastState: { terminated: { exitCode: 1, finishedAt: '2025-01-01T00:59:30Z' } },
    };
    expect(cells(pod(spec, { phase: 'Pending', initContainerStatuses: [crashing, waitingInit('i2')] }))).toEqual([
      '0/1',
      'Init:CrashLoopBackOff',
      '3 (30s ago)',
    ]);
    const failed = {
      name: 'i1',
      ready: false,
      restartCount: 0,
      state: { terminated: { exitCode: 2, reason: 'Error' } },
    };
    expect(cells(pod(spec, { phase: 'Failed', initContainerStatuses: [failed, waitingInit('i2')] }))[1]).toBe(
      'Init:Error',
    );
  });

  it('counts started sidecars as ready containers', () => {
    const spec = { initContainers: [{ name: 'log', restartPolicy: 'Always' }] };
    const sidecar = {
      name: 'log',
      ready: true,
      started: true,
      restartCount: 1,
      state: { running: {} },
      lastState: { terminated: { exitCode: 1, finishedAt: '2025-01-01T00:59:00Z' } },
    };
    expect(
      cells(pod(spec, { phase: 'Running', initContainerStatuses: [sidecar], containerStatuses: [running] })),
    ).toEqual(['2/2', 'Running', '1 (60s ago)']);
  });

  it('shows Terminating for a deleted pod that is still running, but keeps a terminal phase', () => {
    expect(
      cells(
        pod({}, { phase: 'Running', containerStatuses: [running] }, { deletionTimestamp: '2025-01-01T01:00:30Z' }),
      )[1],
    ).toBe('Terminating');
    const completed = {
      name: 'app',
      ready: false,
      restartCount: 0,
      state: { terminated: { exitCode: 0, reason: 'Completed' } },
    };
    expect(
      cells(
        pod({}, { phase: 'Succeeded', containerStatuses: [completed] }, { deletionTimestamp: '2025-01-01T01:00:30Z' }),
      )[1],
    ).toBe('Completed');
    expect(cells(pod({}, { phase: 'Failed', reason: 'Evicted' }))[1]).toBe('Evicted');
  });

  it('shows SchedulingGated and the readiness gates column', () => {
    const gated = pod(
      { readinessGates: [{ conditionType: 'x/ready' }] },
      {
        phase: 'Pending',
        conditions: [
          { type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' },
          { type: 'x/ready', status: 'True' },
        ],
      },
    );
    const row = podPrinter.row(gated, NOW);
    expect(row[2]).toBe('SchedulingGated');
    expect(row.slice(5)).toEqual(['<none>', '<none>', '<none>', '1/1']);
  });
});
