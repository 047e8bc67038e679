/**
 * The simulated kube-apiserver: a typed object store with resourceVersions and watches, and the request pipeline
 * decode → admission (defaulting) → validation → storage that every client goes through.
 */
import type {
  ApiClient,
  ApiError,
  ApiResult,
  DeleteOptions,
  KubeObject,
  ListOptions,
  PatchType,
  ResourceType,
  WatchEvent,
} from './types';
import { RESOURCE_TYPES, apiVersionOf, findResourceFor, resolveResourceName, resourceKey } from './resources';
import { applyMergePatch } from './patch/mergePatch';
import { applyJsonPatch } from './patch/jsonPatch';
import { applyStrategicMergePatch } from './patch/strategicMerge';
import { decodeObject } from './decode';
import { applyDefaults } from './defaults';
import { invalidError, validateCreate, validateUpdate } from './validation';
import { admitCreate } from './admission';
import { matchesLabels, parseLabelSelector } from './selectors/labelSelector';
import { convertFieldSelector, fieldsOf, matchesFields, parseFieldSelector } from './selectors/fieldSelector';
import { notFound, alreadyExists, conflict, badRequest, namespaceNotFound, namespaceTerminating } from './errors';
import { nextString, nextUuid, type RandomState } from '../runtime/random';
import { formatTimestamp } from '../runtime/time';
import { NAME_SUFFIX_ALPHABET } from './names';
import { qosClassOf } from '../resources/qos';
import type { Pod } from './kinds';

export interface ApiServerState {
  resourceVersion: number;
  /** resourceKey → `namespace/name` (cluster-scoped: `/name`) → object. */
  objects: Record<string, Record<string, KubeObject>>;
}

export type WatchListener = (event: WatchEvent, resource: ResourceType) => void;

const MAX_GENERATED_NAME_BASE = 58;

/** Kinds whose spec changes bump metadata.generation (everything with a spec; Pods too since 1.33's generation tracking). */
function hasSpec(object: KubeObject): boolean {
  return 'spec' in object;
}

