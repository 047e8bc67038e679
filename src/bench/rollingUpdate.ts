/**
 * A 1,000-replica Deployment's rolling update (default 25%/25% strategy), from the template change until the
 * rollout is complete and the old ReplicaSet's pods are gone.
 */
import { Cluster, defaultShape } from '../engine';
import type { Event, Pod } from '../engine/api/kinds';
import { resolveResourceName } from '../engine/api/resources';
import { DEPLOYMENT_CONTROLLER_NAME } from '../engine/controllers/deployment/deploymentTypes';
import { controllerOf } from '../engine/controllers/ownerReferences';
import { REPLICA_SETS, type ReplicaSet } from '../engine/controllers/replicaset/replicaKinds';
import { createOrThrow, findDeployment, isDeploymentComplete, nginxDeployment, setImage } from './deployments';
import { secondsSince, type Figure } from './figures';

const PODS = resolveResourceName('pods')!;
const EVENTS = resolveResourceName('events')!;
const REPLICAS = 1000;
const NAME = 'web';
/** 12 workers × 110 pods fit the 1,250 pods a 25% surge allows. */
const WORKERS = 12;
const TIMEOUT_MS = 60 * 60_000;

/** The rollout is over: the Deployment reports it complete, the old ReplicaSet is at 0 and its pods are gone. */
function isRolloutDone(cluster: Cluster, oldUid: string): boolean {
  if (!isDeploymentComplete(findDeployment(cluster, NAME))) return false;
  const old = (cluster.api.all(REPLICA_SETS, 'default') as ReplicaSet[]).find((rs) => rs.metadata.uid === oldUid);
  if (old && ((old.spec.replicas ?? 0) > 0 || (old.status?.replicas ?? 0) > 0)) return false;
  return !(cluster.api.all(PODS, 'default') as Pod[]).some((pod) => controllerOf(pod)?.uid === oldUid);
}

/** Events about the Deployment with `reason` first seen at or after `since` (virtual ms), counting repeats. */
function countEvents(events: readonly Event[], reason: string, since: number): number {
  return events
    .filter((e) => e.reason === reason && e.involvedObject.name === NAME && Date.parse(e.firstTimestamp ?? '') >= since)
    .reduce((sum, e) => sum + (e.count ?? 1), 0);
}

export function benchRollingUpdate(): Figure[] {
  const cluster = Cluster.create({ seed: 1, shape: defaultShape(WORKERS) });
  createOrThrow(cluster, nginxDeployment(NAME, REPLICAS, 'nginx:1.25'));
  const setupStart = performance.now();
  if (!cluster.runUntil(() => isDeploymentComplete(findDeployment(cluster, NAME)), TIMEOUT_MS))
    throw new Error('the Deployment did not become available');
  const setupSeconds = secondsSince(setupStart);
  const [oldRs] = cluster.api.all(REPLICA_SETS, 'default') as ReplicaSet[];
  const oldUid = oldRs?.metadata.uid ?? '';

  const updatedAt = cluster.now();
  const decisionsBefore = cluster.decisions.state.entries.length;
  const start = performance.now();
  setImage(cluster, NAME, 'nginx:1.26');
  if (!cluster.runUntil(() => isRolloutDone(cluster, oldUid), TIMEOUT_MS))
    throw new Error('the rollout did not complete');
  const wallSeconds = secondsSince(start);
  const simulatedSeconds = (cluster.now() - updatedAt) / 1000;

  const events = cluster.api.all(EVENTS) as Event[];
  const eventCount = events.reduce((sum, e) => sum + (e.count ?? e.series?.count ?? 1), 0);
  const decisions = cluster.decisions.state.entries
    .slice(decisionsBefore)
    .filter((d) => d.controller === DEPLOYMENT_CONTROLLER_NAME).length;
  return [
    { name: '1,000-replica Deployment: scale-up 0 → 1,000 wall time', value: `${setupSeconds.toFixed(2)} s` },
    {
      name: '1,000-replica rolling update to completion: wall time',
      value: `${wallSeconds.toFixed(2)} s (target < 0.5 s)`,
    },
    { name: '1,000-replica rolling update: simulated time', value: `${simulatedSeconds.toFixed(1)} s` },
    { name: '1,000-replica rolling update: Events objects / event count', value: `${events.length} / ${eventCount}` },
    {
      name: '1,000-replica rolling update: ScalingReplicaSet events',
      value: `${countEvents(events, 'ScalingReplicaSet', updatedAt)}`,
    },
    { name: '1,000-replica rolling update: deployment-controller decisions', value: `${decisions}` },
  ];
}
