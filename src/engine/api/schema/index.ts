/**
 * Typed access to the generated field tree (`generated/schema.json`, made by `generate.ts` from kubernetes-models).
 * Decoding, explain and the manifest editor walk it by JSON field name.
 */
import schemaJson from './generated/schema.json';
import type { Definition, FieldSchema, FieldType, KindRoot, SchemaDocument } from './types';

export type { Definition, FieldKind, FieldSchema, FieldType, KindRoot, SchemaDocument } from './types';

const schema = schemaJson as unknown as SchemaDocument;

/** Splits `apps/v1` into group and version; `v1` is the core group. */
export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0
    ? { group: '', version: apiVersion }
    : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/** The kind root served for `apiVersion`/`kind`, or undefined. */
export function kindRootFor(apiVersion: string, kind: string): KindRoot | undefined {
  const { group, version } = splitApiVersion(apiVersion);
  return schema.kinds.find((k) => k.group === group && k.version === version && k.kind === kind);
}

/** Every kind the schema describes, in generator order. */
export function schemaKinds(): readonly KindRoot[] {
  return schema.kinds;
}

/** A definition by key, e.g. `core/v1.PodSpec`. */
export function definitionFor(key: string): Definition | undefined {
  return schema.definitions[key];
}

/** The top-level definition of a kind (`Pod` → `core/v1.Pod`), or undefined when the kind is not served. */
export function fieldTreeFor(apiVersion: string, kind: string): Definition | undefined {
  const root = kindRootFor(apiVersion, kind);
  return root ? schema.definitions[root.definition] : undefined;
}

/** The object definition a field leads to, looking through lists and maps (`containers` → Container). */
export function elementDefinition(type: FieldType): Definition | undefined {
  let current: FieldType | undefined = type;
  while (current && (current.type === 'array' || current.type === 'map')) current = current.items;
  return current?.ref ? schema.definitions[current.ref] : undefined;
}

/**
 * The field at a JSON path below a kind, e.g. `['spec', 'containers', 'livenessProbe']`; list indices and map keys
 * may be given or left out (`['spec', 'containers', 0, 'image']` works too).
 */
export function lookupField(
  apiVersion: string,
  kind: string,
  path: readonly (string | number)[],
): FieldSchema | undefined {
  let definition = fieldTreeFor(apiVersion, kind);
  let field: FieldSchema | undefined;
  let pendingCollection: FieldType | undefined;
  for (const step of path) {
    if (pendingCollection && (typeof step === 'number' || pendingCollection.type === 'map')) {
      const items: FieldType | undefined = pendingCollection.items;
      pendingCollection = items && (items.type === 'array' || items.type === 'map') ? items : undefined;
      definition = items?.ref ? schema.definitions[items.ref] : undefined;
      field = items;
      continue;
    }
    if (typeof step === 'number' || !definition) return undefined;
    field = definition.fields[step];
    if (!field) return undefined;
    pendingCollection = field.type === 'array' || field.type === 'map' ? field : undefined;
    definition = elementDefinition(field);
  }
  return field;
}

/** The Go type name of a field as encoding/json prints it in errors (`[]v1.Container`, `map[string]string`). */
export function goTypeName(type: FieldType): string {
  if (type.go) return type.go;
  switch (type.type) {
    case 'string':
      return type.format === 'byte' ? '[]uint8' : 'string';
    case 'integer':
      return type.format === 'int64' ? 'int64' : 'int32';
    case 'number':
      return 'float64';
    case 'boolean':
      return 'bool';
    case 'object': {
      const definition = type.ref ? schema.definitions[type.ref] : undefined;
      return definition ? `${definition.pkg}.${definition.go}` : 'interface {}';
    }
    case 'array':
      return `[]${type.items ? goTypeName(type.items) : 'interface {}'}`;
    case 'map':
      return `map[string]${type.items ? goTypeName(type.items) : 'interface {}'}`;
    case 'int-or-string':
      return 'intstr.IntOrString';
    case 'quantity':
      return 'resource.Quantity';
    case 'time':
      return 'v1.Time';
    case 'any':
      return 'interface {}';
  }
}
