/**
 * One pass of the namespace deleter over a Terminating namespace's content
 * (pkg/controller/namespace/deletion/namespaced_resources_deleter.go: deleteAllContent,
 * deleteAllContentForGroupVersionResource, estimateGracefulTermination). Pods go first and everything else only once
 * no pod is left (OrderedNamespaceDeletion, locked on since 1.34); objects are deleted with Background propagation.
 */
import type { Pod } from '../../api/kinds';
import { RESOURCE_TYPES, resolveResourceName } from '../../api/resources';
import type { ResourceType } from '../../api/types';
import type { ControllerContext } from '../controller';
import type { ContentTotals } from './namespaceConditions';

const PODS = resolveResourceName('pods')!;
/** `finalizerEstimateSeconds`: how long objects waiting on finalizers are given before the next look. */
const FINALIZER_ESTIMATE_SECONDS = 15;

export interface ContentDeletion {
  /** Seconds the remaining content is expected to need; 0 when nothing is left to wait for. */
  estimate: number;
  totals: ContentTotals;
}

/** The resources the deleter works through: namespaced ones it may list and delete, pods first. */
const DELETABLE: readonly ResourceType[] = [
  PODS,
  ...RESOURCE_TYPES.filter((r) => r !== PODS && r.namespaced && r.verbs.includes('delete') && r.verbs.includes('list')),
];

/** Deletes what is left in `namespace` (deleted at `deletedAt`) and reports what remains. */
export function deleteNamespaceContent(
  context: ControllerContext,
  namespace: string,
  deletedAt: number,
): ContentDeletion {
  const result: ContentDeletion = {
    estimate: 0,
    totals: { remainingByResource: {}, remainingByFinalizer: {}, errors: [] },
  };
  for (const resource of DELETABLE) {
    deleteResourceContent(context, resource, namespace, deletedAt, result);
    // Nothing else is deleted while pods remain, so no pod outlives the objects it relies on.
    if (resource === PODS && (result.estimate > 0 || (result.totals.remainingByResource['pods.'] ?? 0) > 0)) break;
  }
  return result;
}

function deleteResourceContent(
  context: ControllerContext,
  resource: ResourceType,
  namespace: string,
  deletedAt: number,
  result: ContentDeletion,
): void {
  const estimate = resource === PODS ? podTerminationEstimate(context, namespace, deletedAt) : 0;
  for (const object of context.api.all(resource, namespace)) {
    if (object.metadata.deletionTimestamp) continue;
    const deleted = context.api.delete(resource, namespace, object.metadata.name ?? '', {
      propagationPolicy: 'Background',
    });
    if (!deleted.ok && deleted.error.reason !== 'NotFound') {
      result.totals.errors.push(deleted.error.message);
      return;
    }
  }
  const remaining = context.api.all(resource, namespace);
  if (remaining.length > 0)
    result.totals.remainingByResource[`${resource.plural}.${resource.group}`] = remaining.length;
  let withFinalizers = false;
  for (const object of remaining) {
    for (const finalizer of object.metadata.finalizers ?? []) {
      withFinalizers = true;
      result.totals.remainingByFinalizer[finalizer] = (result.totals.remainingByFinalizer[finalizer] ?? 0) + 1;
    }
  }
  // Graceful pod termination is waited for whatever the list shows (the estimate came before the deletion).
  if (estimate > 0) result.estimate = Math.max(result.estimate, estimate);
  else if (remaining.length === 0) return;
  else if (withFinalizers) result.estimate = Math.max(result.estimate, FINALIZER_ESTIMATE_SECONDS);
  else
    result.totals.errors.push(
      `unexpected items still remain in namespace: ${namespace} for gvr: ${resource.group}/${resource.version}, Resource=${resource.plural}`,
    );
}

/**
 * `estimateGracefulTerminationForPods`: the longest grace period of the pods still running, or 0 once that long
 * has passed since the namespace was deleted.
 */
function podTerminationEstimate(context: ControllerContext, namespace: string, deletedAt: number): number {
  let estimate = 0;
  for (const pod of context.api.all(PODS, namespace) as Pod[]) {
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') continue;
    estimate = Math.max(estimate, pod.spec.terminationGracePeriodSeconds ?? 0);
  }
  return context.runtime.now() - deletedAt >= estimate * 1000 ? 0 : estimate;
}
