/** One simulated hour of 1,000 running pods, each with a readiness (HTTP) and a liveness (TCP) probe. */
import { Cluster, defaultShape } from '../engine';
import { resolveResourceName } from '../engine/api/resources';
import { peakHeapMb, secondsSince, type Figure } from './figures';

const PODS = resolveResourceName('pods')!;
const POD_COUNT = 1000;

function probedPod(index: number) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `web-${index}`, namespace: 'default', labels: { app: 'web' } },
    spec: {
      containers: [
        {
          name: 'nginx',
          image: 'nginx:1.25',
          ports: [{ containerPort: 80 }],
          readinessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 10 },
          livenessProbe: { tcpSocket: { port: 80 }, periodSeconds: 10 },
        },
      ],
    },
  };
}

/** Starts the pods (not timed), then times one simulated hour, sampling the heap every simulated minute. */
export function benchProbedPodsHour(): Figure[] {
  const cluster = Cluster.create({ seed: 1, shape: defaultShape(10) });
  for (let i = 0; i < POD_COUNT; i++) {
    const created = cluster.api.create(probedPod(i));
    if (!created.ok) throw new Error(created.error.message);
  }
  const running = () =>
    (cluster.api.all(PODS) as { status?: { phase?: string } }[]).every((p) => p.status?.phase === 'Running');
  if (!cluster.runUntil(running, 10 * 60_000)) throw new Error('pods did not start');
  const heap: number[] = [];
  const start = performance.now();
  for (let minute = 0; minute < 60; minute++) {
    cluster.advance(60_000);
    heap.push(process.memoryUsage().heapUsed);
  }
  const wallSeconds = secondsSince(start);
  return [
    { name: '1,000 probed pods, 1 simulated hour: wall time', value: `${wallSeconds.toFixed(2)} s (target < 2 s)` },
    { name: '1,000 probed pods: simulated seconds per wall second', value: `${Math.round(3600 / wallSeconds)}` },
    { name: '1,000 probed pods: peak heap', value: peakHeapMb(heap) },
  ];
}
