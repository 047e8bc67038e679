/**
 * apps/v1 workloads and ReplicationController (kubernetes: pkg/apis/apps/validation/validation.go,
 * pkg/apis/core/validation/validation.go:ValidateReplicationController, and the selector immutability of
 * pkg/registry/apps/{deployment,replicaset,daemonset}/strategy.go).
 */
import type { KubeObject } from '../types';
import {
  isEmptySelector,
  labelSelectorFromSpec,
  matchesLabels,
  type LabelSelectorSpec,
} from '../selectors/labelSelector';
import { GoMap, forbidden, invalid, nonNegative, notSupported, required, type FieldError } from './fieldError';
import { asObject, type JsonObject } from './json';
import { nameIsDnsLabel, nameIsDnsSubdomain, regexError } from './names';
import {
  labelMapValue,
  validateLabelSelector,
  validateLabels,
  validateObjectMeta,
  validateObjectMetaUpdate,
  validateAnnotations,
} from './validateObjectMeta';
import { validatePodTemplateSpec } from './validatePodSpec';

const PERCENT_RE = /^[0-9]+%$/;

function specOf(object: KubeObject): JsonObject {
  return asObject(object.spec) ?? {};
}

/** A metav1.LabelSelector as json.Marshal prints it: matchLabels before matchExpressions, empty parts left out. */
export function selectorValue(selector: unknown): unknown {
  const spec = asObject(selector);
  if (!spec) return null;
  const value: JsonObject = {};
  if (asObject(spec.matchLabels) && Object.keys(asObject(spec.matchLabels)!).length > 0)
    value.matchLabels = new GoMap(asObject(spec.matchLabels)!);
  if (Array.isArray(spec.matchExpressions) && spec.matchExpressions.length > 0)
    value.matchExpressions = spec.matchExpressions;
  return value;
}

function templateLabels(spec: JsonObject): Record<string, string> | undefined {
  return asObject(asObject(asObject(spec.template)?.metadata)?.labels) as Record<string, string> | undefined;
}

/**
 * Selector required, valid and non-empty; the pod template must carry labels it matches and restart Always
 * (Deployment and ReplicaSet; ValidatePodTemplateSpecForReplicaSet).
 */
function validateSelectorAndTemplate(spec: JsonObject, kind: string): FieldError[] {
  const errors: FieldError[] = [];
  const selectorSpec = asObject(spec.selector) as LabelSelectorSpec | undefined;
  if (!selectorSpec) {
    errors.push(required('spec.selector'));
  } else {
    errors.push(...validateLabelSelector(selectorSpec, 'spec.selector'));
    if (Object.keys(selectorSpec.matchLabels ?? {}).length + (selectorSpec.matchExpressions ?? []).length === 0) {
      errors.push(invalid('spec.selector', selectorValue(selectorSpec), `empty selector is invalid for ${kind}`));
    }
  }
  const selector = labelSelectorFromSpec(selectorSpec);
  if ('error' in selector) {
    errors.push(invalid('spec.selector', selectorValue(selectorSpec), 'invalid label selector'));
    return errors;
  }
  const labels = templateLabels(spec);
  if (!isEmptySelector(selector) && !matchesLabels(selector, labels)) {
    errors.push(
      invalid('spec.template.metadata.labels', labelMapValue(labels), '`selector` does not match template `labels`'),
    );
  }
  errors.push(...validateAlwaysRestartingTemplate(spec, 'ReplicaSet'));
  return errors;
}

/** ValidatePodTemplateSpecForReplicaSet's tail: the template itself, restartPolicy Always, no activeDeadlineSeconds. */
function validateAlwaysRestartingTemplate(spec: JsonObject, kindName: string): FieldError[] {
  const errors = validatePodTemplateSpec(asObject(spec.template), 'spec.template');
  const podSpec = asObject(asObject(spec.template)?.spec) ?? {};
  if (podSpec.restartPolicy !== 'Always')
    errors.push(notSupported('spec.template.spec.restartPolicy', podSpec.restartPolicy ?? '', ['Always']));
  if (podSpec.activeDeadlineSeconds !== undefined) {
    errors.push(
      forbidden('spec.template.spec.activeDeadlineSeconds', `activeDeadlineSeconds in ${kindName} is not Supported`),
    );
  }
  return errors;
}

/** ValidatePositiveIntOrPercent. */
function validateIntOrPercent(value: unknown, field: string): FieldError[] {
  if (typeof value === 'string') {
    return PERCENT_RE.test(value)
      ? []
      : [
          invalid(
            field,
            value,
            regexError(
              "a valid percent string must be a numeric string followed by an ending '%'",
              '[0-9]+%',
              '1%',
              '93%',
            ),
          ),
        ];
  }
  return nonNegative(value, field);
}

