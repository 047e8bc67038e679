import { describe, expect, it } from 'vitest';
import type { DnsAnswer, HttpOutcome, NetworkError, NetworkStack } from '../types';
import { curl } from './curl';
import { createFakeSystem, runUtility } from './fakeSystemCalls';
import { nc } from './nc';
import { nslookup, nslookupBusybox128 } from './nslookup';
import { iputilsPing, ping } from './ping';
import { formatProgressSize, wget, wgetBusybox128 } from './wget';

const RESOLV_CONF =
  'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n';
const RECORDS: Record<string, string[]> = {
  'myservice.default.svc.cluster.local': ['10.96.12.3'],
  'web-0.nginx.default.svc.cluster.local': ['10.244.1.5'],
  'nginx.default.svc.cluster.local': ['10.244.1.5', '10.244.2.7'],
  'info.cern.ch': ['188.184.67.127'],
};
const SEARCH = ['', '.default.svc.cluster.local', '.svc.cluster.local', '.cluster.local'];
/** PTR records as CoreDNS serves them: the DNS Service, and the StatefulSet pods behind the headless `nginx`. */
const POINTERS: Record<string, string> = {
  '10.96.0.10': 'kube-dns.kube-system.svc.cluster.local',
  '10.244.1.5': 'web-0.nginx.default.svc.cluster.local',
  '10.244.2.7': 'web-1.nginx.default.svc.cluster.local',
};

/** Resolves like getaddrinfo with the pod's search path. */
function lookup(name: string): DnsAnswer | NetworkError {
  for (const suffix of SEARCH) {
    const addresses = RECORDS[name + suffix];
    if (addresses) return { name: name + suffix, addresses, server: '10.96.0.10' };
  }
  return { kind: 'nxdomain', name };
}

const PAGE = '<h1>http://info.cern.ch - home of the first website</h1>\n';

function http(request: { host: string; port: number; path: string; method: string }): HttpOutcome {
  const answer = lookup(request.host);
  if ('kind' in answer) return { ok: false, error: answer };
  const ip = answer.addresses[0] ?? '';
  if (request.port === 81) return { ok: false, error: { kind: 'connection-refused', ip, port: 81 } };
  if (request.port === 82) return { ok: false, error: { kind: 'timeout', ip, port: 82 } };
  const respond = (
    status: number,
    statusText: string,
    body: string,
    headers: Record<string, string> = {},
  ): HttpOutcome => ({
    ok: true,
    ip,
    port: request.port,
    response: {
      status,
      statusText,
      headers: { Server: 'nginx/1.25.3', 'Content-Type': 'text/html', ...headers },
      body,
    },
  });
  if (request.path === '/500') return respond(500, 'Internal Server Error', 'boom\n');
  if (request.path === '/missing') return respond(404, 'Not Found', 'nf\n');
  if (request.path === '/old') return respond(301, 'Moved Permanently', 'moved\n', { Location: '/' });
  return respond(200, 'OK', request.method === 'HEAD' ? '' : PAGE);
}

const net: Partial<NetworkStack> = {
  lookup,
  reverseLookup: (ip) => POINTERS[ip],
  http,
  connect: (host, port) => {
    const answer = lookup(host);
    if ('kind' in answer) return { ok: false, error: answer };
    const ip = answer.addresses[0] ?? '';
    return port === 80 ? { ok: true, ip } : { ok: false, error: { kind: 'connection-refused', ip, port } };
  },
  ping: (host) => {
    const answer = lookup(host);
    if ('kind' in answer) return { ok: false, error: answer };
    return { ok: true, ip: answer.addresses[0] ?? '', name: answer.name, rttMs: 0.081 };
  },
};

const system = () => createFakeSystem({ files: { '/etc/resolv.conf': RESOLV_CONF }, net });

