/**
 * Running one probe and rendering its outcome the way the kubelet's probers do
 * (pkg/probe/exec, pkg/probe/http, pkg/probe/tcp, pkg/probe/grpc; pkg/kubelet/prober/prober.go).
 */
import type { Probe } from '../api/kinds';
import type { NetworkError, NetworkStack } from '../os/types';

export interface ProbeOutcome {
  success: boolean;
  /** What follows `Liveness probe failed: ` in the Unhealthy event. */
  output: string;
}

export interface ProbeTarget {
  podIp: string;
  /** Named container ports, for `port: http`. */
  namedPorts: Record<string, number>;
  /** The node's network, from which the kubelet connects. */
  net: NetworkStack;
  /** Runs an exec probe's command in the container; a command still running after the timeout is reported as such. */
  exec(
    argv: string[],
    timeoutSeconds: number,
  ): { exitCode: number; output: string } | { timedOut: true } | { error: string };
}

function resolvePort(port: number | string | undefined, target: ProbeTarget): number | undefined {
  if (typeof port === 'number') return port;
  if (port === undefined) return undefined;
  if (/^\d+$/.test(port)) return Number(port);
  return target.namedPorts[port];
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

export function runProbe(probe: Probe, target: ProbeTarget): ProbeOutcome {
  const timeoutSeconds = probe.timeoutSeconds ?? 1;
  if (probe.exec) {
    const command = probe.exec.command ?? [];
    const result = target.exec(command, timeoutSeconds);
    if ('error' in result) return { success: false, output: result.error };
    if ('timedOut' in result)
      return { success: false, output: `command timed out: "${command.join(' ')}" timed out after ${timeoutSeconds}s` };
    return { success: result.exitCode === 0, output: result.output.replace(/\s+$/, '') };
  }
  if (probe.httpGet) {
    const http = probe.httpGet;
    const port = resolvePort(http.port as number | string, target) ?? 80;
    const host = http.host || target.podIp;
    const path = http.path ?? '/';
    const scheme = (http.scheme ?? 'HTTP').toLowerCase();
    const url = `${scheme}://${host}:${port}${path.startsWith('/') ? path : `/${path}`}`;
    const headers: Record<string, string> = { 'User-Agent': 'kube-probe/1.34', Accept: '*/*' };
    for (const header of http.httpHeaders ?? []) headers[header.name] = header.value;
    const outcome = target.net.http({ method: 'GET', host, port, path, headers });
    if (!outcome.ok) return { success: false, output: `Get "${url}": ${dialError(outcome.error, host, port)}` };
    const status = outcome.response.status;
    // pkg/probe/http/http.go: 200 ≤ code < 400 is success.
    if (status >= 200 && status < 400) return { success: true, output: '' };
    return { success: false, output: `HTTP probe failed with statuscode: ${status}` };
  }
  if (probe.tcpSocket) {
    const port = resolvePort(probe.tcpSocket.port as number | string, target) ?? 0;
    const host = probe.tcpSocket.host || target.podIp;
    const outcome = target.net.connect(host, port);
    if (outcome.ok) return { success: true, output: '' };
    return { success: false, output: dialError(outcome.error, host, port) };
  }
  if (probe.grpc) {
    // Simplified: a listening port answers SERVING (the health service itself is not simulated).
    const port = probe.grpc.port;
    const outcome = target.net.connect(target.podIp, port);
    if (outcome.ok) return { success: true, output: '' };
    return {
      success: false,
      output: `timeout: failed to connect service "${target.podIp}:${port}" within ${timeoutSeconds}s: context deadline exceeded`,
    };
  }
  return { success: false, output: 'missing probe handler' };
}
