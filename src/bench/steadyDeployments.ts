/** 200 Deployments of 5 nginx pods each, brought up (not timed), then one simulated hour of steady state. */
import { Cluster, defaultShape } from '../engine';
import type { Deployment } from '../engine/controllers/deployment/deploymentTypes';
import { DEPLOYMENTS } from '../engine/controllers/deployment/deploymentTypes';
import { createOrThrow, isDeploymentComplete, nginxDeployment } from './deployments';
import { peakHeapMb, secondsSince, type Figure } from './figures';

const DEPLOYMENT_COUNT = 200;
const REPLICAS = 5;
/** 10 workers × 110 pods hold the 1,000 pods. */
const WORKERS = 10;

export function benchSteadyDeployments(): Figure[] {
  const cluster = Cluster.create({ seed: 1, shape: defaultShape(WORKERS) });
  for (let i = 0; i < DEPLOYMENT_COUNT; i++) createOrThrow(cluster, nginxDeployment(`app-${i}`, REPLICAS));
  const setupStart = performance.now();
  const allAvailable = () => (cluster.api.all(DEPLOYMENTS, 'default') as Deployment[]).every(isDeploymentComplete);
  if (!cluster.runUntil(allAvailable, 30 * 60_000)) throw new Error('the Deployments did not become available');
  const setupSeconds = secondsSince(setupStart);
  const heap: number[] = [];
  const start = performance.now();
  for (let minute = 0; minute < 60; minute++) {
    cluster.advance(60_000);
    heap.push(process.memoryUsage().heapUsed);
  }
  const wallSeconds = secondsSince(start);
  const label = '200 Deployments × 5 pods';
  return [
    { name: `${label}: start-up wall time`, value: `${setupSeconds.toFixed(2)} s` },
    { name: `${label}, 1 simulated hour: wall time`, value: `${wallSeconds.toFixed(2)} s` },
    { name: `${label}: simulated seconds per wall second`, value: `${Math.round(3600 / wallSeconds)}` },
    { name: `${label}: peak heap`, value: peakHeapMb(heap) },
  ];
}
