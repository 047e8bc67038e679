/**
 * Pod create and update checks (kubernetes: pkg/apis/core/validation/validation.go: ValidatePodCreate,
 * validatePodMetadataAndSpec, ValidatePodUpdate, ValidateContainerUpdates).
 */
import type { KubeObject } from '../types';
import { forbidden, invalid, required, type FieldError } from './fieldError';
import { asList, asObject, type JsonObject } from './json';
import { nameIsDnsSubdomain } from './names';
import { validateImageWhitespace } from './validateContainers';
import { validateObjectMeta, validateObjectMetaUpdate } from './validateObjectMeta';
import { validatePodSpec, validateTolerations } from './validatePodSpec';

const MAX_INT32 = 2147483647;

const UPDATABLE_POD_SPEC_FIELDS = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
];

/** Go field names of the internal PodSpec where they are not the capitalized JSON name. */
const GO_FIELD_NAMES: Record<string, string> = {
  dnsPolicy: 'DNSPolicy',
  dnsConfig: 'DNSConfig',
  hostIPC: 'HostIPC',
  hostPID: 'HostPID',
  os: 'OS',
  setHostnameAsFQDN: 'SetHostnameAsFQDN',
};

function specOf(pod: KubeObject): JsonObject {
  return asObject(pod.spec) ?? {};
}

/** validatePodMetadataAndSpec: what a Pod must satisfy on create and on every update. */
function validatePodMetadataAndSpec(pod: KubeObject): FieldError[] {
  const spec = specOf(pod);
  const errors = [
    ...validateObjectMeta(pod.metadata, true, nameIsDnsSubdomain),
    ...validatePodSpec(spec, 'spec', true),
  ];
  if (!spec.serviceAccountName) {
    asList(spec.volumes).forEach((volume, vi) => {
      asList(asObject(volume.projected)?.sources).forEach((source, si) => {
        if (source.serviceAccountToken !== undefined) {
          errors.push(
            forbidden(
              `spec.volumes[${vi}].projected.sources[${si}].serviceAccountToken`,
              'must not be specified when serviceAccountName is not set',
            ),
          );
        }
      });
    });
  }
  errors.push(...validateImageWhitespace(asList(spec.containers), 'spec.containers'));
  errors.push(...validateImageWhitespace(asList(spec.initContainers), 'spec.initContainers'));
  return errors;
}

/** ValidatePodCreate. */
export function validatePodCreate(pod: KubeObject): FieldError[] {
  const spec = specOf(pod);
  const errors = validatePodMetadataAndSpec(pod);
  if (asList(spec.ephemeralContainers).length > 0)
    errors.push(forbidden('spec.ephemeralContainers', 'cannot be set on create'));
  if (spec.nodeName && asList(spec.schedulingGates).length > 0) {
    errors.push(forbidden('spec.nodeName', 'cannot be set until all schedulingGates have been cleared'));
  }
  return errors;
}

/** Canonical JSON for comparing specs: sorted keys; the deprecated serviceAccount alias is not part of the internal type. */
function canonical(value: unknown): string {
  const normalize = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(normalize);
    const object = asObject(v);
    if (!object) return v;
    const result: JsonObject = {};
    for (const key of Object.keys(object).sort()) if (object[key] !== undefined) result[key] = normalize(object[key]);
    return result;
  };
  return JSON.stringify(normalize(value) ?? null);
}

function goFieldName(key: string): string {
  return GO_FIELD_NAMES[key] ?? key.charAt(0).toUpperCase() + key.slice(1);
}

/** A short go-cmp style diff of the changed PodSpec fields (the real message prints the whole internal struct). */
function specDiff(old: JsonObject, next: JsonObject): string {
  const keys = [...new Set([...Object.keys(old), ...Object.keys(next)])].filter((k) => k !== 'serviceAccount').sort();
  const lines = ['  core.PodSpec{'];
  let identical = 0;
  const flush = (): void => {
    if (identical > 0) lines.push(`  \t... // ${identical} identical field${identical === 1 ? '' : 's'}`);
    identical = 0;
  };
  for (const key of keys) {
    if (canonical(old[key]) === canonical(next[key])) {
      identical++;
      continue;
    }
    flush();
    if (old[key] !== undefined) lines.push(`- \t${goFieldName(key)}: ${canonical(old[key])},`);
    if (next[key] !== undefined) lines.push(`+ \t${goFieldName(key)}: ${canonical(next[key])},`);
  }
  flush();
  lines.push('  }');
  return `${lines.join('\n')}\n`;
}

