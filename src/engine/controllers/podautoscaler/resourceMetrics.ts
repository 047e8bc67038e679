/**
 * The resource metrics client (pkg/controller/podautoscaler/metrics/client.go: resourceMetricsClient): lists the
 * PodMetrics of the target's pods from metrics.k8s.io and sums each pod's containers (or takes the named one).
 * A pod missing the resource in any container has no metric.
 */
import { parseQuantity, quantityToMilli } from '../../api/quantity/quantity';
import type { ApiClient, KubeObject } from '../../api/types';
import { parseTimestamp } from '../../runtime/time';
import type { PodMetricsInfo } from './replicaCalculator';

interface PodMetrics extends KubeObject {
  timestamp?: string;
  window?: string;
  containers?: { name: string; usage?: Record<string, string> }[];
}

export type ResourceMetrics = { ok: true; metrics: PodMetricsInfo; timestamp: number } | { ok: false; error: string };

/** A metav1.Duration as metrics-server writes it (`15s`, `1m0.5s`, `500ms`), in ms. */
function parseWindow(text: string | undefined): number {
  const match = /^(?:(\d+)m)?(?:([\d.]+)s)?(?:(\d+)ms)?$/.exec(text ?? '');
  if (!match) return 0;
  return Number(match[1] ?? 0) * 60_000 + Number(match[2] ?? 0) * 1000 + Number(match[3] ?? 0);
}

function milli(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = parseQuantity(value);
  return parsed.ok ? quantityToMilli(parsed.value) : undefined;
}

/** GetResourceMetric: the pods' usage of `resource` in milli-units; errors worded as the client words them. */
export function getResourceMetric(
  api: ApiClient,
  resource: string,
  namespace: string,
  selector: string,
  container: string,
): ResourceMetrics {
  const podMetrics = api.resolveResource('pods.metrics.k8s.io');
  if (!podMetrics) {
    return {
      ok: false,
      error:
        'unable to fetch metrics from resource metrics API: the server could not find the requested resource (get pods.metrics.k8s.io)',
    };
  }
  const listed = api.list(podMetrics, namespace, { labelSelector: selector });
  if (!listed.ok)
    return { ok: false, error: `unable to fetch metrics from resource metrics API: ${listed.error.message}` };
  const items = listed.value as PodMetrics[];
  if (items.length === 0) return { ok: false, error: 'no metrics returned from resource metrics API' };
  const metrics: PodMetricsInfo = {};
  for (const item of items) {
    const name = item.metadata.name ?? '';
    const sample = { timestamp: parseTimestamp(item.timestamp) ?? 0, windowMs: parseWindow(item.window) };
    const containers = item.containers ?? [];
    if (container !== '') {
      const value = milli(containers.find((c) => c.name === container)?.usage?.[resource]);
      if (value === undefined) {
        return {
          ok: false,
          error: `failed to get container metrics: container ${container} not present in metrics for pod ${item.metadata.namespace ?? ''}/${name}`,
        };
      }
      metrics[name] = { value, ...sample };
      continue;
    }
    const values = containers.map((c) => milli(c.usage?.[resource]));
    if (values.length === 0 || values.some((v) => v === undefined)) continue;
    metrics[name] = { value: (values as number[]).reduce((a, b) => a + b, 0), ...sample };
  }
  return { ok: true, metrics, timestamp: parseTimestamp(items[0]!.timestamp) ?? 0 };
}
