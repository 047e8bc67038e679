/** The pod and container a fault-injection action aims at (`kubeplay pod kill`, `kubeplay probe fail`). */
import type { Container, Pod } from '../api/kinds';
import { resolveResourceName } from '../api/resources';
import type { Cluster } from '../cluster/cluster';
import { runningUidOf } from '../kubelet/staticPods';

const PODS = resolveResourceName('pods')!;
/** kubectl's annotation naming the container `logs` and `exec` pick without `-c` (podcmd.DefaultContainerAnnotationName). */
const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container';

export interface PodTarget {
  pod: Pod;
  container: Container;
  /** The uid the kubelet runs the pod under (a static pod's config hash, not its mirror's uid). */
  uid: string;
}

/**
 * Finds `pod` in `namespace` and its container `container`, by default the one kubectl would pick (the
 * default-container annotation, else the first). Init containers count, for sidecars. Errors are whole lines.
 */
export function findPodTarget(
  cluster: Cluster,
  namespace: string,
  podName: string,
  container: string | undefined,
): { ok: true; target: PodTarget } | { ok: false; error: string } {
  const pod = cluster.api.find(PODS, namespace, podName) as Pod | undefined;
  if (!pod) return { ok: false, error: `kubeplay: pod "${podName}" not found in namespace "${namespace}"\n` };
  const name = container ?? pod.metadata.annotations?.[DEFAULT_CONTAINER_ANNOTATION] ?? pod.spec.containers[0]?.name;
  const found = [...pod.spec.containers, ...(pod.spec.initContainers ?? [])].find((c) => c.name === name);
  if (!found) return { ok: false, error: `kubeplay: container "${name}" not found in pod "${podName}"\n` };
  return { ok: true, target: { pod, container: found, uid: runningUidOf(pod) } };
}
