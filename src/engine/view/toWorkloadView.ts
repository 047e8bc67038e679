import type { KubeObject } from '../api/types';
import { controllerOf } from '../controllers/ownerReferences';
import { jobPrinter } from '../kubectl/printers/batchPrinters';
import type { WorkloadKind, WorkloadView } from './clusterViewTypes';

const REVISION = 'deployment.kubernetes.io/revision';

/** The fields of a workload's spec and status the counts come from (every kind has a subset). */
interface WorkloadFields {
  spec?: {
    replicas?: number;
    completions?: number | null;
    schedule?: string;
    suspend?: boolean;
    paused?: boolean;
  };
  status?: {
    replicas?: number;
    readyReplicas?: number;
    desiredNumberScheduled?: number;
    currentNumberScheduled?: number;
    numberReady?: number;
    active?: number | unknown[];
    ready?: number;
    succeeded?: number;
  };
}

/** desired/current/ready, as the kind's `kubectl get` columns show them (pkg/printers/internalversion/printers.go). */
function counts(
  kind: WorkloadKind,
  { spec, status }: WorkloadFields,
): Pick<WorkloadView, 'desired' | 'current' | 'ready'> {
  switch (kind) {
    case 'DaemonSet':
      return {
        desired: status?.desiredNumberScheduled ?? 0,
        current: status?.currentNumberScheduled ?? 0,
        ready: status?.numberReady ?? 0,
      };
    case 'Job':
      // COMPLETIONS is succeeded/completions, `/1` without completions.
      return {
        desired: spec?.completions ?? 1,
        current: typeof status?.active === 'number' ? status.active : 0,
        ready: status?.ready ?? 0,
      };
    case 'CronJob': {
      const active = Array.isArray(status?.active) ? status.active.length : 0;
      return { desired: 0, current: active, ready: 0 };
    }
    default:
      return { desired: spec?.replicas ?? 0, current: status?.replicas ?? 0, ready: status?.readyReplicas ?? 0 };
  }
}

/** A workload controller's box: its counts, owner, revision and the line shown under its name. */
export function toWorkloadView(kind: WorkloadKind, object: KubeObject, nowMs: number): WorkloadView {
  const fields = object as unknown as WorkloadFields;
  const view: WorkloadView = {
    kind,
    namespace: object.metadata.namespace ?? '',
    name: object.metadata.name ?? '',
    uid: object.metadata.uid ?? '',
    ...counts(kind, fields),
  };
  const controller = controllerOf(object);
  if (controller)
    view.owner = { kind: controller.kind, namespace: view.namespace, name: controller.name, uid: controller.uid };
  const revision = object.metadata.annotations?.[REVISION];
  if (revision !== undefined && (kind === 'Deployment' || kind === 'ReplicaSet')) view.revision = revision;
  if (kind === 'Job') {
    view.succeeded = fields.status?.succeeded ?? 0;
    // kubectl's STATUS cell: Running, Complete, Failed, Suspended…
    view.detail = jobPrinter.row(object, nowMs)[1] ?? '';
  } else if (kind === 'CronJob') {
    view.succeeded = view.current;
    view.detail = fields.spec?.schedule ?? '';
  }
  if (fields.spec?.paused === true || fields.spec?.suspend === true) view.paused = true;
  return view;
}
