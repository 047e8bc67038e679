import type { ApiClient, ApiResult } from '../api/types';

/** What one kubectl invocation printed and how it ended. */
export interface KubectlResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /**
   * Plain-language advice for a learner (not kubectl output), e.g. naming `apps/v1` after
   * `no matches for kind "Deployment" in version "extensions/v1beta1"`. Shown apart from kubectl's own text.
   */
  hints?: string[];
}

export interface LogOptions {
  container?: string;
  previous?: boolean;
  tail?: number;
  timestamps?: boolean;
  /** Only lines newer than this many seconds. */
  sinceSeconds?: number;
}

export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/**
 * Everything kubectl needs beyond the API: the kubelet's logs and exec endpoints, the passage of virtual time (for
 * `wait`, `rollout status`, `exec` of a command that sleeps), and the user's files (`-f pod.yaml`).
 */
export interface KubectlHost {
  api: ApiClient;
  /** `GET /api/v1/namespaces/{ns}/pods/{pod}/log`. Errors carry kubectl's wording (e.g. previous terminated container not found). */
  logs(namespace: string, pod: string, options: LogOptions): ApiResult<string>;
  /** Run argv in a container to completion (virtual time passes while it runs) and return its output. */
  exec(
    namespace: string,
    pod: string,
    container: string | undefined,
    argv: string[],
    stdin?: string,
  ): ApiResult<ExecResult>;
  /**
   * Let virtual time pass until `done()` returns true or `timeoutMs` elapses; returns whether it became true.
   * The cluster keeps running meanwhile (controllers, kubelets).
   */
  waitUntil(done: () => boolean, timeoutMs: number): boolean;
  /** Read a file the user has (a script's heredoc, an editor tab, a file given to the CLI). */
  readFile(path: string): string | undefined;
  /** The namespace of the current context (`default` unless changed with `kubectl config set-context --current --namespace`). */
  currentNamespace(): string;
  setCurrentNamespace(namespace: string): void;
}
