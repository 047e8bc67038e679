/**
 * An in-memory KubectlHost for kubectl's tests: an object store with uids, resourceVersions and timestamps,
 * label/field selectors and patches, but no defaulting, validation or controllers. Tests seed objects, set the
 * clock, script logs/exec answers and queue API errors.
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
} from '../../api/types';
import { RESOURCE_TYPES, findResourceFor, resolveResourceName } from '../../api/resources';
import { matchesLabels, parseLabelSelector } from '../../api/selectors/labelSelector';
import { fieldsOf, matchesFields, parseFieldSelector } from '../../api/selectors/fieldSelector';
import { applyMergePatch } from '../../api/patch/mergePatch';
import { applyStrategicMergePatch } from '../../api/patch/strategicMerge';
import { applyJsonPatch } from '../../api/patch/jsonPatch';
import type { ExecResult, KubectlHost, LogOptions } from '../types';
import { runKubectl, splitCommandLine } from '../index';

export const T0 = Date.parse('2025-01-01T00:00:00Z');

const groupResource = (r: ResourceType) => (r.group ? `${r.plural}.${r.group}` : r.plural);

function notFound(resource: ResourceType, name: string): ApiError {
  return {
    code: 404,
    reason: 'NotFound',
    message: `${groupResource(resource)} "${name}" not found`,
    details: { name, kind: resource.plural },
  };
}

export interface FakeCluster extends KubectlHost {
  api: FakeApi;
  files: Record<string, string>;
  logsByContainer: Record<string, string>;
  execHandler: (namespace: string, pod: string, container: string | undefined, argv: string[]) => ApiResult<ExecResult>;
  /** Called on every simulated second of `waitUntil`. */
  onTick: (nowMs: number) => void;
  logCalls: LogOptions[];
  namespace: string;
  /** Runs a kubectl command line (as typed, without `kubectl`). */
  run(line: string, stdin?: string): ReturnType<typeof runKubectl>;
}

export class FakeApi implements ApiClient {
  clock = T0;
  private rv = 100;
  private uidCounter = 0;
  readonly objects: Record<string, KubeObject> = {};
  /** Errors returned by the next calls of a verb, in order. */
  readonly failures: { verb: 'create' | 'patch' | 'delete' | 'get' | 'update'; error: ApiError }[] = [];
  readonly patches: { type: PatchType; patch: unknown }[] = [];

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
    return this.clock;
  }

  private key(resource: ResourceType, namespace: string | undefined, name: string): string {
    return `${groupResource(resource)}/${resource.namespaced ? (namespace ?? '') : ''}/${name}`;
  }

  private failure(verb: FakeApi['failures'][number]['verb']): ApiError | undefined {
    const index = this.failures.findIndex((f) => f.verb === verb);
    if (index < 0) return undefined;
    return this.failures.splice(index, 1)[0]?.error;
  }

  /** Stores an object as the apiserver would have (uid, resourceVersion, creationTimestamp filled in when missing). */
  seed(object: KubeObject): KubeObject {
    const resource = this.resourceFor(object.apiVersion, object.kind);
    if (!resource) throw new Error(`no resource for ${object.apiVersion} ${object.kind}`);
    const stored = structuredClone(object);
    stored.metadata.uid ??= `uid-${++this.uidCounter}`;
    stored.metadata.creationTimestamp ??= new Date(this.clock).toISOString().replace('.000Z', 'Z');
    stored.metadata.resourceVersion = String(++this.rv);
    if (resource.namespaced) stored.metadata.namespace ??= 'default';
    this.objects[this.key(resource, stored.metadata.namespace, stored.metadata.name ?? '')] = stored;
    return stored;
  }

  get(resource: ResourceType, namespace: string | undefined, name: string): ApiResult<KubeObject> {
    const failed = this.failure('get');
    if (failed) return { ok: false, error: failed };
    const found = this.objects[this.key(resource, namespace, name)];
    return found ? { ok: true, value: structuredClone(found) } : { ok: false, error: notFound(resource, name) };
  }

  list(resource: ResourceType, namespace: string | undefined, options: ListOptions = {}): ApiResult<KubeObject[]> {
    const labels = options.labelSelector ? parseLabelSelector(options.labelSelector) : undefined;
    if (labels && !labels.ok) return { ok: false, error: { code: 400, reason: 'BadRequest', message: labels.error } };
    const fields = options.fieldSelector ? parseFieldSelector(options.fieldSelector) : undefined;
    if (fields && !fields.ok) return { ok: false, error: { code: 400, reason: 'BadRequest', message: fields.error } };
    const prefix = `${groupResource(resource)}/${resource.namespaced && namespace !== undefined ? `${namespace}/` : ''}`;
    const items = Object.keys(this.objects)
      .filter((k) => k.startsWith(prefix))
      .sort()
      .map((k) => structuredClone(this.objects[k] as KubeObject))
      .filter((o) => !labels || matchesLabels(labels.selector, o.metadata.labels))
      .filter((o) => {
        if (!fields) return true;
        const set = fieldsOf(resource as never, o);
        return set.ok && matchesFields(fields.selector, set.fields);
      });
    return { ok: true, value: items };
  }

  create(object: unknown, options: { dryRun?: boolean } = {}): ApiResult<KubeObject> {
    const failed = this.failure('create');
    if (failed) return { ok: false, error: failed };
    const obj = structuredClone(object) as KubeObject;
    const resource = this.resourceFor(obj.apiVersion, obj.kind);
    if (!resource) return { ok: false, error: { code: 400, reason: 'BadRequest', message: `no kind "${obj.kind}"` } };
    const namespace = resource.namespaced ? (obj.metadata.namespace ?? 'default') : undefined;
    if (namespace !== undefined && namespace !== 'default' && !this.objects[`namespaces//${namespace}`]) {
      return {
        ok: false,
        error: {
          code: 404,
          reason: 'NotFound',
          message: `namespaces "${namespace}" not found`,
          details: { name: namespace, kind: 'namespaces' },
        },
      };
    }
    const name = obj.metadata.name ?? '';
    if (this.objects[this.key(resource, namespace, name)]) {
      return {
        ok: false,
        error: {
          code: 409,
          reason: 'AlreadyExists',
          message: `${groupResource(resource)} "${name}" already exists`,
          details: { name, kind: resource.plural },
        },
      };
    }
    delete obj.metadata.creationTimestamp;
    if (options.dryRun) return { ok: true, value: obj };
    return { ok: true, value: this.seed(obj) };
  }

  update(object: unknown, options: { dryRun?: boolean } = {}): ApiResult<KubeObject> {
    const failed = this.failure('update');
    if (failed) return { ok: false, error: failed };
    const obj = structuredClone(object) as KubeObject;
    const resource = this.resourceFor(obj.apiVersion, obj.kind);
    if (!resource) return { ok: false, error: { code: 400, reason: 'BadRequest', message: 'unknown kind' } };
    if (options.dryRun) return { ok: true, value: obj };
    obj.metadata.resourceVersion = String(++this.rv);
    this.objects[this.key(resource, obj.metadata.namespace, obj.metadata.name ?? '')] = obj;
    return { ok: true, value: structuredClone(obj) };
  }

  updateStatus(object: KubeObject): ApiResult<KubeObject> {
    return this.update(object);
  }

  patch(
    resource: ResourceType,
    namespace: string | undefined,
    name: string,
    type: PatchType,
    patch: unknown,
    options: { dryRun?: boolean } = {},
  ): ApiResult<KubeObject> {
    const failed = this.failure('patch');
    if (failed) return { ok: false, error: failed };
    this.patches.push({ type, patch: structuredClone(patch) });
    const current = this.objects[this.key(resource, namespace, name)];
    if (!current) return { ok: false, error: notFound(resource, name) };
    let patched: unknown;
    if (type === 'merge') patched = applyMergePatch(current, patch);
    else if (type === 'strategic') patched = applyStrategicMergePatch(current, patch);
    else {
      const result = applyJsonPatch(current, patch);
      if (!result.ok) return { ok: false, error: { code: 422, reason: 'Invalid', message: result.error } };
      patched = result.value;
    }
    return this.update(patched, options);
  }

  /** Evictions succeed as deletes: the fake has no disruption budgets. */
  evict(namespace: string, name: string, options: DeleteOptions = {}): ApiResult<KubeObject> {
    return this.delete(this.resolveResource('pods')!, namespace, name, options);
  }

  delete(
    resource: ResourceType,
    namespace: string | undefined,
    name: string,
    options: DeleteOptions = {},
  ): ApiResult<KubeObject> {
    const failed = this.failure('delete');
    if (failed) return { ok: false, error: failed };
    const key = this.key(resource, namespace, name);
    const current = this.objects[key];
    if (!current) return { ok: false, error: notFound(resource, name) };
    this.deletions.push({ key, options });
    if (!this.graceful.includes(key)) delete this.objects[key];
    return { ok: true, value: structuredClone(current) };
  }

  /** Objects whose delete only marks them (they go when a tick removes them). */
  readonly graceful: string[] = [];
  readonly deletions: { key: string; options: DeleteOptions }[] = [];
}