describe('nslookup (busybox 1.36)', () => {
  it('prints the server, then the A answer and the empty AAAA answer', () => {
    expect(runUtility(nslookup, ['nslookup', 'myservice.default.svc.cluster.local'], system().sys)).toEqual({
      code: 0,
      stdout:
        'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tmyservice.default.svc.cluster.local\nAddress: 10.96.12.3\n\n\n',
      stderr: '',
      sleepMs: 0,
    });
  });

  it('prints NXDOMAIN for both queries and exits 1', () => {
    expect(runUtility(nslookup, ['nslookup', 'nope.default.svc.cluster.local'], system().sys)).toEqual({
      code: 1,
      stdout:
        'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n' +
        "** server can't find nope.default.svc.cluster.local: NXDOMAIN\n\n" +
        "** server can't find nope.default.svc.cluster.local: NXDOMAIN\n\n",
      stderr: '',
      sleepMs: 0,
    });
  });

  it('expands a name without dots with every search domain, failing on those that miss', () => {
    const result = runUtility(nslookup, ['nslookup', 'myservice'], system().sys);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n' +
        'Name:\tmyservice.default.svc.cluster.local\nAddress: 10.96.12.3\n\n' +
        "** server can't find myservice.svc.cluster.local: NXDOMAIN\n\n" +
        "** server can't find myservice.cluster.local: NXDOMAIN\n\n" +
        '\n' +
        "** server can't find myservice.svc.cluster.local: NXDOMAIN\n\n" +
        "** server can't find myservice.cluster.local: NXDOMAIN\n\n",
    );
  });

  it('sends a dotted name as is, so web-0.nginx is not found', () => {
    const result = runUtility(nslookup, ['nslookup', 'web-0.nginx'], system().sys);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("** server can't find web-0.nginx: NXDOMAIN\n");
  });

  it('marks answers from outside the cluster domain as non-authoritative', () => {
    expect(runUtility(nslookup, ['nslookup', 'info.cern.ch'], system().sys).stdout).toBe(
      'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nNon-authoritative answer:\nName:\tinfo.cern.ch\nAddress: 188.184.67.127\n\nNon-authoritative answer:\n\n',
    );
  });
});

describe('nslookup (busybox 1.28)', () => {
  it('resolves through the search path, as the seed shows for a StatefulSet pod', () => {
    expect(runUtility(nslookupBusybox128, ['nslookup', 'web-0.nginx'], system().sys)).toEqual({
      code: 0,
      stdout:
        'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n' +
        'Name:      web-0.nginx\nAddress 1: 10.244.1.5 web-0.nginx.default.svc.cluster.local\n',
      stderr: '',
      sleepMs: 0,
    });
    expect(runUtility(nslookupBusybox128, ['nslookup', 'nginx'], system().sys).stdout).toContain(
      'Address 1: 10.244.1.5 web-0.nginx.default.svc.cluster.local\nAddress 2: 10.244.2.7 web-1.nginx.default.svc.cluster.local\n',
    );
  });

  it("says it can't resolve a missing Service, as the init container logs show", () => {
    expect(runUtility(nslookupBusybox128, ['nslookup', 'mydb.default.svc.cluster.local'], system().sys)).toEqual({
      code: 1,
      stdout: 'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n',
      stderr: "nslookup: can't resolve 'mydb.default.svc.cluster.local'\n",
      sleepMs: 0,
    });
  });
});

