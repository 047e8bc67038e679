// apimachinery: pkg/fields/selector.go (parsing, escaping, matching); the per-kind field sets come from each
// registry's ToSelectableFields (pkg/registry/core/{pod,node,event,namespace,secret,service}/strategy.go,
// pkg/registry/batch/job/strategy.go) and the accepted labels from the field label conversion functions
// (pkg/apis/core/v1/conversion.go, pkg/apis/batch/v1/conversion.go, runtime.DefaultMetaV1FieldSelectorConversion).
import type { KubeObject, ResourceType } from '../types';

export interface FieldRequirement {
  field: string;
  /** `=` and `==` are the same test. */
  operator: '=' | '==' | '!=';
  value: string;
}

/** A parsed field selector as plain data: every requirement must hold; none matches everything. */
export interface FieldSelector {
  requirements: FieldRequirement[];
}

/** The selectable fields of one object, as `fields.Set`. */
export type FieldSet = Record<string, string>;

/** Splits on commas that are not backslash-escaped (splitTerms); escapes stay in the terms. */
function splitTerms(text: string): string[] {
  if (text.length === 0) return [];
  const terms: string[] = [];
  let start = 0;
  let inSlash = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inSlash) inSlash = false;
    else if (ch === '\\') inSlash = true;
    else if (ch === ',') {
      terms.push(text.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(text.slice(start));
  return terms;
}

/** The first `!=`, `==` or `=` splits the term; the left side is never unescaped. */
function splitTerm(term: string): { field: string; operator: FieldRequirement['operator']; rhs: string } | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const operator of ['!=', '==', '='] as const) {
      if (term.startsWith(operator, i))
        return { field: term.slice(0, i), operator, rhs: term.slice(i + operator.length) };
    }
  }
  return undefined;
}

/** fields.UnescapeValue: `\\`, `\,` and `\=` are the only escapes; bare `,` and `=` are errors. */
function unescapeValue(text: string): { ok: true; value: string } | { ok: false; error: string } {
  let value = '';
  let inSlash = false;
  for (const ch of text) {
    if (inSlash) {
      if (ch !== '\\' && ch !== ',' && ch !== '=') {
        return { ok: false, error: `invalid field selector: invalid escape sequence: \\${ch}` };
      }
      value += ch;
      inSlash = false;
    } else if (ch === '\\') {
      inSlash = true;
    } else if (ch === ',' || ch === '=') {
      // Go prints the rune with %v, i.e. as its code point number.
      return { ok: false, error: `invalid field selector: unescaped character in value: ${ch.codePointAt(0)}` };
    } else {
      value += ch;
    }
  }
  if (inSlash) return { ok: false, error: 'invalid field selector: invalid escape sequence: \\' };
  return { ok: true, value };
}

/** fields.ParseSelector: comma-joined `field=value`, `field==value`, `field!=value` terms (sorted, as Go does). */
export function parseFieldSelector(text: string): { ok: true; selector: FieldSelector } | { ok: false; error: string } {
  const requirements: FieldRequirement[] = [];
  for (const part of splitTerms(text).sort()) {
    if (part === '') continue;
    const term = splitTerm(part);
    if (!term) return { ok: false, error: `invalid selector: '${text}'; can't understand '${part}'` };
    const unescaped = unescapeValue(term.rhs);
    if (!unescaped.ok) return unescaped;
    requirements.push({ field: term.field, operator: term.operator, value: unescaped.value });
  }
  return { ok: true, selector: { requirements } };
}

/** Whether an object's field set satisfies the selector; a field the set lacks reads as `""` (Fields.Get). */
export function matchesFields(selector: FieldSelector, fields: FieldSet): boolean {
  return selector.requirements.every((r) => {
    const actual = fields[r.field] ?? '';
    return r.operator === '!=' ? actual !== r.value : actual === r.value;
  });
}

type Loose = Record<string, unknown>;

