/**
 * Job and CronJob checks (kubernetes: pkg/apis/batch/validation/validation.go: ValidateJob, validateJobSpec,
 * validateGeneratedSelector, ValidateJobSpecUpdate, ValidateCronJobCreate, validateCronJobSpec,
 * validateScheduleFormat, validateTimeZone, ValidateJobTemplateSpec).
 */
import type { KubeObject } from '../types';
import { labelSelectorFromSpec, matchesLabels, type LabelSelectorSpec } from '../selectors/labelSelector';
import { invalid, nonNegative, notSupported, required, type FieldError } from './fieldError';
import { asObject, type JsonObject } from './json';
import { dns1123LabelErrors, nameIsDnsSubdomain } from './names';
import { cronScheduleError } from './cronScheduleError';
import { selectorValue } from './validateApps';
import {
  labelMapValue,
  validateLabelSelector,
  validateObjectMeta,
  validateObjectMetaUpdate,
} from './validateObjectMeta';
import { validatePodTemplateSpec } from './validatePodSpec';

const CONCURRENCY_POLICIES = ['Allow', 'Forbid', 'Replace'];

function specOf(object: KubeObject): JsonObject {
  return asObject(object.spec) ?? {};
}

/** validateJobSpec: counts, completion mode, the template and its restart policy. */
function validateJobSpecCommon(spec: JsonObject, field: string): FieldError[] {
  const errors: FieldError[] = [];
  for (const key of [
    'parallelism',
    'completions',
    'activeDeadlineSeconds',
    'backoffLimit',
    'ttlSecondsAfterFinished',
    'backoffLimitPerIndex',
    'maxFailedIndexes',
  ]) {
    errors.push(...nonNegative(spec[key], `${field}.${key}`));
  }
  const mode = spec.completionMode;
  if (mode !== undefined && mode !== 'NonIndexed' && mode !== 'Indexed')
    errors.push(notSupported(`${field}.completionMode`, mode, ['NonIndexed', 'Indexed']));
  if (mode === 'Indexed' && spec.completions === undefined)
    errors.push(required(`${field}.completions`, 'when completion mode is Indexed'));
  if (mode !== 'Indexed' && spec.backoffLimitPerIndex !== undefined) {
    errors.push(
      invalid(`${field}.backoffLimitPerIndex`, spec.backoffLimitPerIndex, 'requires indexed completion mode'),
    );
  }
  const replacement = spec.podReplacementPolicy;
  if (replacement !== undefined && replacement !== 'TerminatingOrFailed' && replacement !== 'Failed') {
    errors.push(notSupported(`${field}.podReplacementPolicy`, replacement, ['Failed', 'TerminatingOrFailed']));
  }
  errors.push(...validatePodTemplateSpec(asObject(spec.template), `${field}.template`));
  const restartPolicy = asObject(asObject(spec.template)?.spec)?.restartPolicy;
  const restartPath = `${field}.template.spec.restartPolicy`;
  if (restartPolicy === 'Always' || restartPolicy === undefined || restartPolicy === '') {
    errors.push(required(restartPath, 'valid values: "OnFailure", "Never"'));
  } else if (restartPolicy !== 'OnFailure' && restartPolicy !== 'Never') {
    errors.push(notSupported(restartPath, restartPolicy, ['OnFailure', 'Never']));
  } else if (spec.podFailurePolicy !== undefined && restartPolicy !== 'Never') {
    errors.push(invalid(restartPath, restartPolicy, 'only "Never" is supported when podFailurePolicy is specified'));
  }
  return errors;
}

/** ValidateJobSpec: plus the selector, which must match the template. */
function validateJobSpec(spec: JsonObject): FieldError[] {
  const errors = validateJobSpecCommon(spec, 'spec');
  const selectorSpec = asObject(spec.selector) as LabelSelectorSpec | undefined;
  if (!selectorSpec) errors.push(required('spec.selector'));
  else errors.push(...validateLabelSelector(selectorSpec, 'spec.selector'));
  const selector = labelSelectorFromSpec(selectorSpec);
  const labels = asObject(asObject(asObject(spec.template)?.metadata)?.labels) as Record<string, string> | undefined;
  if (!('error' in selector) && !matchesLabels(selector, labels)) {
    errors.push(
      invalid('spec.template.metadata.labels', labelMapValue(labels), '`selector` does not match template `labels`'),
    );
  }
  return errors;
}

