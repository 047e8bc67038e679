import { describe, it, expect } from 'vitest';
import { catalogImage as imageOf, startImage } from '../../testing/startImage';

const NOTICE = '2024/01/01 10:00:01 [notice]';

describe('nginx image', () => {
  it('runs the entrypoint hooks, then starts a master and two workers after its startup time', () => {
    const harness = startImage('nginx:1.25.3');
    expect(harness.stdout()).toBe(
      [
        '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
        '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
        '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
        '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
        '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
        '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
        '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
        '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
        '/docker-entrypoint.sh: Configuration complete; ready for start up',
        '',
      ].join('\n'),
    );
    expect(harness.fs.read('/etc/nginx/conf.d/default.conf')).toContain('    listen       80;\n    listen  [::]:80;\n');
    expect(harness.listening.size).toBe(0);
    harness.advance(999);
    expect(harness.listening.size).toBe(0);
    harness.advance(1);
    expect([...harness.listening]).toEqual([[80, 1]]);
    expect(harness.stderr()).toBe(
      [
        `${NOTICE} 1#1: using the "epoll" event method`,
        `${NOTICE} 1#1: nginx/1.25.3`,
        `${NOTICE} 1#1: built by gcc 12.2.0 (Debian 12.2.0-14) `,
        `${NOTICE} 1#1: OS: Linux 6.8.0-45-generic`,
        `${NOTICE} 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576`,
        `${NOTICE} 1#1: start worker processes`,
        `${NOTICE} 1#1: start worker process 2`,
        `${NOTICE} 1#1: start worker process 3`,
        '',
      ].join('\n'),
    );
    expect(harness.ps()).toEqual([
      { pid: 1, ppid: 0, cmdline: 'nginx: master process nginx -g daemon off;' },
      { pid: 2, ppid: 1, cmdline: 'nginx: worker process' },
      { pid: 3, ppid: 1, cmdline: 'nginx: worker process' },
    ]);
    expect(harness.fs.read('/var/run/nginx.pid')).toBe('1\n');
  });

  it('serves the welcome page and logs the request in the combined format', () => {
    const harness = startImage('nginx:1.25.3');
    harness.advance(1000);
    const logBefore = harness.log.length;
    const response = harness.http(80, { path: '/' });
    expect(response?.status).toBe(200);
    expect(response?.statusText).toBe('OK');
    expect(response?.body).toBe(imageOf('nginx:1.25.3').files['/usr/share/nginx/html/index.html']);
    expect(response?.body.length).toBe(615);
    expect(response?.body).toContain('<h1>Welcome to nginx!</h1>');
    expect(response?.headers).toEqual({
      Server: 'nginx/1.25.3',
      Date: 'Mon, 01 Jan 2024 10:00:01 GMT',
      'Content-Type': 'text/html',
      'Content-Length': '615',
      'Last-Modified': 'Thu, 01 Jan 1970 00:00:00 GMT',
      Connection: 'keep-alive',
      ETag: '"0-267"',
      'Accept-Ranges': 'bytes',
    });
    expect(harness.log.slice(logBefore)).toEqual([
      {
        pid: 0,
        stream: 'stdout',
        text: '10.244.1.1 - - [01/Jan/2024:10:00:01 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/8.5.0" "-"\n',
      },
    ]);
  });

  it("answers 404 with nginx's page and an error-log line", () => {
    const harness = startImage('nginx:1.25.3');
    harness.advance(1000);
    const logBefore = harness.log.length;
    const response = harness.http(80, {
      path: '/missing.html',
      headers: { Host: '10.244.1.5', 'User-Agent': 'kube-probe/1.33' },
    });
    expect(response?.status).toBe(404);
    expect(response?.statusText).toBe('Not Found');
    expect(response?.body).toBe(
      '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n' +
        '<hr><center>nginx/1.25.3</center>\r\n</body>\r\n</html>\r\n',
    );
    expect(harness.log.slice(logBefore).map((line) => line.text)).toEqual([
      '2024/01/01 10:00:01 [error] 3#3: *1 open() "/usr/share/nginx/html/missing.html" failed (2: No such file or directory), ' +
        'client: 10.244.1.1, server: localhost, request: "GET /missing.html HTTP/1.1", host: "10.244.1.5"\n',
      '10.244.1.1 - - [01/Jan/2024:10:00:01 +0000] "GET /missing.html HTTP/1.1" 404 153 "-" "kube-probe/1.33" "-"\n',
    ]);
  });

  it('redirects a directory without its slash and forbids one without an index', () => {
    const harness = startImage('nginx:1.25.3');
    harness.fs.mkdir('/usr/share/nginx/html/docs');
    harness.advance(1000);
    const redirect = harness.http(80, { path: '/docs', headers: { Host: 'web:80' } });
    expect(redirect?.status).toBe(301);
    expect(redirect?.headers.Location).toBe('http://web/docs/');
    expect(harness.http(80, { path: '/docs/' })?.status).toBe(403);
    expect(harness.http(80, { path: '/', method: 'POST' })?.status).toBe(405);
    expect(harness.http(80, { path: '/../etc/passwd' })?.status).toBe(400);
  });

  it('replaces its workers with new pids on SIGHUP, as `kill -HUP 1` shows in ps', () => {
    const harness = startImage('nginx:1.25.3');
    harness.advance(1000);
    const logBefore = harness.log.length;
    harness.advance(4000);
    harness.signal(1, 'SIGHUP');
    const at = '2024/01/01 10:00:05 [notice]';
    expect(harness.log.slice(logBefore).map((line) => line.text)).toEqual([
      `${at} 1#1: signal 1 (SIGHUP) received, reconfiguring\n`,
      `${at} 1#1: reconfiguring\n`,
      `${at} 1#1: using the "epoll" event method\n`,
      `${at} 1#1: start worker processes\n`,
      `${at} 1#1: start worker process 4\n`,
      `${at} 1#1: start worker process 5\n`,
      `${at} 2#2: gracefully shutting down\n`,
      `${at} 2#2: exiting\n`,
      `${at} 2#2: exit\n`,
      `${at} 3#3: gracefully shutting down\n`,
      `${at} 3#3: exiting\n`,
      `${at} 3#3: exit\n`,
      `${at} 1#1: signal 17 (SIGCHLD) received from 2\n`,
      `${at} 1#1: worker process 2 exited with code 0\n`,
      `${at} 1#1: signal 17 (SIGCHLD) received from 3\n`,
      `${at} 1#1: worker process 3 exited with code 0\n`,
      `${at} 1#1: signal 29 (SIGIO) received\n`,
    ]);
    expect(harness.ps().map((row) => [row.pid, row.cmdline])).toEqual([
      [1, 'nginx: master process nginx -g daemon off;'],
      [4, 'nginx: worker process'],
      [5, 'nginx: worker process'],
    ]);
    expect(harness.http(80)?.status).toBe(200);
  });

  it('picks up a new listen port and root on reload', () => {
    const harness = startImage('nginx:1.25.3');
    harness.advance(1000);
    harness.fs.write('/etc/nginx/conf.d/default.conf', 'server {\n  listen 8080;\n  root /srv;\n}\n');
    harness.fs.mkdir('/srv');
    harness.fs.write('/srv/index.html', 'v2\n');
    harness.signal(1, 'SIGHUP');
    expect([...harness.listening]).toEqual([[8080, 1]]);
    expect(harness.http(8080)?.body).toBe('v2\n');
  });

  it('keeps serving with the old configuration when a reload finds an error', () => {
    const harness = startImage('nginx:1.25.3');
    harness.advance(1000);
    harness.fs.write('/etc/nginx/conf.d/default.conf', 'server {\n  listen 8080;\n  root /srv\n}\n');
    harness.signal(1, 'SIGHUP');
    expect(harness.stderr()).toContain(
      '2024/01/01 10:00:01 [emerg] 1#1: unexpected "}" in /etc/nginx/conf.d/default.conf:4\n',
    );
    expect([...harness.listening]).toEqual([[80, 1]]);
    expect(harness.ps().map((row) => row.pid)).toEqual([1, 2, 3]);
  });

  it('exits 0 on SIGTERM after its workers exit', () => {
    const harness = startImage('nginx:1.25.3');
    harness.advance(1000);
    const logBefore = harness.log.length;
    harness.signal(1, 'SIGTERM');
    expect(harness.exits[1]).toBe(0);
    expect(harness.listening.size).toBe(0);
    expect(harness.log.slice(logBefore).map((line) => line.text.slice(20))).toEqual([
      '[notice] 1#1: signal 15 (SIGTERM) received, exiting\n',
      '[notice] 2#2: exiting\n',
      '[notice] 2#2: exit\n',
      '[notice] 3#3: exiting\n',
      '[notice] 3#3: exit\n',
      '[notice] 1#1: signal 17 (SIGCHLD) received from 2\n',
      '[notice] 1#1: worker process 2 exited with code 0\n',
      '[notice] 1#1: signal 17 (SIGCHLD) received from 3\n',
      '[notice] 1#1: worker process 3 exited with code 0\n',
      '[notice] 1#1: exit\n',
    ]);
  });

  it('shuts down gracefully on SIGQUIT and exits 0', () => {
    const harness = startImage('nginx:1.25.3');
    harness.advance(1000);
    harness.signal(1, 'SIGQUIT');
    expect(harness.exits[1]).toBe(0);
    expect(harness.stderr()).toContain('[notice] 1#1: signal 3 (SIGQUIT) received, shutting down\n');
    expect(harness.stderr()).toContain('[notice] 2#2: gracefully shutting down\n');
  });

  it('starts a new worker when one is killed', () => {
    const harness = startImage('nginx:1.25.3');
    harness.advance(1000);
    harness.signal(2, 'SIGKILL');
    expect(harness.stderr()).toContain('[notice] 1#1: worker process 2 exited on signal 9\n');
    expect(harness.ps().map((row) => row.pid)).toEqual([1, 3, 4]);
  });

  it('keeps state that survives a JSON round trip', () => {
    const harness = startImage('nginx:1.25.3');
    harness.advance(1000);
    harness.roundTrip(1);
    harness.http(80);
    harness.roundTrip(1);
    expect(harness.http(80, { path: '/nope' })?.status).toBe(404);
    expect(harness.stderr()).toContain(' 2#2: *2 open() "/usr/share/nginx/html/nope" failed');
  });

  it('retries a taken port five times, then exits 1', () => {
    const harness = startImage('nginx:1.25.3');
    harness.advance(1000);
    const second = harness.start(['nginx', '-g', 'daemon off;'], { NGINX_VERSION: '1.25.3' });
    harness.advance(3000);
    const lines = harness.log.filter((line) => line.pid === second).map((line) => line.text);
    expect(
      lines.filter((line) => line === 'nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)\n'),
    ).toHaveLength(5);
    expect(lines.at(-1)).toBe('nginx: [emerg] still could not bind()\n');
    expect(lines.at(-2)).toBe('2024/01/01 10:00:04 [emerg] 4#4: still could not bind()\n');
    expect(harness.exits[second]).toBe(1);
  });

  it('leaves a read-only default.conf alone and serves what the ConfigMap says', () => {
    const harness = startImage('nginx:1.25.3', {
      readOnlyMounts: {
        '/etc/nginx/conf.d': {
          'default.conf':
            'server {\n    listen 8080;\n    location / {\n        return 200 "hello from $hostname\\n";\n    }\n}\n',
        },
      },
    });
    expect(harness.stdout()).toContain(
      '10-listen-on-ipv6-by-default.sh: error: can not modify /etc/nginx/conf.d/default.conf (read-only file system?)\n',
    );
    harness.advance(1000);
    const response = harness.http(8080);
    expect(response?.body).toBe('hello from web-7d4b9c-abcde\n');
    expect(response?.headers['Content-Type']).toBe('application/octet-stream');
  });

  it('renders templates with the environment before starting', () => {
    const harness = startImage('nginx:1.25.3', {
      env: { BACKEND_PORT: '9000' },
      files: {
        '/etc/nginx/templates/app.conf.template': 'server {\n  listen ${BACKEND_PORT};\n  return 200 $uri;\n}\n',
      },
    });
    expect(harness.stdout()).toContain(
      '20-envsubst-on-templates.sh: Running envsubst on /etc/nginx/templates/app.conf.template to /etc/nginx/conf.d/app.conf\n',
    );
    expect(harness.fs.read('/etc/nginx/conf.d/app.conf')).toBe('server {\n  listen 9000;\n  return 200 $uri;\n}\n');
    harness.advance(1000);
    expect([...harness.listening.keys()]).toEqual([9000, 80]);
    expect(harness.http(9000, { path: '/abc' })?.body).toBe('/abc');
  });

  it('proxies to a backend and fails at start when the upstream host does not resolve', () => {
    const conf = 'server {\n  listen 80;\n  location /api/ {\n    proxy_pass http://backend:8080/;\n  }\n}\n';
    const failing = startImage('nginx:1.25.3', { readOnlyMounts: { '/etc/nginx/conf.d': { 'default.conf': conf } } });
    expect(failing.exits[1]).toBe(1);
    expect(failing.stderr()).toContain(
      'nginx: [emerg] host not found in upstream "backend:8080" in /etc/nginx/conf.d/default.conf:4\n',
    );

    const requests: string[] = [];
    const working = startImage('nginx:1.25.3', {
      readOnlyMounts: { '/etc/nginx/conf.d': { 'default.conf': conf } },
      net: {
        lookup: (name) => ({
          name: `${name}.default.svc.cluster.local`,
          addresses: ['10.96.0.20'],
          server: '10.96.0.10',
        }),
        http: (request) => {
          requests.push(`${request.method} ${request.host}:${request.port}${request.path}`);
          return {
            ok: true,
            ip: '10.96.0.20',
            port: 8080,
            response: { status: 200, statusText: 'OK', headers: { 'Content-Type': 'text/plain' }, body: 'pong' },
          };
        },
      },
    });
    working.advance(1000);
    const response = working.http(80, { path: '/api/ping?x=1' });
    expect(requests).toEqual(['GET backend:8080/ping?x=1']);
    expect(response?.body).toBe('pong');
    expect(response?.headers.Server).toBe('nginx/1.25.3');
  });

  it('answers -v, -t and -s reload like the binary', () => {
    const harness = startImage('nginx:1.25.3');
    harness.advance(1000);
    const version = harness.start(['nginx', '-v'], { NGINX_VERSION: '1.25.3' });
    expect(harness.log.filter((line) => line.pid === version).map((line) => line.text)).toEqual([
      'nginx version: nginx/1.25.3\n',
    ]);
    const test = harness.start(['nginx', '-t']);
    expect(harness.log.filter((line) => line.pid === test).map((line) => line.text)).toEqual([
      'nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n',
    ]);
    const reload = harness.start(['nginx', '-s', 'reload']);
    expect(harness.exits[reload]).toBe(0);
    expect(harness.log.filter((line) => line.pid === reload).map((line) => line.text)).toEqual([
      `${NOTICE} ${reload}#${reload}: signal process started\n`,
    ]);
    expect(harness.ps().map((row) => row.pid)).toEqual([1, 7, 8]);
  });

  it('behaves as the 2018 images did for old versions', () => {
    const harness = startImage('nginx:1.15.2');
    expect(harness.stdout()).toBe('');
    harness.advance(1000);
    expect(harness.stderr()).toBe('');
    expect(harness.ps().map((row) => row.cmdline)).toEqual([
      'nginx: master process nginx -g daemon off;',
      'nginx: worker process',
    ]);
    expect(harness.http(80)?.body.length).toBe(612);
    expect(harness.http(80, { path: '/x' })?.body).toContain('<body bgcolor="white">\r\n');
  });
});

describe('myapp image', () => {
  it('serves its version page and the pod name at /hostname.html', () => {
    const harness = startImage('myapp:v2');
    harness.advance(1000);
    expect(harness.http(80)?.body).toBe('Hello MyApp | Version: v2 | <a href="hostname.html">Pod Name</a>\n');
    const hostname = harness.http(80, { path: '/hostname.html' });
    expect(hostname?.body).toBe('web-7d4b9c-abcde\n');
    expect(hostname?.headers['Content-Type']).toBe('text/html');
    expect(hostname?.headers.Server).toBe('nginx/1.12.2');
  });
});