function record(value: unknown): Loose {
  return typeof value === 'object' && value !== null ? (value as Loose) : {};
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** generic.ObjectMetaFieldsSet: metadata.name, plus metadata.namespace for namespaced objects. */
export function genericFields(obj: KubeObject): FieldSet {
  const fields: FieldSet = { 'metadata.name': obj.metadata.name ?? '' };
  if (obj.metadata.namespace !== undefined) fields['metadata.namespace'] = obj.metadata.namespace;
  return fields;
}

/** pod.ToSelectableFields. */
export function podFields(pod: KubeObject): FieldSet {
  const spec = record(pod['spec']);
  const status = record(pod['status']);
  const podIPs = Array.isArray(status['podIPs']) ? status['podIPs'] : [];
  return {
    'spec.nodeName': text(spec['nodeName']),
    'spec.restartPolicy': text(spec['restartPolicy']),
    'spec.schedulerName': text(spec['schedulerName']),
    'spec.serviceAccountName': text(spec['serviceAccountName']),
    'spec.hostNetwork': spec['hostNetwork'] === true ? 'true' : 'false',
    'status.phase': text(status['phase']),
    'status.podIP': text(record(podIPs[0])['ip']),
    'status.nominatedNodeName': text(status['nominatedNodeName']),
    ...genericFields(pod),
  };
}

/** node.NodeToSelectableFields. */
export function nodeFields(node: KubeObject): FieldSet {
  return {
    ...genericFields(node),
    'spec.unschedulable': record(node['spec'])['unschedulable'] === true ? 'true' : 'false',
  };
}

/** event.ToSelectableFields (`source` falls back to reportingComponent). */
export function eventFields(event: KubeObject): FieldSet {
  const involved = record(event['involvedObject']);
  const reporting = text(event['reportingComponent']);
  const source = text(record(event['source'])['component']);
  return {
    'involvedObject.kind': text(involved['kind']),
    'involvedObject.namespace': text(involved['namespace']),
    'involvedObject.name': text(involved['name']),
    'involvedObject.uid': text(involved['uid']),
    'involvedObject.apiVersion': text(involved['apiVersion']),
    'involvedObject.resourceVersion': text(involved['resourceVersion']),
    'involvedObject.fieldPath': text(involved['fieldPath']),
    reason: text(event['reason']),
    reportingComponent: reporting,
    source: source === '' ? reporting : source,
    type: text(event['type']),
    ...genericFields(event),
  };
}

/** namespace.NamespaceToSelectableFields (including the legacy `name` field). */
export function namespaceFields(namespace: KubeObject): FieldSet {
  return {
    ...genericFields(namespace),
    'status.phase': text(record(namespace['status'])['phase']),
    name: namespace.metadata.name ?? '',
  };
}

function secretFields(secret: KubeObject): FieldSet {
  return { ...genericFields(secret), type: text(secret['type']) };
}

function serviceFields(service: KubeObject): FieldSet {
  const spec = record(service['spec']);
  return { ...genericFields(service), 'spec.clusterIP': text(spec['clusterIP']), 'spec.type': text(spec['type']) };
}

function replicationControllerFields(rc: KubeObject): FieldSet {
  return { ...genericFields(rc), 'status.replicas': String(record(rc['status'])['replicas'] ?? 0) };
}

function jobFields(job: KubeObject): FieldSet {
  return { ...genericFields(job), 'status.successful': String(record(job['status'])['succeeded'] ?? 0) };
}

type Resource = Pick<ResourceType, 'group' | 'kind'>;

interface KindFields {
  fields: (obj: KubeObject) => FieldSet;
  /** Labels the field label conversion function accepts. */
  labels: readonly string[];
  /** The conversion function's error for any other label. */
  unsupported: (label: string) => string;
  /** Legacy labels the conversion rewrites. */
  renamed?: Record<string, string>;
}

const coreUnsupported = (label: string): string => `field label not supported: ${label}`;

const KINDS: Record<string, KindFields> = {
  '/Pod': {
    fields: podFields,
    labels: [
      'metadata.name',
      'metadata.namespace',
      'spec.nodeName',
      'spec.restartPolicy',
      'spec.schedulerName',
      'spec.serviceAccountName',
      'spec.hostNetwork',
      'status.phase',
      'status.podIP',
      'status.podIPs',
      'status.nominatedNodeName',
      'spec.host',
    ],
    unsupported: coreUnsupported,
    // Old v1 clients sent spec.host.
    renamed: { 'spec.host': 'spec.nodeName' },
  },
  '/Node': { fields: nodeFields, labels: ['metadata.name', 'spec.unschedulable'], unsupported: coreUnsupported },
  '/Event': {
    fields: eventFields,
    labels: [
      'involvedObject.kind',
      'involvedObject.namespace',
      'involvedObject.name',
      'involvedObject.uid',
      'involvedObject.apiVersion',
      'involvedObject.resourceVersion',
      'involvedObject.fieldPath',
      'reason',
      'reportingComponent',
      'source',
      'type',
      'metadata.namespace',
      'metadata.name',
    ],
    unsupported: coreUnsupported,
  },
  '/Namespace': { fields: namespaceFields, labels: ['status.phase', 'metadata.name'], unsupported: coreUnsupported },
  '/Secret': {
    fields: secretFields,
    labels: ['type', 'metadata.namespace', 'metadata.name'],
    unsupported: coreUnsupported,
  },
  '/Service': {
    fields: serviceFields,
    labels: ['metadata.namespace', 'metadata.name', 'spec.clusterIP', 'spec.type'],
    unsupported: coreUnsupported,
  },
  '/ReplicationController': {
    fields: replicationControllerFields,
    labels: ['metadata.name', 'metadata.namespace', 'status.replicas'],
    unsupported: coreUnsupported,
  },
  'batch/Job': {
    fields: jobFields,
    labels: ['metadata.name', 'metadata.namespace', 'status.successful'],
    unsupported: (label) => `field label "${label}" not supported for batchv1.Job`,
  },
};

const DEFAULT_KIND: KindFields = {
  fields: genericFields,
  labels: ['metadata.name', 'metadata.namespace'],
  unsupported: (label) => `"${label}" is not a known field selector: only "metadata.name", "metadata.namespace"`,
};

function kindFields(resource: Resource): KindFields {
  return KINDS[`${resource.group}/${resource.kind}`] ?? DEFAULT_KIND;
}

/** The field set the resource's registry exposes for field selectors (generic metadata fields for other kinds). */
export function fieldsOf(resource: Resource, obj: KubeObject): { ok: true; fields: FieldSet } {
  return { ok: true, fields: kindFields(resource).fields(obj) };
}

/**
 * The API server's field label conversion: rejects a label the resource does not support with its exact error
 * (`field label not supported: foo`, or `"foo" is not a known field selector: only ...` for kinds without a
 * custom conversion) and maps the legacy pod label `spec.host` to `spec.nodeName`.
 */
export function convertFieldSelector(
  selector: FieldSelector,
  resource: Resource,
): { ok: true; selector: FieldSelector } | { ok: false; error: string } {
  const kind = kindFields(resource);
  const requirements: FieldRequirement[] = [];
  for (const r of selector.requirements) {
    if (!kind.labels.includes(r.field)) return { ok: false, error: kind.unsupported(r.field) };
    const renamed = kind.renamed?.[r.field];
    requirements.push(renamed === undefined ? r : { ...r, field: renamed });
  }
  return { ok: true, selector: { requirements } };
}