function objectKey(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`;
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export class ApiServer implements ApiClient {
  private readonly listeners: WatchListener[] = [];

  constructor(
    readonly state: ApiServerState,
    private readonly clock: () => number,
    private readonly random: RandomState,
  ) {}

  static initialState(): ApiServerState {
    return { resourceVersion: 1, objects: {} };
  }

  /** Registers a synchronous listener for every stored change (the informers' source). */
  watch(listener: WatchListener): void {
    this.listeners.push(listener);
  }

  resources(): ResourceType[] {
    return [...RESOURCE_TYPES];
  }

  resolveResource(typed: string): ResourceType | undefined {
    return resolveResourceName(typed);
  }

  resourceFor(apiVersion: string, kind: string): ResourceType | undefined {
    return findResourceFor(apiVersion, kind);
  }

  now(): number {
    return this.clock();
  }

  get(resource: ResourceType, namespace: string | undefined, name: string): ApiResult<KubeObject> {
    const object = this.bucket(resource)[objectKey(resource.namespaced ? namespace : undefined, name)];
    return object ? { ok: true, value: object } : { ok: false, error: notFound(resource, name) };
  }

  /** Direct read for in-engine components (no error wrapping). */
  find(resource: ResourceType, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.bucket(resource)[objectKey(resource.namespaced ? namespace : undefined, name)];
  }

  list(resource: ResourceType, namespace: string | undefined, options: ListOptions = {}): ApiResult<KubeObject[]> {
    const labelSelector = options.labelSelector ? parseLabelSelector(options.labelSelector) : undefined;
    if (labelSelector && !labelSelector.ok) return { ok: false, error: badRequest(labelSelector.error) };
    const parsedFields = options.fieldSelector ? parseFieldSelector(options.fieldSelector) : undefined;
    if (parsedFields && !parsedFields.ok) return { ok: false, error: badRequest(parsedFields.error) };
    const fieldSelector = parsedFields ? convertFieldSelector(parsedFields.selector, resource) : undefined;
    if (fieldSelector && !fieldSelector.ok) return { ok: false, error: badRequest(fieldSelector.error) };
    const items: KubeObject[] = [];
    for (const object of this.all(resource, namespace)) {
      if (labelSelector && !matchesLabels(labelSelector.selector, object.metadata.labels)) continue;
      if (fieldSelector && !matchesFields(fieldSelector.selector, fieldsOf(resource, object).fields)) continue;
      items.push(object);
    }
    return { ok: true, value: items };
  }

  /** All stored objects of a resource (optionally in one namespace), sorted by namespace then name as etcd lists them. */
  all(resource: ResourceType, namespace?: string): KubeObject[] {
    const bucket = this.bucket(resource);
    const keys = Object.keys(bucket).sort();
    const prefix = resource.namespaced && namespace !== undefined ? `${namespace}/` : undefined;
    const result: KubeObject[] = [];
    for (const key of keys) if (!prefix || key.startsWith(prefix)) result.push(bucket[key]!);
    return result;
  }

  create(input: unknown, options: { dryRun?: boolean } = {}): ApiResult<KubeObject> {
    const typed = this.typeOf(input);
    if (!typed.ok) return typed;
    const resource = typed.value;
    const decoded = decodeObject(input, { apiVersion: apiVersionOf(resource), kind: resource.kind });
    if (!decoded.ok) return decoded;
    let object = decoded.value;
    object.metadata ??= {};
    if (resource.namespaced) object.metadata.namespace ??= 'default';
    else delete object.metadata.namespace;

    const namespaceCheck = this.checkNamespace(resource, object);
    if (namespaceCheck) return { ok: false, error: namespaceCheck };

    if (!object.metadata.name && object.metadata.generateName) {
      object.metadata.name = this.generateName(resource, object.metadata.namespace, object.metadata.generateName);
    }
    object = applyDefaults(prepareForCreate(object));
    const admitted = admitCreate(object, { random: this.random, find: (r, ns, n) => this.find(r, ns, n) });
    if (!admitted.ok) return admitted;
    object = admitted.value;

    const causes = validateCreate(object);
    if (causes.length > 0) return { ok: false, error: invalidError(object, causes) };
    const name = object.metadata.name!;
    if (this.find(resource, object.metadata.namespace, name))
      return { ok: false, error: alreadyExists(resource, name) };

    const metadata = object.metadata;
    delete metadata.deletionTimestamp;
    delete metadata.deletionGracePeriodSeconds;
    metadata.uid = nextUuid(this.random);
    metadata.creationTimestamp = formatTimestamp(this.clock());
    if (hasSpec(object)) metadata.generation = 1;
    else delete metadata.generation;
    if (options.dryRun)
      return { ok: true, value: { ...object, metadata: { ...metadata, resourceVersion: undefined } } };
    return { ok: true, value: this.store(resource, object, 'ADDED') };
  }

  update(input: unknown, options: { dryRun?: boolean } = {}): ApiResult<KubeObject> {
    const typed = this.typeOf(input);
    if (!typed.ok) return typed;
    const resource = typed.value;
    const decoded = decodeObject(input, { apiVersion: apiVersionOf(resource), kind: resource.kind });
    if (!decoded.ok) return decoded;
    return this.replace(resource, decoded.value, options, false);
  }

  /**
   * The pods/binding subresource the scheduler uses: sets spec.nodeName (immutable through ordinary updates) and
   * the status it carries (the PodScheduled condition).
   */
  bind(pod: KubeObject): ApiResult<KubeObject> {
    const current = this.find(PODS, pod.metadata.namespace, pod.metadata.name ?? '');
    if (!current) return { ok: false, error: notFound(PODS, pod.metadata.name ?? '') };
    const currentSpec = current.spec as { nodeName?: string };
    if (currentSpec.nodeName) {
      return {
        ok: false,
        error: conflict(
          PODS,
          pod.metadata.name ?? '',
          `pod ${pod.metadata.name} is already assigned to node "${currentSpec.nodeName}"`,
        ),
      };
    }
    const bound = structuredClone(current);
    (bound.spec as { nodeName?: string }).nodeName = (pod.spec as { nodeName?: string }).nodeName;
    bound.status = structuredClone(pod.status);
    return { ok: true, value: this.store(PODS, bound, 'MODIFIED') };
  }

  updateStatus(object: KubeObject): ApiResult<KubeObject> {
    const typed = this.typeOf(object);
    if (!typed.ok) return typed;
    return this.replace(typed.value, structuredClone(object), {}, true);
  }

  patch(
    resource: ResourceType,
    namespace: string | undefined,
    name: string,
    type: PatchType,
    patch: unknown,
    options: { dryRun?: boolean } = {},
  ): ApiResult<KubeObject> {
    const current = this.find(resource, namespace, name);
    if (!current) return { ok: false, error: notFound(resource, name) };
    let patched: unknown;
    if (type === 'json') {
      const result = applyJsonPatch(current, patch);
      if (!result.ok) return { ok: false, error: { code: 422, reason: 'Invalid', message: result.error } };
      patched = result.value;
    } else if (type === 'merge') {
      patched = applyMergePatch(current, patch);
    } else {
      patched = applyStrategicMergePatch(current, patch);
    }
    const decoded = decodeObject(patched, { apiVersion: apiVersionOf(resource), kind: resource.kind });
    if (!decoded.ok) return decoded;
    // A patch never carries a stale resourceVersion unless the client put one in it.
    const patchedObject = decoded.value;
    const requested = (patch as { metadata?: { resourceVersion?: string } } | undefined)?.metadata?.resourceVersion;
    if (!requested) patchedObject.metadata.resourceVersion = current.metadata.resourceVersion;
    return this.replace(resource, patchedObject, options, false);
  }

  delete(
    resource: ResourceType,
    namespace: string | undefined,
    name: string,
    options: DeleteOptions = {},
  ): ApiResult<KubeObject> {
    const current = this.find(resource, namespace, name);
    if (!current) return { ok: false, error: notFound(resource, name) };
    if (options.preconditionUid && options.preconditionUid !== current.metadata.uid) {
      return {
        ok: false,
        error: conflict(
          resource,
          name,
          `Precondition failed: UID in precondition: ${options.preconditionUid}, UID in object meta: ${current.metadata.uid}`,
        ),
      };
    }
    const object = structuredClone(current);
    const metadata = object.metadata;
    const finalizers = new Set(metadata.finalizers ?? []);
    const policy = options.propagationPolicy;
    if (policy === 'Foreground') finalizers.add('foregroundDeletion');
    if (policy === 'Orphan') finalizers.add('orphan');
    const grace = this.gracePeriodFor(resource, object, options.gracePeriodSeconds);

    if (metadata.deletionTimestamp) {
      // A second delete may only shorten the grace period (registry/rest/delete.go:BeforeDelete).
      if (grace !== undefined && grace < (metadata.deletionGracePeriodSeconds ?? Infinity)) {
        if (grace === 0 && finalizers.size === 0) return { ok: true, value: this.remove(resource, object) };
        metadata.deletionGracePeriodSeconds = grace;
        metadata.deletionTimestamp = formatTimestamp(this.clock() + grace * 1000);
        return { ok: true, value: this.store(resource, object, 'MODIFIED') };
      }
      return { ok: true, value: current };
    }
    if ((grace ?? 0) > 0 || finalizers.size > 0) {
      metadata.deletionTimestamp = formatTimestamp(this.clock() + (grace ?? 0) * 1000);
      metadata.deletionGracePeriodSeconds = grace ?? 0;
      if (finalizers.size > 0) metadata.finalizers = [...finalizers];
      return { ok: true, value: this.store(resource, object, 'MODIFIED') };
    }
    return { ok: true, value: this.remove(resource, object) };
  }

  /**
   * Grace period for a delete (pkg/registry/core/pod/strategy.go:CheckGracefulDelete): only Pods have one; 0 for a
   * pod that is not scheduled or already terminal.
   */
  private gracePeriodFor(
    resource: ResourceType,
    object: KubeObject,
    requested: number | undefined,
  ): number | undefined {
    if (resource.kind !== 'Pod' || resource.group !== '') return undefined;
    const spec = object.spec as { nodeName?: string; terminationGracePeriodSeconds?: number } | undefined;
    const phase = (object.status as { phase?: string } | undefined)?.phase;
    if (!spec?.nodeName || phase === 'Succeeded' || phase === 'Failed') return 0;
    return requested ?? spec.terminationGracePeriodSeconds ?? 30;
  }

  private replace(
    resource: ResourceType,
    incoming: KubeObject,
    options: { dryRun?: boolean },
    statusOnly: boolean,
  ): ApiResult<KubeObject> {
    const name = incoming.metadata?.name ?? '';
    const current = this.find(
      resource,
      incoming.metadata?.namespace ?? (resource.namespaced ? 'default' : undefined),
      name,
    );
    if (!current) return { ok: false, error: notFound(resource, name) };
    const requested = incoming.metadata.resourceVersion;
    if (requested && requested !== current.metadata.resourceVersion) {
      return {
        ok: false,
        error: conflict(
          resource,
          name,
          'the object has been modified; please apply your changes to the latest version and try again',
        ),
      };
    }
    let next: KubeObject;
    if (statusOnly) {
      next = { ...structuredClone(current), status: incoming.status };
    } else {
      next = applyDefaults({ ...incoming, metadata: { ...incoming.metadata } });
      // System fields are the server's; the spec endpoint ignores status for kinds that have a status subresource.
      const metadata = next.metadata;
      metadata.uid = current.metadata.uid;
      metadata.creationTimestamp = current.metadata.creationTimestamp;
      metadata.deletionTimestamp = current.metadata.deletionTimestamp;
      metadata.deletionGracePeriodSeconds = current.metadata.deletionGracePeriodSeconds;
      if (!metadata.deletionTimestamp) delete metadata.deletionTimestamp;
      if (metadata.deletionGracePeriodSeconds === undefined) delete metadata.deletionGracePeriodSeconds;
      if ('status' in current) next.status = current.status;
      const causes = validateUpdate(next, current);
      if (causes.length > 0) return { ok: false, error: invalidError(next, causes) };
      if (hasSpec(next)) {
        const generation = current.metadata.generation ?? 1;
        metadata.generation = deepEqual(next.spec, current.spec) ? generation : generation + 1;
      }
    }
    if (options.dryRun) return { ok: true, value: next };
    if (deepEqual(stripVersion(next), stripVersion(current))) return { ok: true, value: current };
    // Clearing the last finalizer of an object being deleted completes the deletion.
    if (
      next.metadata.deletionTimestamp &&
      (next.metadata.finalizers ?? []).length === 0 &&
      !this.awaitsKubelet(resource, next)
    ) {
      return { ok: true, value: this.remove(resource, next) };
    }
    return { ok: true, value: this.store(resource, next, 'MODIFIED') };
  }

  /** A terminating pod on a node stays until its kubelet confirms the containers stopped (a delete with grace 0). */
  private awaitsKubelet(resource: ResourceType, object: KubeObject): boolean {
    return resource.kind === 'Pod' && resource.group === '' && (object.metadata.deletionGracePeriodSeconds ?? 0) > 0;
  }

  private typeOf(input: unknown): ApiResult<ResourceType> {
    const raw = input as { apiVersion?: unknown; kind?: unknown } | null;
    if (typeof raw !== 'object' || raw === null) return { ok: false, error: badRequest('Object is not a map') };
    if (typeof raw.kind !== 'string' || raw.kind === '')
      return { ok: false, error: badRequest("Object 'Kind' is missing") };
    if (typeof raw.apiVersion !== 'string' || raw.apiVersion === '')
      return { ok: false, error: badRequest("Object 'apiVersion' is missing") };
    const resource = findResourceFor(raw.apiVersion, raw.kind);
    if (!resource) {
      return {
        ok: false,
        error: {
          code: 404,
          reason: 'NotFound',
          message: `no matches for kind "${raw.kind}" in version "${raw.apiVersion}"`,
        },
      };
    }
    return { ok: true, value: resource };
  }

  private checkNamespace(resource: ResourceType, object: KubeObject): ApiError | undefined {
    if (!resource.namespaced) return undefined;
    const namespace = this.find(NAMESPACES, undefined, object.metadata.namespace!);
    if (!namespace) return namespaceNotFound(object.metadata.namespace!);
    if (namespace.metadata.deletionTimestamp) return namespaceTerminating(object.metadata.namespace!);
    return undefined;
  }

  /** `generateName` + 5 random characters, the base cut to 58 (apiserver/pkg/storage/names). Retries on collision. */
  private generateName(resource: ResourceType, namespace: string | undefined, base: string): string {
    const prefix = base.length > MAX_GENERATED_NAME_BASE ? base.slice(0, MAX_GENERATED_NAME_BASE) : base;
    for (;;) {
      const name = prefix + nextString(this.random, NAME_SUFFIX_ALPHABET, 5);
      if (!this.find(resource, namespace, name)) return name;
    }
  }

  private bucket(resource: ResourceType): Record<string, KubeObject> {
    const key = resourceKey(resource);
    return (this.state.objects[key] ??= {});
  }

  private store(resource: ResourceType, object: KubeObject, type: 'ADDED' | 'MODIFIED'): KubeObject {
    const stored = structuredClone(object);
    stored.metadata.resourceVersion = String(++this.state.resourceVersion);
    this.bucket(resource)[objectKey(stored.metadata.namespace, stored.metadata.name!)] = stored;
    this.emit({ type, object: stored }, resource);
    return stored;
  }

  private remove(resource: ResourceType, object: KubeObject): KubeObject {
    const removed = structuredClone(object);
    removed.metadata.resourceVersion = String(++this.state.resourceVersion);
    delete this.bucket(resource)[objectKey(removed.metadata.namespace, removed.metadata.name!)];
    this.emit({ type: 'DELETED', object: removed }, resource);
    return removed;
  }

  private emit(event: WatchEvent, resource: ResourceType): void {
    for (const listener of this.listeners) listener(event, resource);
  }
}

function stripVersion(object: KubeObject): unknown {
  return { ...object, metadata: { ...object.metadata, resourceVersion: undefined } };
}

const NAMESPACES = resolveResourceName('namespaces')!;
const PODS = resolveResourceName('pods')!;

/**
 * Per-kind PrepareForCreate: the server owns status. A new Pod starts Pending (pkg/registry/core/pod/strategy.go);
 * a new Namespace Active; other kinds start with an empty status, except nodes, which register their own.
 */
function prepareForCreate(object: KubeObject): KubeObject {
  if (object.apiVersion === 'v1' && object.kind === 'Pod') {
    return { ...object, status: { phase: 'Pending', qosClass: qosClassOf(object as unknown as Pod) } };
  }
  if (object.apiVersion === 'v1' && object.kind === 'Namespace') return { ...object, status: { phase: 'Active' } };
  if ('status' in object && object.kind !== 'Node' && object.kind !== 'Event') return { ...object, status: {} };
  return object;
}
