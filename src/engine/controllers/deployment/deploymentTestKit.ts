/**
 * Test helpers for the Deployment controller: a Deployment manifest in one call, and a harness that stands in for
 * the ReplicaSet controller and the kubelets between syncs ("settle": every ReplicaSet has its pods, ready or
 * not), which is the assumption of the worked traces in k8s-behaviour.md §2. Used by tests only.
 */
import { REPLICA_SETS, type ReplicaSet, type ReplicaStatus } from '../replicaset/replicaKinds';
import { SyncHarness } from '../replicaset/syncTestKit';
import { DEPLOYMENT_CONTROLLER } from './deploymentController';
import { equalIgnoreHash, compareByCreation, specReplicas } from './deploymentReplicaSets';
import { DEPLOYMENTS, type Deployment } from './deploymentTypes';

export interface DeploymentShape {
  replicas?: number;
  image?: string;
  strategy?: 'RollingUpdate' | 'Recreate';
  maxSurge?: number | string;
  maxUnavailable?: number | string;
  minReadySeconds?: number;
  progressDeadlineSeconds?: number;
  revisionHistoryLimit?: number;
  paused?: boolean;
  annotations?: Record<string, string>;
}

/** A Deployment `web` selecting `app: web`. */
export function deploymentObject(shape: DeploymentShape = {}): Deployment {
  const strategy =
    shape.strategy === 'Recreate'
      ? { type: 'Recreate' as const }
      : {
          type: 'RollingUpdate' as const,
          rollingUpdate: { maxSurge: shape.maxSurge ?? '25%', maxUnavailable: shape.maxUnavailable ?? '25%' },
        };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', ...(shape.annotations ? { annotations: shape.annotations } : {}) },
    spec: {
      replicas: shape.replicas ?? 3,
      selector: { matchLabels: { app: 'web' } },
      strategy,
      ...(shape.minReadySeconds !== undefined ? { minReadySeconds: shape.minReadySeconds } : {}),
      ...(shape.progressDeadlineSeconds !== undefined
        ? { progressDeadlineSeconds: shape.progressDeadlineSeconds }
        : {}),
      ...(shape.revisionHistoryLimit !== undefined ? { revisionHistoryLimit: shape.revisionHistoryLimit } : {}),
      ...(shape.paused ? { paused: true } : {}),
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'app', image: shape.image ?? 'nginx:1.25' }] },
      },
    },
  };
}

export class DeploymentHarness extends SyncHarness {
  constructor(shape: DeploymentShape = {}) {
    super(DEPLOYMENT_CONTROLLER);
    this.create(deploymentObject(shape));
  }

  deployment(): Deployment {
    return this.api.find(DEPLOYMENTS, 'default', 'web') as Deployment;
  }

  /** The Deployment's ReplicaSets, oldest first. */
  replicaSets(): ReplicaSet[] {
    return (this.api.all(REPLICA_SETS, 'default') as ReplicaSet[]).sort(compareByCreation);
  }

  /** The ReplicaSet whose template is the Deployment's. */
  newReplicaSet(): ReplicaSet | undefined {
    return this.replicaSets().find((rs) => equalIgnoreHash(rs.spec.template, this.deployment().spec.template));
  }

  /** `new,old…`: spec.replicas of the new ReplicaSet, then of the others, oldest first. */
  sizes(): string {
    const newRS = this.newReplicaSet();
    const others = this.replicaSets().filter((rs) => rs !== newRS && rs.metadata.uid !== newRS?.metadata.uid);
    return [newRS ? specReplicas(newRS) : 0, ...others.map(specReplicas)].join(',');
  }

  /** Changes the Deployment as a client would (kubectl edit, apply, scale). */
  change(edit: (deployment: Deployment) => void): void {
    const next = structuredClone(this.deployment());
    edit(next);
    const updated = this.api.update(next);
    if (!updated.ok) throw new Error(updated.error.message);
  }

  /** A new image: a new pod template. */
  setImage(image: string): void {
    this.change((d) => {
      d.spec.template.spec!.containers[0]!.image = image;
    });
  }

  syncDeployment(): string[] {
    return this.sync('default/web');
  }

  /**
   * What the ReplicaSet controller and the pods would report once caught up: each ReplicaSet has its spec's pods,
   * ready and available unless `ready` says otherwise. Returns whether any status changed.
   */
  settle(ready: (rs: ReplicaSet) => boolean = () => true): boolean {
    let changed = false;
    for (const rs of this.replicaSets()) {
      const size = specReplicas(rs);
      const up = ready(rs) ? size : 0;
      const status: ReplicaStatus = { replicas: size };
      if (size > 0) status.fullyLabeledReplicas = size;
      if (up > 0) Object.assign(status, { readyReplicas: up, availableReplicas: up });
      if (rs.metadata.generation) status.observedGeneration = rs.metadata.generation;
      if (JSON.stringify(rs.status ?? {}) === JSON.stringify(status)) continue;
      this.setStatus(rs, status);
      changed = true;
    }
    return changed;
  }

  /**
   * Syncs and settles until nothing changes; returns the sizes after each sync that scaled something
   * (`new,old`), starting with the sizes before.
   */
  rollOut(ready: (rs: ReplicaSet) => boolean = () => true): string[] {
    const sequence = [this.sizes()];
    for (let round = 0; round < 100; round++) {
      const actions = this.syncDeployment();
      const sizes = this.sizes();
      if (sizes !== sequence[sequence.length - 1]) sequence.push(sizes);
      const settled = this.settle(ready);
      if (actions.length === 0 && !settled) return sequence;
    }
    throw new Error(`no steady state: ${sequence.join(' → ')}`);
  }

  /** The ScalingReplicaSet (and other) event messages about the Deployment, with ReplicaSet names as NEW/OLD. */
  deploymentEvents(names: Record<string, string> = {}): string[] {
    return this.events('web').map((line) =>
      Object.entries(names).reduce((text, [name, alias]) => text.split(name).join(alias), line),
    );
  }
}
