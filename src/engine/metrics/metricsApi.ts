/**
 * metrics-server's API (metrics.k8s.io/v1beta1, pkg/api in metrics-server): PodMetrics and NodeMetrics built from
 * the latest scrape when they are read, as its REST storage does — `creationTimestamp` is the time of the request,
 * `timestamp` and `window` those of the sample; CPU in nanocores, memory in Ki. Label selectors filter on the pod's
 * or node's labels; field selectors only know `metadata.name` and `metadata.namespace`.
 */
import type { ApiServer } from '../api/apiServer';
import { badRequest } from '../api/errors';
import type { AggregatedApi } from '../api/kubeApiServer';
import { formatQuantity } from '../api/quantity/quantity';
import { genericFields, matchesFields, parseFieldSelector } from '../api/selectors/fieldSelector';
import { matchesLabels, parseLabelSelector } from '../api/selectors/labelSelector';
import type { ApiResult, KubeObject, ListOptions, ResourceType } from '../api/types';
import { formatGoDuration } from '../kubelet/goDuration';
import { formatTimestamp } from '../runtime/time';
import { NODE_METRICS, POD_METRICS } from './metricsResources';

export interface ContainerUsage {
  name: string;
  cpuNanocores: number;
  memoryBytes: number;
}

/** A pod's usage over the window of `windowMs` ending at `timestamp` (virtual ms). */
export interface PodUsage {
  namespace: string;
  name: string;
  labels: Record<string, string>;
  timestamp: number;
  windowMs: number;
  containers: ContainerUsage[];
}

export interface NodeUsage {
  name: string;
  labels: Record<string, string>;
  timestamp: number;
  windowMs: number;
  cpuNanocores: number;
  memoryBytes: number;
}

/** Where the usage comes from: metrics-server's store of its scrapes. */
export interface UsageSource {
  /** The pods with metrics, in one namespace or all, whose labels `select` accepts. */
  pods(namespace: string | undefined, select: (labels: Record<string, string> | undefined) => boolean): PodUsage[];
  pod(namespace: string, name: string): PodUsage | undefined;
  nodes(): NodeUsage[];
  node(name: string): NodeUsage | undefined;
}

const API_VERSION = 'metrics.k8s.io/v1beta1';

/** resource.NewScaledQuantity(nanocores, resource.Nano): `0`, `250m`, `1234567n`. */
function cpuQuantity(nanocores: number): string {
  return formatQuantity({ nanos: String(nanocores), format: 'DecimalSI' });
}

/** resource.NewQuantity(bytes, resource.BinarySI): `2560Ki`, `3Mi`. */
function memoryQuantity(bytes: number): string {
  return formatQuantity({ nanos: (BigInt(Math.round(bytes)) * 10n ** 9n).toString(), format: 'BinarySI' });
}

/** A metrics-server NotFound: it names the object `namespace/name` (pods) or `name` (nodes). */
function notFound(resource: ResourceType, name: string): ApiResult<KubeObject> {
  const kind = resource === POD_METRICS ? 'podmetrics' : 'nodemetrics';
  return {
    ok: false,
    error: {
      code: 404,
      reason: 'NotFound',
      message: `${kind}.${resource.group} "${name}" not found`,
      details: { name, group: resource.group, kind },
    },
  };
}

export class MetricsApi implements AggregatedApi {
  readonly resources = [NODE_METRICS, POD_METRICS] as const;

  constructor(
    private readonly source: UsageSource,
    private readonly clock: Pick<ApiServer, 'now'>,
  ) {}

  get(resource: ResourceType, namespace: string | undefined, name: string): ApiResult<KubeObject> {
    if (resource === POD_METRICS) {
      const usage = this.source.pod(namespace ?? 'default', name);
      return usage
        ? { ok: true, value: this.podMetrics(usage) }
        : notFound(resource, `${namespace ?? 'default'}/${name}`);
    }
    const usage = this.source.node(name);
    return usage ? { ok: true, value: this.nodeMetrics(usage) } : notFound(resource, name);
  }

  list(resource: ResourceType, namespace: string | undefined, options: ListOptions = {}): ApiResult<KubeObject[]> {
    const labels = options.labelSelector ? parseLabelSelector(options.labelSelector) : undefined;
    if (labels && !labels.ok) return { ok: false, error: badRequest(labels.error) };
    const fields = options.fieldSelector ? parseFieldSelector(options.fieldSelector) : undefined;
    if (fields && !fields.ok) return { ok: false, error: badRequest(fields.error) };
    const objects =
      resource === POD_METRICS
        ? this.source
            .pods(namespace, (podLabels) => !labels || matchesLabels(labels.selector, podLabels))
            .map((usage) => this.podMetrics(usage))
        : this.source.nodes().map((usage) => this.nodeMetrics(usage));
    const selected = objects.filter(
      (object) =>
        (!labels || matchesLabels(labels.selector, object.metadata.labels)) &&
        (!fields || matchesFields(fields.selector, genericFields(object))),
    );
    return { ok: true, value: selected.sort(byNamespaceAndName) };
  }

  private podMetrics(usage: PodUsage): KubeObject {
    return {
      kind: 'PodMetrics',
      apiVersion: API_VERSION,
      metadata: {
        name: usage.name,
        namespace: usage.namespace,
        creationTimestamp: formatTimestamp(this.clock.now()),
        labels: { ...usage.labels },
      },
      timestamp: formatTimestamp(usage.timestamp),
      window: formatGoDuration(usage.windowMs),
      containers: usage.containers.map((c) => ({
        name: c.name,
        usage: { cpu: cpuQuantity(c.cpuNanocores), memory: memoryQuantity(c.memoryBytes) },
      })),
    };
  }

  private nodeMetrics(usage: NodeUsage): KubeObject {
    return {
      kind: 'NodeMetrics',
      apiVersion: API_VERSION,
      metadata: { name: usage.name, creationTimestamp: formatTimestamp(this.clock.now()), labels: { ...usage.labels } },
      timestamp: formatTimestamp(usage.timestamp),
      window: formatGoDuration(usage.windowMs),
      usage: { cpu: cpuQuantity(usage.cpuNanocores), memory: memoryQuantity(usage.memoryBytes) },
    };
  }
}

function byNamespaceAndName(a: KubeObject, b: KubeObject): number {
  const key = (o: KubeObject) => `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`;
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}
