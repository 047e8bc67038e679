/**
 * The service account controller (pkg/controller/serviceaccount/serviceaccounts_controller.go): every active
 * namespace has a `default` ServiceAccount — created with the namespace, and again if someone deletes it.
 */
import { resolveResourceName } from '../../api/resources';
import type { ControllerContext, ControllerDefinition } from '../controller';

export const SERVICE_ACCOUNT_CONTROLLER_NAME = 'serviceaccount-controller';

const NAMESPACES = resolveResourceName('namespaces')!;
const SERVICE_ACCOUNTS = resolveResourceName('serviceaccounts')!;
/** kube-controller-manager's `ServiceAccountsControllerOptions.ServiceAccounts`. */
const DEFAULT_SERVICE_ACCOUNT = 'default';

export const SERVICE_ACCOUNT_CONTROLLER: ControllerDefinition = {
  name: SERVICE_ACCOUNT_CONTROLLER_NAME,
  create: (context) => ({
    keysFor: (event, resource) => {
      const { namespace, name } = event.object.metadata;
      if (resource === NAMESPACES && event.type !== 'DELETED') return [name ?? ''];
      if (resource === SERVICE_ACCOUNTS && event.type === 'DELETED' && name === DEFAULT_SERVICE_ACCOUNT)
        return [namespace ?? ''];
      return [];
    },
    sync: (namespace) => syncNamespace(context, namespace),
  }),
};

/** `syncNamespace`: creates the missing account, unless the namespace is gone or terminating. */
function syncNamespace(context: ControllerContext, name: string): void {
  const namespace = context.api.find(NAMESPACES, undefined, name);
  if (!namespace || (namespace.status as { phase?: string } | undefined)?.phase !== 'Active') return;
  if (context.api.find(SERVICE_ACCOUNTS, name, DEFAULT_SERVICE_ACCOUNT)) return;
  const created = context.api.create({
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name: DEFAULT_SERVICE_ACCOUNT, namespace: name },
  });
  if (created.ok)
    context.decisions.record(
      SERVICE_ACCOUNT_CONTROLLER_NAME,
      { kind: 'ServiceAccount', namespace: name, name: DEFAULT_SERVICE_ACCOUNT, uid: created.value.metadata.uid },
      `created the namespace's default ServiceAccount`,
    );
}
