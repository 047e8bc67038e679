/**
 * The kubelet's heartbeat Lease in `kube-node-lease` (pkg/kubelet/kubelet.go with
 * component-helpers/apimachinery/lease/controller.go): named after the node, held by it, 40 s long, renewed every
 * 10 s by writing `spec.renewTime`, and owned by the Node so that it goes when the Node is deleted
 * (pkg/kubelet/util/nodelease.go SetNodeOwnerFunc).
 */
import type { ApiServer } from '../api/apiServer';
import type { Node } from '../api/kinds';
import { resolveResourceName } from '../api/resources';
import type { KubeObject } from '../api/types';
import { formatMicroTimestamp } from '../runtime/time';

const NODE_LEASE_NAMESPACE = 'kube-node-lease';
/** KubeletConfiguration nodeLeaseDurationSeconds (default 40). */
const NODE_LEASE_DURATION_SECONDS = 40;
/** kubelet.go: renewInterval = lease duration × nodeLeaseRenewIntervalFraction (0.25) = 10 s. */
export const NODE_LEASE_RENEW_INTERVAL_MS = NODE_LEASE_DURATION_SECONDS * 250;

const LEASES = resolveResourceName('leases.coordination.k8s.io')!;

/**
 * The lease controller's sync: renews the node's Lease (`renewTime` now, the Node as owner once it has none), or
 * creates it when it does not exist (ensureLease).
 */
export function renewNodeLease(api: ApiServer, node: Node, now: number): void {
  const name = node.metadata.name;
  const owner = { apiVersion: 'v1', kind: 'Node', name, uid: node.metadata.uid ?? '' };
  const renewTime = formatMicroTimestamp(now);
  const current = api.find(LEASES, NODE_LEASE_NAMESPACE, name);
  if (!current) {
    api.create({
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: { name, namespace: NODE_LEASE_NAMESPACE, ownerReferences: [owner] },
      spec: { holderIdentity: name, leaseDurationSeconds: NODE_LEASE_DURATION_SECONDS, renewTime },
    });
    return;
  }
  if (current.metadata.ownerReferences?.length) {
    api.renewLease(NODE_LEASE_NAMESPACE, name, renewTime);
    return;
  }
  const metadata = { ...current.metadata, ownerReferences: [owner] };
  api.update({ ...current, metadata, spec: { ...(current.spec as object), renewTime } } as KubeObject);
}
