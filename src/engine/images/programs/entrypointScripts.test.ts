import { describe, it, expect } from 'vitest';
import { startImage } from '../testing/startImage';

describe('entrypoint scripts', () => {
  it('mysql refuses to initialise without a password option', () => {
    const harness = startImage('mysql:8.4.6');
    expect(harness.exits[1]).toBe(1);
    expect(harness.stderr()).toBe(
      '2024-01-01 10:00:00+00:00 [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified\n' +
        '    You need to specify one of the following as an environment variable:\n' +
        '    - MYSQL_ROOT_PASSWORD\n    - MYSQL_ALLOW_EMPTY_PASSWORD\n    - MYSQL_RANDOM_ROOT_PASSWORD\n',
    );
  });

  it('mysql initialises, execs mysqld, and is ready after its first-start time', () => {
    const harness = startImage('mysql:8.4.6', { env: { MYSQL_ROOT_PASSWORD: 'secret' } });
    expect(harness.stdout()).toContain('[Note] [Entrypoint]: MySQL init process done. Ready for start up.\n');
    expect(harness.ps()).toEqual([{ pid: 1, ppid: 0, cmdline: 'mysqld' }]);
    harness.advance(15_999);
    expect(harness.listening.size).toBe(0);
    harness.advance(1);
    expect([...harness.listening.keys()]).toEqual([3306, 33060]);
    expect(harness.stderr()).toContain(
      "/usr/sbin/mysqld: ready for connections. Version: '8.4.6'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306",
    );
    harness.signal(1, 'SIGTERM');
    harness.advance(1500);
    expect(harness.exits[1]).toBe(0);
  });

  it('curlimages/curl turns bare arguments into a curl call', () => {
    const flags = startImage('curlimages/curl', { argv: ['/entrypoint.sh', '-s', 'http://web'] });
    expect(flags.execs).toEqual([['curl', '-s', 'http://web']]);
    const url = startImage('curlimages/curl', { argv: ['/entrypoint.sh', 'http://web'] });
    expect(url.execs).toEqual([['curl', 'http://web']]);
    const command = startImage('curlimages/curl', { argv: ['/entrypoint.sh', 'sh', '-c', 'true'] });
    expect(command.execs).toEqual([['sh', '-c', 'true']]);
  });

  it("redis's entrypoint runs redis-server for flags alone", () => {
    const harness = startImage('redis', { argv: ['docker-entrypoint.sh', '--port', '7000'] });
    harness.advance(500);
    expect([...harness.listening.keys()]).toEqual([7000]);
    expect(harness.ps()[0]?.cmdline).toBe('redis-server *:7000');
  });

  it("nginx's entrypoint stays quiet when asked and reports a missing default.conf", () => {
    const quiet = startImage('nginx:1.25.3', { env: { NGINX_ENTRYPOINT_QUIET_LOGS: '1' } });
    expect(quiet.stdout()).toBe('');
    const other = startImage('nginx:1.25.3', {
      readOnlyMounts: { '/etc/nginx/conf.d': { 'site.conf': 'server { listen 81; }\n' } },
    });
    expect(other.stdout()).toContain(
      '10-listen-on-ipv6-by-default.sh: error: /etc/nginx/conf.d/default.conf is not a file or does not exist\n',
    );
    other.advance(1000);
    expect([...other.listening.keys()]).toEqual([81]);
  });

  it("fluentd-elasticsearch's run.sh execs fluentd", () => {
    const harness = startImage('quay.io/fluentd_elasticsearch/fluentd:v2.5.2');
    expect(harness.ps()).toEqual([{ pid: 1, ppid: 0, cmdline: '/usr/local/bin/fluentd' }]);
  });
});
