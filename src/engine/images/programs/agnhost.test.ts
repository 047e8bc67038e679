import { describe, it, expect } from 'vitest';
import { startImage } from '../testing/startImage';

const AGNHOST = 'registry.k8s.io/e2e-test-images/agnhost:2.40';

describe('agnhost', () => {
  it('pauses by default, printing Paused, and exits 2 on SIGTERM', () => {
    const harness = startImage(AGNHOST);
    expect(harness.stdout()).toBe('Paused\n');
    expect(harness.ps()).toEqual([{ pid: 1, ppid: 0, cmdline: '/agnhost pause' }]);
    harness.signal(1, 'SIGTERM');
    expect(harness.exits[1]).toBe(2);
  });

  it('serve-hostname answers the pod name on 9376 and lingers 60 s after SIGTERM', () => {
    const harness = startImage(AGNHOST, { argv: ['/agnhost', 'serve-hostname'], hostname: 'hostnames-0' });
    harness.advance(200);
    expect(harness.http(9376)?.body).toBe('hostnames-0');
    expect(harness.stderr()).toBe(
      '2024/01/01 10:00:00 Serving on port 9376.\n2024/01/01 10:00:00 HTTP request from 10.244.1.1:40001\n',
    );
    harness.signal(1, 'SIGTERM');
    expect(harness.isRunning(1)).toBe(true);
    harness.advance(60_000);
    expect(harness.exits[1]).toBe(0);
  });

  it('netexec serves /hostname, /echo and /shell on 8080', () => {
    const harness = startImage(AGNHOST, {
      argv: ['/agnhost', 'netexec', '--http-port=8080'],
      hostname: 'netexec-abc',
    });
    harness.advance(200);
    expect(harness.http(8080, { path: '/hostname' })?.body).toBe('netexec-abc');
    expect(harness.http(8080, { path: '/echo?msg=hello%20world' })?.body).toBe('hello world');
    expect(harness.http(8080, { path: '/echo?msg=gone&code=503' })?.status).toBe(503);
    expect(harness.http(8080, { path: '/shell?cmd=nosuch' })?.body).toBe(
      '{"output":"/bin/sh: nosuch: not found\\n","error":"exit status 127"}',
    );
    expect(harness.http(8080, { path: '/' })?.body).toBe('NOW: 2024-01-01 10:00:00.2 +0000 UTC m=+0.200000000');
  });

  it('liveness mode answers /healthz like the liveness image', () => {
    const harness = startImage(AGNHOST, { argv: ['/agnhost', 'liveness'] });
    harness.advance(11_000);
    expect(harness.http(8080, { path: '/healthz' })?.body).toBe('error: 11');
  });

  it('rejects an unknown mode as cobra does', () => {
    const harness = startImage(AGNHOST, { argv: ['/agnhost', 'nope'] });
    expect(harness.stderr()).toBe('Error: unknown command "nope" for "agnhost"\nRun \'agnhost --help\' for usage.\n');
    expect(harness.exits[1]).toBe(1);
  });
});
