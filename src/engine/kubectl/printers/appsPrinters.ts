/**
 * Tables of the workload controllers: Deployments, ReplicaSets, ReplicationControllers, StatefulSets, DaemonSets
 * and ControllerRevisions (`K:pkg/printers/internalversion/printers.go:printDeployment, printReplicaSet, ...`).
 */
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IStatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import type { IDaemonSet } from 'kubernetes-models/apps/v1/DaemonSet';
import type { IIoK8sApiCoreV1Container as Container } from 'kubernetes-models/v1/Container';
import type { LabelSelectorSpec } from '../../api/selectors/labelSelector';
import type { KubeObject } from '../../api/types';
import { translateTimestampSince } from '../format/duration';
import { formatLabelMap, formatSelectorSpec, layoutContainerCells, selectorString } from './cellFormats';
import { defineColumns, type TablePrinter } from './tablePrinter';

const age = (object: KubeObject, nowMs: number) => translateTimestampSince(object.metadata.creationTimestamp, nowMs);

/** `printDeployment`: READY is ready/desired; the wide SELECTOR is `Selector.String()` (empty, not `<none>`). */
export const deploymentPrinter: TablePrinter = {
  columns: defineColumns('NAME|READY|UP-TO-DATE|AVAILABLE|AGE|CONTAINERS*|IMAGES*|SELECTOR*'),
  row: (object, nowMs) => {
    const d = object as unknown as IDeployment;
    const status = d.status ?? {};
    return [
      object.metadata.name ?? '',
      `${status.readyReplicas ?? 0}/${d.spec?.replicas ?? 0}`,
      String(status.updatedReplicas ?? 0),
      String(status.availableReplicas ?? 0),
      age(object, nowMs),
      ...layoutContainerCells(d.spec?.template.spec?.containers),
      selectorString(d.spec?.selector),
    ];
  },
};

interface Replicator {
  spec?: { replicas?: number; selector?: unknown; template?: { spec?: { containers?: Container[] } } };
  status?: { replicas?: number; readyReplicas?: number };
}

/** ReplicaSets and ReplicationControllers: DESIRED is the spec, CURRENT and READY the status. */
function replicatorPrinter(selectorCell: (selector: unknown) => string): TablePrinter {
  return {
    columns: defineColumns('NAME|DESIRED|CURRENT|READY|AGE|CONTAINERS*|IMAGES*|SELECTOR*'),
    row: (object, nowMs) => {
      const { spec, status } = object as unknown as Replicator;
      return [
        object.metadata.name ?? '',
        String(spec?.replicas ?? 0),
        String(status?.replicas ?? 0),
        String(status?.readyReplicas ?? 0),
        age(object, nowMs),
        ...layoutContainerCells(spec?.template?.spec?.containers),
        selectorCell(spec?.selector),
      ];
    },
  };
}

/** `printReplicaSet`: a label selector (`metav1.FormatLabelSelector`). */
export const replicaSetPrinter = replicatorPrinter((selector) => formatSelectorSpec(selector as LabelSelectorSpec));

/** `printReplicationController`: a map selector (`labels.FormatLabels`). */
export const replicationControllerPrinter = replicatorPrinter((selector) =>
  formatLabelMap(selector as Record<string, string> | undefined),
);

/** `printStatefulSet`: READY is ready/desired. */
export const statefulSetPrinter: TablePrinter = {
  columns: defineColumns('NAME|READY|AGE|CONTAINERS*|IMAGES*'),
  row: (object, nowMs) => {
    const sts = object as unknown as IStatefulSet;
    return [
      object.metadata.name ?? '',
      `${sts.status?.readyReplicas ?? 0}/${sts.spec?.replicas ?? 0}`,
      age(object, nowMs),
      ...layoutContainerCells(sts.spec?.template.spec?.containers),
    ];
  },
};

/** `printDaemonSet`: the scheduling counts from the status and the template's node selector. */
export const daemonSetPrinter: TablePrinter = {
  columns: defineColumns(
    'NAME|DESIRED|CURRENT|READY|UP-TO-DATE|AVAILABLE|NODE SELECTOR|AGE|CONTAINERS*|IMAGES*|SELECTOR*',
  ),
  row: (object, nowMs) => {
    const ds = object as unknown as IDaemonSet;
    const status = ds.status;
    return [
      object.metadata.name ?? '',
      String(status?.desiredNumberScheduled ?? 0),
      String(status?.currentNumberScheduled ?? 0),
      String(status?.numberReady ?? 0),
      String(status?.updatedNumberScheduled ?? 0),
      String(status?.numberAvailable ?? 0),
      formatLabelMap(ds.spec?.template.spec?.nodeSelector),
      age(object, nowMs),
      ...layoutContainerCells(ds.spec?.template.spec?.containers),
      formatSelectorSpec(ds.spec?.selector),
    ];
  },
};

/** `printControllerRevision`: CONTROLLER is `kind.group/name` of the controlling owner. */
export const controllerRevisionPrinter: TablePrinter = {
  columns: defineColumns('NAME|CONTROLLER|REVISION|AGE'),
  row: (object, nowMs) => {
    const owner = (object.metadata.ownerReferences ?? []).find((o) => o.controller);
    let controller = '<none>';
    if (owner) {
      // formatResourceName: the GroupKind lower-cased, `daemonset.apps/fluentd`.
      const group = owner.apiVersion.includes('/') ? owner.apiVersion.split('/')[0] : '';
      controller = `${owner.kind.toLowerCase()}${group ? `.${group}` : ''}/${owner.name}`;
    }
    return [object.metadata.name ?? '', controller, String(object.revision ?? 0), age(object, nowMs)];
  },
};
