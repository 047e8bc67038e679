/**
 * ObjectMeta checks on create and update (apimachinery: pkg/api/validation/objectmeta.go,
 * pkg/apis/meta/v1/validation/validation.go:ValidateLabels, ValidateLabelSelector).
 */
import type { ObjectMeta } from '../types';
import { labelKeyErrors, labelValueErrors } from '../selectors/labelValidation';
import { GoMap, invalid, nonNegative, forbidden, required, tooLong, type FieldError } from './fieldError';
import { nameIsDnsLabel, type NameValidator } from './names';

const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

function asStringMap(value: unknown): Record<string, string> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, string>) : {};
}

/** ValidateLabels: every key a qualified name, every value a label value. */
export function validateLabels(labels: unknown, field: string): FieldError[] {
  const errors: FieldError[] = [];
  const map = asStringMap(labels);
  for (const key of Object.keys(map).sort()) {
    for (const message of labelKeyErrors(key)) errors.push(invalid(field, key, message));
    for (const message of labelValueErrors(String(map[key]))) errors.push(invalid(field, map[key], message));
  }
  return errors;
}

/** ValidateAnnotations: keys are qualified names (any case), and all of them together fit in 256 KiB. */
export function validateAnnotations(annotations: unknown, field: string): FieldError[] {
  const errors: FieldError[] = [];
  const map = asStringMap(annotations);
  let size = 0;
  for (const key of Object.keys(map).sort()) {
    for (const message of labelKeyErrors(key.toLowerCase())) errors.push(invalid(field, key, message));
    size += key.length + String(map[key]).length;
  }
  if (size > TOTAL_ANNOTATION_SIZE_LIMIT) errors.push(tooLong(field, TOTAL_ANNOTATION_SIZE_LIMIT));
  return errors;
}

interface SelectorSpec {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key?: string; operator?: string; values?: string[] }[];
}

