/**
 * Defaults of the workload kinds and their pod templates (kubernetes: pkg/apis/apps/v1/defaults.go,
 * pkg/apis/batch/v1/defaults.go, pkg/apis/core/v1/defaults.go:SetDefaults_ReplicationController,
 * pkg/apis/autoscaling/v2/defaults.go) and the Job selector the apiserver generates
 * (pkg/registry/batch/job/strategy.go:generateSelector).
 */
import { childObject, childObjects, ensureObject, isJsonObject, setDefault, type JsonObject } from './objects';
import { defaultPodSpec } from './defaultPodSpec';

const MAX_INT32 = 2147483647;

function defaultTemplate(spec: JsonObject): JsonObject | undefined {
  const template = childObject(spec, 'template');
  const podSpec = childObject(template, 'spec');
  if (podSpec) defaultPodSpec(podSpec, false);
  return template;
}

function labelsOf(object: JsonObject | undefined): Record<string, unknown> | undefined {
  const labels = childObject(childObject(object, 'metadata'), 'labels');
  return labels && Object.keys(labels).length > 0 ? labels : undefined;
}

function defaultReplicas(spec: JsonObject): void {
  if (spec.replicas === undefined || spec.replicas === null) spec.replicas = 1;
}

function defaultDeployment(spec: JsonObject): void {
  defaultReplicas(spec);
  const strategy = ensureObject(spec, 'strategy');
  setDefault(strategy, 'type', 'RollingUpdate');
  if (strategy.type === 'RollingUpdate') {
    const rollingUpdate = ensureObject(strategy, 'rollingUpdate');
    if (rollingUpdate.maxUnavailable === undefined) rollingUpdate.maxUnavailable = '25%';
    if (rollingUpdate.maxSurge === undefined) rollingUpdate.maxSurge = '25%';
  }
  if (spec.revisionHistoryLimit === undefined) spec.revisionHistoryLimit = 10;
  if (spec.progressDeadlineSeconds === undefined) spec.progressDeadlineSeconds = 600;
  defaultTemplate(spec);
}

function defaultDaemonSet(spec: JsonObject): void {
  const strategy = ensureObject(spec, 'updateStrategy');
  setDefault(strategy, 'type', 'RollingUpdate');
  if (strategy.type === 'RollingUpdate') {
    const rollingUpdate = ensureObject(strategy, 'rollingUpdate');
    if (rollingUpdate.maxUnavailable === undefined) rollingUpdate.maxUnavailable = 1;
    if (rollingUpdate.maxSurge === undefined) rollingUpdate.maxSurge = 0;
  }
  if (spec.revisionHistoryLimit === undefined) spec.revisionHistoryLimit = 10;
  defaultTemplate(spec);
}

function defaultClaim(claim: JsonObject): void {
  setDefault(claim, 'apiVersion', 'v1');
  setDefault(claim, 'kind', 'PersistentVolumeClaim');
  setDefault(ensureObject(claim, 'spec'), 'volumeMode', 'Filesystem');
  setDefault(ensureObject(claim, 'status'), 'phase', 'Pending');
}

function defaultStatefulSet(spec: JsonObject): void {
  setDefault(spec, 'podManagementPolicy', 'OrderedReady');
  const strategy = ensureObject(spec, 'updateStrategy');
  if (!strategy.type) {
    strategy.type = 'RollingUpdate';
    ensureObject(strategy, 'rollingUpdate');
  }
  const rollingUpdate = childObject(strategy, 'rollingUpdate');
  if (strategy.type === 'RollingUpdate' && rollingUpdate && rollingUpdate.partition === undefined)
    rollingUpdate.partition = 0;
  const retention = ensureObject(spec, 'persistentVolumeClaimRetentionPolicy');
  setDefault(retention, 'whenDeleted', 'Retain');
  setDefault(retention, 'whenScaled', 'Retain');
  defaultReplicas(spec);
  if (spec.revisionHistoryLimit === undefined) spec.revisionHistoryLimit = 10;
  for (const claim of childObjects(spec, 'volumeClaimTemplates')) defaultClaim(claim);
  defaultTemplate(spec);
}

function defaultReplicationController(object: JsonObject, spec: JsonObject): void {
  const templateLabels = labelsOf(childObject(spec, 'template'));
  if (templateLabels) {
    const selector = childObject(spec, 'selector');
    if (!selector || Object.keys(selector).length === 0) spec.selector = { ...templateLabels };
    const metadata = ensureObject(object, 'metadata');
    if (!labelsOf(object)) metadata.labels = { ...templateLabels };
  }
  defaultReplicas(spec);
  defaultTemplate(spec);
}

