/**
 * The apiserver's strict JSON decoding of a request body into a typed object
 * (apimachinery: pkg/runtime/serializer/json/json.go with sigs.k8s.io/json UnmarshalStrict; the error wording is
 * encoding/json's UnmarshalTypeError and the strict decoder's field errors, wrapped by
 * apiserver: pkg/endpoints/handlers/rest.go:transformDecodeError).
 *
 * kubectl sends the manifest as JSON with its keys sorted (it marshals an unstructured map), so fields are visited
 * in sorted order; the first type mismatch is reported, unknown fields are reported together.
 */
import type { ApiResult, KubeObject } from '../types';
import { definitionFor, fieldTreeFor, goTypeName, splitApiVersion, type Definition, type FieldType } from '../schema';
import { parseQuantity } from '../quantity/quantity';
import { cloneJson } from '../../runtime/cloneJson';

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/** Where the decoder is: the innermost Go struct and the JSON field names from the root (no list indices). */
interface Context {
  struct: string;
  fields: string[];
  /** Path as the strict decoder prints it: `spec.containers[0].image`. */
  strictPath: string;
}

/** A decode failure that stops decoding at once (errors returned by a type's UnmarshalJSON). */
class AbortDecoding {
  constructor(readonly message: string) {}
}

interface DecodeState {
  /** encoding/json keeps the first of these (decodeState.saveError) and goes on. */
  savedError?: string;
  unknownFields: string[];
}

/** encoding/json's name for a JSON value in errors: `string`, `number 1.5`, `bool`, `array`, `object`. */
function jsonValueDescription(value: unknown, withNumber: boolean): string {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return withNumber ? `number ${String(value)}` : 'number';
  return 'object';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** UnmarshalTypeError.Error() with the context addErrorContext gives it. */
function typeErrorMessage(value: string, goType: string, context: Context): string {
  if (context.fields.length === 0) return `json: cannot unmarshal ${value} into Go value of type ${goType}`;
  return `json: cannot unmarshal ${value} into Go struct field ${context.struct}.${context.fields.join('.')} of type ${goType}`;
}

function saveTypeError(state: DecodeState, value: string, goType: string, context: Context): void {
  state.savedError ??= typeErrorMessage(value, goType, context);
}

/** The index at which Go's base64.StdEncoding.Decode reports corrupt input, or undefined when it decodes. */
function base64ErrorIndex(text: string): number | undefined {
  const body = text.replace(/[\r\n]/g, '');
  const bad = /[^A-Za-z0-9+/=]/.exec(body);
  if (bad) return bad.index;
  const padding = body.indexOf('=');
  if (padding >= 0 && (!/^=={0,1}$/.test(body.slice(padding)) || body.length % 4 !== 0)) return padding;
  if (body.length % 4 !== 0) return body.length - (body.length % 4);
  return undefined;
}

function decodeValue(value: unknown, type: FieldType, context: Context, state: DecodeState): unknown {
  switch (type.type) {
    case 'any':
      return cloneJson(value);
    case 'string':
      if (typeof value !== 'string') {
        saveTypeError(state, jsonValueDescription(value, false), goTypeName(type), context);
        return undefined;
      }
      if (type.format === 'byte') {
        const index = base64ErrorIndex(value);
        if (index !== undefined) state.savedError ??= `illegal base64 data at input byte ${index}`;
      }
      return value;
    case 'integer': {
      const max = type.format === 'int64' ? Number.MAX_SAFE_INTEGER : INT32_MAX;
      const min = type.format === 'int64' ? Number.MIN_SAFE_INTEGER : INT32_MIN;
      if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
      saveTypeError(state, jsonValueDescription(value, true), goTypeName(type), context);
      return undefined;
    }
    case 'number':
      if (typeof value === 'number') return value;
      saveTypeError(state, jsonValueDescription(value, false), goTypeName(type), context);
      return undefined;
    case 'boolean':
      if (typeof value === 'boolean') return value;
      saveTypeError(state, jsonValueDescription(value, false), goTypeName(type), context);
      return undefined;
    case 'int-or-string':
      // IntOrString.UnmarshalJSON: a string, else json.Unmarshal into its int32, whose error ends decoding.
      if (typeof value === 'string') return value;
      if (typeof value === 'number' && Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX)
        return value;
      throw new AbortDecoding(typeErrorMessage(jsonValueDescription(value, true), 'int32', context));
    case 'quantity': {
      // Quantity.UnmarshalJSON parses whatever JSON it gets; its error carries no field.
      const text =
        typeof value === 'string'
          ? value
          : isPlainObject(value) || Array.isArray(value)
            ? JSON.stringify(value)
            : String(value);
      const parsed = parseQuantity(text.trim());
      if (!parsed.ok) throw new AbortDecoding(parsed.error);
      return value;
    }
    case 'time':
      if (typeof value === 'string') return value;
      throw new AbortDecoding(typeErrorMessage(jsonValueDescription(value, false), 'string', context));
    case 'object': {
      const definition = type.ref ? definitionFor(type.ref) : undefined;
      if (!isPlainObject(value) || !definition) {
        saveTypeError(state, jsonValueDescription(value, false), goTypeName(type), context);
        return undefined;
      }
      return decodeStruct(value, definition, context, state);
    }
    case 'array': {
      if (!Array.isArray(value)) {
        saveTypeError(state, jsonValueDescription(value, false), goTypeName(type), context);
        return undefined;
      }
      const items = type.items ?? { type: 'any' };
      return value.map((item, index) => {
        const itemContext = { ...context, strictPath: `${context.strictPath}[${index}]` };
        return item === null ? null : decodeValue(item, items, itemContext, state);
      });
    }
    case 'map': {
      if (!isPlainObject(value)) {
        saveTypeError(state, jsonValueDescription(value, false), goTypeName(type), context);
        return undefined;
      }
      const items = type.items ?? { type: 'any' };
      const result: Record<string, unknown> = {};
      for (const key of Object.keys(value).sort()) {
        const item = value[key];
        if (item === null) continue;
        const decoded = decodeValue(item, items, { ...context, strictPath: `${context.strictPath}.${key}` }, state);
        if (decoded !== undefined) result[key] = decoded;
      }
      return result;
    }
  }
}

function decodeStruct(
  value: Record<string, unknown>,
  definition: Definition,
  context: Context,
  state: DecodeState,
): Record<string, unknown> {
  const decoded: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const path = context.strictPath ? `${context.strictPath}.${key}` : key;
    const field = definition.fields[key];
    if (!field) {
      state.unknownFields.push(path);
      continue;
    }
    const item = value[key];
    if (item === null) continue;
    const result = decodeValue(
      item,
      field,
      { struct: definition.go, fields: [...context.fields, key], strictPath: path },
      state,
    );
    if (result !== undefined) decoded[key] = result;
  }
  // Keep the author's field order; only the checks above run in sorted order.
  const ordered: Record<string, unknown> = {};
  for (const key of Object.keys(value)) if (key in decoded) ordered[key] = decoded[key];
  return ordered;
}

