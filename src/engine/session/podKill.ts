/**
 * `kubeplay pod kill POD [-c CONTAINER] [-n NAMESPACE]`: the container's main process dies by SIGKILL from outside,
 * as when the OOM killer or a crash takes it. Nothing in Kubernetes asked for it: the kubelet only notices the exit
 * (137, reason Error) at its next relist and restarts the container per restartPolicy, with the usual back-off.
 */
import type { Cluster } from '../cluster/cluster';
import { CONTAINER_FLAG, NAMESPACE_FLAG, parseActionArgs } from './actionArgs';
import { findPodTarget } from './podTarget';
import type { CommandOutput } from './session';

export const POD_KILL_USAGE = 'usage: kubeplay pod kill POD [-c CONTAINER] [-n NAMESPACE]\n';

function fail(message: string): CommandOutput {
  return { stdout: '', stderr: message, exitCode: 1 };
}

/** Runs `kubeplay pod kill` with the words after `kill`; `namespace` is the session's current one. */
export function runPodKill(cluster: Cluster, args: readonly string[], namespace: string): CommandOutput {
  const parsed = parseActionArgs(args, [CONTAINER_FLAG, NAMESPACE_FLAG]);
  if (!parsed.ok) return fail(parsed.error + POD_KILL_USAGE);
  const [podName] = parsed.positional;
  if (!podName || parsed.positional.length !== 1) return fail(POD_KILL_USAGE);
  const found = findPodTarget(cluster, parsed.values.namespace ?? namespace, podName, parsed.values.container);
  if (!found.ok) return fail(found.error);
  const { container, uid } = found.target;
  const id = cluster.kubelet.containerIds(uid, container.name).current;
  const record = id === undefined ? undefined : cluster.containers.container(id);
  if (!record || record.state !== 'running' || record.mainPid === undefined)
    return fail(`kubeplay: container "${container.name}" of pod "${podName}" is not running\n`);
  cluster.kernel.signal(record.pidNs, record.mainPid, 'SIGKILL');
  return { stdout: `pod/${podName}: container ${container.name} killed (SIGKILL)\n`, stderr: '', exitCode: 0 };
}
