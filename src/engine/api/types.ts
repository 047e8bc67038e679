/**
 * The API server's contract, as clients (kubectl, controllers, the page) see it. Objects are plain JSON; the
 * concrete Kubernetes types come from kubernetes-models and are narrowed where a module needs them.
 */
import type { IIoK8sApimachineryPkgApisMetaV1ObjectMeta as ObjectMeta } from '@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta';

export type { ObjectMeta };

/** Any Kubernetes object as stored: apiVersion, kind, metadata, and whatever its kind carries. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
}

/** One entry of API discovery, as `kubectl api-resources` lists it. */
export interface ResourceType {
  /** '' for the core group. */
  group: string;
  version: string;
  kind: string;
  /** Lower-case plural, e.g. `pods`, `deployments`. */
  plural: string;
  singular: string;
  shortNames: string[];
  namespaced: boolean;
  verbs: string[];
  categories: string[];
}

/** `metav1.StatusReason` values the simulator produces. */
export type StatusReason =
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Invalid'
  | 'BadRequest'
  | 'Forbidden'
  | 'MethodNotAllowed'
  | 'Gone'
  | 'TooManyRequests'
  | 'InternalError';

/** A field-level cause of an Invalid error (`field.Error`). */
export interface StatusCause {
  /** e.g. `FieldValueRequired`, `FieldValueInvalid`, `FieldValueNotSupported`, `FieldValueForbidden`. */
  reason: string;
  /** Rendered error without the field path, e.g. `Required value`. */
  message: string;
  /** Field path, e.g. `spec.containers[0].image`. */
  field: string;
}

/** A failed API call, shaped like `metav1.Status`. `message` is the apiserver's full message. */
export interface ApiError {
  code: number;
  reason: StatusReason;
  message: string;
  details?: {
    name?: string;
    group?: string;
    kind?: string;
    causes?: StatusCause[];
  };
}

export type ApiResult<T> = { ok: true; value: T; warnings?: string[] } | { ok: false; error: ApiError };

export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan';

export interface ListOptions {
  /** Label selector in kubectl syntax, e.g. `app=web,tier!=db`. */
  labelSelector?: string;
  /** Field selector, e.g. `status.phase=Running`. */
  fieldSelector?: string;
}

export interface DeleteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: PropagationPolicy;
  /** Only delete if the object still has this uid. */
  preconditionUid?: string;
}

export type PatchType = 'merge' | 'strategic' | 'json';

/** A change seen by a watcher. */
export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: KubeObject;
}

/**
 * A client of the simulated API server. Every call is synchronous: the API server lives in the same engine and
 * applies admission, defaulting, validation and storage before it returns.
 * `namespace` is ignored for cluster-scoped resources; for list, `undefined` means all namespaces.
 */
export interface ApiClient {
  /** API discovery, in the order `kubectl api-resources` prints. */
  resources(): ResourceType[];
  /** Resolve what a user typed (`po`, `pods`, `pod`, `deploy`, `deployments.apps`, `Pod`) to a resource. */
  resolveResource(typed: string): ResourceType | undefined;
  /** The resource that serves objects of this apiVersion and kind, or undefined (`no matches for kind`). */
  resourceFor(apiVersion: string, kind: string): ResourceType | undefined;
  get(resource: ResourceType, namespace: string | undefined, name: string): ApiResult<KubeObject>;
  list(resource: ResourceType, namespace: string | undefined, options?: ListOptions): ApiResult<KubeObject[]>;
  /** Decodes (strictly), defaults, validates and stores a new object. The input is not modified. */
  create(object: unknown, options?: { dryRun?: boolean }): ApiResult<KubeObject>;
  /** Replaces an object; a stale metadata.resourceVersion gives a Conflict. */
  update(object: unknown, options?: { dryRun?: boolean }): ApiResult<KubeObject>;
  /** Updates only the status subresource. */
  updateStatus(object: KubeObject): ApiResult<KubeObject>;
  patch(
    resource: ResourceType,
    namespace: string | undefined,
    name: string,
    type: PatchType,
    patch: unknown,
    options?: { dryRun?: boolean; subresource?: 'status' },
  ): ApiResult<KubeObject>;
  delete(
    resource: ResourceType,
    namespace: string | undefined,
    name: string,
    options?: DeleteOptions,
  ): ApiResult<KubeObject>;
  /** `POST pods/{name}/eviction`: deletes the pod unless its PodDisruptionBudget allows no disruption now (429). */
  evict(namespace: string, name: string, options?: DeleteOptions): ApiResult<KubeObject>;
  /** Virtual time now, in milliseconds since the Unix epoch. */
  now(): number;
}
