import type { Taint, Toleration } from '../api/kinds';

/** v1helper.TolerationsTolerateTaint: does any toleration match this taint? (pkg/apis/core/v1/helper) */
export function toleratesTaint(tolerations: readonly Toleration[] | undefined, taint: Taint): boolean {
  return (tolerations ?? []).some((toleration) => toleratesOne(toleration, taint));
}

function toleratesOne(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.key && toleration.key !== taint.key) return false;
  // An empty key with operator Exists matches every taint.
  if ((toleration.operator ?? 'Equal') === 'Exists') return true;
  return (toleration.value ?? '') === (taint.value ?? '');
}

/** The first NoSchedule/NoExecute taint not tolerated, as TaintToleration's Filter reports it. */
export function firstUntoleratedTaint(
  taints: readonly Taint[] | undefined,
  tolerations: readonly Toleration[] | undefined,
): Taint | undefined {
  return (taints ?? []).find(
    (taint) => (taint.effect === 'NoSchedule' || taint.effect === 'NoExecute') && !toleratesTaint(tolerations, taint),
  );
}

/** `{key: value}` as the scheduler prints a taint in `node(s) had untolerated taint {...}`. */
export function formatTaintForScheduler(taint: Taint): string {
  return `{${taint.key}: ${taint.value ?? ''}}`;
}
