/**
 * Test kit: one container of a catalog image, run by the engine's own kernel, shell, utilities and image programs in
 * virtual time, in a pod whose DNS records and neighbouring web servers the test describes. For checking what
 * commands print in each image's userland, as `kubectl exec` would show it.
 */
import { createFileSystemView } from '../../os/fs/createFileSystemView';
import { createRootTree } from '../../os/fs/fsTree';
import { Kernel, type ContainerContext } from '../../os/kernel';
import type { DnsAnswer, HttpOutcome, NetworkError, NetworkStack } from '../../os/types';
import { utilities } from '../../os/utilities';
import { Runtime } from '../../runtime/runtime';
import { shellProgram } from '../../shell';
import { imagePrograms } from '../programs/imagePrograms';
import type { ImageSpec } from '../types';
import { catalogImage } from './startImage';

/** 2024-01-01 10:00:00 UTC. */
export const CONTAINER_EPOCH = Date.UTC(2024, 0, 1, 10, 0, 0);

const CONTAINER_ID = 'c1';
const CLUSTER_DNS = '10.96.0.10';
const SEARCH = ['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local'];

export interface TestContainerOptions {
  /** The main process (default: the image's entrypoint and cmd). */
  argv?: string[];
  hostname?: string;
  podIp?: string;
  /** DNS records: fully qualified name → addresses (`kubernetes.default.svc.cluster.local` is always there). */
  dns?: Record<string, string[]>;
  /** Web servers elsewhere, by IP: the page every GET gets. */
  sites?: Record<string, string>;
}

export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number | undefined;
}

/** A running container of a catalog image; its main process starts at construction. */
export class TestContainer {
  readonly image: ImageSpec;
  readonly runtime = new Runtime(Runtime.initialState(1, CONTAINER_EPOCH));
  readonly kernel: Kernel;
  private readonly context: ContainerContext;
  private readonly log: string[] = [];

  constructor(imageName: string, options: TestContainerOptions = {}) {
    this.image = catalogImage(imageName);
    const hostname = options.hostname ?? 'test-pod';
    const podIp = options.podIp ?? '10.244.1.5';
    const runtimeFiles = {
      '/etc/hostname': `${hostname}\n`,
      '/etc/hosts': `127.0.0.1\tlocalhost\n${podIp}\t${hostname}\n`,
      '/etc/resolv.conf': `search ${SEARCH.join(' ')}\nnameserver ${CLUSTER_DNS}\noptions ndots:5\n`,
    };
    const fs = createFileSystemView(
      { root: createRootTree({ ...this.image.files, ...runtimeFiles }, CONTAINER_EPOCH) },
      [{ path: '/', treeId: 'root', readOnly: false }],
      () => this.runtime.now(),
    );
    const commands = new Set(this.image.commands);
    this.context = {
      pidNs: 'pod',
      netNs: 'pod',
      hostname,
      fs,
      net: this.network(hostname, podIp, options),
      hasCommand: (name) => {
        if (commands.has(name.slice(name.lastIndexOf('/') + 1))) return true;
        const stat = name.includes('/') ? fs.stat(name) : 'ENOENT';
        return typeof stat === 'object' && stat.type === 'file' && (stat.mode & 0o111) !== 0;
      },
      ...(this.image.userland ? { userland: this.image.userland } : {}),
    };
    this.kernel = new Kernel(Kernel.initialState(), this.runtime, { sh: shellProgram, ...imagePrograms }, utilities, {
      container: (id) => (id === CONTAINER_ID ? this.context : undefined),
      onMainExit: () => undefined,
      onLog: (_id, _stream, text) => this.log.push(text),
    });
    const started = this.kernel.startMain(
      CONTAINER_ID,
      options.argv ?? [...this.image.entrypoint, ...this.image.cmd],
      this.image.env,
      this.image.workingDir,
    );
    if (!started.ok) throw new Error(started.error);
    this.context.mainPid = started.pid;
    this.advance(0);
  }

  /** Lets virtual time pass. */
  advance(ms: number): void {
    this.runtime.runUntil(this.runtime.now() + ms);
  }

  /** The container's log so far (stdout and stderr of its main process, interleaved). */
  logs(): string {
    return this.log.join('');
  }

