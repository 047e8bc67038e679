/**
 * `kubeplay probe fail|heal POD liveness|readiness|startup [-c CONTAINER] [-n NAMESPACE]`: from now on that probe of
 * that container fails whatever it finds (`Liveness probe failed: probe failure injected by kubeplay`), across
 * container restarts, until healed. The kubelet then acts as on any failing probe: a liveness or startup failure
 * restarts the container (into CrashLoopBackOff), a readiness failure takes the pod out of its Services' endpoints.
 */
import { resolveResourceName } from '../api/resources';
import type { Cluster } from '../cluster/cluster';
import { probeOf } from '../kubelet/prober';
import type { KubeletState, ProbeType } from '../kubelet/workerState';
import { CONTAINER_FLAG, NAMESPACE_FLAG, parseActionArgs } from './actionArgs';
import { findPodTarget } from './podTarget';
import type { CommandOutput } from './session';

export const PROBE_USAGE =
  'usage: kubeplay probe fail|heal POD liveness|readiness|startup [-c CONTAINER] [-n NAMESPACE]\n';

const PROBE_TYPES: readonly ProbeType[] = ['liveness', 'readiness', 'startup'];
const PODS = resolveResourceName('pods')!;

function fail(message: string): CommandOutput {
  return { stdout: '', stderr: message, exitCode: 1 };
}

/** Runs `kubeplay probe fail|heal` with the words after `probe`; `namespace` is the session's current one. */
export function runProbeFault(cluster: Cluster, args: readonly string[], namespace: string): CommandOutput {
  const [verb, ...rest] = args;
  if (verb !== 'fail' && verb !== 'heal') return fail(PROBE_USAGE);
  const parsed = parseActionArgs(rest, [CONTAINER_FLAG, NAMESPACE_FLAG]);
  if (!parsed.ok) return fail(parsed.error + PROBE_USAGE);
  const [podName, typeText] = parsed.positional;
  if (!podName || !typeText || parsed.positional.length !== 2) return fail(PROBE_USAGE);
  const type = PROBE_TYPES.find((t) => t === typeText);
  if (!type) return fail(`kubeplay: unknown probe "${typeText}": liveness, readiness or startup\n${PROBE_USAGE}`);
  const found = findPodTarget(cluster, parsed.values.namespace ?? namespace, podName, parsed.values.container);
  if (!found.ok) return fail(found.error);
  const { container, uid } = found.target;
  if (!probeOf(container, type))
    return fail(`kubeplay: container "${container.name}" of pod "${podName}" has no ${type} probe\n`);
  const state = cluster.kubelet.state;
  // Overrides of pods gone from the kubelet and the API are dropped when another is set.
  const exists = (known: string) => state.pods[known] !== undefined || cluster.api.findByUid(PODS, known) !== undefined;
  const subject = `pod/${podName}: ${type} probe of container ${container.name}`;
  if (verb === 'fail') {
    if (!setProbeFailure(state, uid, container.name, type, exists))
      return fail(`kubeplay: the ${type} probe of container "${container.name}" of pod "${podName}" already fails\n`);
    return { stdout: `${subject} now fails (until kubeplay probe heal)\n`, stderr: '', exitCode: 0 };
  }
  if (!clearProbeFailure(state, uid, container.name, type))
    return fail(`kubeplay: the ${type} probe of container "${container.name}" of pod "${podName}" is not failing\n`);
  return { stdout: `${subject} healed: it probes the container again\n`, stderr: '', exitCode: 0 };
}

/** Makes a probe fail; false when it already did. Overrides of pods that no longer `exist` go meanwhile. */
function setProbeFailure(
  state: KubeletState,
  uid: string,
  container: string,
  type: ProbeType,
  exists: (uid: string) => boolean,
): boolean {
  const failures = (state.probeFailures ??= {});
  for (const known of Object.keys(failures)) if (known !== uid && !exists(known)) delete failures[known];
  const types = ((failures[uid] ??= {})[container] ??= []);
  if (types.includes(type)) return false;
  types.push(type);
  return true;
}

/** Lets a probe run again; false when it was not made to fail. */
function clearProbeFailure(state: KubeletState, uid: string, container: string, type: ProbeType): boolean {
  const byContainer = state.probeFailures?.[uid];
  const types = byContainer?.[container];
  if (!byContainer || !types?.includes(type)) return false;
  types.splice(types.indexOf(type), 1);
  if (types.length === 0) delete byContainer[container];
  if (Object.keys(byContainer).length === 0) delete state.probeFailures![uid];
  return true;
}
