/**
 * The simulated kube-apiserver: a typed object store with resourceVersions and watches, and the request pipeline
 * decode → admission → registry strategy (PrepareForCreate/Update, generation) → validation → storage that every
 * client goes through. Deletion follows the generic registry store (graceful deletion, finalizers, garbage
 * collection finalizers); Events live for an hour after their last write, like the `--event-ttl` etcd lease.
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
import { semanticEqual } from './semanticEqual';
import { allocateServiceCreate, allocateServiceUpdate, keepAllocatedValues } from './serviceAllocation';
import { matchesLabels, parseLabelSelector, type LabelSelector } from './selectors/labelSelector';
import {
  convertFieldSelector,
  fieldsOf,
  matchesFields,
  parseFieldSelector,
  type FieldSelector,
} from './selectors/fieldSelector';
import {
  OPTIMISTIC_LOCK_ERROR,
  alreadyExists,
  badRequest,
  conflict,
  forbidden,
  namespaceNotFound,
  namespaceTerminating,
  notFound,
  resourceExpired,
} from './errors';
import { nextUuid, type RandomState } from '../runtime/random';
import { evictPod } from './podEviction';
import { applyLimitRangeDefaults, limitRangeViolations } from './quota/limitRanger';
import { chargeQuotas } from './quota/resourceQuotaAdmission';
import { cloneJson } from '../runtime/cloneJson';
import { formatTimestamp, parseTimestamp } from '../runtime/time';
import { generateName } from './names';
import { qosClassOf } from '../resources/qos';
import type { Pod } from './kinds';
import { buildLabelIndex, labelCandidates, reindexLabels, type LabelIndex } from './labelIndex';
import { buildOwnerIndex, controllerUidOf, reindexOwners, reindexUid, type OwnerIndex } from './ownerIndex';

/** A stored change, kept for watches that resume from a resourceVersion. */
interface HistoryEntry {
  type: WatchEvent['type'];
  object: KubeObject;
  /** The object before a MODIFIED change, for selector-filtered watches. */
  previous?: KubeObject;
}

export interface ApiServerState {
  resourceVersion: number;
  /** resourceKey → `namespace/name` (cluster-scoped: `/name`) → object. */
  objects: Record<string, Record<string, KubeObject>>;
  /** resourceKey → the latest changes, oldest first (the watch cache window). */
  history: Record<string, HistoryEntry[]>;
  /** resourceKey → resourceVersion of the newest change dropped from the window (0: none dropped). */
  historyFloor: Record<string, number>;
  /** `namespace/name` of each Event → virtual ms when its lease expires. */
  eventExpiry: Record<string, number>;
}

/** A synchronous watcher; `previous` is the object before a MODIFIED change (what informers pass as oldObj). */
export type WatchListener = (event: WatchEvent, resource: ResourceType, previous?: KubeObject) => void;

const NAMESPACES = resolveResourceName('namespaces')!;
const PODS = resolveResourceName('pods')!;
const LIMIT_RANGES = resolveResourceName('limitranges')!;
const LEASES = resolveResourceName('leases.coordination.k8s.io')!;
const SERVICES = resolveResourceName('services')!;
const EVENTS = resolveResourceName('events')!;
const JOBS = resolveResourceName('jobs.batch')!;
const REPLICATION_CONTROLLERS = resolveResourceName('replicationcontrollers')!;

/** Changes kept per resource for resumed watches. */
const WATCH_WINDOW = 50;
/** kube-apiserver's default --event-ttl. */
const EVENT_TTL_MS = 60 * 60_000;
/** NamespaceLifecycle's immortal namespaces. */
const IMMORTAL_NAMESPACES = ['default', 'kube-system', 'kube-public'];
const FINALIZER_ORPHAN = 'orphan';
const FINALIZER_FOREGROUND = 'foregroundDeletion';
const DAEMONSET_TEMPLATE_GENERATION = 'deprecated.daemonset.template.generation';
const JOB_DELETE_WARNING =
  'child pods are preserved by default when jobs are deleted; set propagationPolicy=Background to remove them ' +
  'or set propagationPolicy=Orphan to suppress this warning';

/**
 * Resources whose registry strategy tracks metadata.generation (set to 1 on create, bumped by spec changes);
 * Deployments also bump on annotation changes, since annotations are copied to their ReplicaSets.
 */
const GENERATION_TRACKING: Record<string, 'spec' | 'spec+annotations'> = {
  pods: 'spec',
  replicationcontrollers: 'spec',
  'deployments.apps': 'spec+annotations',
  'replicasets.apps': 'spec',
  'statefulsets.apps': 'spec',
  'daemonsets.apps': 'spec',
  'jobs.batch': 'spec',
  'cronjobs.batch': 'spec',
  'poddisruptionbudgets.policy': 'spec',
  'endpointslices.discovery.k8s.io': 'spec',
};

/** Status endpoints that also take metadata from the request (the others keep the stored metadata). */
const STATUS_METADATA: Record<string, ('labels' | 'annotations')[]> = {
  pods: ['labels', 'annotations'],
  'deployments.apps': ['annotations'],
  'replicasets.apps': ['annotations'],
  'statefulsets.apps': ['annotations'],
  'daemonsets.apps': ['annotations'],
};