/** generateSelector: Job pods carry the job's name and uid, and the selector picks the uid. */
function generateJobSelector(object: JsonObject, spec: JsonObject): void {
  const metadata = childObject(object, 'metadata');
  const uid = metadata?.uid;
  if (typeof uid !== 'string' || !uid || spec.manualSelector === true) return;
  const templateMetadata = ensureObject(ensureObject(spec, 'template'), 'metadata');
  const labels = ensureObject(templateMetadata, 'labels');
  for (const key of ['job-name', 'batch.kubernetes.io/job-name'])
    if (labels[key] === undefined) labels[key] = metadata?.name;
  for (const key of ['controller-uid', 'batch.kubernetes.io/controller-uid'])
    if (labels[key] === undefined) labels[key] = uid;
  const matchLabels = ensureObject(ensureObject(spec, 'selector'), 'matchLabels');
  if (matchLabels['batch.kubernetes.io/controller-uid'] === undefined)
    matchLabels['batch.kubernetes.io/controller-uid'] = uid;
}

function defaultJob(object: JsonObject, spec: JsonObject): void {
  if (spec.completions === undefined && spec.parallelism === undefined) spec.completions = 1;
  if (spec.parallelism === undefined) spec.parallelism = 1;
  if (spec.backoffLimit === undefined) spec.backoffLimit = spec.backoffLimitPerIndex === undefined ? 6 : MAX_INT32;
  setDefault(spec, 'completionMode', 'NonIndexed');
  if (spec.suspend === undefined) spec.suspend = false;
  setDefault(spec, 'podReplacementPolicy', spec.podFailurePolicy === undefined ? 'TerminatingOrFailed' : 'Failed');
  generateJobSelector(object, spec);
  const templateLabels = labelsOf(childObject(spec, 'template'));
  if (templateLabels && !labelsOf(object)) ensureObject(object, 'metadata').labels = { ...templateLabels };
  defaultTemplate(spec);
}

function defaultCronJob(spec: JsonObject): void {
  setDefault(spec, 'concurrencyPolicy', 'Allow');
  if (spec.suspend === undefined) spec.suspend = false;
  if (spec.successfulJobsHistoryLimit === undefined) spec.successfulJobsHistoryLimit = 3;
  if (spec.failedJobsHistoryLimit === undefined) spec.failedJobsHistoryLimit = 1;
  const jobSpec = childObject(childObject(spec, 'jobTemplate'), 'spec');
  if (jobSpec) defaultTemplate(jobSpec);
}

const SCALE_UP_RULES = {
  stabilizationWindowSeconds: 0,
  selectPolicy: 'Max',
  policies: [
    { type: 'Pods', value: 4, periodSeconds: 15 },
    { type: 'Percent', value: 100, periodSeconds: 15 },
  ],
};
const SCALE_DOWN_RULES = { selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] };

function defaultScalingRules(behavior: JsonObject, key: string, defaults: JsonObject): void {
  const rules = childObject(behavior, key);
  if (!rules) {
    behavior[key] = structuredClone(defaults);
    return;
  }
  for (const [field, value] of Object.entries(defaults))
    if (rules[field] === undefined) rules[field] = structuredClone(value);
}

function defaultHorizontalPodAutoscaler(apiVersion: string, spec: JsonObject): void {
  if (spec.minReplicas === undefined) spec.minReplicas = 1;
  if (apiVersion !== 'autoscaling/v2') return;
  if (!Array.isArray(spec.metrics) || spec.metrics.length === 0) {
    spec.metrics = [
      { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } },
    ];
  }
  const behavior = childObject(spec, 'behavior');
  if (behavior) {
    defaultScalingRules(behavior, 'scaleUp', SCALE_UP_RULES);
    defaultScalingRules(behavior, 'scaleDown', SCALE_DOWN_RULES);
  }
}

/** Applies the defaults of a workload kind in place; returns false for other kinds. */
export function defaultWorkload(object: JsonObject): boolean {
  const spec = childObject(object, 'spec');
  if (!spec || !isJsonObject(spec)) return false;
  const key = `${String(object.apiVersion)}/${String(object.kind)}`;
  switch (key) {
    case 'apps/v1/Deployment':
      defaultDeployment(spec);
      return true;
    case 'apps/v1/ReplicaSet':
      defaultReplicas(spec);
      defaultTemplate(spec);
      return true;
    case 'apps/v1/StatefulSet':
      defaultStatefulSet(spec);
      return true;
    case 'apps/v1/DaemonSet':
      defaultDaemonSet(spec);
      return true;
    case 'v1/ReplicationController':
      defaultReplicationController(object, spec);
      return true;
    case 'batch/v1/Job':
      defaultJob(object, spec);
      return true;
    case 'batch/v1/CronJob':
      defaultCronJob(spec);
      return true;
    case 'autoscaling/v1/HorizontalPodAutoscaler':
    case 'autoscaling/v2/HorizontalPodAutoscaler':
      defaultHorizontalPodAutoscaler(String(object.apiVersion), spec);
      return true;
    default:
      return false;
  }
}
