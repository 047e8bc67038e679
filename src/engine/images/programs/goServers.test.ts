import { describe, it, expect } from 'vitest';
import { startImage } from '../testing/startImage';

describe('liveness server (/server)', () => {
  const start = () => startImage('quay.io/junkai/training:liveness', { argv: ['/server'] });

  it('listens on 8080 once started and answers /healthz 200 for the first 10 s, then 500', () => {
    const harness = start();
    expect(harness.listening.size).toBe(0);
    harness.advance(200);
    expect([...harness.listening]).toEqual([[8080, 1]]);
    harness.advance(4800);
    expect(harness.http(8080, { path: '/healthz', headers: { 'Custom-Header': 'Awesome' } })).toMatchObject({
      status: 200,
      body: 'ok',
    });
    harness.advance(5000);
    expect(harness.http(8080, { path: '/healthz' })).toMatchObject({ status: 200, body: 'ok' });
    harness.advance(500);
    const failing = harness.http(8080, { path: '/healthz' });
    expect(failing).toMatchObject({ status: 500, statusText: 'Internal Server Error', body: 'error: 10.5' });
    expect(failing?.headers['Content-Type']).toBe('text/plain; charset=utf-8');
    expect(harness.http(8080, { path: '/started' })?.body).toBe('10.5s');
    expect(harness.http(8080, { path: '/other' })).toMatchObject({ status: 404, body: '404 page not found\n' });
  });

  it('restarts its clock when the process starts again, and its state survives JSON', () => {
    const harness = start();
    harness.advance(20_000);
    harness.roundTrip(1);
    expect(harness.http(8080, { path: '/healthz' })?.status).toBe(500);
    const again = start();
    again.advance(3000);
    expect(again.http(8080, { path: '/healthz' })?.status).toBe(200);
  });

  it("dies through Go's runtime on SIGTERM: exit 2 as PID 1", () => {
    const harness = start();
    harness.advance(1000);
    harness.signal(1, 'SIGTERM');
    expect(harness.exits[1]).toBe(2);
    expect(harness.listening.size).toBe(0);
  });
});

describe('hello-app (quay.io/junkai/demo:1.0)', () => {
  it('greets with its version and hostname and logs each request', () => {
    const harness = startImage('quay.io/junkai/demo:1.0', { hostname: 'demo-5cc9f67f46-f8jrd' });
    harness.advance(200);
    expect(harness.http(8080)?.body).toBe('Hello, world!\nVersion: 1.0.0\nHostname: demo-5cc9f67f46-f8jrd\n');
    expect(harness.stderr()).toBe(
      '2024/01/01 10:00:00 Server listening on port 8080\n2024/01/01 10:00:00 Serving request: /\n',
    );
  });
});

describe('seed app and goproxy', () => {
  it('app:1.0.0 serves its homepage on 8080 from ./app', () => {
    const harness = startImage('app:1.0.0');
    harness.advance(200);
    const response = harness.http(8080, { path: '/anything' });
    expect(response?.body).toBe('<h1>Test Homepage</h1>');
    expect(response?.headers['Content-Type']).toBe('text/html; charset=utf-8');
  });

  it('goproxy listens on 8080 (the tcpSocket probe target) and refuses plain requests', () => {
    const harness = startImage('quay.io/junkai/training:goproxy-liveness');
    harness.advance(200);
    expect([...harness.listening.keys()]).toEqual([8080]);
    expect(harness.http(8080)).toMatchObject({
      status: 500,
      body: 'This is a proxy server. Does not respond to non-proxy requests.\n',
    });
  });
});
