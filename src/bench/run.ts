/**
 * `npm run bench`: speed and memory figures of the engine, printed (targets are in the README, not asserted).
 */
import { Cluster } from '../engine';
import { defaultShape } from '../engine';
import { resolveResourceName } from '../engine/api/resources';

const PODS = resolveResourceName('pods')!;

interface Figure {
  name: string;
  value: string;
}

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

function peakHeapMb(samples: number[]): string {
  return `${(Math.max(...samples) / 1024 / 1024).toFixed(0)} MB`;
}

/** One simulated hour of 1,000 running pods, each with a readiness (HTTP) and a liveness (TCP) probe. */
function probedPodsHour(): Figure[] {
  const cluster = Cluster.create({ seed: 1, shape: defaultShape(10) });
  for (let i = 0; i < 1000; i++) {
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
  const wallSeconds = (performance.now() - start) / 1000;
  return [
    { name: '1,000 probed pods, 1 simulated hour: wall time', value: `${wallSeconds.toFixed(2)} s (target < 2 s)` },
    { name: '1,000 probed pods: simulated seconds per wall second', value: `${Math.round(3600 / wallSeconds)}` },
    { name: '1,000 probed pods: peak heap', value: peakHeapMb(heap) },
  ];
}

const figures = [...probedPodsHour()];
const width = Math.max(...figures.map((f) => f.name.length));
for (const figure of figures) console.log(`${figure.name.padEnd(width)}  ${figure.value}`);
