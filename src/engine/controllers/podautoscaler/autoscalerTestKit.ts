/**
 * A harness for one-sync HPA controller tests: an API server with the metrics API registered (metrics-server's REST
 * storage over usage the test sets), objects seeded by the test, one `sync(key)` at a time, and the writes, events
 * and decisions it made. Used by tests only.
 */
import type { Event, Pod } from '../../api/kinds';
import { KubeApiServer } from '../../api/kubeApiServer';
import { resolveResourceName } from '../../api/resources';
import type { KubeObject } from '../../api/types';
import { MetricsApi, type PodUsage, type UsageSource } from '../../metrics/metricsApi';
import { DEFAULT_START_TIME, formatTimestamp } from '../../runtime/time';
import { WatchingHarness } from '../testing/controllerHarness';
import { initialAutoscalerMemory, type AutoscalerMemory } from './autoscalerMemory';
import { HORIZONTAL_POD_AUTOSCALER_CONTROLLER } from './horizontalController';
import { HORIZONTAL_POD_AUTOSCALERS, type HorizontalPodAutoscaler } from './hpaTypes';

const EVENTS = resolveResourceName('events')!;

export interface PodSeed {
  labels?: Record<string, string>;
  /** The container's cpu request; none when undefined. */
  cpuRequest?: string;
  ready?: boolean;
  /** Seconds since the pod started and turned Ready (default 10 minutes). */
  startedAgo?: number;
}

/** Usage set by the test, as metrics-server would report it. */
class FixedUsage implements UsageSource {
  readonly usage: Record<string, PodUsage> = {};
  pods(namespace: string | undefined, select: (labels: Record<string, string>) => boolean): PodUsage[] {
    return Object.values(this.usage).filter(
      (u) => (namespace === undefined || u.namespace === namespace) && select(u.labels),
    );
  }
  pod(namespace: string, name: string): PodUsage | undefined {
    return this.usage[`${namespace}/${name}`];
  }
  nodes() {
    return [];
  }
  node() {
    return undefined;
  }
}

export class AutoscalerHarness extends WatchingHarness<KubeApiServer> {
  readonly metrics = new FixedUsage();

  constructor(withMetricsApi = true) {
    super(HORIZONTAL_POD_AUTOSCALER_CONTROLLER, {
      api: (now, random) => new KubeApiServer(KubeApiServer.initialState(), now, random),
      startTime: DEFAULT_START_TIME + 3600_000,
    });
    if (withMetricsApi) this.api.registerApiService(new MetricsApi(this.metrics, this.api));
  }

  /** The controller's recommendations and scale events between syncs. */
  get memory(): AutoscalerMemory {
    return this.context.state(initialAutoscalerMemory);
  }

  /** A Deployment `name` selecting `app: name` with `replicas`. */
  createDeployment(name: string, replicas: number): KubeObject {
    return this.create({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name },
      spec: {
        replicas,
        selector: { matchLabels: { app: name } },
        template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image: 'nginx' }] } },
      },
    });
  }

  /** A running pod with one container `app`. */
  createPod(name: string, seed: PodSeed = {}): Pod {
    const pod = this.create<Pod>({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, labels: seed.labels ?? { app: 'web' } },
      spec: {
        containers: [
          {
            name: 'app',
            image: 'nginx',
            ...(seed.cpuRequest ? { resources: { requests: { cpu: seed.cpuRequest } } } : {}),
          },
        ],
      },
    });
    const since = formatTimestamp(this.runtime.now() - (seed.startedAgo ?? 600) * 1000);
    const updated = this.api.updateStatus({
      ...pod,
      status: {
        phase: 'Running',
        startTime: since,
        conditions: [{ type: 'Ready', status: seed.ready === false ? 'False' : 'True', lastTransitionTime: since }],
      },
    } as KubeObject);
    if (!updated.ok) throw new Error(updated.error.message);
    return updated.value as Pod;
  }

  /** What metrics-server reports for a pod: its cpu over the last 15 s window, sampled 5 s ago. */
  setUsage(pod: Pod, cpuMillicores: number): void {
    this.metrics.usage[`default/${pod.metadata.name}`] = {
      namespace: 'default',
      name: pod.metadata.name,
      labels: { ...(pod.metadata.labels ?? {}) },
      timestamp: this.runtime.now() - 5000,
      windowMs: 15_000,
      containers: [{ name: 'app', cpuNanocores: cpuMillicores * 1_000_000, memoryBytes: 3 * 1024 * 1024 }],
    };
  }

  /** Runs one sync of `default/name`; returns the writes it made. */
  override sync(name: string): string[] {
    return super.sync(`default/${name}`);
  }

  hpa(name: string): HorizontalPodAutoscaler {
    return this.api.find(HORIZONTAL_POD_AUTOSCALERS, 'default', name) as HorizontalPodAutoscaler;
  }

  /** `Type Reason: message` of every event, oldest first. */
  allEvents(): string[] {
    return (this.api.all(EVENTS, 'default') as Event[]).map((e) => `${e.type} ${e.reason}: ${e.message}`);
  }

  decisionTexts(name: string): string[] {
    return this.decisions.about('HorizontalPodAutoscaler', 'default', name).map((d) => d.text);
  }
}
