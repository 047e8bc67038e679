/**
 * sync.go:cleanupDeployment: old ReplicaSets beyond spec.revisionHistoryLimit are deleted, lowest revision first,
 * but only those already scaled to 0 with no pods left and their latest generation observed.
 */
import { countOf } from '../replicaset/countOf';
import { REPLICA_SETS, type ReplicaSet } from '../replicaset/replicaKinds';
import { SyncError, decide, type DeploymentRun } from './deploymentRun';
import { compareByRevision, revisionOf, specReplicas } from './deploymentReplicaSets';
import { hasRevisionHistoryLimit } from './deploymentTypes';

/** Deletes the old ReplicaSets beyond spec.revisionHistoryLimit that are safe to delete. */
export function cleanupDeployment(run: DeploymentRun, oldReplicaSets: readonly ReplicaSet[]): void {
  const deployment = run.deployment;
  if (!hasRevisionHistoryLimit(deployment)) return;
  const limit = deployment.spec.revisionHistoryLimit ?? 0;
  const cleanable = oldReplicaSets.filter((rs) => !rs.metadata.deletionTimestamp).sort(compareByRevision);
  const excess = cleanable.length - limit;
  if (excess <= 0) return;
  for (const rs of cleanable.slice(0, excess)) {
    const busy =
      (rs.status?.replicas ?? 0) !== 0 ||
      specReplicas(rs) !== 0 ||
      (rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0);
    if (busy) continue;
    const name = rs.metadata.name ?? '';
    const deleted = run.context.api.delete(REPLICA_SETS, rs.metadata.namespace, name);
    if (!deleted.ok && deleted.error.reason !== 'NotFound') throw new SyncError(deleted.error);
    decide(
      run,
      `revisionHistoryLimit ${limit} keeps ${countOf(limit, 'old ReplicaSet')}, there are ${cleanable.length}: ` +
        `deleted ReplicaSet ${name} (revision ${revisionOf(rs) ?? '?'})`,
    );
  }
}