/** ValidateContainerUpdates: same number of containers, and each still has an image. */
function validateContainerUpdates(
  next: JsonObject[],
  old: JsonObject[],
  field: string,
): { errors: FieldError[]; stop: boolean } {
  if (next.length !== old.length)
    return { errors: [forbidden(field, 'pod updates may not add or remove containers')], stop: true };
  const errors: FieldError[] = [];
  next.forEach((container, i) => {
    const image = String(container.image ?? '');
    if (!image) errors.push(required(`${field}[${i}].image`));
    if (image !== image.trim())
      errors.push(invalid(`${field}[${i}].image`, image, 'must not have leading or trailing whitespace'));
  });
  return { errors, stop: false };
}

/** Additions to tolerations are allowed; existing ones may only change tolerationSeconds. */
function validateOnlyAddedTolerations(next: JsonObject[], old: JsonObject[]): FieldError[] {
  const withoutSeconds = (t: JsonObject): string => canonical({ ...t, tolerationSeconds: undefined });
  for (const toleration of old) {
    if (!next.some((candidate) => withoutSeconds(candidate) === withoutSeconds(toleration))) {
      return [forbidden('spec.tolerations', 'existing toleration can not be modified except its tolerationSeconds')];
    }
  }
  return validateTolerations(next, 'spec.tolerations');
}

/** ValidatePodUpdate: only images, activeDeadlineSeconds, added tolerations and removed scheduling gates may change. */
export function validatePodUpdate(pod: KubeObject, old: KubeObject): FieldError[] {
  const spec = specOf(pod);
  const oldSpec = specOf(old);
  const errors = [...validateObjectMetaUpdate(pod.metadata, old.metadata), ...validatePodMetadataAndSpec(pod)];
  for (const key of ['containers', 'initContainers']) {
    const result = validateContainerUpdates(asList(spec[key]), asList(oldSpec[key]), `spec.${key}`);
    errors.push(...result.errors);
    if (result.stop) return errors;
  }
  const deadline = spec.activeDeadlineSeconds;
  if (typeof deadline === 'number') {
    if (deadline < 0 || deadline > MAX_INT32) {
      errors.push(invalid('spec.activeDeadlineSeconds', deadline, `must be between 0 and ${MAX_INT32}, inclusive`));
      return errors;
    }
    if (typeof oldSpec.activeDeadlineSeconds === 'number' && oldSpec.activeDeadlineSeconds < deadline) {
      errors.push(invalid('spec.activeDeadlineSeconds', deadline, 'must be less than or equal to previous value'));
      return errors;
    }
  } else if (typeof oldSpec.activeDeadlineSeconds === 'number') {
    errors.push(invalid('spec.activeDeadlineSeconds', null, 'must not update from a positive integer to nil value'));
  }
  errors.push(...validateOnlyAddedTolerations(asList(spec.tolerations), asList(oldSpec.tolerations)));
  const munged: JsonObject = { ...spec, schedulingGates: oldSpec.schedulingGates, tolerations: oldSpec.tolerations };
  munged.activeDeadlineSeconds = oldSpec.activeDeadlineSeconds;
  for (const key of ['containers', 'initContainers']) {
    const oldContainers = asList(oldSpec[key]);
    if (spec[key] !== undefined)
      munged[key] = asList(spec[key]).map((c, i) => ({ ...c, image: oldContainers[i]?.image }));
  }
  const oldGrace = oldSpec.terminationGracePeriodSeconds;
  if (typeof oldGrace === 'number' && oldGrace < 0 && munged.terminationGracePeriodSeconds === 1)
    munged.terminationGracePeriodSeconds = oldGrace;
  const comparable = (s: JsonObject): string => canonical({ ...s, serviceAccount: undefined });
  if (comparable(munged) !== comparable(oldSpec)) {
    errors.push(
      forbidden(
        'spec',
        `pod updates may not change fields other than ${UPDATABLE_POD_SPEC_FIELDS.join(',')}\n${specDiff(oldSpec, munged)}`,
      ),
    );
  }
  return errors;
}
