/**
 * The stateless mutating admission plugins every new Pod passes through (the ones that need cluster state live in
 * ../admission.ts): Priority (plugin/pkg/admission/priority), DefaultTolerationSeconds
 * (plugin/pkg/admission/defaulttolerationseconds) and the ServiceAccount plugin's default account
 * (plugin/pkg/admission/serviceaccount).
 */
import { childObjects, type JsonObject } from './objects';

const DEFAULT_TOLERATION_SECONDS = 300;
const NOT_READY = 'node.kubernetes.io/not-ready';
const UNREACHABLE = 'node.kubernetes.io/unreachable';

/** Whether some toleration already covers `key` with effect NoExecute (an empty key or effect matches all). */
function toleratesNoExecute(tolerations: JsonObject[], key: string): boolean {
  return tolerations.some((t) => (t.key === key || !t.key) && (t.effect === 'NoExecute' || !t.effect));
}

/**
 * Adds to a Pod spec in place: priority 0 and preemptionPolicy PreemptLowerPriority (no PriorityClass), the
 * not-ready/unreachable NoExecute tolerations for 300 s, and — when `isCreate` — the `default` service account.
 */
export function admitPodSpec(spec: JsonObject, isCreate: boolean): void {
  if (spec.priority === undefined && !spec.priorityClassName) spec.priority = 0;
  if (spec.preemptionPolicy === undefined) spec.preemptionPolicy = 'PreemptLowerPriority';
  if (isCreate && !spec.serviceAccountName) {
    spec.serviceAccountName = 'default';
    spec.serviceAccount = 'default';
  }
  const tolerations = childObjects(spec, 'tolerations');
  const added: JsonObject[] = [];
  for (const key of [NOT_READY, UNREACHABLE]) {
    if (!toleratesNoExecute(tolerations, key)) {
      added.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_TOLERATION_SECONDS });
    }
  }
  if (added.length > 0) spec.tolerations = [...(Array.isArray(spec.tolerations) ? spec.tolerations : []), ...added];
}
