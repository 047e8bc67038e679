/**
 * `kubectl describe` for Deployments, ReplicaSets, ReplicationControllers, StatefulSets and DaemonSets
 * (`KC:pkg/describe/describe.go:describeDeployment, describeReplicaSet, describeReplicationController,
 * describeStatefulSet, describeDaemonSet`).
 */
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IReplicaSet } from 'kubernetes-models/apps/v1/ReplicaSet';
import type { IStatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import type { IDaemonSet } from 'kubernetes-models/apps/v1/DaemonSet';
import type { IReplicationController } from 'kubernetes-models/v1/ReplicationController';
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { KubeObject } from '../../api/types';
import { formatLabelMap, formatSelectorSpec, quantityString, selectorString } from '../printers/cellFormats';
import { storageClassOf } from '../printers/storagePrinters';
import { deploymentReplicaSets } from '../rollout/deploymentReplicaSets';
import {
  controlledBy,
  describeEvents,
  formatRfc1123z,
  printAnnotationsMultiline,
  printLabelsMultiline,
} from './describeHelpers';
import { listRelated, type DescribeInput } from './describeInput';
import { describePodTemplate } from './podTemplate';
import { LEVEL_0, LEVEL_1, PrefixWriter } from './prefixWriter';

/** `getPodStatusForController`: pods matching the selector and controlled by the object, counted by phase. */
function podsStatus(input: DescribeInput, selector: string): string {
  const counts = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0 };
  for (const pod of listRelated(input, 'pods', selector) as unknown as IPod[]) {
    const owner = (pod.metadata?.ownerReferences ?? []).find((o) => o.controller);
    if (owner?.uid !== input.object.metadata.uid) continue;
    const phase = pod.status?.phase as keyof typeof counts | undefined;
    if (phase !== undefined && phase in counts) counts[phase]++;
  }
  return `${counts.Running} Running / ${counts.Pending} Waiting / ${counts.Succeeded} Succeeded / ${counts.Failed} Failed`;
}

/** Name, Namespace, then the lines every workload describer starts with in its own order. */
function writeHeader(w: PrefixWriter, object: KubeObject): void {
  w.write(LEVEL_0, `Name:\t${object.metadata.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${object.metadata.namespace ?? ''}\n`);
}

