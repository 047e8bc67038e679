/** `DescribePodTemplate` (`KC:pkg/describe/describe.go`), shared by the workload describers and `rollout history`. */
import type { IIoK8sApiCoreV1PodTemplateSpec as PodTemplateSpec } from 'kubernetes-models/v1/PodTemplateSpec';
import { describeContainers } from './describeContainers';
import { printAnnotationsMultiline, printLabelsMultiline } from './describeHelpers';
import { describeVolumes } from './describeVolumes';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './prefixWriter';
import { describeTopologySpread, printTolerations } from './schedulingConstraints';

const SPACE = '  ';

/** The `Pod Template:` block: labels, containers, volumes and scheduling, two spaces in. */
export function describePodTemplate(w: PrefixWriter, template: PodTemplateSpec | undefined): void {
  w.write(LEVEL_0, 'Pod Template:\n');
  if (!template) {
    w.write(LEVEL_1, '<unset>');
    return;
  }
  const spec = template.spec;
  printLabelsMultiline(w, `${SPACE}Labels`, template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0) {
    printAnnotationsMultiline(w, `${SPACE}Annotations`, template.metadata?.annotations);
  }
  if (spec?.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`);
  if ((spec?.initContainers ?? []).length > 0) {
    describeContainers(w, 'Init Containers', spec?.initContainers ?? [], [], undefined, SPACE);
  }
  describeContainers(w, 'Containers', spec?.containers ?? [], [], undefined, SPACE);
  describeVolumes(w, spec?.volumes ?? [], SPACE);
  describeTopologySpread(w, spec?.topologySpreadConstraints ?? [], SPACE);
  if (spec?.priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  printLabelsMultiline(w, `${SPACE}Node-Selectors`, spec?.nodeSelector);
  printTolerations(w, `${SPACE}Tolerations`, spec?.tolerations ?? []);
}
