/**
 * A kubelet that restarted with its machine has no pod workers left, and after the reboot the runtime has no
 * containers either. For a pod it ran before, what the pod's reported status says still counts: the status manager
 * keeps the pod's start time, and the next instance of each container that had run is one attempt further than the
 * last (kuberuntime_container.go startContainer: with no container status in the runtime, calcRestartCountByLogDir
 * counts the attempts from the log files that survive on disk). Init containers run again, in a new sandbox.
 */
import type { ContainerStatus, Pod } from '../api/kinds';
import { parseTimestamp } from '../runtime/time';
import type { PodWorkerState } from './workerState';

/** Fills a new pod worker with what the pod's status reports from before the kubelet restarted. */
export function resumeReportedStatus(pod: Pod, worker: PodWorkerState): void {
  worker.startTime = parseTimestamp(pod.status?.startTime) ?? worker.startTime;
  const resume = (statuses: ContainerStatus[] | undefined, init: boolean) => {
    for (const status of statuses ?? []) {
      if (!status.containerID) continue;
      worker.containers[status.name] = {
        name: status.name,
        init,
        restartCount: status.restartCount + 1,
        ready: false,
        started: false,
        probes: {},
      };
    }
  };
  resume(pod.status?.initContainerStatuses, true);
  resume(pod.status?.containerStatuses, false);
}
