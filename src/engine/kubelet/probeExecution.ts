/**
 * Running one probe and rendering its outcome the way the kubelet's probers do
 * (pkg/probe/exec, pkg/probe/http, pkg/probe/tcp, pkg/probe/grpc; pkg/kubelet/prober/prober.go).
 */
import type { Container, Probe } from '../api/kinds';
import type { NetworkError, NetworkStack } from '../os/types';
import { TIMING } from '../runtime/timing';
import { formatGoDuration } from './goDuration';
import type { ExecOutcome } from './execInContainer';
import { goQuote } from '../api/selectors/goQuote';

/**
 * `failure` and `success` count towards the thresholds; `warning` counts as a success with an event (an HTTP
 * redirect); `error` is an outcome the worker throws away (prober.go: "Probe errored").
 */
export interface ProbeOutcome {
  verdict: 'success' | 'failure' | 'warning' | 'error';
  /** What follows `Liveness probe failed: ` (or `... errored and resulted in unknown state: `) in the event. */
  output: string;
}

export interface NetworkProbeTarget {
  podIp: string;
  container: Container;
  /** The node's network, from which the kubelet connects. */
  net: NetworkStack;
}

/**
 * probe.ResolveContainerPort: a number, a named container port, or a number written as a string; anything else
 * is strconv.Atoi's error.
 */
export function resolveProbePort(port: number | string | undefined, container: Container): number | { error: string } {
  if (typeof port === 'number') return port;
  const text = port ?? '';
  const named = (container.ports ?? []).find((p) => p.name === text);
  if (named) return named.containerPort;
  if (/^[+-]?\d+$/.test(text)) return Number(text);
  return { error: `strconv.Atoi: parsing ${goQuote(text)}: invalid syntax` };
}

/** Go's net error text for a failed dial, as http/tcp probes print it. */
export function dialError(error: NetworkError, ip: string, port: number): string {
  switch (error.kind) {
    case 'connection-refused':
      return `dial tcp ${ip}:${port}: connect: connection refused`;
    case 'no-route':
      return `dial tcp ${ip}:${port}: connect: no route to host`;
    case 'timeout':
      return `dial tcp ${ip}:${port}: i/o timeout`;
    case 'reset':
      return `read tcp ${ip}:${port}: read: connection reset by peer`;
    case 'nxdomain':
      return `dial tcp: lookup ${error.name}: no such host`;
  }
}

/**
 * An httpGet, tcpSocket or grpc probe from the node. Returns the outcome and when it is known: a refused connection
 * at once, a connection that never answers only when timeoutSeconds has passed.
 */
export function runNetworkProbe(probe: Probe, target: NetworkProbeTarget): ProbeOutcome & { afterMs: number } {
  const timeoutSeconds = probe.timeoutSeconds ?? 1;
  if (probe.httpGet) {
    const http = probe.httpGet;
    const port = resolveProbePort(http.port as number | string, target.container);
    if (typeof port !== 'number') return quick('error', port.error);
    const host = http.host || target.podIp;
    const path = http.path ?? '/';
    const https = (http.scheme ?? 'HTTP').toUpperCase() === 'HTTPS';
    const headers: Record<string, string> = { 'User-Agent': 'kube-probe/1.34', Accept: '*/*' };
    for (const header of http.httpHeaders ?? []) headers[header.name] = header.value;
    const outcome = target.net.http({ method: 'GET', host, port, path, headers });
    if (!outcome.ok) {
      const url = probeUrl(https, host, port, path);
      // Go's http.Client with a Timeout reports a connection that never answers this way.
      if (outcome.error.kind === 'timeout')
        return slow(
          `Get "${url}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`,
          timeoutSeconds,
        );
      return quick('failure', `Get "${url}": ${dialError(outcome.error, host, port)}`);
    }
    if (https)
      return quick(
        'failure',
        `Get "${probeUrl(https, host, port, path)}": http: server gave HTTP response to HTTPS client`,
      );
    const status = outcome.response.status;
    // pkg/probe/http/http.go: 200 ≤ code < 400 succeeds; a redirect left unfollowed is a warning.
    if (status >= 300 && status < 400)
      return quick('warning', `Probe terminated redirects, Response body: ${outcome.response.body}`);
    if (status >= 200 && status < 300) return quick('success', outcome.response.body);
    return quick('failure', `HTTP probe failed with statuscode: ${status}`);
  }
  if (probe.tcpSocket) {
    const port = resolveProbePort(probe.tcpSocket.port as number | string, target.container);
    if (typeof port !== 'number') return quick('error', port.error);
    const host = probe.tcpSocket.host || target.podIp;
    const outcome = target.net.connect(host, port);
    if (outcome.ok) return quick('success', '');
    if (outcome.error.kind === 'timeout') return slow(dialError(outcome.error, host, port), timeoutSeconds);
    return quick('failure', dialError(outcome.error, host, port));
  }
  if (probe.grpc) {
    // Simplified: a listening port answers SERVING (the gRPC health service itself is not simulated). A blocking
    // dial retries a refused connection until the deadline (pkg/probe/grpc/grpc.go).
    const address = `${target.podIp}:${probe.grpc.port}`;
    const outcome = target.net.connect(target.podIp, probe.grpc.port);
    if (outcome.ok) return quick('success', '');
    return slow(
      `timeout: failed to connect service ${goQuote(address)} within ${formatGoDuration(timeoutSeconds * 1000)}: context deadline exceeded`,
      timeoutSeconds,
    );
  }
  return quick('error', 'missing probe handler');
}

/** An outcome known as soon as the probe ran. */
function quick(verdict: ProbeOutcome['verdict'], output: string): ProbeOutcome & { afterMs: number } {
  return { verdict, output, afterMs: TIMING.probeLatencyMs };
}

/** A failure known only when the probe's timeout ran out. */
function slow(output: string, timeoutSeconds: number): ProbeOutcome & { afterMs: number } {
  return { verdict: 'failure', output, afterMs: timeoutSeconds * 1000 };
}

/** The URL an HTTP probe fetched, as Go's errors quote it. */
function probeUrl(https: boolean, host: string, port: number, path: string): string {
  return `${https ? 'https' : 'http'}://${host}:${port}${path.startsWith('/') ? path : `/${path}`}`;
}

/** pkg/probe/exec/exec.go: exit 0 succeeds, any other exit fails with the output, a timeout fails with its error. */
export function execProbeOutcome(outcome: ExecOutcome, argv: string[], timeoutSeconds: number): ProbeOutcome {
  switch (outcome.kind) {
    case 'exited':
      // RunInContainer appends stderr to stdout; the output is not trimmed.
      return { verdict: outcome.exitCode === 0 ? 'success' : 'failure', output: outcome.stdout + outcome.stderr };
    case 'timedOut':
      // cri-client remote_runtime.go: fmt.Errorf("%w: %q timed out after %s", ErrCommandTimedOut, ...).
      return {
        verdict: 'failure',
        output: `command timed out: ${goQuote(argv.join(' '))} timed out after ${formatGoDuration(timeoutSeconds * 1000)}`,
      };
    case 'error':
      return { verdict: 'error', output: outcome.error };
  }
}
