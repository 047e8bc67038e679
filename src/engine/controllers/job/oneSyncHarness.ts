/**
 * The one-sync harness of the Job, CronJob, garbage collector, namespace and service account controller tests:
 * one `sync(key)` and the exact API requests it made (`create pods/pi-*`, `update jobs/pi/status`,
 * `patch pods/pi-x2k9p`, `delete pods/pi-x2k9p (Background)`), the events it recorded and the syncs it queued.
 * Used by tests only.
 */
import { ApiServer } from '../../api/apiServer';
import { resolveResourceName } from '../../api/resources';
import type { ApiResult, DeleteOptions, KubeObject, PatchType, ResourceType } from '../../api/types';
import type { ControllerDefinition } from '../controller';
import { ControllerHarness, must } from '../testing/controllerHarness';

const EVENTS = resolveResourceName('events')!;

/** An API server that notes each write request a controller makes. */
class RecordingApiServer extends ApiServer {
  requests: string[] = [];
  recording = false;

  private note(text: string): void {
    if (this.recording) this.requests.push(text);
  }

  private pathOf(object: unknown): string {
    const o = object as KubeObject;
    const resource = this.resourceFor(o.apiVersion, o.kind);
    const name = o.metadata.name ?? `${o.metadata.generateName ?? ''}*`;
    return `${resource?.plural ?? o.kind}/${name}`;
  }

  override create(object: unknown, options?: { dryRun?: boolean }): ApiResult<KubeObject> {
    if ((object as KubeObject).kind !== 'Event') this.note(`create ${this.pathOf(object)}`);
    return super.create(object, options);
  }

  override update(object: unknown, options?: { dryRun?: boolean }): ApiResult<KubeObject> {
    if ((object as KubeObject).kind !== 'Event') this.note(`update ${this.pathOf(object)}`);
    return super.update(object, options);
  }

  override updateStatus(object: KubeObject): ApiResult<KubeObject> {
    this.note(`update ${this.pathOf(object)}/status`);
    return super.updateStatus(object);
  }

  override patch(
    resource: ResourceType,
    namespace: string | undefined,
    name: string,
    type: PatchType,
    patch: unknown,
    options?: { dryRun?: boolean },
  ): ApiResult<KubeObject> {
    if (resource !== EVENTS) this.note(`patch ${resource.plural}/${name}`);
    return super.patch(resource, namespace, name, type, patch, options);
  }

  override delete(
    resource: ResourceType,
    namespace: string | undefined,
    name: string,
    options?: DeleteOptions,
  ): ApiResult<KubeObject> {
    const policy = options?.propagationPolicy ? ` (${options.propagationPolicy})` : '';
    this.note(`delete ${resource.plural}/${name}${policy}`);
    return super.delete(resource, namespace, name, options);
  }

  override finalizeNamespace(name: string, finalizers: string[]): ApiResult<KubeObject> {
    this.note(`update namespaces/${name}/finalize`);
    return super.finalizeNamespace(name, finalizers);
  }
}

export class OneSyncHarness extends ControllerHarness<RecordingApiServer> {
  constructor(definition: ControllerDefinition) {
    super(definition, {
      api: (now, random) => new RecordingApiServer(RecordingApiServer.initialState(), now, random),
    });
  }

  /** Changes an object's metadata or spec through an update. */
  modify<T extends KubeObject>(object: T, change: (o: T) => void): T {
    const next = structuredClone(this.find<T>(object)!);
    change(next);
    return must(this.api.update(next)) as T;
  }

  all<T extends KubeObject>(plural: string, namespace = 'default'): T[] {
    return this.api.all(resolveResourceName(plural)!, namespace) as T[];
  }

  /** Runs one sync of `key`; returns the write requests it made, in order. */
  sync(key: string): string[] {
    // This sync is the one the queue held for the key: a real run would have taken it off the queue.
    delete this.runtime.state.queue.keyed[`${this.definition.name}/${key}`];
    this.api.requests = [];
    this.api.recording = true;
    try {
      this.controller.sync(key);
    } finally {
      this.api.recording = false;
    }
    return this.api.requests;
  }

  /** The keys the controller returns for a watched change (keys it queues itself show in `queuedIn`). */
  keysFor(type: 'ADDED' | 'MODIFIED' | 'DELETED', object: KubeObject, previous?: KubeObject): string[] {
    const resource = this.api.resourceFor(object.apiVersion, object.kind)!;
    return this.controller.keysFor({ type, object }, resource, previous);
  }
}
