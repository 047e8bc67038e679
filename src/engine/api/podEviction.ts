/**
 * The pods/eviction subresource (pkg/registry/core/pod/storage/eviction.go): a delete that first asks the pod's
 * PodDisruptionBudget. With no budget, or for a pod that is not running yet or already finished, the pod is
 * deleted; otherwise the budget must allow a disruption, which the eviction uses up (and notes the pod among the
 * budget's disrupted pods) before the delete.
 */
import type { Pod } from './kinds';
import { resolveResourceName } from './resources';
import { labelSelectorFromSpec, matchesLabels } from './selectors/labelSelector';
import { formatTimestamp } from '../runtime/time';
import type { ApiError, ApiResult, DeleteOptions, KubeObject, ResourceType } from './types';

const PODS = resolveResourceName('pods')!;
const PDBS = resolveResourceName('poddisruptionbudgets')!;
/** eviction.go MaxDisruptedPodSize. */
const MAX_DISRUPTED_PODS = 2000;

interface BudgetStatus {
  disruptionsAllowed?: number;
  currentHealthy?: number;
  desiredHealthy?: number;
  observedGeneration?: number;
  disruptedPods?: Record<string, string>;
  conditions?: { type: string; status: string; reason?: string; message?: string; lastTransitionTime?: string }[];
}

/** What eviction needs of the API server. */
export interface EvictionStore {
  find(resource: ResourceType, namespace: string | undefined, name: string): KubeObject | undefined;
  all(resource: ResourceType, namespace?: string): KubeObject[];
  updateStatus(object: KubeObject): ApiResult<KubeObject>;
  delete(
    resource: ResourceType,
    namespace: string | undefined,
    name: string,
    options?: DeleteOptions,
  ): ApiResult<KubeObject>;
  now(): number;
}

function tooManyRequests(message: string, cause?: string): ApiError {
  return {
    code: 429,
    reason: 'TooManyRequests',
    message,
    ...(cause ? { details: { causes: [{ reason: 'DisruptionBudget', message: cause, field: '' }] } } : {}),
  };
}

const isReady = (pod: Pod) => pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;

/** Evicts a pod: deletes it if its disruption budget (if any) allows, else answers 429 TooManyRequests. */
export function evictPod(
  store: EvictionStore,
  namespace: string,
  name: string,
  options: DeleteOptions = {},
): ApiResult<KubeObject> {
  const pod = store.find(PODS, namespace, name) as unknown as Pod | undefined;
  if (!pod) return store.delete(PODS, namespace, name, options);
  const phase = pod.status?.phase;
  // canIgnorePDB: a pod being deleted, not started or finished takes nothing from a budget.
  if (pod.metadata.deletionTimestamp || phase === 'Succeeded' || phase === 'Failed' || phase === 'Pending')
    return store.delete(PODS, namespace, name, options);
  const budgets = store.all(PDBS, namespace).filter((pdb) => {
    const selector = labelSelectorFromSpec((pdb.spec as { selector?: never } | undefined)?.selector);
    return !('error' in selector) && matchesLabels(selector, pod.metadata.labels);
  });
  if (budgets.length === 0) return store.delete(PODS, namespace, name, options);
  if (budgets.length > 1)
    return {
      ok: false,
      error: {
        code: 500,
        reason: 'InternalError',
        message: 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.',
      },
    };
  const pdb = budgets[0]!;
  const status = (pdb.status ?? {}) as BudgetStatus;
  const policy = (pdb.spec as { unhealthyPodEvictionPolicy?: string } | undefined)?.unhealthyPodEvictionPolicy;
  // An unready pod is no loss to a budget that is already met (IfHealthyBudget), or to one that says AlwaysAllow.
  if (
    !isReady(pod) &&
    (policy === 'AlwaysAllow' ||
      ((status.currentHealthy ?? 0) >= (status.desiredHealthy ?? 0) && (status.desiredHealthy ?? 0) > 0))
  )
    return store.delete(PODS, namespace, name, options);
  const refused = checkAndDecrement(store, pdb, status, name);
  return refused ? { ok: false, error: refused } : store.delete(PODS, namespace, name, options);
}

/** eviction.go checkAndDecrement: uses up one allowed disruption, or says why none is left. */
function checkAndDecrement(store: EvictionStore, pdb: KubeObject, status: BudgetStatus, podName: string) {
  const budgetName = pdb.metadata.name ?? '';
  if ((status.observedGeneration ?? 0) < (pdb.metadata.generation ?? 1))
    return tooManyRequests(
      "Cannot evict pod as it would violate the pod's disruption budget.",
      `The disruption budget ${budgetName} is still being processed by the server.`,
    );
  const allowed = status.disruptionsAllowed ?? 0;
  if (allowed < 0) return forbiddenEviction(budgetName, 'pdb disruptions allowed is negative');
  if (Object.keys(status.disruptedPods ?? {}).length > MAX_DISRUPTED_PODS)
    return forbiddenEviction(
      budgetName,
      'DisruptedPods map too big - too many evictions not confirmed by PDB controller',
    );
  if (allowed === 0)
    return tooManyRequests(
      "Cannot evict pod as it would violate the pod's disruption budget.",
      `The disruption budget ${budgetName} needs ${status.desiredHealthy ?? 0} healthy pods and has ${status.currentHealthy ?? 0} currently`,
    );
  const now = formatTimestamp(store.now());
  const next: BudgetStatus = {
    ...status,
    disruptionsAllowed: allowed - 1,
    disruptedPods: { ...(status.disruptedPods ?? {}), [podName]: now },
  };
  if (allowed - 1 === 0)
    next.conditions = (status.conditions ?? []).map((c) =>
      c.type === 'DisruptionAllowed'
        ? { ...c, status: 'False', reason: 'InsufficientPods', message: '', lastTransitionTime: now }
        : c,
    );
  const written = store.updateStatus({ ...pdb, status: next });
  return written.ok ? undefined : written.error;
}

function forbiddenEviction(budgetName: string, detail: string): ApiError {
  return {
    code: 403,
    reason: 'Forbidden',
    message: `poddisruptionbudget.policy "${budgetName}" is forbidden: ${detail}`,
  };
}