/** ValidateLabelSelector (strict: values must be valid label values). */
export function validateLabelSelector(selector: SelectorSpec | undefined, field: string): FieldError[] {
  if (!selector) return [];
  const errors: FieldError[] = validateLabels(selector.matchLabels, `${field}.matchLabels`);
  (selector.matchExpressions ?? []).forEach((requirement, i) => {
    const path = `${field}.matchExpressions[${i}]`;
    const values = requirement.values ?? [];
    switch (requirement.operator) {
      case 'In':
      case 'NotIn':
        if (values.length === 0)
          errors.push(required(`${path}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (values.length > 0)
          errors.push(
            forbidden(`${path}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"),
          );
        break;
      default:
        errors.push(invalid(`${path}.operator`, requirement.operator ?? '', 'not a valid selector operator'));
    }
    for (const message of labelKeyErrors(requirement.key ?? ''))
      errors.push(invalid(`${path}.key`, requirement.key ?? '', message));
    values.forEach((value, j) => {
      for (const message of labelValueErrors(value)) errors.push(invalid(`${path}.values[${j}]`, value, message));
    });
  });
  return errors;
}

/** A label map for an Invalid value: Go prints map[string]string as JSON with sorted keys. */
export function labelMapValue(labels: unknown): GoMap | null {
  return labels === undefined || labels === null ? null : new GoMap(asStringMap(labels));
}

function validateOwnerReferences(meta: ObjectMeta): FieldError[] {
  const errors: FieldError[] = [];
  const field = 'metadata.ownerReferences';
  let controller = '';
  for (const ref of meta.ownerReferences ?? []) {
    const version = ref.apiVersion?.includes('/') ? ref.apiVersion.split('/')[1] : ref.apiVersion;
    if (!version) errors.push(invalid(`${field}.apiVersion`, ref.apiVersion ?? '', 'version must not be empty'));
    if (!ref.kind) errors.push(invalid(`${field}.kind`, ref.kind ?? '', 'must not be empty'));
    if (!ref.name) errors.push(invalid(`${field}.name`, ref.name ?? '', 'must not be empty'));
    if (!ref.uid) errors.push(invalid(`${field}.uid`, ref.uid ?? '', 'must not be empty'));
    if (ref.controller) {
      const current = `${ref.kind}/${ref.name}`;
      if (controller) {
        errors.push(
          invalid(
            field,
            meta.ownerReferences,
            `Only one reference can have Controller set to true. Found "true" in references for ${controller} and ${current}`,
          ),
        );
      } else {
        controller = current;
      }
    }
  }
  return errors;
}

/** The checks shared by create and update (validateObjectMetaAccessorWithOptsCommon). */
function validateMetaCommon(meta: ObjectMeta, namespaced: boolean): FieldError[] {
  const errors: FieldError[] = [];
  if (namespaced) {
    if (!meta.namespace) errors.push(required('metadata.namespace'));
    else
      for (const message of nameIsDnsLabel(meta.namespace, false))
        errors.push(invalid('metadata.namespace', meta.namespace, message));
  } else if (meta.namespace) {
    errors.push(forbidden('metadata.namespace', 'not allowed on this type'));
  }
  errors.push(...nonNegative(meta.generation, 'metadata.generation'));
  errors.push(...validateLabels(meta.labels, 'metadata.labels'));
  errors.push(...validateAnnotations(meta.annotations, 'metadata.annotations'));
  errors.push(...validateOwnerReferences(meta));
  for (const finalizer of meta.finalizers ?? []) {
    for (const message of labelKeyErrors(finalizer)) errors.push(invalid('metadata.finalizers', finalizer, message));
  }
  return errors;
}

/** ValidateObjectMeta: generateName and name by the kind's name rule, then namespace, labels, annotations. */
export function validateObjectMeta(meta: ObjectMeta, namespaced: boolean, nameFn: NameValidator): FieldError[] {
  const errors: FieldError[] = [];
  if (meta.generateName) {
    for (const message of nameFn(meta.generateName, true))
      errors.push(invalid('metadata.generateName', meta.generateName, message));
  }
  if (!meta.name) errors.push(required('metadata.name', 'name or generateName is required'));
  else for (const message of nameFn(meta.name, false)) errors.push(invalid('metadata.name', meta.name, message));
  errors.push(...validateMetaCommon(meta, namespaced));
  return errors;
}

function immutable(field: string, next: unknown, old: unknown): FieldError[] {
  return JSON.stringify(next ?? null) === JSON.stringify(old ?? null)
    ? []
    : [invalid(field, next ?? null, 'field is immutable')];
}

/** ValidateObjectMetaUpdate. */
export function validateObjectMetaUpdate(meta: ObjectMeta, old: ObjectMeta): FieldError[] {
  const errors: FieldError[] = [];
  if (old.deletionTimestamp) {
    const added = (meta.finalizers ?? []).filter((f) => !(old.finalizers ?? []).includes(f));
    if (added.length > 0) {
      const list = [...new Set(added)]
        .sort()
        .map((f) => `"${f}"`)
        .join(', ');
      errors.push(
        forbidden(
          'metadata.finalizers',
          `no new finalizers can be added if the object is being deleted, found new finalizers []string{${list}}`,
        ),
      );
    }
  }
  // An update without resourceVersion is unconditional: storage fills in the current one before validation.
  if ((meta.generation ?? 0) < (old.generation ?? 0))
    errors.push(invalid('metadata.generation', meta.generation ?? 0, 'must not be decremented'));
  errors.push(...immutable('metadata.name', meta.name ?? '', old.name ?? ''));
  errors.push(...immutable('metadata.namespace', meta.namespace ?? '', old.namespace ?? ''));
  errors.push(...immutable('metadata.uid', meta.uid ?? '', old.uid ?? ''));
  errors.push(...immutable('metadata.creationTimestamp', meta.creationTimestamp, old.creationTimestamp));
  errors.push(...immutable('metadata.deletionTimestamp', meta.deletionTimestamp, old.deletionTimestamp));
  errors.push(
    ...immutable(
      'metadata.deletionGracePeriodSeconds',
      meta.deletionGracePeriodSeconds,
      old.deletionGracePeriodSeconds,
    ),
  );
  errors.push(...validateLabels(meta.labels, 'metadata.labels'));
  errors.push(...validateAnnotations(meta.annotations, 'metadata.annotations'));
  errors.push(...validateOwnerReferences(meta));
  return errors;
}
