/**
 * kubectl's view of a simulated cluster: the API plus the kubelet endpoints (`logs`, `exec`) and the passage of
 * virtual time for commands that wait.
 */
import type { ApiError, ApiResult } from '../api/types';
import type { Pod } from '../api/kinds';
import { resolveResourceName } from '../api/resources';
import type { ExecResult, KubectlHost, LogOptions } from '../kubectl/types';
import type { Cluster } from './cluster';
import { formatMicroTimestamp } from '../runtime/time';

const PODS = resolveResourceName('pods')!;
/** `kubectl exec` of a command that never ends is cut off after this much virtual time. */
const EXEC_TIMEOUT_MS = 60 * 60_000;

function badRequest(message: string): ApiError {
  return { code: 400, reason: 'BadRequest', message };
}

export interface WorkspaceFiles {
  read(path: string): string | undefined;
}

export class ClusterKubectlHost implements KubectlHost {
  private namespace = 'default';

  constructor(
    private readonly cluster: Cluster,
    private readonly files: WorkspaceFiles,
    /** False inside a shell command substitution, where time must not move. */
    private readonly canWait = true,
  ) {}

  get api() {
    return this.cluster.api;
  }

  currentNamespace(): string {
    return this.namespace;
  }

  setCurrentNamespace(namespace: string): void {
    this.namespace = namespace;
  }

  readFile(path: string): string | undefined {
    return this.files.read(path);
  }

  waitUntil(done: () => boolean, timeoutMs: number): boolean {
    if (!this.canWait) return done();
    return this.cluster.runUntil(done, timeoutMs);
  }

  private podContainer(
    namespace: string,
    podName: string,
    container: string | undefined,
  ): ApiResult<{ pod: Pod; container: string }> {
    const found = this.cluster.api.get(PODS, namespace, podName);
    if (!found.ok) return found;
    const pod = found.value as unknown as Pod;
    const names = pod.spec.containers.map((c) => c.name);
    const all = [...(pod.spec.initContainers ?? []).map((c) => c.name), ...names];
    if (container === undefined) {
      if (names.length !== 1) {
        return {
          ok: false,
          error: badRequest(
            `a container name must be specified for pod ${podName}, choose one of: [${names.join(' ')}]`,
          ),
        };
      }
      container = names[0]!;
    }
    if (!all.includes(container)) {
      return { ok: false, error: badRequest(`container ${container} is not valid for pod ${podName}`) };
    }
    return { ok: true, value: { pod, container } };
  }

  logs(namespace: string, podName: string, options: LogOptions): ApiResult<string> {
    const target = this.podContainer(namespace, podName, options.container);
    if (!target.ok) return target;
    const { pod, container } = target.value;
    const ids = this.cluster.kubelet.containerIds(pod.metadata.uid!, container);
    const id = options.previous ? ids.previous : ids.current;
    if (!id) {
      if (options.previous) {
        return {
          ok: false,
          error: badRequest(`previous terminated container "${container}" in pod "${podName}" not found`),
        };
      }
      const status = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])].find(
        (s) => s.name === container,
      );
      const reason = status?.state?.waiting?.reason ?? 'ContainerCreating';
      return {
        ok: false,
        error: badRequest(`container "${container}" in pod "${podName}" is waiting to start: ${reason}`),
      };
    }
    const record = this.cluster.containers.container(id);
    if (!record) return { ok: true, value: '' };
    const since = options.sinceSeconds !== undefined ? this.cluster.now() - options.sinceSeconds * 1000 : undefined;
    const lines: string[] = [];
    let partial = '';
    let partialTime = 0;
    for (const chunk of record.log) {
      if (since !== undefined && chunk.time < since) continue;
      const text = partial + chunk.text;
      if (partial === '') partialTime = chunk.time;
      const pieces = text.split('\n');
      partial = pieces.pop() ?? '';
      for (const piece of pieces)
        lines.push(options.timestamps ? `${formatMicroTimestamp(partialTime)} ${piece}` : piece);
      partialTime = chunk.time;
    }
    if (partial) lines.push(options.timestamps ? `${formatMicroTimestamp(partialTime)} ${partial}` : partial);
    const selected =
      options.tail !== undefined && options.tail >= 0 ? lines.slice(Math.max(0, lines.length - options.tail)) : lines;
    return { ok: true, value: selected.length > 0 ? `${selected.join('\n')}\n` : '' };
  }

  exec(
    namespace: string,
    podName: string,
    container: string | undefined,
    argv: string[],
    stdin?: string,
  ): ApiResult<ExecResult> {
    const target = this.podContainer(namespace, podName, container);
    if (!target.ok) return target;
    const { pod, container: name } = target.value;
    const id = this.cluster.kubelet.containerIds(pod.metadata.uid!, name).current;
    const record = id ? this.cluster.containers.container(id) : undefined;
    if (!record || record.state !== 'running') {
      return { ok: false, error: badRequest(`unable to upgrade connection: container not found ("${name}")`) };
    }
    const started = this.cluster.kernel.startExec(record.id, argv, record.env, record.workingDir, stdin ?? '');
    if (!started.ok) return { ok: true, value: { stdout: '', stderr: `${started.error}\n`, exitCode: 126 } };
    const finished = () => this.cluster.kernel.captured(started.captureId)?.exitCode !== undefined;
    if (!finished() && this.canWait) this.cluster.runUntil(finished, EXEC_TIMEOUT_MS);
    const capture = this.cluster.kernel.captured(started.captureId);
    this.cluster.kernel.releaseCapture(started.captureId);
    if (capture?.exitCode === undefined) {
      this.cluster.kernel.signal(record.pidNs, started.pid, 'SIGKILL');
      return { ok: true, value: { stdout: capture?.stdout ?? '', stderr: capture?.stderr ?? '', exitCode: 137 } };
    }
    return { ok: true, value: { stdout: capture.stdout, stderr: capture.stderr, exitCode: capture.exitCode } };
  }
}
