import type { Event } from '../api/kinds';
import type { KubeObject } from '../api/types';
import { parseTimestamp } from '../runtime/time';
import type { ProbeFailures } from './clusterViewTypes';

/** The kubelet's probe results are `Unhealthy` Warnings: `<Probe> probe failed: …` (pkg/kubelet/prober/prober.go). */
const PREFIXES: [keyof Omit<ProbeFailures, 'lastAt'>, string][] = [
  ['liveness', 'Liveness probe failed'],
  ['readiness', 'Readiness probe failed'],
  ['startup', 'Startup probe failed'],
];
/** The EventCorrelator's prefix once ten distinct messages of one reason came within ten minutes. */
const COMBINED = '(combined from similar events): ';

/** No failures at all. */
export function noProbeFailures(): ProbeFailures {
  return { liveness: 0, readiness: 0, startup: 0 };
}

/**
 * Failed probes per pod uid, from the kubelet's `Unhealthy` Events. Repeats of one message are one Event with a
 * `count` (client-go's EventCorrelator), so the counts are summed; `lastAt` is the latest `lastTimestamp`.
 */
export function countProbeFailures(events: readonly KubeObject[]): Map<string, ProbeFailures> {
  const byPod = new Map<string, ProbeFailures>();
  for (const object of events) {
    const event = object as unknown as Event;
    if (event.reason !== 'Unhealthy' || event.involvedObject.kind !== 'Pod') continue;
    const uid = event.involvedObject.uid;
    if (!uid) continue;
    let message = event.message ?? '';
    if (message.startsWith(COMBINED)) message = message.slice(COMBINED.length);
    const probe = PREFIXES.find(([, prefix]) => message.startsWith(prefix))?.[0];
    if (!probe) continue;
    let failures = byPod.get(uid);
    if (!failures) byPod.set(uid, (failures = noProbeFailures()));
    failures[probe] += event.count ?? 1;
    const at = parseTimestamp(event.lastTimestamp ?? event.eventTime);
    if (at !== undefined && (failures.lastAt === undefined || at > failures.lastAt)) failures.lastAt = at;
  }
  return byPod;
}
