/** Taints and tolerations as the scheduler matches them (k8s.io/api/core/v1/toleration.go, taint_toleration.go). */
import type { Taint, Toleration } from '../api/kinds';

/** Toleration.ToleratesTaint: effect and key match when set; Exists matches any value, Equal (or empty) the same value. */
export function toleratesOne(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.key && toleration.key !== taint.key) return false;
  switch (toleration.operator ?? '') {
    case '':
    case 'Equal':
      return (toleration.value ?? '') === (taint.value ?? '');
    case 'Exists':
      return true;
    default:
      return false;
  }
}

/** v1helper.TolerationsTolerateTaint: does any toleration match this taint? */
export function toleratesTaint(tolerations: readonly Toleration[] | undefined, taint: Taint): boolean {
  return (tolerations ?? []).some((toleration) => toleratesOne(toleration, taint));
}

/** FindMatchingUntoleratedTaint with DoNotScheduleTaintsFilterFunc: the first NoSchedule/NoExecute taint not tolerated. */
export function firstUntoleratedTaint(
  taints: readonly Taint[] | undefined,
  tolerations: readonly Toleration[] | undefined,
): Taint | undefined {
  return (taints ?? []).find(
    (taint) => (taint.effect === 'NoSchedule' || taint.effect === 'NoExecute') && !toleratesTaint(tolerations, taint),
  );
}

/** TaintToleration's Score input: PreferNoSchedule taints not tolerated by the pod's empty-effect or PreferNoSchedule tolerations. */
export function countIntolerablePreferNoSchedule(
  taints: readonly Taint[] | undefined,
  tolerations: readonly Toleration[] | undefined,
): number {
  const preferNoSchedule = (tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
  return (taints ?? []).filter(
    (taint) => taint.effect === 'PreferNoSchedule' && !toleratesTaint(preferNoSchedule, taint),
  ).length;
}

/** `{key: value}` as the scheduler prints a taint in `node(s) had untolerated taint {...}`. */
export function formatTaintForScheduler(taint: Taint): string {
  return `{${taint.key}: ${taint.value ?? ''}}`;
}
