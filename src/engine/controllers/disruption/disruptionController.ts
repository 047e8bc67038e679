/**
 * The disruption controller (pkg/controller/disruption/disruption.go): for every PodDisruptionBudget it counts the
 * pods the budget selects, how many must stay healthy, and how many may be disrupted now — the status the eviction
 * subresource reads before it lets `kubectl drain` take a pod away.
 */
import type { Pod } from '../../api/kinds';
import { resolveResourceName } from '../../api/resources';
import { labelSelectorFromSpec, matchesLabels } from '../../api/selectors/labelSelector';
import { semanticEqual } from '../../api/semanticEqual';
import type { KubeObject } from '../../api/types';
import { referenceTo } from '../../events/recorder';
import { formatTimestamp, parseTimestamp } from '../../runtime/time';
import type { ControllerContext, ControllerDefinition } from '../controller';
import { objectKeyOf, splitObjectKey } from '../controller';
import { isPodReady } from '../podConditions';
import { expectedPodCount, type PodDisruptionBudget } from './expectedPods';

export const DISRUPTION_CONTROLLER_NAME = 'disruption-controller';
/** disruption.go records its events as the controller manager itself. */
const EVENT_SOURCE = 'controllermanager';

const PDBS = resolveResourceName('poddisruptionbudgets')!;
const PODS = resolveResourceName('pods')!;
/** Workload kinds whose scale changes the expected pod count. */
const SCALED = ['deployments', 'replicasets', 'statefulsets', 'replicationcontrollers'].map((plural) =>
  resolveResourceName(plural)!,
);
/** disruption.go DeletionTimeout: a pod the eviction API let go must be gone within 2 minutes, or counts again. */
const DELETION_TIMEOUT_MS = 2 * 60_000;

export const DISRUPTION_CONTROLLER: ControllerDefinition = {
  name: DISRUPTION_CONTROLLER_NAME,
  create: (context) => ({
    keysFor: (event, resource, previous) => {
      if (resource === PDBS) return [objectKeyOf(event.object.metadata.namespace, event.object.metadata.name!)];
      if (resource === PODS) return budgetsFor(context, event.object, previous);
      if (SCALED.includes(resource))
        return context.api
          .all(PDBS, event.object.metadata.namespace)
          .map((pdb) => objectKeyOf(pdb.metadata.namespace, pdb.metadata.name!));
      return [];
    },
    sync: (key) => syncBudget(context, key),
  }),
};

/** getPdbForPod: the budgets in the pod's namespace whose selector matches it (before or after the change). */
function budgetsFor(context: ControllerContext, pod: KubeObject, previous: KubeObject | undefined): string[] {
  return context.api
    .all(PDBS, pod.metadata.namespace)
    .filter((pdb) => {
      const selector = labelSelectorFromSpec((pdb as PodDisruptionBudget).spec?.selector);
      if ('error' in selector) return false;
      return [pod, previous].some((p) => p && matchesLabels(selector, p.metadata.labels));
    })
    .map((pdb) => objectKeyOf(pdb.metadata.namespace, pdb.metadata.name!));
}

function syncBudget(context: ControllerContext, key: string): void {
  const { namespace, name } = splitObjectKey(key);
  const pdb = context.api.find(PDBS, namespace, name) as PodDisruptionBudget | undefined;
  if (!pdb || pdb.metadata.deletionTimestamp) return;
  const selector = labelSelectorFromSpec(pdb.spec?.selector);
  const pods = 'error' in selector ? [] : (context.api.selectedBy(PODS, namespace, selector) as Pod[]);
  if (pods.length === 0) event(context, pdb, 'NoPods', 'No matching pods found');
  const expected = expectedPodCount(context.api, pdb, pods);
  if (expected.unmanaged.length > 0)
    event(
      context,
      pdb,
      'UnmanagedPods',
      `Pods selected by this PodDisruptionBudget (selector: ${JSON.stringify(pdb.spec?.selector)}) were found to be unmanaged. ` +
        'As a result, the status of the PDB cannot be calculated correctly, which may result in undefined behavior. ' +
        'To account for these pods please set ".spec.minAvailable" field of the PDB to an integer value.',
    );
  const now = context.runtime.now();
  const disrupted = recentlyDisrupted(pdb, pods, now);
  const healthy = pods.filter(
    (pod) => !pod.metadata.deletionTimestamp && !(pod.metadata.name in disrupted.pods) && isPodReady(pod),
  ).length;
  const allowed = expected.count <= 0 ? 0 : Math.max(0, healthy - expected.desiredHealthy);
  const status = {
    ...(Object.keys(disrupted.pods).length > 0 ? { disruptedPods: disrupted.pods } : {}),
    disruptionsAllowed: allowed,
    currentHealthy: healthy,
    desiredHealthy: expected.desiredHealthy,
    expectedPods: expected.count,
    observedGeneration: pdb.metadata.generation ?? 1,
    conditions: [disruptionAllowedCondition(pdb, allowed > 0, now)],
  };
  if (!semanticEqual(pdb.status, status)) context.api.updateStatus({ ...pdb, status } as unknown as KubeObject);
  if (disrupted.recheckAt !== undefined) context.queue.addAfter(key, disrupted.recheckAt - now);
}

/**
 * buildDisruptedPodMap: pods the eviction API let go that still exist and are not yet being deleted, until their
 * deletion timeout; returns when the next one times out.
 */
function recentlyDisrupted(
  pdb: PodDisruptionBudget,
  pods: readonly Pod[],
  now: number,
): { pods: Record<string, string>; recheckAt?: number } {
  const result: Record<string, string> = {};
  let recheckAt: number | undefined;
  for (const [podName, time] of Object.entries(pdb.status?.disruptedPods ?? {})) {
    const pod = pods.find((p) => p.metadata.name === podName);
    const at = parseTimestamp(time);
    if (!pod || pod.metadata.deletionTimestamp || at === undefined) continue;
    const expires = at + DELETION_TIMEOUT_MS;
    if (expires <= now) continue;
    result[podName] = time;
    recheckAt = recheckAt === undefined ? expires : Math.min(recheckAt, expires);
  }
  return recheckAt === undefined ? { pods: result } : { pods: result, recheckAt };
}

/** policy.DisruptionAllowedCondition with SufficientPods / InsufficientPods, its transition time kept. */
function disruptionAllowedCondition(pdb: PodDisruptionBudget, allowed: boolean, now: number) {
  const status = allowed ? 'True' : 'False';
  const previous = pdb.status?.conditions?.find((c) => c.type === 'DisruptionAllowed');
  return {
    type: 'DisruptionAllowed',
    status,
    observedGeneration: pdb.metadata.generation ?? 1,
    lastTransitionTime:
      previous?.status === status && previous.lastTransitionTime ? previous.lastTransitionTime : formatTimestamp(now),
    reason: allowed ? 'SufficientPods' : 'InsufficientPods',
    message: '',
  };
}

function event(context: ControllerContext, pdb: PodDisruptionBudget, reason: string, message: string): void {
  context.events.record(referenceTo(pdb as unknown as KubeObject), 'Normal', reason, message, {
    component: EVENT_SOURCE,
  });
}
