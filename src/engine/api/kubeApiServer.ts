/**
 * The API server as its clients reach it: the stored API (ApiServer) plus what kube-apiserver serves without
 * storing it itself —
 *  - other versions of a stored resource, converted on the way in and out (autoscaling/v1 HorizontalPodAutoscalers
 *    are stored as autoscaling/v2, as the apiserver's storage version is);
 *  - the API groups of aggregated servers, as kube-aggregator proxies an APIService (metrics.k8s.io to
 *    metrics-server). They are read-only here: get and list, nothing is stored or watched.
 */
import { ApiServer } from './apiServer';
import { decodeObject } from './decode';
import { hpaV1ToV2, hpaV2ToV1 } from './hpaConversion';
import { applyJsonPatch } from './patch/jsonPatch';
import { applyMergePatch, isPlainObject } from './patch/mergePatch';
import { applyStrategicMergePatch } from './patch/strategicMerge';
import { apiVersionOf, resolveResourceName } from './resources';
import type {
  ApiError,
  ApiResult,
  DeleteOptions,
  KubeObject,
  ListOptions,
  PatchType,
  ResourceType,
  WatchEvent,
} from './types';

/** An API group served by an aggregated server (an APIService): discovery, get and list. */
export interface AggregatedApi {
  readonly resources: readonly ResourceType[];
  get(resource: ResourceType, namespace: string | undefined, name: string): ApiResult<KubeObject>;
  list(resource: ResourceType, namespace: string | undefined, options: ListOptions): ApiResult<KubeObject[]>;
}

/** A version served besides the storage version, with its conversions. */
interface ServedVersion {
  resource: ResourceType;
  storage: ResourceType;
  toStorage(object: KubeObject): KubeObject;
  fromStorage(object: KubeObject): KubeObject;
}

const HPA_STORAGE = resolveResourceName('horizontalpodautoscalers.autoscaling')!;
const SERVED_VERSIONS: readonly ServedVersion[] = [
  { resource: { ...HPA_STORAGE, version: 'v1' }, storage: HPA_STORAGE, toStorage: hpaV1ToV2, fromStorage: hpaV2ToV1 },
];

const sameResource = (a: ResourceType, b: ResourceType) =>
  a.group === b.group && a.plural === b.plural && a.version === b.version;

/** The generic apiserver's answer to a verb a REST storage does not implement. */
function methodNotAllowed(resource: ResourceType, name: string): ApiError {
  return {
    code: 405,
    reason: 'MethodNotAllowed',
    message: 'the server does not allow this method on the requested resource',
    details: { name, group: resource.group, kind: resource.plural },
  };
}

function servedVersionOf(resource: ResourceType): ServedVersion | undefined {
  return SERVED_VERSIONS.find((v) => sameResource(v.resource, resource));
}

/** The served version a request body is written in, if it is not the storage version. */
function servedVersionOfBody(input: unknown): ServedVersion | undefined {
  if (!isPlainObject(input)) return undefined;
  return SERVED_VERSIONS.find((v) => input.apiVersion === apiVersionOf(v.resource) && input.kind === v.resource.kind);
}

function converted<T>(result: ApiResult<T>, convert: (value: T) => T): ApiResult<T> {
  return result.ok ? { ...result, value: convert(result.value) } : result;
}

export class KubeApiServer extends ApiServer {
  private readonly aggregated: AggregatedApi[] = [];

  /** Registers an aggregated server's API group (creating its APIService). */
  registerApiService(api: AggregatedApi): void {
    this.aggregated.push(api);
  }

  override resources(): ResourceType[] {
    const resources = super.resources();
    for (const api of this.aggregated) {
      for (const resource of api.resources) {
        const at = resources.findIndex((r) => r.group !== '' && r.group > resource.group);
        resources.splice(at < 0 ? resources.length : at, 0, resource);
      }
    }
    return resources;
  }

  override resolveResource(typed: string): ResourceType | undefined {
    return super.resolveResource(typed) ?? this.resolveServedVersion(typed) ?? this.resolveAggregated(typed);
  }

