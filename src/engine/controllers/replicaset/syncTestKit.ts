/**
 * The one-sync harness of the ReplicaSet and Deployment controller tests: pods seeded in a given state.
 * Used by tests only.
 */
import type { Pod } from '../../api/kinds';
import { resolveResourceName } from '../../api/resources';
import type { KubeObject } from '../../api/types';
import { formatTimestamp } from '../../runtime/time';
import { controllerRefTo } from '../ownerReferences';
import { WatchingHarness } from '../testing/controllerHarness';

const PODS = resolveResourceName('pods')!;

export interface PodSeed {
  labels: Record<string, string>;
  owner?: KubeObject;
  nodeName?: string;
  phase?: 'Pending' | 'Running' | 'Succeeded' | 'Failed';
  /** Seconds before now the pod turned Ready; undefined: not ready. */
  readyFor?: number;
  restarts?: number;
  annotations?: Record<string, string>;
}

export class SyncHarness extends WatchingHarness {
  /** A pod with a given state: scheduled or not, its phase and readiness. */
  createPod(name: string, seed: PodSeed): Pod {
    const now = this.runtime.now();
    const pod = this.create<Pod>({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name,
        labels: seed.labels,
        ...(seed.annotations ? { annotations: seed.annotations } : {}),
        ...(seed.owner ? { ownerReferences: [controllerRefTo(seed.owner)] } : {}),
      },
      spec: { containers: [{ name: 'app', image: 'nginx' }], ...(seed.nodeName ? { nodeName: seed.nodeName } : {}) },
    });
    const ready = seed.readyFor !== undefined;
    return this.setStatus(pod, {
      phase: seed.phase ?? (ready ? 'Running' : 'Pending'),
      conditions: [
        {
          type: 'Ready',
          status: ready ? 'True' : 'False',
          lastTransitionTime: formatTimestamp(now - (seed.readyFor ?? 0) * 1000),
        },
      ],
      containerStatuses: [{ name: 'app', image: 'nginx', imageID: '', ready, restartCount: seed.restarts ?? 0 }],
    });
  }

  pods(): Pod[] {
    return this.api.all(PODS, 'default') as Pod[];
  }
}
