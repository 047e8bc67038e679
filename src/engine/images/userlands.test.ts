import { describe, expect, it } from 'vitest';
import type { Userland } from '../os/types';
import { createImageCatalog } from './createImageCatalog';
import { TestContainer } from './testing/testContainer';

function userlandOf(image: string): Userland | undefined {
  const resolution = createImageCatalog().resolve(image);
  if (resolution.kind !== 'found') throw new Error(`${image}: ${resolution.kind}`);
  return resolution.image.userland;
}

const busybox = (version: string): Userland => ({ kind: 'busybox', version });
/** What an exec that printed only to stderr returns. */
const failed = (stderr: string, exitCode = 1) => ({ stdout: '', stderr, exitCode });
const DASH: Userland = { kind: 'gnu', sh: 'dash' };

/** What the seeds' pods reach: info.cern.ch (seed 002's init container) and StatefulSet pod names (seed 003). */
const NETWORK = {
  dns: {
    'info.cern.ch': ['188.184.67.127'],
    'web-0.nginx.default.svc.cluster.local': ['10.244.32.152'],
  },
  sites: { '188.184.67.127': '<html><head></head><body><header>\n' },
};

const EUREKA = 'registry-vpc.ap-southeast-1.aliyuncs.com/allen-mo/proj.k8s-playground_app.eureka:20191227_01';

describe('the userland of catalog images', () => {
  it.each([
    ['busybox:1.28', busybox('1.28.4')],
    ['busybox:1.36.1-musl', busybox('1.36.1')],
    ['busybox', busybox('1.37.0')],
    ['registry.k8s.io/busybox', busybox('1.24.2')],
    ['radial/busyboxplus:curl', busybox('1.22.1')],
    ['alpine:3.8', busybox('1.28.4')],
    ['alpine:3.19', busybox('1.36.1')],
    ['alpine', busybox('1.37.0')],
    ['curlimages/curl:8.5.0', busybox('1.37.0')],
    ['nginx:1.16.1-alpine', busybox('1.30.1')],
    ['myapp:v1', busybox('1.25.1')],
    ['app:1.0.2', busybox('1.31.1')],
    ['redis:7.2.4-alpine', busybox('1.37.0')],
    ['prom/node-exporter:v1.8.2', busybox('1.36.1')],
    ['example.com/team/unknown:1.0', busybox('1.36.1')],
    ['debian:bookworm-slim', DASH],
    ['ubuntu:22.04', DASH],
    ['nginx', DASH],
    ['nginx:1.25.3-bookworm-perl', DASH],
    ['httpd:2.4', DASH],
    [EUREKA, DASH],
    ['mysql:8.0.36', { kind: 'gnu', sh: 'bash' }],
    ['registry.k8s.io/pause:3.9', { kind: 'none' }],
    ['k8s.gcr.io/liveness', { kind: 'none' }],
    ['registry.k8s.io/goproxy:0.1', { kind: 'none' }],
  ] as const)('%s', (image, userland) => {
    expect(userlandOf(image)).toEqual(userland);
  });
});

describe('busybox:1.28, the seeds’ shell image', () => {
  const container = () => new TestContainer('busybox:1.28', { argv: ['sleep', '3600'], ...NETWORK });

  it('runs ps and kill in its shell as seed 002 shows', () => {
    expect(container().exec(['sh'], 'ps -ef\nkill -HUP 1\n')).toEqual({
      stdout: 'PID   USER     TIME  COMMAND\n    1 root      0:00 sleep 3600\n    2 root      0:00 sh\n',
      stderr: '',
      exitCode: 0,
    });
    expect(container().exec(['kill', '999'])).toEqual(failed("kill: can't kill pid 999: No such process\n"));
    expect(container().exec(['sh', '-c', 'kill 999']).stderr).toBe("sh: can't kill pid 999: No such process\n");
  });

  it('resolves names with the old nslookup, as seeds 002 and 003 show', () => {
    const server = 'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n';
    expect(container().exec(['nslookup', 'web-0.nginx'])).toEqual({
      stdout: `${server}Name:      web-0.nginx\nAddress 1: 10.244.32.152 web-0.nginx.default.svc.cluster.local\n`,
      stderr: '',
      exitCode: 0,
    });
    expect(container().exec(['nslookup', 'kubernetes']).stdout).toBe(
      `${server}Name:      kubernetes\nAddress 1: 10.96.0.1 kubernetes.default.svc.cluster.local\n`,
    );
    expect(container().exec(['nslookup', 'myservice.default.svc.cluster.local'])).toEqual({
      stdout: server,
      stderr: "nslookup: can't resolve 'myservice.default.svc.cluster.local'\n",
      exitCode: 1,
    });
  });

  it('fetches with the old wget, which does not announce the file it saves', () => {
    const c = container();
    expect(c.exec(['wget', '-O', '/work-dir/index.html', 'http://info.cern.ch'])).toEqual({
      stdout: '',
      stderr:
        "Connecting to info.cern.ch (188.184.67.127:80)\nwget: can't open '/work-dir/index.html': No such file or directory\n",
      exitCode: 1,
    });
    expect(c.exec(['wget', '-O', '/tmp/index.html', 'http://info.cern.ch'])).toEqual(
      failed(
        `Connecting to info.cern.ch (188.184.67.127:80)\nindex.html           100% |${'*'.repeat(32)}|    34  0:00:00 ETA\n`,
        0,
      ),
    );
    expect(c.exec(['wget', '-q', '-O-', 'http://info.cern.ch']).stdout).toBe('<html><head></head><body><header>\n');
  });

  it('words file errors, missing commands and the environment as busybox does', () => {
    const c = container();
    expect(c.exec(['cat', '/tmp/healthy'])).toEqual(
      failed("cat: can't open '/tmp/healthy': No such file or directory\n"),
    );
    expect(c.exec(['ls', '/nope'])).toEqual(failed('ls: /nope: No such file or directory\n'));
    expect(c.exec(['ls', '/']).stdout).toBe('bin\ndev\netc\nhome\nproc\nroot\nsys\ntmp\nusr\nvar\n');
    expect(c.exec(['sh', '-c', 'echo hi > /x/y; curl -s x'])).toEqual(
      failed("sh: can't create /x/y: nonexistent directory\nsh: curl: not found\n", 127),
    );
    expect(c.exec(['date']).stdout).toBe('Mon Jan  1 10:00:00 UTC 2024\n');
    expect(c.exec(['hostname']).stdout).toBe('test-pod\n');
    expect(c.exec(['env']).stdout).toBe('PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n');
  });
});