  override resourceFor(apiVersion: string, kind: string): ResourceType | undefined {
    const stored = super.resourceFor(apiVersion, kind);
    if (stored && apiVersionOf(stored) !== apiVersion)
      return SERVED_VERSIONS.find((v) => v.storage === stored && apiVersionOf(v.resource) === apiVersion)?.resource;
    return stored ?? this.aggregatedResources().find((r) => apiVersionOf(r) === apiVersion && r.kind === kind);
  }

  override get(resource: ResourceType, namespace: string | undefined, name: string): ApiResult<KubeObject> {
    const aggregated = this.aggregatedFor(resource);
    if (aggregated) return aggregated.get(resource, namespace, name);
    const served = servedVersionOf(resource);
    if (served) return converted(super.get(served.storage, namespace, name), served.fromStorage);
    return super.get(resource, namespace, name);
  }

  override find(resource: ResourceType, namespace: string | undefined, name: string): KubeObject | undefined {
    if (this.aggregatedFor(resource) || servedVersionOf(resource)) {
      const got = this.get(resource, namespace, name);
      return got.ok ? got.value : undefined;
    }
    return super.find(resource, namespace, name);
  }

  override list(resource: ResourceType, namespace: string | undefined, options: ListOptions = {}) {
    const aggregated = this.aggregatedFor(resource);
    if (aggregated) return aggregated.list(resource, namespace, options);
    const served = servedVersionOf(resource);
    if (served)
      return converted(super.list(served.storage, namespace, options), (items) => items.map(served.fromStorage));
    return super.list(resource, namespace, options);
  }

  override all(resource: ResourceType, namespace?: string): KubeObject[] {
    if (this.aggregatedFor(resource) || servedVersionOf(resource)) {
      const listed = this.list(resource, namespace);
      return listed.ok ? listed.value : [];
    }
    return super.all(resource, namespace);
  }

  override watchSince(
    resource: ResourceType,
    namespace: string | undefined,
    resourceVersion: string,
    options: ListOptions = {},
  ): ApiResult<WatchEvent[]> {
    if (this.aggregatedFor(resource)) return { ok: false, error: methodNotAllowed(resource, '') };
    const served = servedVersionOf(resource);
    if (!served) return super.watchSince(resource, namespace, resourceVersion, options);
    return converted(super.watchSince(served.storage, namespace, resourceVersion, options), (events) =>
      events.map((event) => ({ type: event.type, object: served.fromStorage(event.object) })),
    );
  }

  override create(input: unknown, options: { dryRun?: boolean } = {}): ApiResult<KubeObject> {
    const refused = this.refuseAggregatedWrite(input);
    if (refused) return refused;
    const served = servedVersionOfBody(input);
    if (!served) return super.create(input, options);
    const decoded = decodeObject(input, { apiVersion: apiVersionOf(served.resource), kind: served.resource.kind });
    if (!decoded.ok) return decoded;
    return converted(super.create(served.toStorage(decoded.value), options), served.fromStorage);
  }

  override update(input: unknown, options: { dryRun?: boolean } = {}): ApiResult<KubeObject> {
    const refused = this.refuseAggregatedWrite(input);
    if (refused) return refused;
    const served = servedVersionOfBody(input);
    if (!served) return super.update(input, options);
    const decoded = decodeObject(input, { apiVersion: apiVersionOf(served.resource), kind: served.resource.kind });
    if (!decoded.ok) return decoded;
    return converted(super.update(served.toStorage(decoded.value), options), served.fromStorage);
  }

  override updateStatus(object: KubeObject): ApiResult<KubeObject> {
    const refused = this.refuseAggregatedWrite(object);
    if (refused) return refused;
    const served = servedVersionOfBody(object);
    if (!served) return super.updateStatus(object);
    return converted(super.updateStatus(served.toStorage(object)), served.fromStorage);
  }