/** getIntOrPercentValue: a percentage's number, an int, or 0 for anything unparsable. */
function intOrPercentValue(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string')
    return PERCENT_RE.test(value) ? Number(value.slice(0, -1)) : /^-?\d+$/.test(value) ? Number(value) : 0;
  return 0;
}

function notMoreThan100Percent(value: unknown, field: string): FieldError[] {
  return typeof value === 'string' && PERCENT_RE.test(value) && Number(value.slice(0, -1)) > 100
    ? [invalid(field, value, 'must not be greater than 100%')]
    : [];
}

function validateDeploymentStrategy(strategy: JsonObject | undefined): FieldError[] {
  const field = 'spec.strategy';
  const type = strategy?.type;
  if (type === 'Recreate') {
    return strategy?.rollingUpdate !== undefined
      ? [forbidden(`${field}.rollingUpdate`, "may not be specified when strategy `type` is 'Recreate'")]
      : [];
  }
  if (type !== 'RollingUpdate') return [notSupported(field, strategy ?? {}, ['Recreate', 'RollingUpdate'])];
  const rollingUpdate = asObject(strategy?.rollingUpdate);
  if (!rollingUpdate) return [required(`${field}.rollingUpdate`, 'this should be defaulted and never be nil')];
  const path = `${field}.rollingUpdate`;
  const errors = [
    ...validateIntOrPercent(rollingUpdate.maxUnavailable, `${path}.maxUnavailable`),
    ...validateIntOrPercent(rollingUpdate.maxSurge, `${path}.maxSurge`),
  ];
  if (intOrPercentValue(rollingUpdate.maxUnavailable) === 0 && intOrPercentValue(rollingUpdate.maxSurge) === 0) {
    errors.push(
      invalid(`${path}.maxUnavailable`, rollingUpdate.maxUnavailable ?? 0, 'may not be 0 when `maxSurge` is 0'),
    );
  }
  errors.push(...notMoreThan100Percent(rollingUpdate.maxUnavailable, `${path}.maxUnavailable`));
  return errors;
}