describe('busybox 1.36 (busybox:1.36, alpine:3.19)', () => {
  it('has the new nslookup, which queries each search domain', () => {
    const c = new TestContainer('busybox:1.36', { argv: ['sleep', '3600'], ...NETWORK });
    const header = 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n';
    const misses =
      "** server can't find kubernetes.svc.cluster.local: NXDOMAIN\n\n" +
      "** server can't find kubernetes.cluster.local: NXDOMAIN\n\n";
    expect(c.exec(['nslookup', 'kubernetes'])).toEqual({
      stdout: `${header}Name:\tkubernetes.default.svc.cluster.local\nAddress: 10.96.0.1\n\n${misses}\n${misses}`,
      stderr: '',
      exitCode: 1,
    });
    expect(c.exec(['nslookup', 'web-0.nginx']).stdout).toBe(
      `${header}** server can't find web-0.nginx: NXDOMAIN\n\n** server can't find web-0.nginx: NXDOMAIN\n\n`,
    );
  });

  it('announces the file wget saves', () => {
    const c = new TestContainer('alpine:3.19', { argv: ['sleep', '3600'], ...NETWORK });
    expect(c.exec(['wget', '-O', '/tmp/index.html', 'http://info.cern.ch']).stderr).toBe(
      "Connecting to info.cern.ch (188.184.67.127:80)\nsaving to '/tmp/index.html'\n" +
        `index.html           100% |${'*'.repeat(32)}|    34  0:00:00 ETA\n'/tmp/index.html' saved\n`,
    );
  });

  it('speaks ash in its shell', () => {
    const c = new TestContainer('alpine:3.19', { argv: ['sleep', '3600'] });
    expect(c.exec(['sh', '-c', 'ps; cat /nope; echo > /x/y'])).toEqual({
      stdout:
        'PID   USER     TIME  COMMAND\n    1 root      0:00 sleep 3600\n    2 root      0:00 sh -c ps; cat /nope; echo > /x/y\n',
      stderr: "cat: can't open '/nope': No such file or directory\nsh: can't create /x/y: nonexistent directory\n",
      exitCode: 1,
    });
    expect(c.exec(['sh'], 'cd /nope\nnope\n')).toEqual(
      failed("sh: cd: can't cd to /nope: No such file or directory\nsh: nope: not found\n", 127),
    );
  });
});

describe('Debian-based images (nginx, debian, the seeds’ Eureka)', () => {
  it('has no ps in nginx, as seed 002 shows, and speaks dash', () => {
    const c = new TestContainer('nginx', { argv: ['sleep', '3600'] });
    expect(c.exec(['sh'], 'ps\n')).toEqual(failed('sh: 1: ps: not found\n', 127));
    expect(c.exec(['sh', '-c', 'echo > /x/y; kill 999; nslookup kubernetes'])).toEqual({
      stdout: '',
      stderr:
        'sh: 1: cannot create /x/y: Directory nonexistent\nsh: 1: kill: No such process\nsh: 1: nslookup: not found\n',
      exitCode: 127,
    });
  });

  it('words file errors as GNU coreutils do', () => {
    const c = new TestContainer('debian:bookworm', { argv: ['sleep', '3600'] });
    expect(c.exec(['cat', '/nope'])).toEqual(failed('cat: /nope: No such file or directory\n'));
    expect(c.exec(['ls', '/nope'])).toEqual(failed("ls: cannot access '/nope': No such file or directory\n", 2));
    expect(c.exec(['test', '1', '-eq', 'x'])).toEqual(failed("test: invalid integer 'x'\n", 2));
    expect(c.exec(['env', 'nope'])).toEqual(failed("env: 'nope': No such file or directory\n", 127));
    expect(c.exec(['date']).stdout).toBe('Mon Jan  1 10:00:00 UTC 2024\n');
    expect(c.exec(['hostname']).stdout).toBe('test-pod\n');
  });

  it('lists processes with procps and pings with iputils where the image has them (seed 004)', () => {
    const c = new TestContainer(EUREKA, NETWORK);
    expect(c.exec(['ps', '-ef']).stdout).toBe(
      'UID          PID    PPID  C STIME TTY          TIME CMD\n' +
        'root           1       0  0 10:00 ?        00:00:00 java -Djava.security.egd=file:/dev/./urandom -jar /app/eureka.jar\n' +
        'root           2       0  0 10:00 ?        00:00:00 ps -ef\n',
    );
    expect(c.exec(['kill', '999'])).toEqual(failed('kill: (999): No such process\n'));
    expect(c.exec(['ping', '-c', '1', 'web-0.nginx']).stdout.split('\n')[0]).toBe(
      'PING web-0.nginx.default.svc.cluster.local (10.244.32.152) 56(84) bytes of data.',
    );
  });
});
