/**
 * Zones and disruption (pkg/controller/nodelifecycle/node_lifecycle_controller.go: handleDisruption,
 * ComputeZoneState, setLimiterInZone): the NoExecute tainter of each zone is rate limited (--node-eviction-rate
 * 0.1 nodes/s, one at a time), slowed down or stopped when much of the zone is not Ready (in clusters of up to 50
 * nodes a partially disrupted zone taints nobody), and when every node of every zone is not Ready the controller
 * assumes its own connectivity is at fault: it stops tainting and removes the NoExecute taints.
 */
import type { Node, NodeCondition } from '../../api/kinds';

export type ZoneState = 'Initial' | 'Normal' | 'PartialDisruption' | 'FullDisruption';

export interface ZoneHealth {
  state: ZoneState;
  /** Nodes per second the zone's NoExecute tainter may taint (its rate limiter's QPS). */
  qps: number;
  /** When the tainter's token bucket (burst 1) holds a token again; none: it holds one. */
  nextTaintAt?: number;
}

/** --node-eviction-rate and --secondary-node-eviction-rate. */
const EVICTION_QPS = 0.1;
const SECONDARY_EVICTION_QPS = 0.01;
/** --large-cluster-size-threshold and --unhealthy-zone-threshold. */
const LARGE_CLUSTER_THRESHOLD = 50;
const UNHEALTHY_ZONE_THRESHOLD = 0.55;
/** A node with this label counts in no zone's health. */
const EXCLUDE_DISRUPTION_LABEL = 'node.kubernetes.io/exclude-disruption';

/** component-helpers/node/topology GetZoneKey: region and zone labels; nodes without them share one zone. */
export function zoneKeyOf(node: Node): string {
  const labels = node.metadata.labels ?? {};
  const region = labels['topology.kubernetes.io/region'] ?? labels['failure-domain.beta.kubernetes.io/region'] ?? '';
  const zone = labels['topology.kubernetes.io/zone'] ?? labels['failure-domain.beta.kubernetes.io/zone'] ?? '';
  return region || zone ? `${region}:${zone}` : '';
}

export function isExcludedFromDisruption(node: Node): boolean {
  return EXCLUDE_DISRUPTION_LABEL in (node.metadata.labels ?? {});
}

/** ComputeZoneState: no Ready node is a full disruption; more than 2 and at least 55 % not Ready a partial one. */
export function computeZoneState(readyConditions: readonly (NodeCondition | undefined)[]): ZoneState {
  const ready = readyConditions.filter((c) => c?.status === 'True').length;
  const notReady = readyConditions.length - ready;
  if (ready === 0 && notReady > 0) return 'FullDisruption';
  if (notReady > 2 && notReady / readyConditions.length >= UNHEALTHY_ZONE_THRESHOLD) return 'PartialDisruption';
  return 'Normal';
}

/** setLimiterInZone: the tainting rate a zone gets in a state; a new limiter starts with a token. */
function setLimiter(zone: ZoneHealth, state: ZoneState, size: number): void {
  zone.qps =
    state === 'PartialDisruption' ? (size > LARGE_CLUSTER_THRESHOLD ? SECONDARY_EVICTION_QPS : 0) : EVICTION_QPS;
  delete zone.nextTaintAt;
}

/**
 * handleDisruption over this pass's Ready conditions by zone. Returns `enter` when every zone just became fully
 * disrupted (the caller removes all NoExecute taints), `exit` when the cluster just left that state (the caller
 * gives every node a fresh grace period).
 */
export function handleDisruption(
  zones: Record<string, ZoneHealth>,
  readyByZone: Record<string, (NodeCondition | undefined)[]>,
): 'enter' | 'exit' | undefined {
  const newStates: Record<string, ZoneState> = {};
  let allAreFullyDisrupted = true;
  for (const [key, conditions] of Object.entries(readyByZone)) {
    newStates[key] = computeZoneState(conditions);
    if (newStates[key] !== 'FullDisruption') allAreFullyDisrupted = false;
    zones[key] ??= { state: 'Initial', qps: EVICTION_QPS };
  }
  for (const key of Object.keys(zones)) if (!(key in readyByZone)) delete zones[key];
  const allWereFullyDisrupted = Object.values(zones).every((zone) => zone.state === 'FullDisruption');
  if (allAreFullyDisrupted && allWereFullyDisrupted) return undefined;
  if (allAreFullyDisrupted) {
    for (const zone of Object.values(zones)) {
      zone.state = 'FullDisruption';
      zone.qps = 0;
    }
    return 'enter';
  }
  for (const [key, zone] of Object.entries(zones)) {
    const state = newStates[key]!;
    if (!allWereFullyDisrupted && zone.state === state) continue;
    setLimiter(zone, state, readyByZone[key]!.length);
    zone.state = state;
  }
  return allWereFullyDisrupted ? 'exit' : undefined;
}
