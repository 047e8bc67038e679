/**
 * What the page draws: a compact, plain-data picture of the cluster, rebuilt in the engine worker when the API
 * store changes and sent to the page. Everything a learner sees in the graph comes from here; nothing is guessed
 * on the page side.
 */

export interface ObjectRef {
  kind: string;
  namespace?: string;
  name: string;
  uid: string;
}

export interface NodeView {
  name: string;
  uid: string;
  /** `control-plane`, `worker`… from `node-role.kubernetes.io/*` labels (kubectl's ROLES). */
  roles: string[];
  /** The Ready condition's status. */
  ready: 'True' | 'False' | 'Unknown';
  /** kubectl's STATUS column, e.g. `Ready,SchedulingDisabled`. */
  status: string;
  unschedulable: boolean;
  /** `key=value:Effect` for each taint. */
  taints: string[];
  /** Conditions other than Ready that are True (MemoryPressure…). */
  pressures: string[];
}

export type WorkloadKind =
  'Deployment' | 'ReplicaSet' | 'StatefulSet' | 'DaemonSet' | 'Job' | 'CronJob' | 'ReplicationController';

export interface WorkloadView {
  kind: WorkloadKind;
  namespace: string;
  name: string;
  uid: string;
  /** The controlling owner (a ReplicaSet's Deployment, a Job's CronJob). */
  owner?: ObjectRef;
  /** `deployment.kubernetes.io/revision` of a ReplicaSet or Deployment. */
  revision?: string;
  /** Desired pods (replicas; a Job's completions or parallelism; a DaemonSet's desiredNumberScheduled). */
  desired: number;
  current: number;
  ready: number;
  /** A Job's succeeded pods; a CronJob's active jobs. */
  succeeded?: number;
  /** A CronJob's schedule, a Job's kubectl STATUS (Running, Complete…): shown under the name. */
  detail?: string;
  /** A paused Deployment (spec.paused) or a suspended Job or CronJob (spec.suspend). */
  paused?: boolean;
}

export interface ContainerView {
  name: string;
  init: boolean;
  state: 'waiting' | 'running' | 'terminated';
  /** Waiting or terminated reason (CrashLoopBackOff, OOMKilled…). */
  reason?: string;
  ready: boolean;
  restartCount: number;
}

export interface ProbeFailures {
  /** Count of failed liveness probes seen so far (from the kubelet's Unhealthy events). */
  liveness: number;
  readiness: number;
  startup: number;
  /** Virtual ms of the latest failure of any kind. */
  lastAt?: number;
}

export interface PodView {
  namespace: string;
  name: string;
  uid: string;
  /** The node it is bound to, if any. */
  node?: string;
  owner?: ObjectRef;
  /** kubectl's STATUS text (Running, ContainerCreating, CrashLoopBackOff, Init:0/1, Terminating…). */
  status: string;
  /** kubectl's READY text, e.g. `1/1`. */
  ready: string;
  /** kubectl's RESTARTS count. */
  restarts: number;
  phase: string;
  /** The pod's Ready condition is True. */
  podReady: boolean;
  /** Virtual ms when a terminating pod's grace period ends. */
  deletionDeadline?: number;
  /** The grace period a terminating pod was given (metadata.deletionGracePeriodSeconds), for the countdown's scale. */
  gracePeriodSeconds?: number;
  /** The ordinal of a StatefulSet pod. */
  ordinal?: number;
  /** Virtual ms of creation. */
  created: number;
  containers: ContainerView[];
  probeFailures: ProbeFailures;
}

export interface EndpointView {
  /** The target pod (uid) when the endpoint points at one. */
  podUid?: string;
  ip: string;
  ready: boolean;
}

export interface ServiceView {
  namespace: string;
  name: string;
  uid: string;
  type: string;
  clusterIP: string;
  endpoints: EndpointView[];
}

export interface ClusterView {
  /** Virtual ms since the Unix epoch. */
  time: number;
  nodes: NodeView[];
  workloads: WorkloadView[];
  pods: PodView[];
  services: ServiceView[];
}