  override patch(
    resource: ResourceType,
    namespace: string | undefined,
    name: string,
    type: PatchType,
    patch: unknown,
    options: { dryRun?: boolean } = {},
  ): ApiResult<KubeObject> {
    if (this.aggregatedFor(resource)) return { ok: false, error: methodNotAllowed(resource, name) };
    const served = servedVersionOf(resource);
    if (!served) return super.patch(resource, namespace, name, type, patch, options);
    // The patch applies to the object as this version shows it; the result goes in as an update of that version.
    const current = this.get(resource, namespace, name);
    if (!current.ok) return current;
    let patched: unknown;
    if (type === 'json') {
      const result = applyJsonPatch(current.value, patch);
      if (!result.ok) return { ok: false, error: { code: 422, reason: 'Invalid', message: result.error } };
      patched = result.value;
    } else {
      patched =
        type === 'merge' ? applyMergePatch(current.value, patch) : applyStrategicMergePatch(current.value, patch);
    }
    if (!isPlainObject(patched)) return this.update(patched, options);
    const metadata = isPlainObject(patched.metadata) ? patched.metadata : {};
    const requested = (patch as { metadata?: { resourceVersion?: string } } | undefined)?.metadata?.resourceVersion;
    return this.update(
      { ...patched, metadata: { ...metadata, resourceVersion: requested || current.value.metadata.resourceVersion } },
      options,
    );
  }

  override delete(
    resource: ResourceType,
    namespace: string | undefined,
    name: string,
    options: DeleteOptions = {},
  ): ApiResult<KubeObject> {
    if (this.aggregatedFor(resource)) return { ok: false, error: methodNotAllowed(resource, name) };
    const served = servedVersionOf(resource);
    if (served) return converted(super.delete(served.storage, namespace, name, options), served.fromStorage);
    return super.delete(resource, namespace, name, options);
  }

  private aggregatedResources(): ResourceType[] {
    return this.aggregated.flatMap((api) => [...api.resources]);
  }

  private aggregatedFor(resource: ResourceType): AggregatedApi | undefined {
    return this.aggregated.find((api) =>
      api.resources.some((r) => r.group === resource.group && r.plural === resource.plural),
    );
  }

  /** Writes to an aggregated group: its server has no create or update. */
  private refuseAggregatedWrite(input: unknown): ApiResult<KubeObject> | undefined {
    if (!isPlainObject(input) || typeof input.apiVersion !== 'string' || typeof input.kind !== 'string') return;
    const resource = this.aggregatedResources().find(
      (r) => apiVersionOf(r) === input.apiVersion && r.kind === input.kind,
    );
    const name = isPlainObject(input.metadata) && typeof input.metadata.name === 'string' ? input.metadata.name : '';
    return resource ? { ok: false, error: methodNotAllowed(resource, name) } : undefined;
  }

  /** `hpa.v1.autoscaling`: a served version named explicitly (kubectl's `RESOURCE.VERSION.GROUP`). */
  private resolveServedVersion(typed: string): ResourceType | undefined {
    const match = /^([^.]+)\.(v[^.]+)\.(.+)$/.exec(typed.toLowerCase());
    if (!match) return undefined;
    const stored = super.resolveResource(`${match[1]}.${match[3]}`);
    return SERVED_VERSIONS.find((v) => v.storage === stored && v.resource.version === match[2])?.resource;
  }

  /** An aggregated resource by plural, singular, short name or kind, optionally qualified by (version and) group. */
  private resolveAggregated(typed: string): ResourceType | undefined {
    const lower = typed.toLowerCase();
    const dot = lower.indexOf('.');
    const name = dot < 0 ? lower : lower.slice(0, dot);
    const rest = dot < 0 ? undefined : lower.slice(dot + 1);
    return this.aggregatedResources().find(
      (r) =>
        (r.plural === name || r.singular === name || r.shortNames.includes(name) || r.kind.toLowerCase() === name) &&
        (rest === undefined || rest === r.group || rest === `${r.version}.${r.group}`),
    );
  }
}
