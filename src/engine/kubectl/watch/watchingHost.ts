/**
 * A kubectl host for a terminal that can keep a command running: `kubectl get -w` run through it hands over the
 * watch it set up (what to follow and how to print it) instead of ending after the list, as the plain host does.
 */
import type { ApiResult } from '../../api/types';
import type { ExecResult, KubectlHost, LogOptions } from '../types';
import type { GetWatchSpec } from './watchSpec';

export class WatchingKubectlHost implements KubectlHost {
  /** The watch the command started, once `kubectl get -w` printed its list without an error. */
  private started?: GetWatchSpec;

  constructor(private readonly inner: KubectlHost) {}

  get api() {
    return this.inner.api;
  }

  /** Called by `kubectl get -w` when it goes on watching. */
  beginWatch(spec: GetWatchSpec): void {
    this.started = spec;
  }

  /** The watch the command left running, if any. */
  startedWatch(): GetWatchSpec | undefined {
    return this.started;
  }

  logs(namespace: string, pod: string, options: LogOptions): ApiResult<string> {
    return this.inner.logs(namespace, pod, options);
  }

  exec(
    namespace: string,
    pod: string,
    container: string | undefined,
    argv: string[],
    stdin?: string,
  ): ApiResult<ExecResult> {
    return this.inner.exec(namespace, pod, container, argv, stdin);
  }

  waitUntil(done: () => boolean, timeoutMs: number): boolean {
    return this.inner.waitUntil(done, timeoutMs);
  }

  readFile(path: string): string | undefined {
    return this.inner.readFile(path);
  }

  currentNamespace(): string {
    return this.inner.currentNamespace();
  }

  setCurrentNamespace(namespace: string): void {
    this.inner.setCurrentNamespace(namespace);
  }
}
