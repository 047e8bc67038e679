/**
 * The controllers kube-controller-manager runs in the simulated cluster, in the order their syncs are registered.
 * Each controller module exports its definition; adding one here is all it takes to run it.
 */
import type { ControllerDefinition } from './controller';
import { DEPLOYMENT_CONTROLLER } from './deployment/deploymentController';
import { REPLICA_SET_CONTROLLER, REPLICATION_CONTROLLER } from './replicaset/replicaController';
import { JOB_CONTROLLER } from './job/jobController';
import { TTL_AFTER_FINISHED_CONTROLLER } from './job/ttlAfterFinishedController';
import { STATEFUL_SET_CONTROLLER } from './statefulset/statefulSetController';
import { DAEMON_SET_CONTROLLER } from './daemonset/daemonSetController';
import { CRONJOB_CONTROLLER } from './cronjob/cronJobController';
import { GARBAGE_COLLECTOR } from './garbagecollector/garbageCollector';
import { NAMESPACE_CONTROLLER } from './namespace/namespaceController';
import { SERVICE_ACCOUNT_CONTROLLER } from './serviceaccount/serviceAccountController';
import { ENDPOINT_CONTROLLER } from './endpoint/endpointsController';
import { NODE_LIFECYCLE_CONTROLLER } from './nodelifecycle/nodeConditionTaints';
import { SERVICE_LB_CONTROLLER } from './servicelb/loadBalancerController';
import { ROOT_CA_CERT_PUBLISHER } from './rootcacertpublisher/rootCaCertPublisher';
import { ENDPOINTSLICE_CONTROLLER } from './endpointslice/endpointSliceController';
import { HORIZONTAL_POD_AUTOSCALER_CONTROLLER } from './podautoscaler/horizontalController';
import { PERSISTENT_VOLUME_CONTROLLER } from './volume/persistentvolume/persistentVolumeController';
import { LOCAL_PATH_PROVISIONER_CONTROLLER } from './volume/persistentvolume/localPathProvisioner';
import { PV_PROTECTION_CONTROLLER, PVC_PROTECTION_CONTROLLER } from './volume/persistentvolume/storageProtection';
import { DISRUPTION_CONTROLLER } from './disruption/disruptionController';
import { RESOURCE_QUOTA_CONTROLLER } from './resourcequota/resourceQuotaController';
import { TAINT_EVICTION_CONTROLLER } from './tainteviction/taintEvictionController';
import { POD_GC_CONTROLLER } from './podgc/podGcController';

export const CONTROLLERS: readonly ControllerDefinition[] = [
  DEPLOYMENT_CONTROLLER,
  REPLICA_SET_CONTROLLER,
  REPLICATION_CONTROLLER,
  JOB_CONTROLLER,
  TTL_AFTER_FINISHED_CONTROLLER,
  STATEFUL_SET_CONTROLLER,
  DAEMON_SET_CONTROLLER,
  CRONJOB_CONTROLLER,
  GARBAGE_COLLECTOR,
  NAMESPACE_CONTROLLER,
  SERVICE_ACCOUNT_CONTROLLER,
  ROOT_CA_CERT_PUBLISHER,
  ENDPOINT_CONTROLLER,
  ENDPOINTSLICE_CONTROLLER,
  SERVICE_LB_CONTROLLER,
  NODE_LIFECYCLE_CONTROLLER,
  HORIZONTAL_POD_AUTOSCALER_CONTROLLER,
  DISRUPTION_CONTROLLER,
  RESOURCE_QUOTA_CONTROLLER,
  PERSISTENT_VOLUME_CONTROLLER,
  LOCAL_PATH_PROVISIONER_CONTROLLER,
  PVC_PROTECTION_CONTROLLER,
  PV_PROTECTION_CONTROLLER,
  TAINT_EVICTION_CONTROLLER,
  POD_GC_CONTROLLER,
];