  /** Runs argv in the container as `kubectl exec` does; gives up (exit code undefined) after a virtual minute. */
  exec(argv: string[], stdin = ''): ExecResult {
    const started = this.kernel.startExec(CONTAINER_ID, argv, this.image.env, this.image.workingDir, stdin);
    if (!started.ok) return { stdout: '', stderr: `${started.error}\n`, exitCode: 126 };
    const deadline = this.runtime.now() + 60_000;
    for (;;) {
      const capture = this.kernel.captured(started.captureId);
      const next = this.runtime.nextTaskTime();
      if (capture?.exitCode !== undefined || next === undefined || next > deadline) {
        this.kernel.releaseCapture(started.captureId);
        return { stdout: capture?.stdout ?? '', stderr: capture?.stderr ?? '', exitCode: capture?.exitCode };
      }
      this.runtime.step();
    }
  }

  /** getaddrinfo as the cluster network answers it: the search path, then the name as given. */
  private network(hostname: string, podIp: string, options: TestContainerOptions): NetworkStack {
    const records: Record<string, string[]> = {
      'kubernetes.default.svc.cluster.local': ['10.96.0.1'],
      'kube-dns.kube-system.svc.cluster.local': [CLUSTER_DNS],
      ...options.dns,
    };
    // PTR answers: the first name that resolves to the address.
    const reverseLookup = (ip: string) => Object.keys(records).find((name) => records[name]!.includes(ip));
    const lookup = (raw: string): DnsAnswer | NetworkError => {
      const name = raw.replace(/\.$/, '');
      if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) return { name, addresses: [name], server: CLUSTER_DNS };
      if (name === 'localhost') return { name, addresses: ['127.0.0.1'], server: CLUSTER_DNS };
      if (name === hostname) return { name, addresses: [podIp], server: CLUSTER_DNS };
      const absolute = raw.endsWith('.') || name.split('.').length > 5;
      const candidates = absolute ? [name] : [...SEARCH.map((domain) => `${name}.${domain}`), name];
      const found = candidates.find((candidate) => records[candidate]);
      return found
        ? { name: found, addresses: records[found] ?? [], server: CLUSTER_DNS }
        : { kind: 'nxdomain', name: candidates[0] ?? name };
    };
    const resolve = (host: string): { ip: string } | NetworkError => {
      const answer = lookup(host);
      return 'kind' in answer ? answer : { ip: answer.addresses[0] ?? '' };
    };
    const http: NetworkStack['http'] = (request): HttpOutcome => {
      const target = resolve(request.host);
      if ('kind' in target) return { ok: false, error: target };
      const { ip } = target;
      const { port } = request;
      if (ip === podIp || ip.startsWith('127.')) {
        const host = port === 80 ? request.host : `${request.host}:${port}`;
        const served = this.kernel.serveHttp('pod', port, {
          ...request,
          host,
          headers: request.headers ?? {},
          sourceIp: ip,
        });
        if (served === undefined) return { ok: false, error: { kind: 'connection-refused', ip, port } };
        if (served === 'no-http') return { ok: false, error: { kind: 'reset', ip, port } };
        return { ok: true, ip, port, response: served };
      }
      const page = options.sites?.[ip];
      if (page === undefined) return { ok: false, error: { kind: 'timeout', ip, port } };
      const headers = { 'Content-Type': 'text/html', 'Content-Length': String(page.length) };
      return { ok: true, ip, port, response: { status: 200, statusText: 'OK', headers, body: page } };
    };
    return {
      podIp,
      lookup,
      reverseLookup,
      http,
      connect: (host, port) => {
        const target = resolve(host);
        if ('kind' in target) return { ok: false, error: target };
        const open = options.sites?.[target.ip] !== undefined || this.kernel.isListening('pod', port);
        return open
          ? { ok: true, ip: target.ip }
          : { ok: false, error: { kind: 'connection-refused', ip: target.ip, port } };
      },
      ping: (host) => {
        const answer = lookup(host);
        if ('kind' in answer) return { ok: false, error: answer };
        return { ok: true, ip: answer.addresses[0] ?? '', name: answer.name, rttMs: 0.051 };
      },
    };
  }
}
