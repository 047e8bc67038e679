/** Table printers by resource (`plural` or `plural.group`); kinds without one get `NAME AGE`. */
import type { ResourceType } from '../../api/types';
import { groupResource } from '../resourceArgs';
import {
  controllerRevisionPrinter,
  daemonSetPrinter,
  deploymentPrinter,
  replicaSetPrinter,
  replicationControllerPrinter,
  statefulSetPrinter,
} from './appsPrinters';
import { cronJobPrinter, jobPrinter } from './batchPrinters';
import { configMapPrinter, secretPrinter, serviceAccountPrinter } from './configPrinters';
import { eventPrinter } from './eventPrinter';
import { genericPrinter } from './genericPrinter';
import { hpaPrinter } from './hpaPrinter';
import { namespacePrinter } from './namespacePrinter';
import { nodePrinter } from './nodePrinter';
import { podPrinter } from './podPrinter';
import { limitRangePrinter, podDisruptionBudgetPrinter, resourceQuotaPrinter } from './policyPrinters';
import { endpointSlicePrinter, endpointsPrinter, servicePrinter } from './servicePrinters';
import { persistentVolumeClaimPrinter, persistentVolumePrinter, storageClassPrinter } from './storagePrinters';
import type { TablePrinter } from './tablePrinter';

const PRINTERS: Record<string, TablePrinter> = {
  pods: podPrinter,
  nodes: nodePrinter,
  namespaces: namespacePrinter,
  events: eventPrinter,
  'deployments.apps': deploymentPrinter,
  'replicasets.apps': replicaSetPrinter,
  replicationcontrollers: replicationControllerPrinter,
  'statefulsets.apps': statefulSetPrinter,
  'daemonsets.apps': daemonSetPrinter,
  'controllerrevisions.apps': controllerRevisionPrinter,
  'jobs.batch': jobPrinter,
  'cronjobs.batch': cronJobPrinter,
  services: servicePrinter,
  endpoints: endpointsPrinter,
  'endpointslices.discovery.k8s.io': endpointSlicePrinter,
  configmaps: configMapPrinter,
  secrets: secretPrinter,
  serviceaccounts: serviceAccountPrinter,
  persistentvolumes: persistentVolumePrinter,
  persistentvolumeclaims: persistentVolumeClaimPrinter,
  'storageclasses.storage.k8s.io': storageClassPrinter,
  'horizontalpodautoscalers.autoscaling': hpaPrinter,
  'poddisruptionbudgets.policy': podDisruptionBudgetPrinter,
  resourcequotas: resourceQuotaPrinter,
  limitranges: limitRangePrinter,
};

/** The table printer for a resource. */
export function tablePrinterFor(resource: ResourceType): TablePrinter {
  return PRINTERS[groupResource(resource)] ?? genericPrinter;
}