function writeMetadata(w: PrefixWriter, object: KubeObject): void {
  printLabelsMultiline(w, 'Labels', object.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', object.metadata.annotations);
}

/** `Type Status Reason` conditions of a ReplicaSet, ReplicationController or Deployment. */
function writeConditions(w: PrefixWriter, conditions: readonly { type: string; status: string; reason?: string }[]) {
  if (conditions.length === 0) return;
  w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(LEVEL_1, '----\t------\t------\n');
  for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
}

/** `printReplicaSetsByLabels`: `name (current/desired replicas created)`, or `<none>`. */
function replicaSetList(list: readonly IReplicaSet[]): string {
  const text = list
    .map((rs) => `${rs.metadata?.name ?? ''} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`)
    .join(', ');
  return text || '<none>';
}

/** `intstr.String()`. */
const intOrString = (value: number | string | undefined) => String(value ?? 0);

export function describeDeployment(input: DescribeInput): string {
  const { object } = input;
  const d = object as unknown as IDeployment;
  const spec = d.spec;
  const status = d.status ?? {};
  const w = new PrefixWriter();
  writeHeader(w, object);
  w.write(LEVEL_0, `CreationTimestamp:\t${formatRfc1123z(object.metadata.creationTimestamp)}\n`);
  writeMetadata(w, object);
  w.write(LEVEL_0, `Selector:\t${selectorString(spec?.selector)}\n`);
  w.write(
    LEVEL_0,
    `Replicas:\t${spec?.replicas ?? 0} desired | ${status.updatedReplicas ?? 0} updated | ${status.replicas ?? 0} total | ${status.availableReplicas ?? 0} available | ${status.unavailableReplicas ?? 0} unavailable\n`,
  );
  w.write(LEVEL_0, `StrategyType:\t${spec?.strategy?.type ?? ''}\n`);
  w.write(LEVEL_0, `MinReadySeconds:\t${spec?.minReadySeconds ?? 0}\n`);
  const rolling = spec?.strategy?.rollingUpdate;
  if (rolling) {
    w.write(
      LEVEL_0,
      `RollingUpdateStrategy:\t${intOrString(rolling.maxUnavailable)} max unavailable, ${intOrString(rolling.maxSurge)} max surge\n`,
    );
  }
  describePodTemplate(w, spec?.template);
  writeConditions(w, status.conditions ?? []);
  const { newReplicaSet, oldReplicaSets } = deploymentReplicaSets(input.api, object);
  if (newReplicaSet || oldReplicaSets.length > 0) {
    w.write(LEVEL_0, `OldReplicaSets:\t${replicaSetList(oldReplicaSets)}\n`);
    w.write(LEVEL_0, `NewReplicaSet:\t${replicaSetList(newReplicaSet ? [newReplicaSet] : [])}\n`);
  }
  describeEvents(w, input.events, input.nowMs);
  return w.text();
}

export function describeReplicaSet(input: DescribeInput): string {
  const { object } = input;
  const rs = object as unknown as IReplicaSet;
  const w = new PrefixWriter();
  writeHeader(w, object);
  w.write(LEVEL_0, `Selector:\t${formatSelectorSpec(rs.spec?.selector)}\n`);
  writeMetadata(w, object);
  const controller = controlledBy(object);
  if (controller) w.write(LEVEL_0, `Controlled By:\t${controller}\n`);
  w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 0} desired\n`);
  w.write(LEVEL_0, `Pods Status:\t${podsStatus(input, selectorString(rs.spec?.selector))}\n`);
  describePodTemplate(w, rs.spec?.template);
  writeConditions(w, rs.status?.conditions ?? []);
  describeEvents(w, input.events, input.nowMs);
  return w.text();
}

export function describeReplicationController(input: DescribeInput): string {
  const { object } = input;
  const rc = object as unknown as IReplicationController;
  const selector = rc.spec?.selector ?? {};
  const w = new PrefixWriter();
  writeHeader(w, object);
  w.write(LEVEL_0, `Selector:\t${formatLabelMap(selector)}\n`);
  writeMetadata(w, object);
  w.write(LEVEL_0, `Replicas:\t${rc.status?.replicas ?? 0} current / ${rc.spec?.replicas ?? 0} desired\n`);
  const selectorText = Object.keys(selector)
    .sort()
    .map((k) => `${k}=${selector[k]}`)
    .join(',');
  w.write(LEVEL_0, `Pods Status:\t${podsStatus(input, selectorText)}\n`);
  describePodTemplate(w, rc.spec?.template);
  writeConditions(w, rc.status?.conditions ?? []);
  describeEvents(w, input.events, input.nowMs);
  return w.text();
}

export function describeStatefulSet(input: DescribeInput): string {
  const { object } = input;
  const sts = object as unknown as IStatefulSet;
  const spec = sts.spec;
  const selector = selectorString(spec?.selector);
  const w = new PrefixWriter();
  writeHeader(w, object);
  w.write(LEVEL_0, `CreationTimestamp:\t${formatRfc1123z(object.metadata.creationTimestamp)}\n`);
  w.write(LEVEL_0, `Selector:\t${selector}\n`);
  writeMetadata(w, object);
  w.write(LEVEL_0, `Replicas:\t${spec?.replicas ?? 0} desired | ${sts.status?.replicas ?? 0} total\n`);
  w.write(LEVEL_0, `Update Strategy:\t${spec?.updateStrategy?.type ?? ''}\n`);
  const rolling = spec?.updateStrategy?.rollingUpdate;
  if (rolling?.partition !== undefined && rolling.partition !== null) {
    w.write(LEVEL_1, `Partition:\t${rolling.partition}\n`);
    if (rolling.maxUnavailable !== undefined) w.write(LEVEL_1, `MaxUnavailable:\t${rolling.maxUnavailable}\n`);
  }
  w.write(LEVEL_0, `Pods Status:\t${podsStatus(input, selector)}\n`);
  describePodTemplate(w, spec?.template);
  const claims = spec?.volumeClaimTemplates ?? [];
  if (claims.length === 0) w.write(LEVEL_0, 'Volume Claims:\t<none>\n');
  else w.write(LEVEL_0, 'Volume Claims:\n');
  for (const claim of claims) {
    w.write(LEVEL_1, `Name:\t${claim.metadata?.name ?? ''}\n`);
    w.write(LEVEL_1, `StorageClass:\t${storageClassOf(claim)}\n`);
    printLabelsMultiline(w, 'Labels', claim.metadata?.labels, '  ');
    printLabelsMultiline(w, 'Annotations', claim.metadata?.annotations, '  ');
    const storage = claim.spec?.resources?.requests?.storage;
    w.write(LEVEL_1, `Capacity:\t${storage === undefined ? '<default>' : quantityString(storage)}\n`);
    // Go's %s of a []PersistentVolumeAccessMode: `[ReadWriteOnce]`.
    w.write(LEVEL_1, `Access Modes:\t[${(claim.spec?.accessModes ?? []).join(' ')}]\n`);
  }
  describeEvents(w, input.events, input.nowMs);
  return w.text();
}

export function describeDaemonSet(input: DescribeInput): string {
  const { object } = input;
  const ds = object as unknown as IDaemonSet;
  const status = ds.status;
  const selector = selectorString(ds.spec?.selector);
  const w = new PrefixWriter();
  writeHeader(w, object);
  w.write(LEVEL_0, `Selector:\t${selector}\n`);
  w.write(LEVEL_0, `Node-Selector:\t${formatLabelMap(ds.spec?.template.spec?.nodeSelector)}\n`);
  writeMetadata(w, object);
  w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${status?.desiredNumberScheduled ?? 0}\n`);
  w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${status?.currentNumberScheduled ?? 0}\n`);
  w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${status?.updatedNumberScheduled ?? 0}\n`);
  w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${status?.numberAvailable ?? 0}\n`);
  w.write(LEVEL_0, `Number of Nodes Misscheduled: ${status?.numberMisscheduled ?? 0}\n`);
  w.write(LEVEL_0, `Pods Status:\t${podsStatus(input, selector)}\n`);
  describePodTemplate(w, ds.spec?.template);
  describeEvents(w, input.events, input.nowMs);
  return w.text();
}
