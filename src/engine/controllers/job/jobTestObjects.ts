/** Jobs and pod outcomes for the Job controller's tests. Used by tests only. */
import type { Pod } from '../../api/kinds';
import { formatTimestamp } from '../../runtime/time';
import type { OneSyncHarness } from './oneSyncHarness';
import type { Job } from './jobTypes';

/** A Job `name` whose pods run busybox, with `spec` fields on top (restartPolicy Never unless given). */
export function jobManifest(name: string, spec: Record<string, unknown> = {}, restartPolicy = 'Never'): unknown {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, namespace: 'default' },
    spec: {
      ...spec,
      template: {
        spec: { containers: [{ name: 'main', image: 'busybox', command: ['sh', '-c', 'true'] }], restartPolicy },
      },
    },
  };
}

/** The Job's pods, oldest first (then by name). */
export function podsOf(h: OneSyncHarness, job: Job): Pod[] {
  return h
    .all<Pod>('pods')
    .filter((p) => p.metadata.ownerReferences?.some((r) => r.uid === job.metadata.uid))
    .sort(
      (a, b) =>
        (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '') ||
        a.metadata.name.localeCompare(b.metadata.name),
    );
}

/** Binds `pod` to worker1 and reports it running, ready or not, as the kubelet would; `restarts` for OnFailure. */
export function runPod(h: OneSyncHarness, pod: Pod, options: { ready?: boolean; restarts?: number } = {}): Pod {
  const now = formatTimestamp(h.runtime.now());
  if (!h.find<Pod>(pod)!.spec.nodeName) h.api.bind('default', pod.metadata.name, 'worker1');
  const ready = options.ready ?? true;
  return h.setStatus(pod, {
    phase: 'Running',
    conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: now }],
    containerStatuses: [
      {
        name: 'main',
        image: 'busybox',
        imageID: '',
        ready,
        restartCount: options.restarts ?? 0,
        state: { running: { startedAt: now } },
      },
    ],
  });
}

/** Reports `pod` finished now with `exitCode` (0: Succeeded, else Failed). */
export function finishPod(h: OneSyncHarness, pod: Pod, exitCode: number): Pod {
  const now = formatTimestamp(h.runtime.now());
  return h.setStatus(pod, {
    phase: exitCode === 0 ? 'Succeeded' : 'Failed',
    conditions: [{ type: 'Ready', status: 'False', lastTransitionTime: now, reason: 'PodCompleted' }],
    containerStatuses: [
      {
        name: 'main',
        image: 'busybox',
        imageID: '',
        ready: false,
        restartCount: 0,
        state: {
          terminated: {
            exitCode,
            reason: exitCode === 0 ? 'Completed' : 'Error',
            startedAt: now,
            finishedAt: now,
          },
        },
      },
    ],
  });
}