describe('wget', () => {
  it('saves index.html with busybox 1.36 messages', () => {
    const { sys } = system();
    const result = runUtility(wget, ['wget', 'http://info.cern.ch'], sys, { cwd: '/tmp' });
    expect(result).toEqual({
      code: 0,
      stdout: '',
      stderr:
        'Connecting to info.cern.ch (188.184.67.127:80)\n' +
        "saving to 'index.html'\n" +
        'index.html           100% |********************************|    57  0:00:00 ETA\n' +
        "'index.html' saved\n",
      sleepMs: 0,
    });
    expect(sys.fs.read('/tmp/index.html')).toBe(PAGE);
    expect(runUtility(wget, ['wget', 'http://info.cern.ch'], sys, { cwd: '/tmp' }).stderr).toBe(
      "Connecting to info.cern.ch (188.184.67.127:80)\nwget: can't open 'index.html': File exists\n",
    );
  });

  it('writes to the -O file the seed’s init container names', () => {
    const { sys } = system();
    sys.fs.mkdir('/work-dir');
    const result = runUtility(wget, ['wget', '-O', '/work-dir/index.html', 'http://info.cern.ch'], sys);
    expect(result.stderr).toBe(
      'Connecting to info.cern.ch (188.184.67.127:80)\n' +
        "saving to '/work-dir/index.html'\n" +
        'index.html           100% |********************************|    57  0:00:00 ETA\n' +
        "'/work-dir/index.html' saved\n",
    );
    expect(sys.fs.read('/work-dir/index.html')).toBe(PAGE);
  });

  it('prints the body with -O- and -q', () => {
    expect(runUtility(wget, ['wget', '-q', '-O-', 'http://myservice'], system().sys)).toEqual({
      code: 0,
      stdout: PAGE,
      stderr: '',
      sleepMs: 0,
    });
    expect(runUtility(wget, ['wget', '-O', '-', 'myservice:8080/x'], system().sys).stderr).toBe(
      'Connecting to myservice:8080 (10.96.12.3:8080)\nwriting to stdout\n-                    100% |********************************|    57  0:00:00 ETA\nwritten to stdout\n',
    );
  });

  it('reports DNS, connection and HTTP failures as busybox does', () => {
    const { sys } = system();
    expect(runUtility(wget, ['wget', 'http://nosuch/'], sys)).toEqual({
      code: 1,
      stdout: '',
      stderr: "wget: bad address 'nosuch'\n",
      sleepMs: 0,
    });
    expect(runUtility(wget, ['wget', '-q', 'http://myservice:81/'], sys).stderr).toBe(
      "wget: can't connect to remote host (10.96.12.3): Connection refused\n",
    );
    expect(runUtility(wget, ['wget', '-O-', 'http://myservice/500'], sys).stderr).toBe(
      'Connecting to myservice (10.96.12.3:80)\nwget: server returned error: HTTP/1.1 500 Internal Server Error\n',
    );
    expect(runUtility(wget, ['wget', '-q', '-T', '5', 'http://myservice:82/'], sys)).toEqual({
      code: 1,
      stdout: '',
      stderr: 'wget: download timed out\n',
      sleepMs: 5000,
    });
  });

  it('follows redirects, shows headers with -S and checks with --spider', () => {
    expect(runUtility(wget, ['wget', '-q', '-O-', 'http://myservice/old'], system().sys).stdout).toBe(PAGE);
    expect(runUtility(wget, ['wget', '--spider', 'http://myservice/'], system().sys).stderr).toBe(
      'Connecting to myservice (10.96.12.3:80)\nremote file exists\n',
    );
    expect(runUtility(wget, ['wget', '-S', '-q', '-O', '/dev/null', 'http://myservice/'], system().sys).stderr).toBe(
      '',
    );
    expect(runUtility(wget, ['wget', '-S', '-O', '/dev/null', 'http://myservice/'], system().sys).stderr).toBe(
      'Connecting to myservice (10.96.12.3:80)\n  HTTP/1.1 200 OK\n  Server: nginx/1.25.3\n  Content-Type: text/html\n  \n' +
        "saving to '/dev/null'\nnull                 100% |********************************|    57  0:00:00 ETA\n'/dev/null' saved\n",
    );
  });

  it('has busybox 1.28’s quieter form, without the saving lines', () => {
    const { sys } = system();
    sys.fs.mkdir('/work-dir');
    expect(runUtility(wgetBusybox128, ['wget', '-O', '/work-dir/index.html', 'http://info.cern.ch'], sys).stderr).toBe(
      'Connecting to info.cern.ch (188.184.67.127:80)\nindex.html           100% |********************************|    57  0:00:00 ETA\n',
    );
  });

  it('formats progress sizes like busybox', () => {
    expect([999, 99999, 100000, 1000000, 12345678].map(formatProgressSize)).toEqual([
      '  999',
      '99999',
      '97.6k',
      ' 976k',
      '11.7M',
    ]);
  });
});

