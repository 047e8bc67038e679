import type { PodView } from '../../engine/view/clusterViewTypes';

/** How a pod card looks: each category has its own shape and icon as well as its colour. */
export type PodStatusCategory = 'ready' | 'notReady' | 'pending' | 'error' | 'completed' | 'terminating' | 'unknown';

/** STATUS values of a pod on its way up (kubectl's printPod: phase, or a waiting reason that is not a failure). */
const STARTING = new Set(['Pending', 'ContainerCreating', 'PodInitializing', 'SchedulingGated']);

/** The category of kubectl's STATUS text; anything not known to be fine or on its way is an error. */
export function podStatusCategory(pod: PodView): PodStatusCategory {
  const { status } = pod;
  if (status === 'Terminating') return 'terminating';
  if (status === 'Unknown') return 'unknown';
  if (status === 'Completed' || status === 'Succeeded') return 'completed';
  if (status === 'Running') return pod.podReady ? 'ready' : 'notReady';
  if (status === 'NotReady') return 'notReady';
  if (STARTING.has(status) || /^Init:\d+\/\d+$/.test(status)) return 'pending';
  return 'error';
}
