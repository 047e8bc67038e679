/**
 * postStart / preStop handlers as pkg/kubelet/lifecycle/handlers.go runs them, and the messages of their failures.
 * Exec handlers run through ExecSync without a timeout; httpGet handlers fail only when the request itself fails
 * (any HTTP status is accepted); sleep handlers just wait.
 */
import type { Container, LifecycleHandler } from '../api/kinds';
import type { NetworkStack } from '../os/types';
import type { ExecOutcome } from './execInContainer';
import { goQuote } from '../api/selectors/goQuote';
import { dialError, resolveProbePort } from './probeExecution';

/** `name_namespace(uid)`, the kubelet's format.Pod. */
export function describePod(name: string, namespace: string, uid: string): string {
  return `${name}_${namespace}(${uid})`;
}

/** The failure message of an exec handler, or undefined when it succeeded. */
export function execHookFailure(
  command: string[],
  container: string,
  pod: string,
  outcome: ExecOutcome,
): string | undefined {
  let error: string;
  let output = '';
  switch (outcome.kind) {
    case 'exited':
      if (outcome.exitCode === 0) return undefined;
      // cri-client ExecSync: a non-zero exit is `command '<cmd>' exited with <code>: <stderr>`.
      error = `command '${command.join(' ')}' exited with ${outcome.exitCode}: ${outcome.stderr}`;
      output = outcome.stdout + outcome.stderr;
      break;
    case 'error':
      error = outcome.error;
      break;
    case 'timedOut':
      error = `command timed out: ${goQuote(command.join(' '))}`;
      break;
  }
  return `Exec lifecycle hook ([${command.join(' ')}]) for Container ${goQuote(container)} in Pod ${goQuote(pod)} failed - error: ${error}, message: ${goQuote(output)}`;
}

/** Runs an httpGet handler from the node against the pod; returns the failure message, if any. */
export function runHttpHook(
  handler: NonNullable<LifecycleHandler['httpGet']>,
  container: Container,
  pod: string,
  podIp: string,
  net: NetworkStack,
): string | undefined {
  const path = handler.path ?? '';
  const fail = (error: string) =>
    `HTTP lifecycle hook (${path}) for Container ${goQuote(container.name)} in Pod ${goQuote(pod)} failed - error: ${error}`;
  const port = resolveProbePort(handler.port as number | string, container);
  if (typeof port !== 'number') return fail(port.error);
  const host = handler.host || podIp;
  const scheme = (handler.scheme ?? 'HTTP').toLowerCase();
  const url = `${scheme}://${host}:${port}${path === '' || path.startsWith('/') ? path : `/${path}`}`;
  const headers: Record<string, string> = { 'User-Agent': 'kube-lifecycle/1.34', Accept: '*/*' };
  for (const header of handler.httpHeaders ?? []) headers[header.name] = header.value;
  const outcome = net.http({ method: 'GET', host, port, path: path || '/', headers });
  if (outcome.ok) return undefined;
  return fail(`Get ${goQuote(url)}: ${dialError(outcome.error, host, port)}`);
}