/**
 * A fresh fake cluster with the default namespace and the given user files; the clock starts at
 * 2025-01-01T00:00:00Z.
 */
export function createFakeCluster(files: Record<string, string> = {}): FakeCluster {
  const api = new FakeApi();
  const cluster: FakeCluster = {
    api,
    files: { ...files },
    logsByContainer: {},
    logCalls: [],
    namespace: 'default',
    onTick: () => {},
    execHandler: () => ({ ok: true, value: { stdout: '', stderr: '', exitCode: 0 } }),
    logs(namespace, pod, options) {
      cluster.logCalls.push(options);
      const text = cluster.logsByContainer[`${namespace}/${pod}/${options.container ?? ''}`];
      if (text === undefined)
        return {
          ok: false,
          error: {
            code: 400,
            reason: 'BadRequest',
            message: `container "${options.container ?? ''}" in pod "${pod}" is waiting to start: ContainerCreating`,
          },
        };
      return { ok: true, value: text };
    },
    exec(namespace, pod, container, argv) {
      // As the API server's pod exec: an unknown container is a bad request.
      const found = api.get(resolveResourceName('pods')!, namespace, pod);
      const spec = found.ok ? (found.value.spec as { containers?: { name: string }[] } | undefined) : undefined;
      if (container && spec && !(spec.containers ?? []).some((c) => c.name === container)) {
        const message = `container ${container} is not valid for pod ${pod}`;
        return { ok: false, error: { code: 400, reason: 'BadRequest', message } };
      }
      return cluster.execHandler(namespace, pod, container, argv);
    },
    waitUntil(done, timeoutMs) {
      const end = api.clock + timeoutMs;
      while (!done()) {
        if (api.clock >= end) return false;
        api.clock += 1000;
        cluster.onTick(api.clock);
      }
      return true;
    },
    readFile: (path) => cluster.files[path],
    currentNamespace: () => cluster.namespace,
    setCurrentNamespace: (ns) => {
      cluster.namespace = ns;
    },
    run(line, stdin) {
      const argv = splitCommandLine(line);
      if (!Array.isArray(argv)) throw new Error(argv.error);
      return runKubectl(argv, cluster, stdin);
    },
  };
  api.seed({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: 'default' },
    spec: {},
    status: { phase: 'Active' },
  });
  return cluster;
}
