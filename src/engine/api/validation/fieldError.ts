/**
 * field.Error as kube-apiserver builds and prints it (apimachinery: pkg/util/validation/field/errors.go), with the
 * 1.34 value rendering: numbers and booleans plain, strings quoted (%q), anything else as JSON.
 */
import type { StatusCause } from '../types';
import { goQuote } from '../selectors/goQuote';

export type FieldErrorType =
  'Required' | 'Invalid' | 'NotSupported' | 'Duplicate' | 'Forbidden' | 'TooLong' | 'NotFound' | 'TooMany';

/** A bad value that must not be printed (field.OmitValueType). */
export const OMIT_VALUE: unique symbol = Symbol('omit');

/** A Go map: printed as JSON with sorted keys (json.Marshal sorts map keys; struct fields keep their order). */
export class GoMap {
  constructor(readonly entries: Record<string, unknown>) {}
}

export interface FieldError {
  type: FieldErrorType;
  field: string;
  value?: unknown;
  detail: string;
}

const REASONS: Record<FieldErrorType, string> = {
  Required: 'FieldValueRequired',
  Invalid: 'FieldValueInvalid',
  NotSupported: 'FieldValueNotSupported',
  Duplicate: 'FieldValueDuplicate',
  Forbidden: 'FieldValueForbidden',
  TooLong: 'FieldValueTooLong',
  NotFound: 'FieldValueNotFound',
  TooMany: 'FieldValueTooMany',
};

const TITLES: Record<FieldErrorType, string> = {
  Required: 'Required value',
  Invalid: 'Invalid value',
  NotSupported: 'Unsupported value',
  Duplicate: 'Duplicate value',
  Forbidden: 'Forbidden',
  TooLong: 'Too long',
  NotFound: 'Not found',
  TooMany: 'Too many',
};

/** json.Marshal: HTML-safe escapes, sorted keys for Go maps. */
function goJson(value: unknown): string {
  const plain = (v: unknown): unknown => {
    if (v instanceof GoMap) {
      const sorted: Record<string, unknown> = {};
      for (const key of Object.keys(v.entries).sort()) sorted[key] = plain(v.entries[key]);
      return sorted;
    }
    if (Array.isArray(v)) return v.map(plain);
    if (typeof v === 'object' && v !== null)
      return Object.fromEntries(Object.entries(v).map(([k, item]) => [k, plain(item)]));
    return v;
  };
  return (JSON.stringify(plain(value)) ?? 'null')
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function renderValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return goQuote(value);
  return goJson(value);
}

/** field.Error.ErrorBody(): the message without the field path. */
export function errorBody(error: FieldError): string {
  let body = TITLES[error.type];
  const valueless =
    error.type === 'Required' || error.type === 'Forbidden' || error.type === 'TooLong' || error.value === OMIT_VALUE;
  if (!valueless) body += `: ${renderValue(error.value)}`;
  if (error.detail) body += `: ${error.detail}`;
  return body;
}

/** field.Error.Error(): `spec.containers[0].image: Required value`. */
export function errorString(error: FieldError): string {
  return `${error.field}: ${errorBody(error)}`;
}

export function toStatusCause(error: FieldError): StatusCause {
  return { reason: REASONS[error.type], message: errorBody(error), field: error.field };
}

export const required = (field: string, detail = ''): FieldError => ({ type: 'Required', field, detail });
export const invalid = (field: string, value: unknown, detail: string): FieldError => ({
  type: 'Invalid',
  field,
  value,
  detail,
});
export const duplicate = (field: string, value: unknown): FieldError => ({
  type: 'Duplicate',
  field,
  value,
  detail: '',
});
export const forbidden = (field: string, detail: string): FieldError => ({ type: 'Forbidden', field, detail });
export const notFound = (field: string, value: unknown): FieldError => ({ type: 'NotFound', field, value, detail: '' });
export const tooLong = (field: string, maxLength: number): FieldError => ({
  type: 'TooLong',
  field,
  detail: `must have at most ${maxLength} bytes`,
});

export function notSupported(field: string, value: unknown, validValues: readonly string[]): FieldError {
  const detail = validValues.length > 0 ? `supported values: ${validValues.map(goQuote).join(', ')}` : '';
  return { type: 'NotSupported', field, value, detail };
}

/** ValidateNonnegativeField. */
export function nonNegative(value: unknown, field: string): FieldError[] {
  return typeof value === 'number' && value < 0 ? [invalid(field, value, 'must be greater than or equal to 0')] : [];
}
