/**
 * `kubectl describe` for PersistentVolumes, PersistentVolumeClaims and StorageClasses (`KC:pkg/describe/describe.go:
 * describePersistentVolume, describePersistentVolumeClaim, printPersistentVolumeClaim, describeStorageClass`).
 */
import type { IPersistentVolume } from 'kubernetes-models/v1/PersistentVolume';
import type { IPersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { IStorageClass } from 'kubernetes-models/storage.k8s.io/v1/StorageClass';
import { isDefaultClass } from '../../api/storageAdmission';
import { formatLabelMap } from '../printers/cellFormats';
import { translateTimestampSince } from '../format/duration';
import { quantityString } from '../printers/cellFormats';
import { accessModesString, storageClassOf } from '../printers/storagePrinters';
import { describeEvents, formatRfc1123z, printAnnotationsMultiline, printLabelsMultiline } from './describeHelpers';
import { listRelated, type DescribeInput } from './describeInput';
import { printHostPathSource, printNfsSource } from './describeVolumes';
import { LEVEL_0, LEVEL_1, LEVEL_2, PrefixWriter } from './prefixWriter';

/** Go's `%v` of a string slice: `[a b]`. */
const goList = (items: readonly string[] | undefined) => `[${(items ?? []).join(' ')}]`;

function statusLine(object: { metadata?: { deletionTimestamp?: string } }, phase: string, nowMs: number): string {
  const deleted = object.metadata?.deletionTimestamp;
  return deleted ? `Terminating (lasts ${translateTimestampSince(deleted, nowMs)})` : phase;
}

/** `printVolumeNodeAffinity`: the required node selector terms, `<none>` without. */
function printNodeAffinity(w: PrefixWriter, pv: IPersistentVolume): void {
  w.write(LEVEL_0, 'Node Affinity:\t');
  const required = pv.spec?.nodeAffinity?.required;
  if (!required) return w.writeLine('<none>');
  w.writeLine('');
  w.write(LEVEL_1, 'Required Terms:\t');
  const terms = required.nodeSelectorTerms;
  if (terms.length === 0) return w.writeLine('<none>');
  w.writeLine('');
  terms.forEach((term, i) => {
    w.write(LEVEL_2, `Term ${i}:\t`);
    const expressions = term.matchExpressions ?? [];
    if (expressions.length === 0) return w.writeLine('<none>');
    expressions.forEach((req, j) => {
      if (j > 0) w.write(LEVEL_2, '\t');
      const values = (req.values ?? []).length > 0 ? ` [${req.values?.join(', ')}]` : '';
      w.write(LEVEL_0, `${req.key} ${req.operator.toLowerCase()}${values}\n`);
    });
  });
}

export function describePersistentVolume(input: DescribeInput): string {
  const pv = input.object as unknown as IPersistentVolume;
  const spec = pv.spec ?? {};
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${input.object.metadata.name ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', input.object.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', input.object.metadata.annotations);
  w.write(LEVEL_0, `Finalizers:\t${goList(input.object.metadata.finalizers)}\n`);
  w.write(LEVEL_0, `StorageClass:\t${storageClassOf(pv)}\n`);
  w.write(LEVEL_0, `Status:\t${statusLine(pv, pv.status?.phase ?? '', input.nowMs)}\n`);
  const claim = spec.claimRef ? `${spec.claimRef.namespace ?? ''}/${spec.claimRef.name ?? ''}` : '';
  w.write(LEVEL_0, `Claim:\t${claim}\n`);
  w.write(LEVEL_0, `Reclaim Policy:\t${spec.persistentVolumeReclaimPolicy ?? ''}\n`);
  w.write(LEVEL_0, `Access Modes:\t${accessModesString(spec.accessModes)}\n`);
  if (spec.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${spec.volumeMode}\n`);
  w.write(LEVEL_0, `Capacity:\t${quantityString(spec.capacity?.storage)}\n`);
  printNodeAffinity(w, pv);
  w.write(LEVEL_0, `Message:\t${pv.status?.message ?? ''}\n`);
  w.write(LEVEL_0, 'Source:\n');
  if (spec.hostPath) printHostPathSource(w, spec.hostPath);
  else if (spec.nfs) printNfsSource(w, spec.nfs);
  else if (spec.local) {
    w.write(
      LEVEL_2,
      `Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n    Path:\t${spec.local.path}\n`,
    );
  } else w.write(LEVEL_1, '<unknown>\n');
  describeEvents(w, input.events, input.nowMs);
  return w.text();
}

/** `getPodsForPVC`: pods mounting the claim, then pods owning it. */
function podsUsing(input: DescribeInput): string[] {
  const pods = listRelated(input, 'pods') as unknown as IPod[];
  const name = input.object.metadata.name;
  const users = pods.filter((p) => (p.spec?.volumes ?? []).some((v) => v.persistentVolumeClaim?.claimName === name));
  for (const owner of input.object.metadata.ownerReferences ?? []) {
    if (owner.kind !== 'Pod') continue;
    const pod = pods.find((p) => p.metadata?.uid === owner.uid);
    if (pod && !users.includes(pod)) users.push(pod);
  }
  return users.map((p) => p.metadata?.name ?? '').sort();
}

export function describePersistentVolumeClaim(input: DescribeInput): string {
  const pvc = input.object as unknown as IPersistentVolumeClaim;
  const spec = pvc.spec ?? {};
  const bound = Boolean(spec.volumeName);
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${input.object.metadata.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${input.object.metadata.namespace ?? ''}\n`);
  w.write(LEVEL_0, `StorageClass:\t${storageClassOf(pvc)}\n`);
  w.write(LEVEL_0, `Status:\t${statusLine(pvc, pvc.status?.phase ?? '', input.nowMs)}\n`);
  w.write(LEVEL_0, `Volume:\t${spec.volumeName ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', input.object.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', input.object.metadata.annotations);
  w.write(LEVEL_0, `Finalizers:\t${goList(input.object.metadata.finalizers)}\n`);
  w.write(LEVEL_0, `Capacity:\t${bound ? quantityString(pvc.status?.capacity?.storage) : ''}\n`);
  w.write(LEVEL_0, `Access Modes:\t${bound ? accessModesString(pvc.status?.accessModes) : ''}\n`);
  if (spec.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${spec.volumeMode}\n`);
  if (spec.dataSource) {
    w.write(LEVEL_0, 'DataSource:\n');
    if (spec.dataSource.apiGroup) w.write(LEVEL_1, `APIGroup:\t${spec.dataSource.apiGroup}\n`);
    w.write(LEVEL_1, `Kind:\t${spec.dataSource.kind}\n`);
    w.write(LEVEL_1, `Name:\t${spec.dataSource.name}\n`);
  }
  const users = podsUsing(input);
  w.write(LEVEL_0, 'Used By:\t');
  if (users.length === 0) w.writeLine('<none>');
  users.forEach((name, i) => w.write(LEVEL_0, `${i > 0 ? '\t' : ''}${name}\n`));
  const conditions = pvc.status?.conditions ?? [];
  if (conditions.length > 0) {
    w.write(LEVEL_0, 'Conditions:\n');
    w.write(LEVEL_1, 'Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of conditions) {
      w.write(
        LEVEL_1,
        `${c.type} \t${c.status} \t${formatRfc1123z(c.lastProbeTime)} \t${formatRfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`,
      );
    }
  }
  describeEvents(w, input.events, input.nowMs);
  return w.text();
}

/** `describeStorageClass`: annotations and parameters on one line each (`labels.FormatLabels`). */
export function describeStorageClass(input: DescribeInput): string {
  const sc = input.object as unknown as IStorageClass;
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${input.object.metadata.name ?? ''}\n`);
  w.write(LEVEL_0, `IsDefaultClass:\t${isDefaultClass(input.object) ? 'Yes' : 'No'}\n`);
  w.write(LEVEL_0, `Annotations:\t${formatLabelMap(input.object.metadata.annotations)}\n`);
  w.write(LEVEL_0, `Provisioner:\t${sc.provisioner}\n`);
  w.write(LEVEL_0, `Parameters:\t${formatLabelMap(sc.parameters)}\n`);
  const expansion = sc.allowVolumeExpansion === undefined ? '<unset>' : sc.allowVolumeExpansion ? 'True' : 'False';
  w.write(LEVEL_0, `AllowVolumeExpansion:\t${expansion}\n`);
  if ((sc.mountOptions ?? []).length === 0) w.write(LEVEL_0, 'MountOptions:\t<none>\n');
  else {
    w.write(LEVEL_0, 'MountOptions:\n');
    for (const option of sc.mountOptions ?? []) w.write(LEVEL_1, `${option}\n`);
  }
  if (sc.reclaimPolicy) w.write(LEVEL_0, `ReclaimPolicy:\t${sc.reclaimPolicy}\n`);
  if (sc.volumeBindingMode) w.write(LEVEL_0, `VolumeBindingMode:\t${sc.volumeBindingMode}\n`);
  if (sc.allowedTopologies) {
    w.write(LEVEL_0, 'AllowedTopologies:\t');
    if (sc.allowedTopologies.length === 0) w.writeLine('<none>');
    else {
      w.writeLine('');
      sc.allowedTopologies.forEach((term, i) => {
        w.write(LEVEL_1, `Term ${i}:\t`);
        const expressions = term.matchLabelExpressions ?? [];
        if (expressions.length === 0) return w.writeLine('<none>');
        expressions.forEach((req, j) => {
          if (j > 0) w.write(LEVEL_1, '\t');
          const values = req.values.length > 0 ? ` [${req.values.join(', ')}]` : '';
          w.write(LEVEL_0, `${req.key} in${values}\n`);
        });
      });
    }
  }
  describeEvents(w, input.events, input.nowMs);
  return w.text();
}
