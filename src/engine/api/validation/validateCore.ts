/**
 * The remaining served kinds: name rules per kind (kubernetes: pkg/apis/core/validation/validation.go and the
 * validation packages of each group) and the few spec checks learners hit — Namespace, ConfigMap and Secret keys,
 * PersistentVolumeClaim access modes and size.
 */
import type { KubeObject } from '../types';
import { forbidden, invalid, required, tooLong, type FieldError } from './fieldError';
import { asArray, asObject } from './json';
import { configMapKeyErrors, nameIsDnsLabel, nameIsDnsSubdomain, pathSegmentName, type NameValidator } from './names';
import { validateObjectMeta, validateObjectMetaUpdate } from './validateObjectMeta';

const MAX_SECRET_SIZE = 1024 * 1024;
const CLUSTER_SCOPED = new Set(['v1/Node', 'v1/Namespace', 'v1/PersistentVolume', 'storage.k8s.io/v1/StorageClass']);
const NAME_RULES: Record<string, NameValidator> = {
  'v1/Namespace': nameIsDnsLabel,
  'autoscaling/v1/HorizontalPodAutoscaler': pathSegmentName,
  'autoscaling/v2/HorizontalPodAutoscaler': pathSegmentName,
};

function keyOf(object: KubeObject): string {
  return `${object.apiVersion}/${object.kind}`;
}

/** Whether objects of this kind live in a namespace. */
export function isNamespacedKind(object: KubeObject): boolean {
  return !CLUSTER_SCOPED.has(keyOf(object));
}

function validateDataKeys(data: unknown, field: string): { errors: FieldError[]; size: number } {
  const map = asObject(data) ?? {};
  const errors: FieldError[] = [];
  let size = 0;
  for (const key of Object.keys(map).sort()) {
    for (const m of configMapKeyErrors(key)) errors.push(invalid(`${field}[${key}]`, key, m));
    size += String(map[key]).length;
  }
  return { errors, size };
}

function validateKindSpecific(object: KubeObject): FieldError[] {
  switch (keyOf(object)) {
    case 'v1/ConfigMap': {
      const data = validateDataKeys(object.data, 'data');
      const binary = validateDataKeys(object.binaryData, 'binaryData');
      const errors = [...data.errors, ...binary.errors];
      for (const key of Object.keys(asObject(object.data) ?? {}).sort()) {
        if (asObject(object.binaryData)?.[key] !== undefined)
          errors.push(invalid(`data[${key}]`, key, 'duplicate of key present in binaryData'));
      }
      if (data.size + binary.size > MAX_SECRET_SIZE) errors.push(tooLong('', MAX_SECRET_SIZE));
      return errors;
    }
    case 'v1/Secret': {
      const data = validateDataKeys(object.data, 'data');
      const errors = data.errors;
      if ((data.size * 3) / 4 > MAX_SECRET_SIZE) errors.push(tooLong('data', MAX_SECRET_SIZE));
      return errors;
    }
    case 'v1/PersistentVolumeClaim': {
      const spec = asObject(object.spec) ?? {};
      const errors: FieldError[] = [];
      if (asArray(spec.accessModes).length === 0)
        errors.push(required('spec.accessModes', 'at least 1 access mode is required'));
      const storage = asObject(asObject(spec.resources)?.requests)?.storage;
      if (storage === undefined && !spec.volumeName) errors.push(required('spec.resources[storage]'));
      return errors;
    }
    default:
      return [];
  }
}

/** Create-time checks of the remaining kinds. */
export function validateCoreCreate(object: KubeObject): FieldError[] {
  const nameFn = NAME_RULES[keyOf(object)] ?? nameIsDnsSubdomain;
  return [...validateObjectMeta(object.metadata, isNamespacedKind(object), nameFn), ...validateKindSpecific(object)];
}

/** Update-time checks of the remaining kinds, including the `immutable` ConfigMaps and Secrets. */
export function validateCoreUpdate(object: KubeObject, old: KubeObject): FieldError[] {
  const errors = [...validateObjectMetaUpdate(object.metadata, old.metadata), ...validateKindSpecific(object)];
  const key = keyOf(object);
  if (key === 'v1/Secret' && object.type !== old.type)
    errors.push(invalid('type', object.type ?? '', 'field is immutable'));
  if ((key === 'v1/ConfigMap' || key === 'v1/Secret') && old.immutable === true) {
    if (object.immutable !== true) errors.push(forbidden('immutable', 'field is immutable when `immutable` is set'));
    for (const field of ['data', 'binaryData']) {
      if (JSON.stringify(object[field] ?? null) !== JSON.stringify(old[field] ?? null))
        errors.push(forbidden(field, 'field is immutable when `immutable` is set'));
    }
  }
  return errors;
}