/** validateGeneratedSelector: the generated labels carry the Job's name and uid, and the selector picks them. */
function validateGeneratedSelector(job: KubeObject, spec: JsonObject): FieldError[] {
  if (spec.manualSelector === true || !spec.selector) return [];
  const errors: FieldError[] = [];
  const uid = job.metadata.uid ?? '';
  const name = job.metadata.name ?? '';
  if (!uid) errors.push(required('metadata.uid'));
  const labels = (asObject(asObject(asObject(spec.template)?.metadata)?.labels) ?? {}) as Record<string, string>;
  const expected: Record<string, string> = {
    'batch.kubernetes.io/controller-uid': uid,
    'batch.kubernetes.io/job-name': name,
    'controller-uid': uid,
    'job-name': name,
  };
  for (const key of [
    'controller-uid',
    'job-name',
    'batch.kubernetes.io/controller-uid',
    'batch.kubernetes.io/job-name',
  ]) {
    const want = expected[key]!;
    const path = `spec.template.metadata.labels[${key}]`;
    if (labels[key] === undefined) errors.push(required(path, `must be '${want}'`));
    else if (labels[key] !== want) errors.push(invalid(path, labelMapValue(labels), `must be '${want}'`));
  }
  const selector = labelSelectorFromSpec(asObject(spec.selector) as LabelSelectorSpec);
  if (!('error' in selector) && !matchesLabels(selector, expected)) {
    errors.push(invalid('spec.selector', selectorValue(spec.selector), '`selector` not auto-generated'));
  }
  return errors;
}

function validateJobCreate(job: KubeObject): FieldError[] {
  const spec = specOf(job);
  const errors = validateObjectMeta(job.metadata, true, nameIsDnsSubdomain);
  // The apiserver generates the selector once the Job has a uid; before that there is nothing to check yet.
  if (job.metadata.uid || spec.manualSelector === true) {
    errors.push(...validateGeneratedSelector(job, spec), ...validateJobSpec(spec));
  } else {
    errors.push(...validateJobSpecCommon(spec, 'spec'));
  }
  const completions = spec.completions;
  if (spec.completionMode === 'Indexed' && typeof completions === 'number' && completions > 0) {
    const hostname = `${job.metadata.name ?? ''}-${completions - 1}`;
    if (dns1123LabelErrors(hostname).length > 0) {
      errors.push(
        invalid(
          'metadata.name',
          job.metadata.name ?? '',
          `will not able to create pod with invalid DNS label: ${hostname}`,
        ),
      );
    }
  }
  return errors;
}

function immutable(
  field: string,
  next: unknown,
  old: unknown,
  render: (v: unknown) => unknown = (v) => v ?? null,
): FieldError[] {
  return JSON.stringify(next ?? null) === JSON.stringify(old ?? null)
    ? []
    : [invalid(field, render(next), 'field is immutable')];
}

function validateJobUpdate(job: KubeObject, old: KubeObject): FieldError[] {
  const spec = specOf(job);
  const oldSpec = specOf(old);
  return [
    ...validateObjectMetaUpdate(job.metadata, old.metadata),
    ...validateJobSpec(spec),
    ...immutable('spec.completions', spec.completions, oldSpec.completions),
    ...immutable('spec.selector', spec.selector, oldSpec.selector, selectorValue),
    ...immutable('spec.template', spec.template, oldSpec.template),
    ...immutable('spec.completionMode', spec.completionMode, oldSpec.completionMode),
  ];
}

/** validateTimeZone: an IANA name the runtime knows. */
function validateTimeZone(timeZone: unknown, field: string): FieldError[] {
  if (timeZone === undefined) return [];
  const zone = String(timeZone);
  if (zone === '') return [invalid(field, zone, 'timeZone must be nil or non-empty string')];
  const partOk = (part: string): boolean =>
    part !== '.' && part !== '..' && !part.startsWith('-') && /^[A-Za-z.\-_0-9+]{1,14}$/.test(part);
  if (!zone.split('/').every(partOk)) return [invalid(field, zone, `unknown time zone ${zone}`)];
  if (zone.toLowerCase() === 'local')
    return [
      invalid(field, zone, 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones'),
    ];
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return [];
  } catch {
    return [invalid(field, zone, `unknown time zone ${zone}`)];
  }
}

