import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { OneSyncHarness } from '../job/oneSyncHarness';
import { RESOURCE_QUOTA_CONTROLLER } from './resourceQuotaController';

function pod(h: OneSyncHarness, name: string, cpu: string, phase = 'Running'): KubeObject {
  const created = h.create<KubeObject>({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu } } }] },
  });
  return h.setStatus(created, { phase });
}

describe('resource quota controller (resource_quota_controller.go syncResourceQuota)', () => {
  it('copies hard into status and recounts what the namespace uses, finished pods left out', () => {
    const h = new OneSyncHarness(RESOURCE_QUOTA_CONTROLLER);
    pod(h, 'a', '250m');
    pod(h, 'b', '500m');
    pod(h, 'done', '1', 'Succeeded');
    h.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' } });
    h.create({
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: 'q' },
      spec: { hard: { pods: '10', 'requests.cpu': '2', 'count/pods': '20', configmaps: '5' } },
    });
    expect(h.sync('default/q')).toEqual(['update resourcequotas/q/status']);
    expect(h.get<KubeObject>('resourcequotas', 'q')!.status).toEqual({
      hard: { pods: '10', 'requests.cpu': '2', 'count/pods': '20', configmaps: '5' },
      used: { configmaps: '1', 'count/pods': '3', pods: '2', 'requests.cpu': '750m' },
    });
    expect(h.sync('default/q')).toEqual([]);
    expect(h.queuedIn('default/q')).toBe(300_000);
  });

  it('recounts the quotas of a namespace when a pod they count finishes or goes', () => {
    const h = new OneSyncHarness(RESOURCE_QUOTA_CONTROLLER);
    h.create({ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'q' }, spec: { hard: { pods: '1' } } });
    const running = pod(h, 'a', '1');
    expect(h.keysFor('DELETED', running)).toEqual(['default/q']);
    const finished = { ...running, status: { phase: 'Succeeded' } };
    expect(h.keysFor('MODIFIED', finished, running)).toEqual(['default/q']);
    expect(h.keysFor('MODIFIED', running, running)).toEqual([]);
  });
});
