/** Shape of `generated/schema.json`: a compact field tree of the served kinds, keyed by definition. */

export type FieldKind =
  | 'string'
  | 'integer'
  | 'number'
  | 'boolean'
  | 'object'
  | 'array'
  | 'map'
  | 'int-or-string'
  | 'quantity'
  | 'time'
  | 'any';

/** The type of a field or of a list/map element. */
export interface FieldType {
  type: FieldKind;
  /** Definition key of an `object`, e.g. `core/v1.PodSpec`. */
  ref?: string;
  /** Element type of an `array` or value type of a `map`. */
  items?: FieldType;
  /** `int32`, `int64`, `double`, `byte` (base64 strings); for `any`, the opaque type's name (`RawExtension`). */
  format?: string;
  /** Allowed values of an enum string, sorted. */
  enum?: string[];
  /** The Go type when it is a named type the plain JSON type cannot tell, e.g. `v1.RestartPolicy`. */
  go?: string;
}

export interface FieldSchema extends FieldType {
  description?: string;
  required?: boolean;
}

export interface Definition {
  /** Go type name, e.g. `PodSpec`. */
  go: string;
  /** Go package name as it prints in type names, e.g. `v1`. */
  pkg: string;
  description: string;
  fields: Record<string, FieldSchema>;
}

export interface KindRoot {
  /** '' for the core group. */
  group: string;
  version: string;
  kind: string;
  definition: string;
}

export interface SchemaDocument {
  /** Kubernetes release the model types come from. */
  kubernetesVersion: string;
  kinds: KindRoot[];
  definitions: Record<string, Definition>;
}
