/**
 * Validation dispatch: what the registry strategies' Validate and ValidateUpdate run for each served kind, on
 * objects that are already decoded and defaulted.
 */
import type { KubeObject, StatusCause } from '../types';
import { toStatusCause, type FieldError } from './fieldError';
import { validateAppsCreate, validateAppsUpdate } from './validateApps';
import { validateBatchCreate, validateBatchUpdate } from './validateBatch';
import { validateCoreCreate, validateCoreUpdate } from './validateCore';
import { validatePodCreate, validatePodUpdate } from './validatePod';
import { validateServiceCreate, validateServiceUpdate } from './validateService';

function createErrors(obj: KubeObject): FieldError[] {
  if (obj.apiVersion === 'v1' && obj.kind === 'Pod') return validatePodCreate(obj);
  if (obj.apiVersion === 'v1' && obj.kind === 'Service') return validateServiceCreate(obj);
  return validateAppsCreate(obj) ?? validateBatchCreate(obj) ?? validateCoreCreate(obj);
}

function updateErrors(obj: KubeObject, old: KubeObject): FieldError[] {
  if (obj.apiVersion === 'v1' && obj.kind === 'Pod') return validatePodUpdate(obj, old);
  if (obj.apiVersion === 'v1' && obj.kind === 'Service') return validateServiceUpdate(obj, old);
  return validateAppsUpdate(obj, old) ?? validateBatchUpdate(obj, old) ?? validateCoreUpdate(obj, old);
}

/** The field errors kube-apiserver reports when creating `obj`, as StatusCauses (empty when valid). */
export function validateCreate(obj: KubeObject): StatusCause[] {
  return createErrors(obj).map(toStatusCause);
}

/** The field errors kube-apiserver reports when replacing `old` with `obj`, as StatusCauses (empty when valid). */
export function validateUpdate(obj: KubeObject, old: KubeObject): StatusCause[] {
  return updateErrors(obj, old).map(toStatusCause);
}
