/** A pod's probes as the inspector lists them: what each checks, how often, and its recent failures. */
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { IIoK8sApiCoreV1Probe as Probe } from 'kubernetes-models/v1/Probe';
import type { IIoK8sApiCoreV1ContainerStatus as IContainerStatus } from 'kubernetes-models/v1/ContainerStatus';
import type { TimelineEvent } from '../../worker/protocol';

export type ProbeType = 'liveness' | 'readiness' | 'startup';

export interface ProbeRow {
  container: string;
  type: ProbeType;
  /** `exec [cat /tmp/healthy]`, `http-get http://:8080/healthz`, `tcp-socket :3306`, `grpc :9090`. */
  handler: string;
  /** `delay=5s timeout=1s period=5s #success=1 #failure=3`, as kubectl describe prints it. */
  timing: string;
  /** The container passes this probe right now, as far as the pod's status says. */
  passing: boolean | undefined;
  /** The latest failures the kubelet reported (newest first), with their virtual times. */
  failures: { time: number; message: string; count: number }[];
}

const PREFIX: Record<ProbeType, string> = {
  liveness: 'Liveness probe failed',
  readiness: 'Readiness probe failed',
  startup: 'Startup probe failed',
};

// kubectl: pkg/describe/describe.go describeProbe
function handlerOf(probe: Probe): string {
  if (probe.exec) return `exec [${(probe.exec.command ?? []).join(' ')}]`;
  if (probe.httpGet) {
    const { scheme = 'HTTP', host = '', port, path = '' } = probe.httpGet;
    return `http-get ${scheme.toLowerCase()}://${host}:${port}${path}`;
  }
  if (probe.tcpSocket) return `tcp-socket ${probe.tcpSocket.host ?? ''}:${probe.tcpSocket.port}`;
  if (probe.grpc) return `grpc <pod>:${probe.grpc.port} ${probe.grpc.service ?? ''}`.trimEnd();
  return 'unknown';
}

function timingOf(probe: Probe): string {
  return (
    `delay=${probe.initialDelaySeconds ?? 0}s timeout=${probe.timeoutSeconds ?? 1}s ` +
    `period=${probe.periodSeconds ?? 10}s #success=${probe.successThreshold ?? 1} #failure=${probe.failureThreshold ?? 3}`
  );
}

export function probeSummary(pod: IPod, events: readonly TimelineEvent[], recent = 5): ProbeRow[] {
  const statuses = new Map((pod.status?.containerStatuses ?? []).map((status) => [status.name, status]));
  const unhealthy = events.filter(
    (event) => event.reason === 'Unhealthy' && event.object.kind === 'Pod' && event.object.uid === pod.metadata?.uid,
  );
  const rows: ProbeRow[] = [];
  for (const container of pod.spec?.containers ?? []) {
    const status = statuses.get(container.name);
    const probes: [ProbeType, Probe | undefined][] = [
      ['startup', container.startupProbe],
      ['liveness', container.livenessProbe],
      ['readiness', container.readinessProbe],
    ];
    for (const [type, probe] of probes) {
      if (!probe) continue;
      const failures = unhealthy.filter((event) => event.message.startsWith(PREFIX[type]));
      rows.push({
        container: container.name,
        type,
        handler: handlerOf(probe),
        timing: timingOf(probe),
        passing: passingNow(type, status, failures),
        failures: failures
          .slice(-recent)
          .reverse()
          .map((event) => ({ time: event.time, message: event.message, count: event.count })),
      });
    }
  }
  return rows;
}

/**
 * Readiness and startup results are in the pod's status; liveness is not, so it counts as failing when the kubelet
 * reported a liveness failure since the running container started.
 */
function passingNow(
  type: ProbeType,
  status: IContainerStatus | undefined,
  failures: readonly TimelineEvent[],
): boolean | undefined {
  if (!status) return undefined;
  if (type === 'readiness') return status.ready;
  if (type === 'startup') return status.started;
  const startedAt = status.state?.running?.startedAt;
  if (!startedAt) return false;
  const started = Date.parse(String(startedAt));
  return !failures.some((event) => event.time >= started);
}
