/**
 * syncNodes (daemon_controller.go): creates a daemon pod for each node that needs one, in slow-start batches
 * (1, 2, 4, … stopping after a batch with a failure), and deletes the given pods; at most 250 of each per sync
 * (BurstReplicas). Events are RealPodControl's: "Created pod: …", "Deleted pod: …".
 */
import type { Pod } from '../../api/kinds';
import type { ApiError } from '../../api/types';
import type { ControllerContext } from '../controller';
import { createPodFromTemplate, requestPodDeletion } from '../podControl';
import { slowStartBatch } from '../replicaset/slowStartBatch';
import { daemonPodTemplate, pinnedToNode } from './daemonPods';
import { DAEMON_SET_CONTROLLER_NAME, type DaemonSet } from './daemonSetTypes';

const BURST_REPLICAS = 250;

export interface SyncNodesResult {
  /** node → the pod created for it. */
  created: { node: string; pod: string }[];
  deleted: string[];
  error?: ApiError;
}

/** Creates pods for `nodesNeedingPods` (labelled with `hash`) and deletes `podsToDelete`. */
export function syncNodes(
  context: ControllerContext,
  ds: DaemonSet,
  hash: string,
  podsToDelete: readonly Pod[],
  nodesNeedingPods: readonly string[],
): SyncNodesResult {
  const result: SyncNodesResult = { created: [], deleted: [] };
  const template = daemonPodTemplate(ds, hash);
  const nodes = nodesNeedingPods.slice(0, BURST_REPLICAS);
  let next = 0;
  const creates = slowStartBatch(nodes.length, 1, () => {
    const node = nodes[next++]!;
    const affinity = pinnedToNode(template.spec?.affinity, node);
    const created = createPodFromTemplate(context, DAEMON_SET_CONTROLLER_NAME, ds, template, { spec: { affinity } });
    if (!created.ok) return created.error;
    result.created.push({ node, pod: created.pod.metadata.name });
    return undefined;
  });
  if (creates.error) result.error = creates.error;
  for (const pod of podsToDelete.slice(0, BURST_REPLICAS)) {
    const deleted = requestPodDeletion(context, DAEMON_SET_CONTROLLER_NAME, ds, pod);
    if (deleted.ok) result.deleted.push(pod.metadata.name);
    else result.error ??= deleted.error;
  }
  return result;
}
