/**
 * The shape of a simulated cluster: its nodes and their capacity. The default mirrors a small kubeadm cluster as
 * the seeds show it: one control-plane node `master1` and three workers.
 */
export interface NodeShape {
  name: string;
  role: 'control-plane' | 'worker';
  /** Kubernetes quantities, e.g. `4`, `8Gi`. */
  cpu: string;
  memory: string;
  pods: number;
  labels?: Record<string, string>;
  taints?: { key: string; value?: string; effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute' }[];
  /** Images already in the node's containerd store, as if built or loaded there (`imagePullPolicy: Never` finds them). */
  images?: string[];
}

export interface ClusterShape {
  nodes: NodeShape[];
}

export const CONTROL_PLANE_TAINT = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' as const };

export function controlPlaneNode(name: string): NodeShape {
  return { name, role: 'control-plane', cpu: '2', memory: '4Gi', pods: 110, taints: [CONTROL_PLANE_TAINT] };
}

/**
 * Seed 000 builds `app:1.0.x` with `docker build` on every node and runs it with `imagePullPolicy: Never`; its Job
 * uses `resouer/ubuntu-bc` the same way. Workers start with them, so the seed's manifests run as written.
 */
export const LOCALLY_BUILT_IMAGES = ['app:1.0.0', 'app:1.0.1', 'app:1.0.2', 'app:1.0.3', 'resouer/ubuntu-bc'];

export function workerNode(name: string): NodeShape {
  return { name, role: 'worker', cpu: '4', memory: '8Gi', pods: 110, images: [...LOCALLY_BUILT_IMAGES] };
}

/** `master1` (control plane, tainted NoSchedule) plus `worker1..N`. */
export function defaultShape(workers = 3): ClusterShape {
  const nodes = [controlPlaneNode('master1')];
  for (let i = 1; i <= workers; i++) nodes.push(workerNode(`worker${i}`));
  return { nodes };
}