describe('curl', () => {
  it('prints the body', () => {
    expect(runUtility(curl, ['curl', 'myservice'], system().sys)).toEqual({
      code: 0,
      stdout: PAGE,
      stderr: '',
      sleepMs: 0,
    });
  });

  it('renders errors with curl 8 codes and messages', () => {
    const { sys } = system();
    expect(runUtility(curl, ['curl', 'http://nosuch/'], sys)).toEqual({
      code: 6,
      stdout: '',
      stderr: 'curl: (6) Could not resolve host: nosuch\n',
      sleepMs: 0,
    });
    expect(runUtility(curl, ['curl', '-s', 'http://nosuch/'], sys)).toEqual({
      code: 6,
      stdout: '',
      stderr: '',
      sleepMs: 0,
    });
    expect(runUtility(curl, ['curl', '-sS', 'http://nosuch/'], sys).stderr).toBe(
      'curl: (6) Could not resolve host: nosuch\n',
    );
    expect(
      runUtility(curl, ['curl', '10.96.12.3:81'], {
        ...sys,
        net: {
          ...sys.net,
          http: () => ({ ok: false, error: { kind: 'connection-refused', ip: '10.96.12.3', port: 81 } }),
        },
      }).stderr,
    ).toBe("curl: (7) Failed to connect to 10.96.12.3 port 81 after 0 ms: Couldn't connect to server\n");
    expect(runUtility(curl, ['curl', '-f', 'myservice/missing'], sys)).toEqual({
      code: 22,
      stdout: '',
      stderr: 'curl: (22) The requested URL returned error: 404\n',
      sleepMs: 0,
    });
    expect(runUtility(curl, ['curl', 'myservice/missing'], sys)).toEqual({
      code: 0,
      stdout: 'nf\n',
      stderr: '',
      sleepMs: 0,
    });
  });

  it('waits out timeouts: --max-time, or the kernel’s connect timeout', () => {
    const { sys } = system();
    expect(runUtility(curl, ['curl', '-m', '5', 'myservice:82'], sys)).toEqual({
      code: 28,
      stdout: '',
      stderr: 'curl: (28) Failed to connect to myservice port 82 after 5001 ms: Timeout was reached\n',
      sleepMs: 5001,
    });
    expect(runUtility(curl, ['curl', 'myservice:82'], sys).sleepMs).toBe(130000);
  });

  it('shows headers with -I and -i, following redirects with -L', () => {
    const { sys } = system();
    expect(runUtility(curl, ['curl', '-I', 'myservice'], sys).stdout).toBe(
      'HTTP/1.1 200 OK\r\nServer: nginx/1.25.3\r\nContent-Type: text/html\r\n\r\n',
    );
    expect(runUtility(curl, ['curl', '-i', 'myservice/old'], sys).stdout).toBe(
      'HTTP/1.1 301 Moved Permanently\r\nServer: nginx/1.25.3\r\nContent-Type: text/html\r\nLocation: /\r\n\r\nmoved\n',
    );
    expect(
      runUtility(curl, ['curl', '-sL', '-w', '%{http_code} %{url_effective}\\n', 'myservice/old'], sys).stdout,
    ).toBe(`${PAGE}200 http://myservice/\n`);
  });

  it('writes -o files with a progress meter, and -w codes', () => {
    const { sys } = system();
    const result = runUtility(curl, ['curl', '-o', '/tmp/page.html', 'myservice'], sys);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
        '                                 Dload  Upload   Total   Spent    Left  Speed\n' +
        '100    57  100    57    0     0  57000      0 --:--:-- --:--:-- --:--:-- 57000\n',
    );
    expect(sys.fs.read('/tmp/page.html')).toBe(PAGE);
    expect(runUtility(curl, ['curl', '-s', '-o', '/dev/null', '-w', '%{http_code}', 'myservice/500'], sys).stdout).toBe(
      '500',
    );
    expect(runUtility(curl, ['curl', '-s', '-w', '%{http_code}', 'http://nosuch'], sys).stdout).toBe('000');
  });

  it('traces the exchange with -v', () => {
    const result = runUtility(curl, ['curl', '-v', 'myservice'], system().sys);
    expect(result.stderr).toBe(
      '*   Trying 10.96.12.3:80...\n* Connected to myservice (10.96.12.3) port 80\n' +
        '> GET / HTTP/1.1\r\n> Host: myservice\r\n> User-Agent: curl/8.5.0\r\n> Accept: */*\r\n> \r\n' +
        '< HTTP/1.1 200 OK\r\n< Server: nginx/1.25.3\r\n< Content-Type: text/html\r\n< \r\n' +
        '* Connection #0 to host myservice left intact\n',
    );
  });

  it('rejects unknown options and a missing URL', () => {
    const hint = "curl: try 'curl --help' or 'curl --manual' for more information\n";
    expect(runUtility(curl, ['curl', '--bogus', 'x'], system().sys)).toEqual({
      code: 2,
      stdout: '',
      stderr: `curl: option --bogus: is unknown\n${hint}`,
      sleepMs: 0,
    });
    expect(runUtility(curl, ['curl'], system().sys).stderr).toBe(`curl: no URL specified\n${hint}`);
  });
});

