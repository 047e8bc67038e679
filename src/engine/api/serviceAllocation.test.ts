import { describe, expect, it } from 'vitest';
import { ApiServer } from './apiServer';
import { resolveResourceName } from './resources';
import type { KubeObject } from './types';
import { seedRandom } from '../runtime/random';

const SERVICES = resolveResourceName('services')!;

function apiServer(): ApiServer {
  const api = new ApiServer(ApiServer.initialState(), () => Date.UTC(2026, 0, 5, 9), seedRandom(7));
  api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  return api;
}

function service(name: string, spec: Record<string, unknown>): unknown {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'default' },
    spec: { selector: { app: name }, ports: [{ port: 80 }], ...spec },
  };
}

function created(api: ApiServer, object: unknown): KubeObject {
  const result = api.create(object);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const specOf = (object: KubeObject) =>
  object.spec as { clusterIP?: string; clusterIPs?: string[]; ports: { nodePort?: number }[] };

const toInt = (ip: string) => ip.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);

describe('Service ClusterIP allocation (registry/core/service/storage/alloc.go)', () => {
  it('gives each new Service a free address of 10.96.0.0/12 above the static band, in both fields', () => {
    const api = apiServer();
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const spec = specOf(created(api, service(`s${i}`, {})));
      expect(spec.clusterIPs).toEqual([spec.clusterIP]);
      const offset = toInt(spec.clusterIP!) - toInt('10.96.0.0');
      expect(offset).toBeGreaterThan(256);
      expect(offset).toBeLessThan(1 << 20);
      seen.add(spec.clusterIP!);
    }
    expect(seen.size).toBe(20);
  });

  it('takes a requested address once; a second request or one outside the range gets kube-apiserver’s error', () => {
    const api = apiServer();
    expect(specOf(created(api, service('first', { clusterIP: '10.96.0.50' }))).clusterIPs).toEqual(['10.96.0.50']);
    const taken = api.create(service('second', { clusterIP: '10.96.0.50' }));
    expect(taken.ok || taken.error.message).toBe(
      'Service "second" is invalid: spec.clusterIPs: Invalid value: ["10.96.0.50"]: failed to allocate IP 10.96.0.50: provided IP is already allocated',
    );
    const outside = api.create(service('third', { clusterIP: '10.0.0.5' }));
    expect(outside.ok || outside.error.message).toBe(
      'Service "third" is invalid: spec.clusterIPs: Invalid value: ["10.0.0.5"]: failed to allocate IP 10.0.0.5: the provided IP (10.0.0.5) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
    );
  });

  it('frees the address when the Service is deleted', () => {
    const api = apiServer();
    created(api, service('first', { clusterIP: '10.96.0.50' }));
    api.delete(SERVICES, 'default', 'first');
    expect(specOf(created(api, service('again', { clusterIP: '10.96.0.50' }))).clusterIP).toBe('10.96.0.50');
  });

  it('keeps headless Services headless: clusterIPs is [None]', () => {
    const api = apiServer();
    expect(specOf(created(api, service('web', { clusterIP: 'None' }))).clusterIPs).toEqual(['None']);
  });

  it('keeps the ClusterIP through an update that leaves it out (patchAllocatedValues)', () => {
    const api = apiServer();
    const first = created(api, service('web', {}));
    const replaced = api.update({ ...(service('web', { ports: [{ port: 8080 }] }) as object) });
    expect(replaced.ok && specOf(replaced.value).clusterIP).toBe(specOf(first).clusterIP);
  });
});

describe('Service node port allocation (portallocator, initNodePorts, updateNodePorts)', () => {
  it('gives NodePort and LoadBalancer ports a node port in 30000-32767; ClusterIP ones get none', () => {
    const api = apiServer();
    for (const type of ['NodePort', 'LoadBalancer']) {
      const port = specOf(created(api, service(type.toLowerCase(), { type }))).ports[0]!.nodePort!;
      expect(port).toBeGreaterThanOrEqual(30000 + 86);
      expect(port).toBeLessThanOrEqual(32767);
    }
    expect(specOf(created(api, service('plain', {}))).ports[0]!.nodePort).toBeUndefined();
  });

  it('reserves a requested port once', () => {
    const api = apiServer();
    created(api, service('a', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }));
    const again = api.create(service('b', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }));
    expect(again.ok || again.error.message).toBe(
      'Service "b" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated',
    );
  });

  it('allocates on a change to NodePort and releases on a change back to ClusterIP', () => {
    const api = apiServer();
    created(api, service('web', {}));
    const nodePort = api.patch(SERVICES, 'default', 'web', 'merge', { spec: { type: 'NodePort' } });
    const allocated = nodePort.ok ? specOf(nodePort.value).ports[0]!.nodePort : undefined;
    expect(allocated).toBeGreaterThanOrEqual(30000);
    const back = api.patch(SERVICES, 'default', 'web', 'merge', { spec: { type: 'ClusterIP' } });
    expect(back.ok && specOf(back.value).ports[0]!.nodePort).toBeUndefined();
    const reuse = api.create(service('other', { type: 'NodePort', ports: [{ port: 80, nodePort: allocated }] }));
    expect(reuse.ok).toBe(true);
  });

  it('gives a LoadBalancer with externalTrafficPolicy Local a health check node port', () => {
    const api = apiServer();
    const spec = created(api, service('lb', { type: 'LoadBalancer', externalTrafficPolicy: 'Local' })).spec as {
      healthCheckNodePort?: number;
    };
    expect(spec.healthCheckNodePort).toBeGreaterThanOrEqual(30000);
  });
});
