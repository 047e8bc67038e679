/**
 * The conditions a Terminating namespace reports while its content is deleted
 * (pkg/controller/namespace/deletion/status_condition_utils.go): each type is True with the problem, or False
 * with its "all is well" reason and message.
 */
import { formatTimestamp } from '../../runtime/time';

export interface NamespaceCondition {
  type: string;
  status: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

/** What is left after one deletion pass: remaining objects per resource, per finalizer, and failed deletions. */
export interface ContentTotals {
  /** e.g. `pods.` (resource.group) → count. */
  remainingByResource: Record<string, number>;
  remainingByFinalizer: Record<string, number>;
  errors: string[];
}

const CONDITION_TYPES = [
  'NamespaceDeletionDiscoveryFailure',
  'NamespaceDeletionGroupVersionParsingFailure',
  'NamespaceDeletionContentFailure',
  'NamespaceContentRemaining',
  'NamespaceFinalizersRemaining',
] as const;

const OK: Record<(typeof CONDITION_TYPES)[number], { reason: string; message: string }> = {
  NamespaceDeletionDiscoveryFailure: {
    reason: 'ResourcesDiscovered',
    message: 'All resources successfully discovered',
  },
  NamespaceDeletionGroupVersionParsingFailure: {
    reason: 'ParsedGroupVersions',
    message: 'All legacy kube types successfully parsed',
  },
  NamespaceDeletionContentFailure: {
    reason: 'ContentDeleted',
    message: 'All content successfully deleted, may be waiting on finalization',
  },
  NamespaceContentRemaining: { reason: 'ContentRemoved', message: 'All content successfully removed' },
  NamespaceFinalizersRemaining: {
    reason: 'ContentHasNoFinalizers',
    message: 'All content-preserving finalizers finished',
  },
};

/** The failing conditions `totals` call for (`ProcessContentTotals`, `makeDeleteContentCondition`). */
function problemsOf(totals: ContentTotals): Map<string, { reason: string; message: string }> {
  const problems = new Map<string, { reason: string; message: string }>();
  if (totals.errors.length > 0) {
    problems.set('NamespaceDeletionContentFailure', {
      reason: 'ContentDeletionFailed',
      message: `Failed to delete all resource types, ${totals.errors.length} remaining: ${[...totals.errors].sort().join(', ')}`,
    });
  }
  const resources = Object.entries(totals.remainingByResource)
    .filter(([, n]) => n > 0)
    .map(([resource, n]) => `${resource} has ${n} resource instances`)
    .sort();
  if (resources.length > 0) {
    problems.set('NamespaceContentRemaining', {
      reason: 'SomeResourcesRemain',
      message: `Some resources are remaining: ${resources.join(', ')}`,
    });
  }
  const finalizers = Object.entries(totals.remainingByFinalizer)
    .filter(([, n]) => n > 0)
    .map(([finalizer, n]) => `${finalizer} in ${n} resource instances`)
    .sort();
  if (finalizers.length > 0) {
    problems.set('NamespaceFinalizersRemaining', {
      reason: 'SomeFinalizersRemain',
      message: `Some content in the namespace has finalizers remaining: ${finalizers.join(', ')}`,
    });
  }
  return problems;
}

/**
 * `updateConditions`: sets every condition type from `totals`, keeping lastTransitionTime unless the status flips.
 * Returns whether anything changed.
 */
export function updateNamespaceConditions(
  conditions: NamespaceCondition[],
  totals: ContentTotals,
  now: number,
): boolean {
  const problems = problemsOf(totals);
  let changed = false;
  for (const type of CONDITION_TYPES) {
    const problem = problems.get(type);
    const wanted = { type, status: problem ? 'True' : 'False', ...(problem ?? OK[type]) };
    const old = conditions.find((c) => c.type === type);
    if (!old) {
      conditions.push({ ...wanted, lastTransitionTime: formatTimestamp(now) });
      changed = true;
    } else if (old.status !== wanted.status || old.reason !== wanted.reason || old.message !== wanted.message) {
      if (old.status !== wanted.status) old.lastTransitionTime = formatTimestamp(now);
      Object.assign(old, wanted);
      changed = true;
    }
  }
  return changed;
}
