import { describe, it, expect } from 'vitest';
import { startImage } from '../testing/startImage';

describe('apache httpd', () => {
  it('serves It works! on 80 from htdocs and logs in the common format', () => {
    const harness = startImage('httpd:2.4.58');
    expect(harness.stderr()).toBe(
      "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 10.244.1.5. Set the 'ServerName' directive globally to suppress this message\n".repeat(
        2,
      ),
    );
    harness.advance(1000);
    const response = harness.http(80);
    expect(response?.body).toBe('<html><body><h1>It works!</h1></body></html>\n');
    expect(response?.headers.Server).toBe('Apache/2.4.58 (Unix)');
    expect(harness.stdout()).toBe('10.244.1.1 - - [01/Jan/2024:10:00:01 +0000] "GET / HTTP/1.1" 200 45\n');
    expect(harness.stderr()).toContain(
      '[mpm_event:notice] [pid 1:tid 140234567890112] AH00489: Apache/2.4.58 (Unix) configured -- resuming normal operations\n',
    );
    expect(harness.ps()[0]?.cmdline).toBe('httpd -DFOREGROUND');
    expect(harness.http(80, { path: '/nope' })?.body).toBe(
      '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n',
    );
  });

  it('stops on SIGTERM with exit 0', () => {
    const harness = startImage('httpd');
    harness.advance(1000);
    harness.signal(1, 'SIGTERM');
    expect(harness.exits[1]).toBe(0);
    expect(harness.stderr()).toContain('AH00491: caught SIGTERM, shutting down\n');
  });

  it('runs the HPA example page: OK! from index.php', () => {
    const harness = startImage('registry.k8s.io/hpa-example');
    harness.advance(1000);
    const response = harness.http(80);
    expect(response?.body).toBe('OK!');
    expect(response?.headers['X-Powered-By']).toBe('PHP/5.6.18');
    expect(harness.stdout()).toBe(
      '10.244.1.1 - - [01/Jan/2024:10:00:01 +0000] "GET / HTTP/1.1" 200 176 "-" "curl/8.5.0"\n',
    );
  });
});