/** ValidateJobTemplateSpec: a Job spec whose selector the CronJob controller generates. */
function validateJobTemplate(jobTemplate: JsonObject | undefined, field: string): FieldError[] {
  const spec = asObject(jobTemplate?.spec) ?? {};
  const errors = validateJobSpecCommon(spec, `${field}.spec`);
  if (spec.selector !== undefined)
    errors.push(invalid(`${field}.spec.selector`, selectorValue(spec.selector), '`selector` will be auto-generated'));
  if (spec.manualSelector === true) errors.push(notSupported(`${field}.spec.manualSelector`, true, ['nil', 'false']));
  return errors;
}

function validateCronJobSpec(spec: JsonObject, oldSpec: JsonObject | undefined): FieldError[] {
  const errors: FieldError[] = [];
  const schedule = typeof spec.schedule === 'string' ? spec.schedule : '';
  if (!schedule) errors.push(required('spec.schedule'));
  else {
    const error = cronScheduleError(schedule);
    if (error) errors.push(invalid('spec.schedule', schedule, error));
    const allowTZ = typeof oldSpec?.schedule === 'string' && oldSpec.schedule.includes('TZ');
    if (allowTZ && schedule.includes('TZ') && spec.timeZone !== undefined) {
      errors.push(invalid('spec.schedule', schedule, 'cannot use both timeZone field and TZ or CRON_TZ in schedule'));
    } else if (!allowTZ && schedule.includes('TZ')) {
      errors.push(
        invalid('spec.schedule', schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'),
      );
    }
  }
  errors.push(...nonNegative(spec.startingDeadlineSeconds, 'spec.startingDeadlineSeconds'));
  if (!oldSpec || oldSpec.timeZone !== spec.timeZone) errors.push(...validateTimeZone(spec.timeZone, 'spec.timeZone'));
  const policy = spec.concurrencyPolicy;
  if (!policy) errors.push(required('spec.concurrencyPolicy'));
  else if (!CONCURRENCY_POLICIES.includes(String(policy)))
    errors.push(notSupported('spec.concurrencyPolicy', policy, CONCURRENCY_POLICIES));
  errors.push(...validateJobTemplate(asObject(spec.jobTemplate), 'spec.jobTemplate'));
  errors.push(...nonNegative(spec.successfulJobsHistoryLimit, 'spec.successfulJobsHistoryLimit'));
  errors.push(...nonNegative(spec.failedJobsHistoryLimit, 'spec.failedJobsHistoryLimit'));
  return errors;
}

/** Create-time checks of Job and CronJob; undefined for other kinds. */
export function validateBatchCreate(object: KubeObject): FieldError[] | undefined {
  switch (`${object.apiVersion}/${object.kind}`) {
    case 'batch/v1/Job':
      return validateJobCreate(object);
    case 'batch/v1/CronJob': {
      const errors = [
        ...validateObjectMeta(object.metadata, true, nameIsDnsSubdomain),
        ...validateCronJobSpec(specOf(object), undefined),
      ];
      const name = object.metadata.name ?? '';
      // The controller appends an 11-character suffix to Job names, which may have at most 63.
      if (name.length > 52) errors.push(invalid('metadata.name', name, 'must be no more than 52 characters'));
      return errors;
    }
    default:
      return undefined;
  }
}

/** Update-time checks of Job and CronJob; undefined for other kinds. */
export function validateBatchUpdate(object: KubeObject, old: KubeObject): FieldError[] | undefined {
  switch (`${object.apiVersion}/${object.kind}`) {
    case 'batch/v1/Job':
      return validateJobUpdate(object, old);
    case 'batch/v1/CronJob':
      return [
        ...validateObjectMetaUpdate(object.metadata, old.metadata),
        ...validateCronJobSpec(specOf(object), specOf(old)),
      ];
    default:
      return undefined;
  }
}
