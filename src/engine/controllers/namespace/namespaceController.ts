/**
 * The namespace controller (pkg/controller/namespace/namespace_controller.go, deletion/namespaced_resources_deleter.go):
 * empties a Terminating namespace — it is not told when content goes, so it looks again after about half the time it
 * expects the rest to need — reports progress in the namespace's conditions, and finally removes the `kubernetes`
 * finalizer, which lets the API server remove the namespace.
 */
import type { Namespace } from '../../api/kinds';
import { resolveResourceName } from '../../api/resources';
import type { KubeObject } from '../../api/types';
import { parseTimestamp } from '../../runtime/time';
import type { ControllerContext, ControllerDefinition } from '../controller';
import { deleteNamespaceContent } from './deleteNamespaceContent';
import { updateNamespaceConditions, type NamespaceCondition } from './namespaceConditions';

export const NAMESPACE_CONTROLLER_NAME = 'namespace-controller';

const NAMESPACES = resolveResourceName('namespaces')!;
/** The spec.finalizer this controller owns (`v1.FinalizerKubernetes`). */
const FINALIZER_KUBERNETES = 'kubernetes';
/** The controller's rate limiter: retries after a failure from 5 ms, doubling, up to a minute. */
const RETRY_BASE_MS = 5;
const RETRY_MAX_MS = 60_000;

export const NAMESPACE_CONTROLLER: ControllerDefinition = {
  name: NAMESPACE_CONTROLLER_NAME,
  create: (context) => ({
    keysFor: (event, resource) =>
      resource === NAMESPACES && event.type !== 'DELETED' && event.object.metadata.deletionTimestamp
        ? [event.object.metadata.name ?? '']
        : [],
    sync: (name) => syncNamespace(context, name),
  }),
};

type NamespaceObject = Namespace & { status?: { phase?: string; conditions?: NamespaceCondition[] } };

/** `syncNamespaceFromKey` with the deleter's `Delete`. */
function syncNamespace(context: ControllerContext, name: string): void {
  const namespace = context.api.find(NAMESPACES, undefined, name) as NamespaceObject | undefined;
  const deletedAt = parseTimestamp(namespace?.metadata.deletionTimestamp);
  if (!namespace || deletedAt === undefined) return;
  const finalizers = namespace.spec?.finalizers ?? [];
  if (!finalizers.includes(FINALIZER_KUBERNETES)) return;
  const now = context.runtime.now();
  const { estimate, totals } = deleteNamespaceContent(context, name, deletedAt);
  const failingSince = conditionSince(namespace, 'NamespaceDeletionContentFailure');
  const status = structuredClone(namespace.status ?? {});
  const conditions = (status.conditions ??= []);
  if (updateNamespaceConditions(conditions, totals, now))
    context.api.updateStatus({ ...(namespace as KubeObject), status });
  const explain = (text: string) =>
    context.decisions.recordUnlessRepeated(
      NAMESPACE_CONTROLLER_NAME,
      { kind: 'Namespace', name, uid: namespace.metadata.uid },
      text,
    );
  if (totals.errors.length > 0) {
    // No retry counter is kept: the wait grows as long as the failure has lasted, doubling like client-go's.
    const failingFor = failingSince === undefined ? 0 : now - failingSince;
    context.queue.addAfter(name, Math.min(RETRY_MAX_MS, Math.max(RETRY_BASE_MS, failingFor)));
    explain(`content deletion failed, retrying: ${totals.errors.join('; ')}`);
    return;
  }
  if (estimate > 0) {
    const wait = Math.floor(estimate / 2) + 1;
    context.queue.addAfter(name, wait * 1000);
    const remaining = Object.entries(totals.remainingByResource).map(([r, n]) => `${n} ${r.replace(/\.$/, '')}`);
    explain(
      `deleted the namespace's content${remaining.length ? `; ${remaining.join(', ')} still going` : ''}: ` +
        `expecting up to ${estimate}s, looking again in ${wait}s`,
    );
    return;
  }
  const finalized = context.api.finalizeNamespace(
    name,
    finalizers.filter((f) => f !== FINALIZER_KUBERNETES),
  );
  if (finalized.ok) explain('the namespace is empty: removed the kubernetes finalizer');
}

function conditionSince(namespace: NamespaceObject, type: string): number | undefined {
  const condition = namespace.status?.conditions?.find((c) => c.type === type && c.status === 'True');
  return parseTimestamp(condition?.lastTransitionTime);
}
