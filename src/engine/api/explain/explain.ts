/**
 * `kubectl explain` output (kubectl: pkg/explain/v2/templates/plaintext.tmpl, the OpenAPI v3 template of 1.27+):
 * header, the FIELD line for a field path, the description wrapped at 76 columns, and the field list sorted by
 * name with `<type>`, `-required-` and enum lines; `--recursive` prints the nested field names instead.
 */
import {
  definitionFor,
  elementDefinition,
  fieldTreeFor,
  type Definition,
  type FieldSchema,
  type FieldType,
} from '../schema';
import { wrapWords } from './wrapWords';

export interface ExplainOptions {
  recursive?: boolean;
}

export type ExplainResult = { ok: true; text: string } | { ok: false; error: string };

const ENUM_LIMIT = 4;

function indent(amount: number, text: string): string {
  const pad = ' '.repeat(amount);
  return pad + text.replace(/\n/g, `\n${pad}`);
}

/** The template's typeGuess: `string`, `[]Container`, `map[string]string`, `Quantity`, `Object`. */
function typeGuess(type: FieldType): string {
  switch (type.type) {
    case 'array':
      return `[]${type.items ? typeGuess(type.items) : 'Object'}`;
    case 'map':
      return `map[string]${type.items ? typeGuess(type.items) : 'Object'}`;
    case 'object':
      return (type.ref ? definitionFor(type.ref)?.go : undefined) ?? 'Object';
    case 'int-or-string':
      return 'IntOrString';
    case 'quantity':
      return 'Quantity';
    case 'time':
      return 'string';
    case 'any':
      return type.format ?? 'Object';
    default:
      return type.type;
  }
}

/** `enum: A, B, C, D, ....` under a listed field (at most four values shown). */
function shortEnum(type: FieldType, indentAmount: number): string {
  if (!type.enum || type.enum.length === 0) return '';
  const shown = type.enum.slice(0, ENUM_LIMIT).map((v) => (v === '' ? '""' : v));
  const more = type.enum.length > ENUM_LIMIT ? ', ....' : '';
  return `\n${' '.repeat(indentAmount)}enum: ${shown.join(', ')}${more}`;
}

/** `ENUM:` with one value per line, under the FIELD line. */
function longEnum(type: FieldType): string {
  if (!type.enum || type.enum.length === 0) return '';
  return `ENUM:${type.enum.map((v) => `\n    ${v === '' ? '""' : v}`).join('')}`;
}

/** The description template: the field's own text, then that of the type it refers to, one per line. */
function descriptionOf(field: FieldSchema | undefined, definition: Definition | undefined): string {
  let text = field?.description ? `${field.description}\n` : '';
  if (definition?.description) text += `${definition.description}\n`;
  return text;
}

function fieldDetail(name: string, field: FieldSchema, level: number, short: boolean): string {
  const indentAmount = level * 2;
  let text = `${indent(indentAmount, name)}\t<${typeGuess(field)}>${field.required ? ' -required-' : ''}${shortEnum(field, indentAmount)}\n`;
  if (!short)
    text += `${indent(indentAmount + 2, wrapWords(field.description || '<no description>', 78 - indentAmount))}\n\n`;
  return text;
}

/** The fields of a definition, and with `recursive` those of nested types (each type once per path). */
function fieldList(definition: Definition, level: number, recursive: boolean, seen: ReadonlySet<string>): string {
  let text = '';
  for (const name of Object.keys(definition.fields).sort()) {
    const field = definition.fields[name]!;
    text += fieldDetail(name, field, level, recursive);
    if (!recursive) continue;
    const nested = elementDefinition(field);
    const key = `${nested?.pkg}.${nested?.go}`;
    if (nested && !seen.has(key)) text += fieldList(nested, level + 1, recursive, new Set([...seen, key]));
  }
  return text;
}

function header(resource: { group: string; version: string; kind: string }): string {
  return `${resource.group ? `GROUP:      ${resource.group}\n` : ''}KIND:       ${resource.kind}\nVERSION:    ${resource.version}\n\n`;
}

/**
 * Explains a kind or one of its fields (`fieldPath` as segments or as `spec.containers`), worded as kubectl 1.34.
 * Errors carry kubectl's `error: ` prefix, e.g. `error: field "foo" does not exist`.
 */
export function explain(
  resource: { group: string; version: string; kind: string },
  fieldPath: readonly string[] | string,
  options: ExplainOptions = {},
): ExplainResult {
  const path = typeof fieldPath === 'string' ? fieldPath.split('.').filter((p) => p.length > 0) : [...fieldPath];
  const apiVersion = resource.group ? `${resource.group}/${resource.version}` : resource.version;
  const root = fieldTreeFor(apiVersion, resource.kind);
  if (!root) return { ok: false, error: `error: GVK ${apiVersion}, Kind=${resource.kind} not found in OpenAPI schema` };
  let definition: Definition | undefined = root;
  let field: FieldSchema | undefined;
  for (const step of path) {
    field = definition?.fields[step];
    if (!field) return { ok: false, error: `error: field "${path[path.length - 1]}" does not exist` };
    definition = elementDefinition(field);
  }
  const recursive = options.recursive === true;
  let text = header(resource);
  if (field) text += `FIELD: ${path[path.length - 1]} <${typeGuess(field)}>\n${longEnum(field)}\n\n`;
  const description = field ? descriptionOf(field, definition) : descriptionOf(undefined, root);
  text += `DESCRIPTION:\n${indent(4, wrapWords(description || '<empty>', 76))}\n`;
  const fields = definition ? fieldList(definition, 1, recursive, new Set([`${definition.pkg}.${definition.go}`])) : '';
  if (fields) text += `FIELDS:\n${fields}`;
  return { ok: true, text: `${text}\n` };
}