describe('ping', () => {
  it('pings -c times, one second apart, with busybox output', () => {
    expect(runUtility(ping, ['ping', '-c', '2', 'web-0.nginx'], system().sys)).toEqual({
      code: 0,
      stdout:
        'PING web-0.nginx (10.244.1.5): 56 data bytes\n' +
        '64 bytes from 10.244.1.5: seq=0 ttl=64 time=0.081 ms\n' +
        '64 bytes from 10.244.1.5: seq=1 ttl=64 time=0.081 ms\n\n' +
        '--- web-0.nginx ping statistics ---\n2 packets transmitted, 2 packets received, 0% packet loss\n' +
        'round-trip min/avg/max = 0.081/0.081/0.081 ms\n',
      stderr: '',
      sleepMs: 1000,
    });
  });

  it('without -c prints the first reply and keeps running', () => {
    const result = runUtility(ping, ['ping', 'web-0.nginx'], system().sys);
    expect(result.stdout).toBe(
      'PING web-0.nginx (10.244.1.5): 56 data bytes\n64 bytes from 10.244.1.5: seq=0 ttl=64 time=0.081 ms\n',
    );
    expect(result.sleepMs).toBe(2_147_483_647_000);
  });

  it('reports an unknown host', () => {
    expect(runUtility(ping, ['ping', '-c', '1', 'nosuch'], system().sys)).toEqual({
      code: 1,
      stdout: '',
      stderr: "ping: bad address 'nosuch'\n",
      sleepMs: 0,
    });
  });

  it('counts unanswered echoes as loss', () => {
    const { sys } = createFakeSystem({
      net: { ping: () => ({ ok: false, error: { kind: 'timeout', ip: '10.96.12.3', port: 0 } }) },
    });
    expect(runUtility(ping, ['ping', '-c', '1', '-W', '2', 'myservice'], sys)).toEqual({
      code: 1,
      stdout:
        'PING myservice (10.96.12.3): 56 data bytes\n\n--- myservice ping statistics ---\n1 packets transmitted, 0 packets received, 100% packet loss\n',
      stderr: '',
      sleepMs: 2000,
    });
  });

  it('has an iputils flavour for Debian-based images, as seed 004 shows', () => {
    const result = runUtility(iputilsPing, ['ping', '-c', '2', 'web-0.nginx'], system().sys);
    expect(result.stdout).toBe(
      'PING web-0.nginx.default.svc.cluster.local (10.244.1.5) 56(84) bytes of data.\n' +
        '64 bytes from web-0.nginx.default.svc.cluster.local (10.244.1.5): icmp_seq=1 ttl=64 time=0.081 ms\n' +
        '64 bytes from web-0.nginx.default.svc.cluster.local (10.244.1.5): icmp_seq=2 ttl=64 time=0.081 ms\n\n' +
        '--- web-0.nginx.default.svc.cluster.local ping statistics ---\n' +
        '2 packets transmitted, 2 received, 0% packet loss, time 1000ms\n' +
        'rtt min/avg/max/mdev = 0.081/0.081/0.081/0.000 ms\n',
    );
  });
});

describe('nc', () => {
  it('scans a port with -z, verbosely with -v', () => {
    expect(runUtility(nc, ['nc', '-z', 'myservice', '80'], system().sys)).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
      sleepMs: 0,
    });
    expect(runUtility(nc, ['nc', '-zv', 'myservice', '80'], system().sys).stderr).toBe(
      'myservice (10.96.12.3:80) open\n',
    );
    expect(runUtility(nc, ['nc', '-zv', 'myservice', '81'], system().sys)).toEqual({
      code: 1,
      stdout: '',
      stderr: 'nc: myservice (10.96.12.3:81): Connection refused\n',
      sleepMs: 0,
    });
    expect(runUtility(nc, ['nc', '-z', 'nosuch', '80'], system().sys).stderr).toBe("nc: bad address 'nosuch'\n");
  });
});