function objectKey(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`;
}

function withoutVersion(object: KubeObject): unknown {
  return { ...object, metadata: { ...object.metadata, resourceVersion: undefined } };
}

interface Selection {
  labels?: LabelSelector;
  fields?: FieldSelector;
}

/**
 * Lookup structures over one resource's bucket, derived from the state (built on first use, so a restored server
 * rebuilds them) and kept in step by every write.
 */
interface BucketIndex {
  /** The bucket in the state. */
  bucket: Record<string, KubeObject>;
  /** namespace (empty when cluster-scoped) → name → object. */
  byNamespace: Map<string, Map<string, KubeObject>>;
  /** The bucket's keys sorted, until an object is added or removed. */
  sortedKeys?: string[];
  /** Objects in key order, whole and by namespace, until the next write. */
  listed?: KubeObject[];
  listedIn: Map<string, KubeObject[]>;
  /** The objects by owner, once someone asked. */
  owners?: OwnerIndex;
  /** uid → bucket key, once someone asked. */
  byUid?: Map<string, string>;
  /** The objects by label, once someone asked. */
  labels?: LabelIndex;
}

/** Splits a bucket key `namespace/name` (namespaces never contain a slash). */
function splitObjectKey(key: string): [string, string] {
  const slash = key.indexOf('/');
  return [key.slice(0, slash), key.slice(slash + 1)];
}

export class ApiServer implements ApiClient {
  private readonly listeners: WatchListener[] = [];
  /** resourceKey → the bucket's index. */
  private readonly indexes = new Map<string, BucketIndex>();
  /** Earliest time an Event lease may expire (derived from state, so a restored server just scans once). */
  private nextExpiryScan = -Infinity;
  /** An expiry scan is removing events (its watchers may read the store meanwhile). */
  private expiringEvents = false;
  private leases?: LeaseIndex;
  /** resourceKey → resourceVersion of the latest change this server stored (derived: see resourceRevision). */
  private readonly lastChanges = new Map<string, number>();
  private readonly startRevision: number;

  constructor(
    readonly state: ApiServerState,
    private readonly clock: () => number,
    private readonly random: RandomState,
  ) {
    this.startRevision = state.resourceVersion;
  }

  static initialState(): ApiServerState {
    return { resourceVersion: 1, objects: {}, history: {}, historyFloor: {}, eventExpiry: {} };
  }

  /** Registers a synchronous listener for every stored change (the informers' source). */
  watch(listener: WatchListener): void {
    this.listeners.push(listener);
  }

  /** Removes a listener registered with `watch` (a terminal's `kubectl get -w` that ended). */
  unwatch(listener: WatchListener): void {
    const at = this.listeners.indexOf(listener);
    if (at >= 0) this.listeners.splice(at, 1);
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

  /**
   * A number that changes with every stored change (the latest resourceVersion), read after due Events expired as
   * any read does: components compare it to tell that nothing they looked up can have changed.
   */
  revision(): number {
    this.expireEvents();
    return this.state.resourceVersion;
  }

  /**
   * Like `revision()`, for the objects of one resource only: it changes with every stored change to them (the
   * resourceVersion of the latest such change this server made, or where it started when it made none).
   */
  resourceRevision(resource: ResourceType): number {
    this.expireEvents();
    return this.lastChanges.get(resourceKey(resource)) ?? this.startRevision;
  }

  /** The current resourceVersion, as a list returns it in its metadata (the point a watch resumes from). */
  resourceVersion(): string {
    this.expireEvents();
    return String(this.state.resourceVersion);
  }

  get(resource: ResourceType, namespace: string | undefined, name: string): ApiResult<KubeObject> {
    const object = this.find(resource, namespace, name);
    return object ? { ok: true, value: object } : { ok: false, error: notFound(resource, name) };
  }

  /** Direct read for in-engine components (no error wrapping). */
  find(resource: ResourceType, namespace: string | undefined, name: string): KubeObject | undefined {
    this.expireEvents();
    return this.lookup(resource, namespace, name);
  }

  list(resource: ResourceType, namespace: string | undefined, options: ListOptions = {}): ApiResult<KubeObject[]> {
    const selection = this.parseSelection(resource, options);
    if (!selection.ok) return selection;
    return { ok: true, value: this.all(resource, namespace).filter((o) => this.selects(resource, selection.value, o)) };
  }

  /** All stored objects of a resource (optionally in one namespace), sorted by namespace then name as etcd lists them. */
  all(resource: ResourceType, namespace?: string): KubeObject[] {
    this.expireEvents();
    const index = this.index(resource);
    const bucket = index.bucket;
    const keys = (index.sortedKeys ??= Object.keys(bucket).sort());
    if (!resource.namespaced || namespace === undefined)
      return (index.listed ??= keys.map((key) => bucket[key]!)).slice();
    let listed = index.listedIn.get(namespace);
    if (!listed) {
      const prefix = `${namespace}/`;
      listed = keys.filter((key) => key.startsWith(prefix)).map((key) => bucket[key]!);
      index.listedIn.set(namespace, listed);
    }
    return listed.slice();
  }

  /**
   * `all(resource, namespace)` filtered by a label selector, looking only at the objects that carry a label value
   * the selector requires.
   */
  selectedBy(resource: ResourceType, namespace: string | undefined, selector: LabelSelector): KubeObject[] {
    this.expireEvents();
    const index = this.index(resource);
    const candidates = labelCandidates((index.labels ??= buildLabelIndex(index.bucket)), selector);
    const objects = candidates ? this.objectsAt(resource, namespace, candidates) : this.all(resource, namespace);
    return objects.filter((object) => matchesLabels(selector, object.metadata.labels));
  }

  /** The object of a resource with that uid: `all(resource).find(…)` without the walk. */
  findByUid(resource: ResourceType, uid: string): KubeObject | undefined {
    this.expireEvents();
    const index = this.index(resource);
    if (!index.byUid) {
      index.byUid = new Map();
      for (const [key, object] of Object.entries(index.bucket)) reindexUid(index.byUid, key, undefined, object);
    }
    const key = index.byUid.get(uid);
    return key === undefined ? undefined : index.bucket[key];
  }

  /**
   * The objects of a resource whose ownerReferences name `uid`, in one namespace (or all of them) and in list
   * order: `all(resource, namespace)` filtered by owner, without the walk over every object.
   */
  ownedBy(resource: ResourceType, namespace: string | undefined, uid: string): KubeObject[] {
    this.expireEvents();
    return this.objectsAt(resource, namespace, this.ownerIndex(resource).byOwner.get(uid));
  }

  /**
   * The objects of a resource in a namespace whose controller reference names `uid`, or, for `undefined`, that
   * have no controller reference, in list order.
   */
  controlledBy(resource: ResourceType, namespace: string | undefined, uid: string | undefined): KubeObject[] {
    this.expireEvents();
    const owners = this.ownerIndex(resource);
    if (uid !== undefined)
      return this.objectsAt(resource, namespace, owners.byOwner.get(uid)).filter((o) => controllerUidOf(o) === uid);
    if (resource.namespaced && namespace !== undefined)
      return this.objectsAt(resource, namespace, owners.uncontrolled.get(namespace));
    return this.objectsAt(resource, undefined, [...owners.uncontrolled.values()].flat().sort());
  }

  /**
   * A watch from `resourceVersion`: the changes after it, in order, filtered like a selector-filtered watch
   * (an object entering the selection is ADDED, one leaving it DELETED). `""` or `"0"` starts with an ADDED for
   * every current object. A version older than the kept window is `410 too old resource version`.
   */
  watchSince(
    resource: ResourceType,
    namespace: string | undefined,
    resourceVersion: string,
    options: ListOptions = {},
  ): ApiResult<WatchEvent[]> {
    const selection = this.parseSelection(resource, options);
    if (!selection.ok) return selection;
    if (resourceVersion === '' || resourceVersion === '0') {
      const listed = this.list(resource, namespace, options);
      return listed.ok ? { ok: true, value: listed.value.map((object) => ({ type: 'ADDED', object })) } : listed;
    }
    const from = Number(resourceVersion);
    if (!Number.isInteger(from) || from < 0)
      return { ok: false, error: badRequest(`invalid resource version: ${resourceVersion}`) };
    this.expireEvents();
    const key = resourceKey(resource);
    const entries = this.state.history[key] ?? [];
    const oldest = Number(entries[0]?.object.metadata.resourceVersion ?? this.state.resourceVersion + 1);
    if ((this.state.historyFloor[key] ?? 0) > 0 && from < oldest - 1)
      return { ok: false, error: resourceExpired(from, oldest - 1) };
    const events: WatchEvent[] = [];
    for (const entry of entries) {
      if (Number(entry.object.metadata.resourceVersion) <= from) continue;
      if (resource.namespaced && namespace !== undefined && entry.object.metadata.namespace !== namespace) continue;
      const event = this.filterChange(resource, selection.value, entry);
      if (event) events.push(event);
    }
    return { ok: true, value: events };
  }

  create(input: unknown, options: { dryRun?: boolean } = {}): ApiResult<KubeObject> {
    this.expireEvents();
    const typed = this.typeOf(input);
    if (!typed.ok) return typed;
    const resource = typed.value;
    const decoded = decodeObject(input, { apiVersion: apiVersionOf(resource), kind: resource.kind });
    if (!decoded.ok) return decoded;
    let object = applyDefaults(decoded.value);
    object.metadata ??= {};
    if (resource.namespaced) object.metadata.namespace ||= 'default';
    else delete object.metadata.namespace;

    // Mutating admission: NamespaceLifecycle first, then the ServiceAccount plugin.
    const namespaceCheck = this.checkNamespace(resource, object);
    if (namespaceCheck) return { ok: false, error: namespaceCheck };
    const admitted = admitCreate(object, {
      random: this.random,
      find: (r, ns, n) => this.lookup(r, ns, n),
      list: (r) => this.all(r),
    });
    if (!admitted.ok) return admitted;
    object = admitted.value;
    const limitRanges = resource === PODS ? this.all(LIMIT_RANGES, object.metadata.namespace) : [];
    if (limitRanges.length > 0) applyLimitRangeDefaults(object as unknown as Pod, limitRanges);

    // rest.BeforeCreate: system fields, the generated name, the strategy's PrepareForCreate, then validation.
    const metadata = object.metadata;
    metadata.uid = nextUuid(this.random);
    metadata.creationTimestamp = formatTimestamp(this.clock());
    if (!metadata.name && metadata.generateName) metadata.name = this.generateUniqueName(resource, object);
    delete metadata.deletionTimestamp;
    delete metadata.deletionGracePeriodSeconds;
    delete metadata.generation;
    // Defaults that need the uid (a Job's generated selector) run with the strategy.
    object = prepareForCreate(resource, applyDefaults(object));
    const causes = validateCreate(object);
    if (causes.length > 0) return { ok: false, error: invalidError(object, causes) };

    const name = object.metadata.name!;
    // Validating admission: LimitRanger's constraints, then ResourceQuota.
    const violations = limitRanges.length > 0 ? limitRangeViolations(object as unknown as Pod, limitRanges) : [];
    if (violations.length > 0)
      return {
        ok: false,
        error: forbidden(resource, name, violations.length === 1 ? violations[0]! : `[${violations.join(', ')}]`),
      };
    const existing = this.lookup(resource, object.metadata.namespace, name);
    if (existing) return { ok: false, error: alreadyExists(resource, name, !!existing.metadata.deletionTimestamp) };
    const overQuota = chargeQuotas(this, resource, object, this.clock(), options.dryRun === true);
    if (overQuota) return { ok: false, error: overQuota };
    if (resource === SERVICES) {
      const failure = allocateServiceCreate(object, this.serviceAllocation());
      if (failure) return { ok: false, error: failure };
    }
    if (options.dryRun) return { ok: true, value: object };
    return { ok: true, value: this.store(resource, object, 'ADDED') };
  }

  update(input: unknown, options: { dryRun?: boolean } = {}): ApiResult<KubeObject> {
    this.expireEvents();
    const typed = this.typeOf(input);
    if (!typed.ok) return typed;
    const resource = typed.value;
    const decoded = decodeObject(input, { apiVersion: apiVersionOf(resource), kind: resource.kind });
    if (!decoded.ok) return decoded;
    return this.replace(resource, decoded.value, options);
  }

  /**
   * The pods/binding subresource the scheduler uses (pkg/registry/core/pod/storage: setPodNodeAndMetadata): sets
   * spec.nodeName, which ordinary updates may not change, and the PodScheduled condition.
   */
  bind(namespace: string, name: string, nodeName: string): ApiResult<KubeObject> {
    this.expireEvents();
    const current = this.lookup(PODS, namespace, name);
    if (!current) return { ok: false, error: notFound(PODS, name) };
    const pod = cloneJson(current) as unknown as Pod;
    if (pod.metadata.deletionTimestamp) {
      return {
        ok: false,
        error: conflict('pods/binding', name, `pod ${name} is being deleted, cannot be assigned to a host`),
      };
    }
    if (pod.spec.nodeName) {
      return {
        ok: false,
        error: conflict('pods/binding', name, `pod ${name} is already assigned to node "${pod.spec.nodeName}"`),
      };
    }
    if ((pod.spec.schedulingGates ?? []).length > 0) {
      return { ok: false, error: conflict('pods/binding', name, `pod ${name} has non-empty .spec.schedulingGates`) };
    }
    pod.spec.nodeName = nodeName;
    const status = (pod.status ??= {});
    delete status.nominatedNodeName;
    setPodCondition(pod, { type: 'PodScheduled', status: 'True' }, formatTimestamp(this.clock()));
    return { ok: true, value: this.store(PODS, pod as unknown as KubeObject, 'MODIFIED', true) };
  }

  /**
   * A node Lease renewal: only `spec.renewTime` changes. The most frequent write of a cluster (every node every
   * 10 s) has a fixed shape, so it is stored without the decode, defaulting and validation an update goes through.
   */
  renewLease(namespace: string, name: string, renewTime: string): ApiResult<KubeObject> {
    this.expireEvents();
    const current = this.lookup(LEASES, namespace, name);
    if (!current) return { ok: false, error: notFound(LEASES, name) };
    const next = cloneJson(current);
    next.spec = { ...(next.spec as object), renewTime };
    return { ok: true, value: this.store(LEASES, next, 'MODIFIED', true) };
  }

  /** The pods/eviction subresource: a delete that respects the pod's PodDisruptionBudget (see podEviction.ts). */
  evict(namespace: string, name: string, options: DeleteOptions = {}): ApiResult<KubeObject> {
    this.expireEvents();
    return evictPod(this, namespace, name, options);
  }

  /**
   * The namespaces/finalize subresource: replaces spec.finalizers (the namespace controller empties it once the
   * namespace's content is gone, which completes the deletion).
   */
  finalizeNamespace(name: string, finalizers: string[]): ApiResult<KubeObject> {
    this.expireEvents();
    const current = this.lookup(NAMESPACES, undefined, name);
    if (!current) return { ok: false, error: notFound(NAMESPACES, name) };
    const next = cloneJson(current);
    next.spec = { ...(next.spec as object), finalizers: [...finalizers] };
    if (semanticEqual(next, current)) return { ok: true, value: current };
    if (finalizers.length === 0 && shouldDeleteDuringUpdate(next, current))
      return { ok: true, value: this.remove(NAMESPACES, next) };
    return { ok: true, value: this.store(NAMESPACES, next, 'MODIFIED', true) };
  }

  /** Updates the status subresource: the stored object with the request's status (and, for some kinds, metadata). */
  updateStatus(object: KubeObject): ApiResult<KubeObject> {
    this.expireEvents();
    const typed = this.typeOf(object);
    if (!typed.ok) return typed;
    const resource = typed.value;
    const name = object.metadata?.name ?? '';
    const current = this.lookup(
      resource,
      object.metadata?.namespace ?? (resource.namespaced ? 'default' : undefined),
      name,
    );
    if (!current) return { ok: false, error: notFound(resource, name) };
    const requested = object.metadata?.resourceVersion;
    if (requested && requested !== current.metadata.resourceVersion)
      return { ok: false, error: conflict(resource, name, OPTIMISTIC_LOCK_ERROR) };
    const metadataFields = STATUS_METADATA[resourceKey(resource)] ?? [];
    // Only the status and those metadata fields can differ: compare them before copying anything (the kubelet
    // writes every pod's status often, mostly unchanged).
    if (
      semanticEqual(object.status, current.status) &&
      metadataFields.every((field) => semanticEqual(object.metadata[field], current.metadata[field]))
    )
      return { ok: true, value: current };
    const next = copyWithStatus(current, object.status);
    for (const field of metadataFields) {
      const value = object.metadata[field];
      if (value === undefined) delete next.metadata[field];
      else next.metadata[field] = cloneJson(value);
    }
    return { ok: true, value: this.store(resource, next, 'MODIFIED', true) };
  }

  patch(
    resource: ResourceType,
    namespace: string | undefined,
    name: string,
    type: PatchType,
    patch: unknown,
    options: { dryRun?: boolean; subresource?: 'status' } = {},
  ): ApiResult<KubeObject> {
    this.expireEvents();
    const current = this.lookup(resource, namespace, name);
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
    // A patch only carries a resourceVersion (a precondition) when the client put one in it.
    const patchedObject = decoded.value;
    const requested = (patch as { metadata?: { resourceVersion?: string } } | undefined)?.metadata?.resourceVersion;
    if (!requested) patchedObject.metadata.resourceVersion = current.metadata.resourceVersion;
    // The status subresource takes only the patched status (`kubectl patch --subresource=status`).
    if (options.subresource === 'status')
      return options.dryRun ? { ok: true, value: patchedObject } : this.updateStatus(patchedObject);
    return this.replace(resource, patchedObject, options);
  }

  /**
   * Deletes as the generic registry store does (registry/store.go:Delete with rest.BeforeDelete): Pods are
   * deleted gracefully (deletionTimestamp = now + grace; a later delete may only shorten it), objects with
   * finalizers are marked for deletion and stay until the last finalizer is removed, the rest go at once.
   */
  delete(
    resource: ResourceType,
    namespace: string | undefined,
    name: string,
    options: DeleteOptions = {},
  ): ApiResult<KubeObject> {
    this.expireEvents();
    const current = this.lookup(resource, namespace, name);
    if (!current) return { ok: false, error: notFound(resource, name) };
    if (resource === NAMESPACES && IMMORTAL_NAMESPACES.includes(name))
      return { ok: false, error: forbidden(NAMESPACES, name, 'this namespace may not be deleted') };
    if (options.preconditionUid !== undefined && options.preconditionUid !== current.metadata.uid) {
      return {
        ok: false,
        error: conflict(
          current.kind,
          name,
          `the UID in the precondition (${options.preconditionUid}) does not match the UID in record (${current.metadata.uid ?? ''}). The object might have been deleted and then recreated`,
        ),
      };
    }
    const warnings =
      resource === JOBS && options.propagationPolicy === undefined ? { warnings: [JOB_DELETE_WARNING] } : {};
    const result =
      resource === NAMESPACES ? this.deleteNamespace(current, options) : this.deleteObject(resource, current, options);
    return result.ok ? { ...result, ...warnings } : result;
  }

  private deleteObject(resource: ResourceType, current: KubeObject, options: DeleteOptions): ApiResult<KubeObject> {
    const object = cloneJson(current);
    const metadata = object.metadata;
    const requestedGrace =
      options.gracePeriodSeconds !== undefined && options.gracePeriodSeconds < 0 ? 1 : options.gracePeriodSeconds;
    // rest.BeforeDelete: only Pods support graceful deletion.
    let graceful = false;
    let grace = 0;
    if (resource === PODS) {
      const pending = metadata.deletionGracePeriodSeconds ?? 0;
      if (metadata.deletionTimestamp && pending > 0) {
        // A second delete may only shorten the grace period, counted from the first request.
        if (requestedGrace === undefined || requestedGrace >= pending) return { ok: true, value: current };
        const requestedAt = (parseTimestamp(metadata.deletionTimestamp) ?? this.clock()) - pending * 1000;
        metadata.deletionTimestamp = formatTimestamp(requestedAt + requestedGrace * 1000);
        metadata.deletionGracePeriodSeconds = requestedGrace;
        graceful = true;
        grace = requestedGrace;
      } else if (!metadata.deletionTimestamp) {
        grace = podGracePeriod(object as unknown as Pod, requestedGrace);
        metadata.deletionTimestamp = formatTimestamp(this.clock() + grace * 1000);
        metadata.deletionGracePeriodSeconds = grace;
        if ((metadata.generation ?? 0) > 0) metadata.generation = metadata.generation! + 1;
        graceful = true;
      }
    }
    metadata.finalizers = deletionFinalizers(resource, metadata.finalizers ?? [], options);
    if (metadata.finalizers.length === 0) delete metadata.finalizers;
    const pendingFinalizers = (metadata.finalizers ?? []).length > 0;
    if (!graceful && pendingFinalizers) markAsDeleting(object, this.clock());
    if (!graceful && !pendingFinalizers) {
      return { ok: true, value: this.remove(resource, current) };
    }
    const updated = semanticEqual(object, current) ? current : this.store(resource, object, 'MODIFIED', true);
    // A graceless delete of a pod is written (deletionTimestamp set) and then removed.
    if (!pendingFinalizers && grace === 0) return { ok: true, value: this.remove(resource, updated) };
    return { ok: true, value: updated };
  }

  /**
   * Namespaces (pkg/registry/core/namespace/storage: Delete): the first delete marks the namespace Terminating;
   * it disappears once spec.finalizers is empty — the namespace controller deletes its content, then finalizes it.
   */
  private deleteNamespace(current: KubeObject, options: DeleteOptions): ApiResult<KubeObject> {
    const finalizers = (current.spec as { finalizers?: string[] } | undefined)?.finalizers ?? [];
    if (current.metadata.deletionTimestamp) {
      if (finalizers.length > 0) return { ok: true, value: current };
      return this.deleteObject(NAMESPACES, current, options);
    }
    const object = cloneJson(current);
    object.metadata.deletionTimestamp = formatTimestamp(this.clock());
    object.status = { ...(object.status as object), phase: 'Terminating' };
    object.metadata.finalizers = deletionFinalizers(NAMESPACES, object.metadata.finalizers ?? [], options);
    if (object.metadata.finalizers.length === 0) delete object.metadata.finalizers;
    return { ok: true, value: this.store(NAMESPACES, object, 'MODIFIED', true) };
  }

  /** The update path (registry/store.go:Update with rest.BeforeUpdate) shared by update and patch. */
  private replace(resource: ResourceType, incoming: KubeObject, options: { dryRun?: boolean }): ApiResult<KubeObject> {
    const name = incoming.metadata?.name ?? '';
    const namespace = resource.namespaced ? incoming.metadata?.namespace || 'default' : undefined;
    const current = this.lookup(resource, namespace, name);
    if (!current) return { ok: false, error: notFound(resource, name) };
    const requested = incoming.metadata.resourceVersion;
    if (requested && requested !== current.metadata.resourceVersion)
      return { ok: false, error: conflict(resource, name, OPTIMISTIC_LOCK_ERROR) };

    const next = applyDefaults({ ...incoming, metadata: { ...incoming.metadata } });
    const metadata = next.metadata;
    if (resource.namespaced) metadata.namespace = namespace;
    // System fields are the server's: an update never changes them.
    metadata.uid ||= current.metadata.uid;
    metadata.creationTimestamp = current.metadata.creationTimestamp;
    metadata.deletionTimestamp = current.metadata.deletionTimestamp;
    metadata.deletionGracePeriodSeconds = current.metadata.deletionGracePeriodSeconds;
    if (!metadata.deletionTimestamp) delete metadata.deletionTimestamp;
    if (metadata.deletionGracePeriodSeconds === undefined) delete metadata.deletionGracePeriodSeconds;
    metadata.resourceVersion = current.metadata.resourceVersion;
    prepareForUpdate(resource, next, current);
    if (resource === SERVICES) keepAllocatedValues(next, current);

    const causes = validateUpdate(next, current);
    if (causes.length > 0) return { ok: false, error: invalidError(next, causes) };
    if (resource === SERVICES) {
      const failure = allocateServiceUpdate(next, current, this.serviceAllocation());
      if (failure) return { ok: false, error: failure };
    }
    if (options.dryRun) return { ok: true, value: next };
    if (semanticEqual(withoutVersion(next), withoutVersion(current))) return { ok: true, value: current };
    if (shouldDeleteDuringUpdate(next, current)) return { ok: true, value: this.remove(resource, next) };
    return { ok: true, value: this.store(resource, next, 'MODIFIED') };
  }

  private serviceAllocation() {
    return { random: this.random, services: () => this.all(SERVICES) };
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

  /** NamespaceLifecycle admission on create: the namespace must exist and not be terminating. */
  private checkNamespace(resource: ResourceType, object: KubeObject): ApiError | undefined {
    if (!resource.namespaced) return undefined;
    const name = object.metadata.namespace!;
    const namespace = this.lookup(NAMESPACES, undefined, name);
    if (!namespace) return namespaceNotFound(name);
    if ((namespace.status as { phase?: string } | undefined)?.phase === 'Terminating')
      return namespaceTerminating(resource, object.metadata.name ?? '', name);
    return undefined;
  }

  /** generateName plus 5 random characters; like RetryGenerateName, a taken name is drawn again. */
  private generateUniqueName(resource: ResourceType, object: KubeObject): string {
    for (;;) {
      const name = generateName(this.random, object.metadata.generateName!);
      if (!this.lookup(resource, object.metadata.namespace, name)) return name;
    }
  }

  private parseSelection(resource: ResourceType, options: ListOptions): ApiResult<Selection> {
    const selection: Selection = {};
    if (options.labelSelector) {
      const parsed = parseLabelSelector(options.labelSelector);
      if (!parsed.ok) return { ok: false, error: badRequest(parsed.error) };
      selection.labels = parsed.selector;
    }
    if (options.fieldSelector) {
      const parsed = parseFieldSelector(options.fieldSelector);
      if (!parsed.ok) return { ok: false, error: badRequest(parsed.error) };
      const converted = convertFieldSelector(parsed.selector, resource);
      if (!converted.ok) return { ok: false, error: badRequest(converted.error) };
      selection.fields = converted.selector;
    }
    return { ok: true, value: selection };
  }

  private selects(resource: ResourceType, selection: Selection, object: KubeObject): boolean {
    if (selection.labels && !matchesLabels(selection.labels, object.metadata.labels)) return false;
    return !selection.fields || matchesFields(selection.fields, fieldsOf(resource, object).fields);
  }

  /** cacheWatcher.convertToWatchEvent: what a selector-filtered watcher sees of one change. */
  private filterChange(resource: ResourceType, selection: Selection, entry: HistoryEntry): WatchEvent | undefined {
    const now = entry.type !== 'DELETED' && this.selects(resource, selection, entry.object);
    const before =
      entry.type === 'DELETED'
        ? this.selects(resource, selection, entry.object)
        : entry.previous !== undefined && this.selects(resource, selection, entry.previous);
    if (now && !before) return { type: 'ADDED', object: entry.object };
    if (now && before) return { type: 'MODIFIED', object: entry.object };
    if (!now && before) {
      const gone = entry.type === 'DELETED' ? entry.object : cloneJson(entry.previous!);
      gone.metadata.resourceVersion = entry.object.metadata.resourceVersion;
      return { type: 'DELETED', object: gone };
    }
    return undefined;
  }

  private lookup(resource: ResourceType, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.index(resource)
      .byNamespace.get(resource.namespaced ? (namespace ?? '') : '')
      ?.get(name);
  }

  private ownerIndex(resource: ResourceType): OwnerIndex {
    const index = this.index(resource);
    return (index.owners ??= buildOwnerIndex(index.bucket));
  }

  /** The objects at sorted bucket keys, keeping those of `namespace` when the resource is namespaced. */
  private objectsAt(resource: ResourceType, namespace: string | undefined, keys: readonly string[] = []): KubeObject[] {
    const bucket = this.bucket(resource);
    const prefix = resource.namespaced && namespace !== undefined ? `${namespace}/` : undefined;
    const objects: KubeObject[] = [];
    for (const key of keys) if (prefix === undefined || key.startsWith(prefix)) objects.push(bucket[key]!);
    return objects;
  }

  private bucket(resource: ResourceType): Record<string, KubeObject> {
    return this.index(resource).bucket;
  }

  /** The index of a resource's bucket; like a read of the bucket, it creates the (empty) bucket in the state. */
  private index(resource: ResourceType): BucketIndex {
    const key = resourceKey(resource);
    const index = this.indexes.get(key);
    if (index) return index;
    const bucket = (this.state.objects[key] ??= {});
    const byNamespace = new Map<string, Map<string, KubeObject>>();
    for (const [objectKey, object] of Object.entries(bucket)) {
      const [namespace, name] = splitObjectKey(objectKey);
      let names = byNamespace.get(namespace);
      if (!names) byNamespace.set(namespace, (names = new Map()));
      names.set(name, object);
    }
    const built: BucketIndex = { bucket, byNamespace, listedIn: new Map() };
    this.indexes.set(key, built);
    return built;
  }

  /** Puts an object in its bucket and index; returns the object it replaced. */
  private put(resource: ResourceType, key: string, object: KubeObject): KubeObject | undefined {
    const index = this.index(resource);
    const previous = index.bucket[key];
    index.bucket[key] = object;
    const [namespace, name] = splitObjectKey(key);
    let names = index.byNamespace.get(namespace);
    if (!names) index.byNamespace.set(namespace, (names = new Map()));
    names.set(name, object);
    if (!previous) delete index.sortedKeys;
    delete index.listed;
    index.listedIn.clear();
    if (index.owners) reindexOwners(index.owners, key, previous, object);
    if (index.byUid) reindexUid(index.byUid, key, previous, object);
    if (index.labels) reindexLabels(index.labels, key, previous, object);
    return previous;
  }

  /** Takes an object out of its bucket and index. */
  private drop(resource: ResourceType, key: string): void {
    const index = this.index(resource);
    const previous = index.bucket[key];
    if (!previous) return;
    delete index.bucket[key];
    if (index.owners) reindexOwners(index.owners, key, previous, undefined);
    if (index.byUid) reindexUid(index.byUid, key, previous, undefined);
    if (index.labels) reindexLabels(index.labels, key, previous, undefined);
    const [namespace, name] = splitObjectKey(key);
    const names = index.byNamespace.get(namespace);
    names?.delete(name);
    if (names?.size === 0) index.byNamespace.delete(namespace);
    delete index.sortedKeys;
    delete index.listed;
    index.listedIn.clear();
  }

  /** Stores a copy of `object`, or `object` itself when `owned` (a private copy the caller built and drops). */
  private store(resource: ResourceType, object: KubeObject, type: 'ADDED' | 'MODIFIED', owned = false): KubeObject {
    const stored = owned ? object : cloneJson(object);
    stored.metadata.resourceVersion = String(++this.state.resourceVersion);
    const key = objectKey(stored.metadata.namespace, stored.metadata.name!);
    const previous = this.put(resource, key, stored);
    if (resource === EVENTS) {
      const expiry = this.clock() + EVENT_TTL_MS;
      this.setLease(key, expiry);
      this.nextExpiryScan = Math.min(this.nextExpiryScan, expiry);
    }
    this.record(
      resource,
      type === 'MODIFIED' && previous ? { type, object: stored, previous } : { type, object: stored },
    );
    return stored;
  }

  private remove(resource: ResourceType, object: KubeObject): KubeObject {
    const removed = cloneJson(object);
    removed.metadata.resourceVersion = String(++this.state.resourceVersion);
    const key = objectKey(removed.metadata.namespace, removed.metadata.name!);
    this.drop(resource, key);
    if (resource === EVENTS) this.dropLease(key);
    this.record(resource, { type: 'DELETED', object: removed });
    return removed;
  }

  private record(resource: ResourceType, entry: HistoryEntry): void {
    const key = resourceKey(resource);
    this.lastChanges.set(key, this.state.resourceVersion);
    const history = (this.state.history[key] ??= []);
    history.push(entry);
    if (history.length > WATCH_WINDOW) {
      const dropped = history.shift()!;
      this.state.historyFloor[key] = Number(dropped.object.metadata.resourceVersion);
    }
    for (const listener of this.listeners)
      listener({ type: entry.type, object: entry.object }, resource, entry.previous);
  }

  /**
   * The Event leases: an event not written for an hour is gone (etcd deletes it, watchers see DELETED). Due leases
   * go in the order of `state.eventExpiry`'s keys, as a walk over it would take them. A watcher that reads the
   * store while a scan runs does not start another: the scan under way removes the rest.
   */
  private expireEvents(): void {
    const now = this.clock();
    if (now < this.nextExpiryScan || this.expiringEvents) return;
    const leases = this.leaseIndex();
    const expiry = this.state.eventExpiry;
    const due: string[] = [];
    for (let top = leases.heap[0]; top; top = leases.heap[0]) {
      const current = expiry[top.key] === top.expiry && leases.order.get(top.key) === top.order;
      if (current && top.expiry > now) break;
      popLease(leases.heap);
      if (current) due.push(top.key);
    }
    due.sort((a, b) => leases.order.get(a)! - leases.order.get(b)!);
    this.expiringEvents = true;
    try {
      for (const key of due) {
        const event = this.bucket(EVENTS)[key];
        if (event) this.remove(EVENTS, event);
        else this.dropLease(key);
      }
    } finally {
      this.expiringEvents = false;
    }
    // Events the watchers wrote meanwhile are on the heap too.
    this.nextExpiryScan = leases.heap[0]?.expiry ?? Infinity;
  }

  /** The leases by expiry, built from the state on first use (so also after a restore). */
  private leaseIndex(): LeaseIndex {
    if (!this.leases) {
      const leases: LeaseIndex = { heap: [], order: new Map(), nextOrder: 0 };
      for (const [key, expiry] of Object.entries(this.state.eventExpiry)) {
        leases.order.set(key, leases.nextOrder);
        pushLease(leases.heap, { key, expiry, order: leases.nextOrder++ });
      }
      this.leases = leases;
    }
    return this.leases;
  }

  private setLease(key: string, expiry: number): void {
    const leases = this.leaseIndex();
    this.state.eventExpiry[key] = expiry;
    let order = leases.order.get(key);
    if (order === undefined) leases.order.set(key, (order = leases.nextOrder++));
    // Rewritten events leave outdated leases behind: drop them once they outnumber the live ones.
    if (leases.heap.length > 2 * leases.order.size + 64)
      leases.heap = leases.heap
        .filter(
          (lease) => this.state.eventExpiry[lease.key] === lease.expiry && leases.order.get(lease.key) === lease.order,
        )
        .sort((a, b) => a.expiry - b.expiry);
    pushLease(leases.heap, { key, expiry, order });
  }

  private dropLease(key: string): void {
    const leases = this.leaseIndex();
    delete this.state.eventExpiry[key];
    leases.order.delete(key);
  }
}

/** One write of an Event's lease; outdated once the event is written again or gone. */
interface Lease {
  key: string;
  expiry: number;
  /** Place of the key among `state.eventExpiry`'s keys (insertion order). */
  order: number;
}

/** Derived from `state.eventExpiry`: a min-heap of leases by expiry, and each key's place in the key order. */
interface LeaseIndex {
  heap: Lease[];
  order: Map<string, number>;
  nextOrder: number;
}

function pushLease(heap: Lease[], lease: Lease): void {
  let index = heap.length;
  heap.push(lease);
  while (index > 0) {
    const parent = (index - 1) >> 1;
    if (heap[parent]!.expiry <= lease.expiry) break;
    heap[index] = heap[parent]!;
    index = parent;
  }
  heap[index] = lease;
}

function popLease(heap: Lease[]): void {
  const last = heap.pop()!;
  if (heap.length === 0) return;
  let index = 0;
  for (;;) {
    const left = 2 * index + 1;
    if (left >= heap.length) break;
    const right = left + 1;
    const child = right < heap.length && heap[right]!.expiry < heap[left]!.expiry ? right : left;
    if (heap[child]!.expiry >= last.expiry) break;
    heap[index] = heap[child]!;
    index = child;
  }
  heap[index] = last;
}

/** A copy of `current` with a copy of `status` in place of its own (same key order as copying, then assigning). */
function copyWithStatus(current: KubeObject, status: unknown): KubeObject {
  const copy: Record<string, unknown> = {};
  const source = current as unknown as Record<string, unknown>;
  for (const key in source) copy[key] = cloneJson(key === 'status' ? status : source[key]);
  if (!('status' in source)) copy.status = cloneJson(status);
  return copy as unknown as KubeObject;
}

/** podStrategy.CheckGracefulDelete: the requested grace, else the pod's; 0 when unscheduled or already finished. */
function podGracePeriod(pod: Pod, requested: number | undefined): number {
  const phase = pod.status?.phase;
  if (!pod.spec.nodeName || phase === 'Succeeded' || phase === 'Failed') return 0;
  return requested ?? pod.spec.terminationGracePeriodSeconds ?? 0;
}

/**
 * deletionFinalizersForGarbageCollection: `orphan` / `foregroundDeletion` as the propagation policy asks; without
 * one an existing GC finalizer stays, and batch/v1 Jobs and v1 ReplicationControllers orphan by default.
 */
function deletionFinalizers(resource: ResourceType, finalizers: string[], options: DeleteOptions): string[] {
  const policy = options.propagationPolicy;
  const defaultOrphan = resource === JOBS || resource === REPLICATION_CONTROLLERS;
  const hasOrphan = finalizers.includes(FINALIZER_ORPHAN);
  const hasForeground = finalizers.includes(FINALIZER_FOREGROUND);
  const orphan = policy === 'Orphan' || (policy === undefined && (hasOrphan || (!hasForeground && defaultOrphan)));
  const foreground = policy === 'Foreground' || (policy === undefined && !hasOrphan && hasForeground);
  const next = finalizers.filter((f) => f !== FINALIZER_ORPHAN && f !== FINALIZER_FOREGROUND);
  if (orphan) next.push(FINALIZER_ORPHAN);
  if (foreground) next.push(FINALIZER_FOREGROUND);
  const same = next.length === finalizers.length && next.every((f) => finalizers.includes(f));
  return same ? finalizers : next;
}

/** markAsDeleting: an object kept by finalizers gets deletionTimestamp now (or earlier) and grace 0. */
function markAsDeleting(object: KubeObject, now: number): void {
  const metadata = object.metadata;
  if (!metadata.deletionTimestamp && (metadata.generation ?? 0) > 0) metadata.generation = metadata.generation! + 1;
  const existing = parseTimestamp(metadata.deletionTimestamp);
  if (existing === undefined || existing > now) metadata.deletionTimestamp = formatTimestamp(now);
  metadata.deletionGracePeriodSeconds = 0;
}

/**
 * ShouldDeleteDuringUpdate: removing the last finalizer of an object being deleted with no grace left deletes it
 * (for namespaces, spec.finalizers must be empty too).
 */
function shouldDeleteDuringUpdate(next: KubeObject, current: KubeObject): boolean {
  if ((next.metadata.finalizers ?? []).length > 0 || !current.metadata.deletionTimestamp) return false;
  if (next.kind === 'Namespace' && ((next.spec as { finalizers?: string[] })?.finalizers ?? []).length > 0)
    return false;
  return (current.metadata.deletionGracePeriodSeconds ?? 0) === 0;
}

interface ConditionInput {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

/** podutil.UpdatePodCondition: a changed status moves lastTransitionTime; lastProbeTime stays null. */
function setPodCondition(pod: Pod, condition: ConditionInput, now: string): void {
  const status = (pod.status ??= {});
  const conditions = (status.conditions ??= []);
  const index = conditions.findIndex((c) => c.type === condition.type);
  const old = index >= 0 ? conditions[index] : undefined;
  const next = {
    ...condition,
    lastProbeTime: null as unknown as string,
    lastTransitionTime: old && old.status === condition.status ? old.lastTransitionTime : now,
  };
  if (index >= 0) conditions[index] = next;
  else conditions.push(next);
}

/**
 * The strategies' PrepareForCreate: the server owns status (a Pod starts Pending, gated pods get a SchedulingGated
 * condition; a Namespace starts Active with the `kubernetes` finalizer; Nodes and Events keep what they were
 * given) and generation starts at 1 where it is tracked.
 */
function prepareForCreate(resource: ResourceType, object: KubeObject): KubeObject {
  const next = { ...object };
  const key = resourceKey(resource);
  if (GENERATION_TRACKING[key]) next.metadata.generation = 1;
  if (resource === PODS) {
    const pod = next as unknown as Pod;
    pod.status = { phase: 'Pending', qosClass: qosClassOf(pod) };
    if ((pod.spec.schedulingGates ?? []).length > 0) {
      pod.status.conditions = [
        {
          type: 'PodScheduled',
          status: 'False',
          reason: 'SchedulingGated',
          message: 'Scheduling is blocked due to non-empty scheduling gates',
          lastProbeTime: null as unknown as string,
          lastTransitionTime: null as unknown as string,
        },
      ];
    }
  } else if (resource === NAMESPACES) {
    const spec = { ...((next.spec as { finalizers?: string[] }) ?? {}) };
    const finalizers = spec.finalizers ?? [];
    spec.finalizers = finalizers.includes('kubernetes') ? finalizers : [...finalizers, 'kubernetes'];
    next.spec = spec;
    next.status = { phase: 'Active' };
  } else if (key === 'persistentvolumeclaims' || key === 'persistentvolumes') {
    // Status is the server's; read back through v1 defaulting it says Pending (SetDefaults_PersistentVolume*).
    next.status = { phase: 'Pending' };
  } else if (key === 'daemonsets.apps') {
    next.metadata.annotations = { ...(next.metadata.annotations ?? {}), [DAEMONSET_TEMPLATE_GENERATION]: '1' };
  } else if ('status' in next && next.kind !== 'Node' && next.kind !== 'Event') {
    next.status = {};
  }
  return next;
}

/**
 * The strategies' PrepareForUpdate: status comes from the status subresource only, generation moves with the spec
 * (and a Deployment's annotations), a DaemonSet's template generation with its template, and a Namespace's
 * spec.finalizers only through finalize.
 */
function prepareForUpdate(resource: ResourceType, next: KubeObject, current: KubeObject): void {
  const key = resourceKey(resource);
  if ('status' in current) next.status = current.status;
  else delete next.status;
  if (resource === NAMESPACES)
    next.spec = { ...(next.spec as object), finalizers: (current.spec as { finalizers?: string[] })?.finalizers };
  const tracking = GENERATION_TRACKING[key];
  if (!tracking) {
    if (current.metadata.generation === undefined) delete next.metadata.generation;
    else next.metadata.generation = current.metadata.generation;
    return;
  }
  const generation = current.metadata.generation ?? 1;
  const changed =
    !semanticEqual(next.spec, current.spec) ||
    (tracking === 'spec+annotations' &&
      !semanticEqual(next.metadata.annotations ?? {}, current.metadata.annotations ?? {}));
  next.metadata.generation = changed ? generation + 1 : generation;
  if (key === 'daemonsets.apps') {
    const template = (o: KubeObject) => (o.spec as { template?: unknown } | undefined)?.template;
    const previous = Number(current.metadata.annotations?.[DAEMONSET_TEMPLATE_GENERATION] ?? '0');
    const value = semanticEqual(template(next), template(current)) ? previous : previous + 1;
    if (value > 0)
      next.metadata.annotations = {
        ...(next.metadata.annotations ?? {}),
        [DAEMONSET_TEMPLATE_GENERATION]: String(value),
      };
  }
}