/**
 * Decodes a request body for `resource` as the apiserver does with `fieldValidation=Strict`: type mismatches and
 * unknown fields give a 400 BadRequest worded as kube-apiserver words it; otherwise the object without nulls.
 */
export function decodeObject(raw: unknown, resource: { kind: string; apiVersion: string }): ApiResult<KubeObject> {
  const definition = fieldTreeFor(resource.apiVersion, resource.kind);
  const prefix = `${resource.kind} in version "${splitApiVersion(resource.apiVersion).version}" cannot be handled as a ${resource.kind}`;
  const fail = (detail: string): ApiResult<KubeObject> => ({
    ok: false,
    error: { code: 400, reason: 'BadRequest', message: `${prefix}: ${detail}` },
  });
  if (!isPlainObject(raw)) {
    const goType = definition ? `${definition.pkg}.${definition.go}` : 'map[string]interface {}';
    return fail(typeErrorMessage(jsonValueDescription(raw, false), goType, { struct: '', fields: [], strictPath: '' }));
  }
  if (!definition) return { ok: true, value: cloneJson(raw) as KubeObject };
  const state: DecodeState = { unknownFields: [] };
  let decoded: Record<string, unknown>;
  try {
    decoded = decodeStruct(raw, definition, { struct: definition.go, fields: [], strictPath: '' }, state);
  } catch (e) {
    if (e instanceof AbortDecoding) return fail(e.message);
    throw e;
  }
  if (state.savedError) return fail(state.savedError);
  if (state.unknownFields.length > 0) {
    return fail(`strict decoding error: ${state.unknownFields.map((f) => `unknown field "${f}"`).join(', ')}`);
  }
  decoded.metadata ??= {};
  return { ok: true, value: decoded as KubeObject };
}
