/** Deployments for the benches, created and read through the API server as any client would. */
import type { Cluster } from '../engine';
import type { Deployment } from '../engine/controllers/deployment/deploymentTypes';
import { DEPLOYMENTS } from '../engine/controllers/deployment/deploymentTypes';

/** An nginx Deployment with the default RollingUpdate strategy (25% surge, 25% unavailable). */
export function nginxDeployment(name: string, replicas: number, image = 'nginx:1.25') {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'nginx', image, ports: [{ containerPort: 80 }] }] },
      },
    },
  };
}

/** Creates the object or throws. */
export function createOrThrow(cluster: Cluster, object: unknown): void {
  const created = cluster.api.create(object);
  if (!created.ok) throw new Error(created.error.message);
}

export function findDeployment(cluster: Cluster, name: string): Deployment {
  const deployment = cluster.api.find(DEPLOYMENTS, 'default', name) as Deployment | undefined;
  if (!deployment) throw new Error(`deployment ${name} is gone`);
  return deployment;
}

/**
 * Whether the Deployment's status shows the current generation fully rolled out: every replica updated and
 * available, and no other replica left.
 */
export function isDeploymentComplete(deployment: Deployment): boolean {
  const status = deployment.status ?? {};
  const wanted = deployment.spec.replicas ?? 1;
  return (
    status.observedGeneration === deployment.metadata.generation &&
    (status.replicas ?? 0) === wanted &&
    (status.updatedReplicas ?? 0) === wanted &&
    (status.availableReplicas ?? 0) === wanted
  );
}

/** `kubectl set image deployment/<name> nginx=<image>`: an update of the pod template's container image. */
export function setImage(cluster: Cluster, name: string, image: string): void {
  const next = structuredClone(findDeployment(cluster, name));
  const container = next.spec.template.spec?.containers[0];
  if (!container) throw new Error(`deployment ${name} has no container`);
  container.image = image;
  const updated = cluster.api.update(next);
  if (!updated.ok) throw new Error(updated.error.message);
}
