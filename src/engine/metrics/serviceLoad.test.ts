import { describe, expect, it } from 'vitest';
import { KubeApiServer } from '../api/kubeApiServer';
import { createNamespace } from '../cluster/bootstrap';
import { seedRandom } from '../runtime/random';
import { DEFAULT_START_TIME } from '../runtime/time';
import { loadTargets, readyPodEndpoints } from './serviceLoad';

type Endpoint = { pod?: string; kind?: string; ready?: boolean };

/** An EndpointSlice as the EndpointSlice controller writes it, made by hand. */
function slice(name: string, service: string, port: number, endpoints: Endpoint[]) {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name, labels: { 'kubernetes.io/service-name': service } },
    addressType: 'IPv4',
    ports: [{ name: '', port, protocol: 'TCP' }],
    endpoints: endpoints.map((e, i) => ({
      addresses: [`10.244.1.${i + 2}`],
      conditions: e.ready === undefined ? {} : { ready: e.ready },
      ...(e.pod ? { targetRef: { kind: e.kind ?? 'Pod', name: e.pod, namespace: 'default' } } : {}),
    })),
  };
}

function apiWith(...slices: ReturnType<typeof slice>[]): KubeApiServer {
  const api = new KubeApiServer(KubeApiServer.initialState(), () => DEFAULT_START_TIME, seedRandom(1));
  createNamespace(api, 'default');
  for (const s of slices) {
    const created = api.create(s);
    if (!created.ok) throw new Error(created.error.message);
  }
  return api;
}

describe('ready endpoints of a Service', () => {
  it('come from its EndpointSlices: pods whose ready condition is not false, each once', () => {
    const api = apiWith(
      slice('web-abc', 'web', 8080, [
        { pod: 'web-2', ready: true },
        { pod: 'web-1', ready: true },
        { pod: 'web-3', ready: false },
      ]),
      slice('web-def', 'web', 8080, [
        { pod: 'web-1', ready: true },
        { pod: 'web-4' },
        { pod: 'host', kind: 'Node', ready: true },
      ]),
      slice('other-abc', 'other', 80, [{ pod: 'other-1', ready: true }]),
    );
    expect(readyPodEndpoints(api, 'default', 'web')).toEqual([
      { pod: 'web-1', port: 8080 },
      { pod: 'web-2', port: 8080 },
      { pod: 'web-4', port: 8080 },
    ]);
    expect(readyPodEndpoints(api, 'default', 'missing')).toEqual([]);
  });

  it('share a load evenly', () => {
    const api = apiWith(
      slice('web-abc', 'web', 80, [
        { pod: 'web-1', ready: true },
        { pod: 'web-2', ready: true },
      ]),
      slice('db-abc', 'db', 5432, [{ pod: 'db-1', ready: false }]),
    );
    expect(loadTargets(api, { 'default/web': 90, 'default/db': 10 })).toEqual([
      { namespace: 'default', pod: 'web-1', port: 80, requestsPerSecond: 45 },
      { namespace: 'default', pod: 'web-2', port: 80, requestsPerSecond: 45 },
    ]);
  });
});
