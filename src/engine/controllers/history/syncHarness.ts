/**
 * The one-sync harness of the StatefulSet and DaemonSet controller tests: nodes and pod states set by the test.
 * Used by tests only.
 */
import type { Node, Pod } from '../../api/kinds';
import { resolveResourceName } from '../../api/resources';
import type { KubeObject } from '../../api/types';
import { registerNode } from '../../cluster/bootstrap';
import { controlPlaneNode, workerNode } from '../../cluster/shape';
import { formatTimestamp } from '../../runtime/time';
import { WatchingHarness, must } from '../testing/controllerHarness';

const PODS = resolveResourceName('pods')!;
const NODES = resolveResourceName('nodes')!;

/** A pod state as the kubelet would report it. */
export interface PodState {
  phase: 'Pending' | 'Running' | 'Succeeded' | 'Failed';
  /** Seconds before now the pod turned Ready; undefined: not ready. */
  readyFor?: number;
}

export class SyncHarness extends WatchingHarness {
  private nodeCount = 0;

  /** Replaces an object with `change` applied to a copy of the stored one. */
  update<T extends KubeObject>(plural: string, name: string, change: (object: T) => void): T {
    const current = structuredClone(this.get<T>(plural, name));
    if (!current) throw new Error(`no ${plural}/${name}`);
    change(current);
    return must(this.api.update(current)) as T;
  }

  /** A node as kubeadm registers it; `master1`-style names get the control-plane role and taint. */
  addNode(name: string, labels: Record<string, string> = {}): Node {
    const shape = name.startsWith('master') ? controlPlaneNode(name) : workerNode(name);
    registerNode(this.api, { ...shape, labels }, this.nodeCount++, this.runtime.now());
    return this.api.find(NODES, undefined, name) as Node;
  }

  /** Sets a pod's phase and readiness (what the kubelet reports). */
  setPod(name: string, state: PodState, nodeName?: string): Pod {
    const now = this.runtime.now();
    const ready = state.readyFor !== undefined;
    const status = {
      ...this.pod(name).status,
      phase: state.phase,
      conditions: [
        {
          type: 'Ready',
          status: ready ? 'True' : 'False',
          lastTransitionTime: formatTimestamp(now - (state.readyFor ?? 0) * 1000),
        },
      ],
    };
    if (nodeName) this.api.bind('default', name, nodeName);
    return this.setStatus(this.pod(name) as unknown as KubeObject, status) as unknown as Pod;
  }

  podNames(): string[] {
    return this.names('pods');
  }

  /** Names of `plural` objects in the default namespace. */
  names(plural: string): string[] {
    return this.api.all(resolveResourceName(plural)!, 'default').map((o) => o.metadata.name ?? '');
  }

  /** Deletes a pod at once (grace period 0), as if the kubelet had finished it. */
  removePod(name: string): void {
    must(this.api.delete(PODS, 'default', name, { gracePeriodSeconds: 0 }));
  }
}
