/**
 * The pod that `kubectl logs` or `kubectl exec` acts on: `POD`, `pod/NAME`, or an object with a pod selector
 * (`deploy/web`, `svc/web`, `job/pi`), for which kubectl picks one of the selected pods
 * (`KC:pkg/polymorphichelpers/helpers.go:SelectorsForObject`, `GetFirstPod`; `KC:pkg/util/podutils/podutils.go`).
 */
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { KubeObject } from '../../api/types';
import { formatLabelSelector, labelSelectorFromSpec } from '../../api/selectors/labelSelector';
import type { CommandContext } from '../command';
import { clientError } from '../errors';
import { getObject, groupResource, listObjects, parseResourceArgs, resolveResourceType } from '../resourceArgs';

/** `ByLogging` puts the pod whose logs are most useful first; `ActivePods` reversed puts the most active first. */
export type PodPreference = 'logging' | 'active';

const SPEC_SELECTOR_KINDS = ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job'];
const MAP_SELECTOR_KINDS = ['Service', 'ReplicationController'];

/** The Go type name kubectl's messages print (`*v1.ConfigMap`). */
function goTypeName(object: KubeObject): string {
  const version = object.apiVersion.split('/').pop() ?? '';
  return `*${version}.${object.kind}`;
}

/** `SelectorsForObject`: the label selector string of an object that selects pods. */
function podSelectorOf(object: KubeObject): string {
  const spec = (object.spec ?? {}) as { selector?: unknown };
  if (SPEC_SELECTOR_KINDS.includes(object.kind)) {
    const selector = labelSelectorFromSpec(spec.selector as Parameters<typeof labelSelectorFromSpec>[0]);
    if ('error' in selector) throw new Error(selector.error);
    return formatLabelSelector(selector);
  }
  if (MAP_SELECTOR_KINDS.includes(object.kind)) {
    const selector = (spec.selector ?? {}) as Record<string, string>;
    if (Object.keys(selector).length === 0) {
      throw new Error(`invalid service '${object.metadata.name ?? ''}': Service is defined without a selector`);
    }
    return Object.keys(selector)
      .sort()
      .map((k) => `${k}=${selector[k] ?? ''}`)
      .join(',');
  }
  throw new Error(`selector for ${goTypeName(object)} not implemented`);
}

function readySince(pod: IPod): number | undefined {
  const ready = (pod.status?.conditions ?? []).find((c) => c.type === 'Ready' && c.status === 'True');
  return ready ? Date.parse(String(ready.lastTransitionTime ?? '')) || 0 : undefined;
}

function maxRestarts(pod: IPod): number {
  return Math.max(0, ...(pod.status?.containerStatuses ?? []).map((s) => s.restartCount));
}

const created = (pod: IPod) => Date.parse(String(pod.metadata?.creationTimestamp ?? '')) || 0;

/**
 * `podutils.ByLogging` (logging) and `sort.Reverse(podutils.ActivePods)` (active) agree but for the phase order and
 * restarts: both put assigned, running, ready-longest and older pods first; logging prefers the pod that restarted
 * most, active the one that restarted least.
 */
function comparePods(preference: PodPreference): (a: IPod, b: IPod) => number {
  const phaseRank: Record<string, number> = { Running: 0, Unknown: 1, Pending: 2 };
  // Other phases (Succeeded, Failed) take the Go map's zero value: Running's rank for ByLogging, Pending's for ActivePods.
  const otherPhase = preference === 'logging' ? 0 : 2;
  return (a, b) => {
    const assignedA = !!a.spec?.nodeName;
    if (a.spec?.nodeName !== b.spec?.nodeName && assignedA !== !!b.spec?.nodeName) return assignedA ? -1 : 1;
    const phaseA = phaseRank[a.status?.phase ?? ''] ?? otherPhase;
    const phaseB = phaseRank[b.status?.phase ?? ''] ?? otherPhase;
    if (phaseA !== phaseB) return phaseA - phaseB;
    const readyA = readySince(a);
    const readyB = readySince(b);
    if ((readyA === undefined) !== (readyB === undefined)) return readyA !== undefined ? -1 : 1;
    if (readyA !== undefined && readyB !== undefined && readyA !== readyB) return readyA - readyB;
    const restarts = maxRestarts(b) - maxRestarts(a);
    if (restarts !== 0) return preference === 'logging' ? restarts : -restarts;
    return created(a) - created(b);
  };
}

/**
 * Resolves `target` to a pod in the command's namespace. A selecting object picks the first of its pods in the
 * preferred order, waiting up to `timeoutMs` for one to exist; `Found N pods, using pod/x` is printed for logs.
 */
export function resolvePod(ctx: CommandContext, target: string, preference: PodPreference, timeoutMs: number): IPod {
  const ref = target.includes('/')
    ? parseResourceArgs(ctx.api, [target])[0]
    : { resource: resolveResourceType(ctx.api, 'pods'), name: target };
  if (!ref || ref.name === undefined)
    throw clientError(`arguments in resource/name form must have a single resource and name`);
  const found = getObject(ctx.api, ref.resource, ctx.namespace, ref.name).object;
  if (groupResource(ref.resource) === 'pods') return found as unknown as IPod;
  let selector: string;
  try {
    selector = podSelectorOf(found);
  } catch (e) {
    const verb = preference === 'logging' ? 'cannot get the logs from' : 'cannot attach to';
    throw clientError(`${verb} ${goTypeName(found)}: ${(e as Error).message}`);
  }
  const pods = resolveResourceType(ctx.api, 'pods');
  const selected = () => listObjects(ctx.api, pods, ctx.namespace, false, { labelSelector: selector });
  if (selected().length === 0 && !ctx.host.waitUntil(() => selected().length > 0, timeoutMs)) {
    throw clientError('timed out waiting for the condition');
  }
  const candidates = selected().map((i) => i.object as unknown as IPod);
  const sorted = [...candidates].sort(comparePods(preference));
  const first = sorted[0] as IPod;
  if (preference === 'logging' && candidates.length > 1) {
    ctx.out.stderr += `Found ${candidates.length} pods, using pod/${first.metadata?.name ?? ''}\n`;
  }
  return first;
}
