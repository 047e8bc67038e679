import { describe, expect, it } from 'vitest';
import type { Container, Probe } from '../api/kinds';
import type { HttpOutcome, NetworkStack } from '../os/types';
import { execProbeOutcome, resolveProbePort, runNetworkProbe } from './probeExecution';

const CONTAINER = { name: 'app', ports: [{ name: 'http', containerPort: 8080 }] } as Container;

/** A node network whose HTTP requests all get `outcome`. */
function network(outcome: HttpOutcome): NetworkStack {
  return {
    podIp: '192.168.56.11',
    lookup: () => ({ kind: 'nxdomain', name: '' }),
    http: () => outcome,
    connect: () => ({ ok: false, error: { kind: 'timeout', ip: '10.244.1.5', port: 1 } }),
    ping: () => ({ ok: false, error: { kind: 'no-route', ip: '' } }),
  };
}

function answer(status: number, body = ''): HttpOutcome {
  return { ok: true, ip: '10.244.1.5', port: 8080, response: { status, statusText: '', headers: {}, body } };
}

function probe(spec: Partial<Probe>): Probe {
  return spec as Probe;
}

describe('probe outcomes', () => {
  it('resolves ports by number, by name, or as a number in a string; anything else is strconv.Atoi’s error', () => {
    expect(resolveProbePort(80, CONTAINER)).toBe(80);
    expect(resolveProbePort('http', CONTAINER)).toBe(8080);
    expect(resolveProbePort('9090', CONTAINER)).toBe(9090);
    expect(resolveProbePort('metrics', CONTAINER)).toEqual({
      error: 'strconv.Atoi: parsing "metrics": invalid syntax',
    });
  });

  it('httpGet: 2xx succeeds, 3xx is a warning with the body, 4xx/5xx fail, HTTPS to an HTTP server fails', () => {
    const target = (outcome: HttpOutcome) => ({ podIp: '10.244.1.5', container: CONTAINER, net: network(outcome) });
    const http = probe({ httpGet: { path: '/healthz', port: 'http' } });
    expect(runNetworkProbe(http, target(answer(204)))).toEqual({ verdict: 'success', output: '', afterMs: 2 });
    expect(runNetworkProbe(http, target(answer(301, 'moved')))).toEqual({
      verdict: 'warning',
      output: 'Probe terminated redirects, Response body: moved',
      afterMs: 2,
    });
    expect(runNetworkProbe(http, target(answer(503)))).toEqual({
      verdict: 'failure',
      output: 'HTTP probe failed with statuscode: 503',
      afterMs: 2,
    });
    const https = probe({ httpGet: { path: '/', port: 8443, scheme: 'HTTPS' } });
    expect(runNetworkProbe(https, target(answer(200))).output).toBe(
      'Get "https://10.244.1.5:8443/": http: server gave HTTP response to HTTPS client',
    );
  });

  it('a connection that never answers fails when timeoutSeconds has passed', () => {
    const silent: HttpOutcome = { ok: false, error: { kind: 'timeout', ip: '10.244.1.5', port: 8080 } };
    const target = { podIp: '10.244.1.5', container: CONTAINER, net: network(silent) };
    expect(runNetworkProbe(probe({ httpGet: { path: '/', port: 8080 }, timeoutSeconds: 3 }), target)).toEqual({
      verdict: 'failure',
      output:
        'Get "http://10.244.1.5:8080/": context deadline exceeded (Client.Timeout exceeded while awaiting headers)',
      afterMs: 3000,
    });
    expect(runNetworkProbe(probe({ tcpSocket: { port: 8080 }, timeoutSeconds: 2 }), target)).toEqual({
      verdict: 'failure',
      output: 'dial tcp 10.244.1.5:8080: i/o timeout',
      afterMs: 2000,
    });
  });

  it('exec: the exit code decides; the output is stdout then stderr, untrimmed; a timeout names the command', () => {
    expect(execProbeOutcome({ kind: 'exited', exitCode: 0, stdout: 'ok\n', stderr: '' }, ['check'], 1)).toEqual({
      verdict: 'success',
      output: 'ok\n',
    });
    expect(execProbeOutcome({ kind: 'exited', exitCode: 2, stdout: 'a\n', stderr: 'b\n' }, ['check'], 1)).toEqual({
      verdict: 'failure',
      output: 'a\nb\n',
    });
    expect(execProbeOutcome({ kind: 'timedOut' }, ['sh', '-c', 'sleep 90'], 90).output).toBe(
      'command timed out: "sh -c sleep 90" timed out after 1m30s',
    );
    expect(execProbeOutcome({ kind: 'error', error: 'rpc error' }, ['x'], 1)).toEqual({
      verdict: 'error',
      output: 'rpc error',
    });
  });
});