function validateDeploymentSpec(spec: JsonObject): FieldError[] {
  const errors = [...nonNegative(spec.replicas, 'spec.replicas'), ...validateSelectorAndTemplate(spec, 'deployment')];
  errors.push(...validateDeploymentStrategy(asObject(spec.strategy)));
  errors.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  errors.push(...nonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  const deadline = spec.progressDeadlineSeconds;
  if (typeof deadline === 'number') {
    errors.push(...nonNegative(deadline, 'spec.progressDeadlineSeconds'));
    if (deadline <= Number(spec.minReadySeconds ?? 0))
      errors.push(invalid('spec.progressDeadlineSeconds', deadline, 'must be greater than minReadySeconds'));
  }
  return errors;
}

function validateReplicaSetSpec(spec: JsonObject): FieldError[] {
  return [
    ...nonNegative(spec.replicas, 'spec.replicas'),
    ...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'),
    // Go's ValidateReplicaSetSpec says "deployment" here too.
    ...validateSelectorAndTemplate(spec, 'deployment'),
  ];
}

function validateDaemonSetStrategy(strategy: JsonObject | undefined): FieldError[] {
  const field = 'spec.updateStrategy';
  if (strategy?.type === 'OnDelete') return [];
  if (strategy?.type !== 'RollingUpdate') return [notSupported(field, strategy ?? {}, ['RollingUpdate', 'OnDelete'])];
  const rollingUpdate = asObject(strategy.rollingUpdate);
  if (!rollingUpdate) return [required(`${field}.rollingUpdate`)];
  const path = `${field}.rollingUpdate`;
  const errors = [
    ...validateIntOrPercent(rollingUpdate.maxUnavailable, `${path}.maxUnavailable`),
    ...validateIntOrPercent(rollingUpdate.maxSurge, `${path}.maxSurge`),
    ...notMoreThan100Percent(rollingUpdate.maxUnavailable, `${path}.maxUnavailable`),
    ...notMoreThan100Percent(rollingUpdate.maxSurge, `${path}.maxSurge`),
  ];
  const hasUnavailable = intOrPercentValue(rollingUpdate.maxUnavailable) !== 0;
  const hasSurge = intOrPercentValue(rollingUpdate.maxSurge) !== 0;
  if (hasUnavailable && hasSurge)
    errors.push(invalid(`${path}.maxSurge`, rollingUpdate.maxSurge, 'may not be set when maxUnavailable is non-zero'));
  if (!hasUnavailable && !hasSurge) errors.push(required(`${path}.maxUnavailable`, 'cannot be 0 when maxSurge is 0'));
  return errors;
}

function validateDaemonSetSpec(spec: JsonObject): FieldError[] {
  const selectorSpec = asObject(spec.selector) as LabelSelectorSpec | undefined;
  const errors = validateLabelSelector(selectorSpec, 'spec.selector');
  const selector = labelSelectorFromSpec(selectorSpec);
  const labels = templateLabels(spec);
  if (!('error' in selector) && !matchesLabels(selector, labels)) {
    errors.push(
      invalid('spec.template.metadata.labels', labelMapValue(labels), '`selector` does not match template `labels`'),
    );
  }
  if (
    selectorSpec &&
    Object.keys(selectorSpec.matchLabels ?? {}).length + (selectorSpec.matchExpressions ?? []).length === 0
  ) {
    errors.push(invalid('spec.selector', selectorValue(selectorSpec), 'empty selector is invalid for daemonset'));
  }
  errors.push(...validateAlwaysRestartingTemplate(spec, 'DaemonSet'));
  errors.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  errors.push(...validateDaemonSetStrategy(asObject(spec.updateStrategy)));
  errors.push(...nonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  return errors;
}

function validateStatefulSetSpec(spec: JsonObject): FieldError[] {
  const errors: FieldError[] = [];
  const policy = spec.podManagementPolicy;
  if (!policy) errors.push(required('spec.podManagementPolicy'));
  else if (policy !== 'OrderedReady' && policy !== 'Parallel')
    errors.push(invalid('spec.podManagementPolicy', policy, "must be 'OrderedReady' or 'Parallel'"));
  const strategy = asObject(spec.updateStrategy) ?? {};
  const rollingUpdate = asObject(strategy.rollingUpdate);
  if (!strategy.type) errors.push(required('spec.updateStrategy'));
  else if (strategy.type === 'OnDelete') {
    if (rollingUpdate)
      errors.push(
        invalid('spec.updateStrategy.rollingUpdate', rollingUpdate, "only allowed for updateStrategy 'RollingUpdate'"),
      );
  } else if (strategy.type === 'RollingUpdate') {
    if (rollingUpdate) {
      errors.push(...nonNegative(rollingUpdate.partition, 'spec.updateStrategy.rollingUpdate.partition'));
      if (rollingUpdate.maxUnavailable !== undefined) {
        const path = 'spec.updateStrategy.rollingUpdate.maxUnavailable';
        errors.push(...validateIntOrPercent(rollingUpdate.maxUnavailable, path));
        if (intOrPercentValue(rollingUpdate.maxUnavailable) === 0)
          errors.push(invalid(path, rollingUpdate.maxUnavailable, 'cannot be 0'));
        errors.push(...notMoreThan100Percent(rollingUpdate.maxUnavailable, path));
      }
    }
  } else {
    errors.push(invalid('spec.updateStrategy', strategy, "must be 'RollingUpdate' or 'OnDelete'"));
  }
  const retention = asObject(spec.persistentVolumeClaimRetentionPolicy);
  for (const key of ['whenDeleted', 'whenScaled']) {
    if (retention && retention[key] !== 'Retain' && retention[key] !== 'Delete') {
      errors.push(
        notSupported(`spec.persistentVolumeClaimRetentionPolicy.${key}`, retention[key] ?? '', ['Retain', 'Delete']),
      );
    }
  }
  errors.push(
    ...nonNegative(spec.replicas, 'spec.replicas'),
    ...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'),
  );
  const selectorSpec = asObject(spec.selector) as LabelSelectorSpec | undefined;
  if (!selectorSpec) errors.push(required('spec.selector'));
  else {
    errors.push(...validateLabelSelector(selectorSpec, 'spec.selector'));
    if (Object.keys(selectorSpec.matchLabels ?? {}).length + (selectorSpec.matchExpressions ?? []).length === 0) {
      errors.push(invalid('spec.selector', selectorValue(selectorSpec), 'empty selector is invalid for statefulset'));
    }
  }
  const selector = labelSelectorFromSpec(selectorSpec);
  if ('error' in selector) errors.push(invalid('spec.selector', selectorValue(selectorSpec), ''));
  else {
    // ValidatePodTemplateSpecForStatefulSet checks labels and annotations only; the pod spec is not validated.
    const labels = templateLabels(spec);
    if (!isEmptySelector(selector) && !matchesLabels(selector, labels)) {
      errors.push(
        invalid('spec.template.metadata.labels', labelMapValue(labels), '`selector` does not match template `labels`'),
      );
    }
    const metadata = asObject(asObject(spec.template)?.metadata);
    errors.push(
      ...validateLabels(metadata?.labels, 'spec.template.labels'),
      ...validateAnnotations(metadata?.annotations, 'spec.template.annotations'),
    );
  }
  const podSpec = asObject(asObject(spec.template)?.spec) ?? {};
  if (podSpec.restartPolicy !== 'Always')
    errors.push(notSupported('spec.template.spec.restartPolicy', podSpec.restartPolicy ?? '', ['Always']));
  if (podSpec.activeDeadlineSeconds !== undefined) {
    errors.push(
      forbidden('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in StatefulSet is not Supported'),
    );
  }
  return errors;
}

function validateReplicationControllerSpec(spec: JsonObject): FieldError[] {
  const errors = nonNegative(spec.minReadySeconds, 'spec.minReadySeconds');
  const selector = (asObject(spec.selector) ?? {}) as Record<string, string>;
  if (Object.keys(selector).length === 0) errors.push(required('spec.selector'));
  errors.push(...nonNegative(spec.replicas, 'spec.replicas'));
  const labels = templateLabels(spec);
  const matches = Object.entries(selector).every(([k, v]) => labels?.[k] === v);
  if (Object.keys(selector).length > 0 && !matches) {
    errors.push(
      invalid('spec.template.metadata.labels', labelMapValue(labels), '`selector` does not match template `labels`'),
    );
  }
  errors.push(...validateAlwaysRestartingTemplate(spec, 'ReplicationController'));
  return errors;
}

const NAME_RULES: Record<string, typeof nameIsDnsSubdomain> = { StatefulSet: nameIsDnsLabel };

/** Create-time checks of a workload kind; undefined for other kinds. */
export function validateAppsCreate(object: KubeObject): FieldError[] | undefined {
  const spec = specOf(object);
  const meta = (): FieldError[] =>
    validateObjectMeta(object.metadata, true, NAME_RULES[object.kind] ?? nameIsDnsSubdomain);
  switch (`${object.apiVersion}/${object.kind}`) {
    case 'apps/v1/Deployment':
      return [...meta(), ...validateDeploymentSpec(spec)];
    case 'apps/v1/ReplicaSet':
      return [...meta(), ...validateReplicaSetSpec(spec)];
    case 'apps/v1/DaemonSet':
      return [...meta(), ...validateDaemonSetSpec(spec)];
    case 'apps/v1/StatefulSet':
      return [...meta(), ...validateStatefulSetSpec(spec)];
    case 'v1/ReplicationController':
      return [...meta(), ...validateReplicationControllerSpec(spec)];
    case 'apps/v1/ControllerRevision': {
      const errors = meta();
      if (object.data === undefined) errors.push(required('data', 'data is mandatory'));
      errors.push(...nonNegative(object.revision, 'revision'));
      return errors;
    }
    default:
      return undefined;
  }
}

function selectorImmutable(object: KubeObject, old: KubeObject): FieldError[] {
  const next = specOf(object).selector;
  const previous = specOf(old).selector;
  return JSON.stringify(selectorValue(next)) === JSON.stringify(selectorValue(previous))
    ? []
    : [invalid('spec.selector', selectorValue(next), 'field is immutable')];
}

/** Spec fields other than these may not change on a StatefulSet. */
const STATEFUL_SET_MUTABLE = [
  'replicas',
  'ordinals',
  'template',
  'updateStrategy',
  'persistentVolumeClaimRetentionPolicy',
  'minReadySeconds',
];

/** Update-time checks of a workload kind; undefined for other kinds. */
export function validateAppsUpdate(object: KubeObject, old: KubeObject): FieldError[] | undefined {
  const spec = specOf(object);
  const metaUpdate = validateObjectMetaUpdate(object.metadata, old.metadata);
  switch (`${object.apiVersion}/${object.kind}`) {
    case 'apps/v1/Deployment':
      return [...metaUpdate, ...validateDeploymentSpec(spec), ...selectorImmutable(object, old)];
    case 'apps/v1/ReplicaSet':
      return [...metaUpdate, ...validateReplicaSetSpec(spec), ...selectorImmutable(object, old)];
    case 'apps/v1/DaemonSet':
      return [...metaUpdate, ...validateDaemonSetSpec(spec), ...selectorImmutable(object, old)];
    case 'apps/v1/StatefulSet': {
      const errors = [...metaUpdate, ...validateStatefulSetSpec(spec)];
      const strip = (s: JsonObject): string =>
        JSON.stringify(
          Object.keys(s)
            .filter((k) => !STATEFUL_SET_MUTABLE.includes(k))
            .sort()
            .map((k) => [k, s[k]]),
        );
      if (strip(spec) !== strip(specOf(old))) {
        errors.push(
          forbidden(
            'spec',
            "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
          ),
        );
      }
      return errors;
    }
    case 'v1/ReplicationController':
      return [...metaUpdate, ...validateReplicationControllerSpec(spec)];
    case 'apps/v1/ControllerRevision': {
      const errors = [...metaUpdate, ...(validateAppsCreate(object) ?? [])];
      if (JSON.stringify(object.data) !== JSON.stringify(old.data))
        errors.push(invalid('data', object.data ?? null, 'field is immutable'));
      return errors;
    }
    default:
      return undefined;
  }
}
