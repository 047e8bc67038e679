import { createFileSystemView } from '../fs/createFileSystemView';
import { createRootTree } from '../fs/fsTree';
import type { TreeRegistry } from '../fs/mountTable';
import type { NetworkStack, ProcessInfo, Signal, SystemCalls, Utility } from '../types';

export interface FakeSystemOptions {
  /** Files of the container's root besides the skeleton. */
  files?: Record<string, string>;
  /** Virtual ms since the epoch; default 2006-01-02T15:04:05Z. */
  now?: number;
  hostname?: string;
  pid?: number;
  processes?: ProcessInfo[];
  /** Commands the image has (for `which` and `hasCommand`). */
  commands?: string[];
  net?: Partial<NetworkStack>;
  /** Returned by `random()` in turn, cycling. */
  randomValues?: number[];
}

export interface FakeSystem {
  sys: SystemCalls;
  registry: TreeRegistry;
  /** Signals sent through `sys.kill`, in order. */
  kills: { pid: number; signal: Signal }[];
}

const unreachable = (name: string) => ({ kind: 'nxdomain' as const, name });

/**
 * A SystemCalls for tests of utilities and shells: a real file system view over one root tree, a process table,
 * and a network stack whose answers the test provides (unknown names give NXDOMAIN).
 */
export function createFakeSystem(options: FakeSystemOptions = {}): FakeSystem {
  const registry: TreeRegistry = { root: createRootTree(options.files ?? {}, 0) };
  const now = options.now ?? Date.UTC(2006, 0, 2, 15, 4, 5);
  const processes = options.processes ?? [];
  const kills: FakeSystem['kills'] = [];
  const randomValues = options.randomValues ?? [0.5];
  let randomIndex = 0;
  const net: NetworkStack = {
    podIp: '10.244.1.5',
    lookup: (name) => unreachable(name),
    http: (request) => ({ ok: false, error: unreachable(request.host) }),
    connect: (host) => ({ ok: false, error: unreachable(host) }),
    ping: (host) => ({ ok: false, error: unreachable(host) }),
    ...options.net,
  };
  const sys: SystemCalls = {
    pid: options.pid ?? 42,
    ppid: 1,
    now,
    hostname: options.hostname ?? 'web-0',
    fs: createFileSystemView(registry, [{ path: '/', treeId: 'root', readOnly: false }], () => now),
    net,
    random: () => randomValues[randomIndex++ % randomValues.length] ?? 0,
    hasCommand: (name) => (options.commands ?? []).includes(name.slice(name.lastIndexOf('/') + 1)),
    findUtility: () => undefined,
    spawn: () => ({ ok: false, error: 'not-found' }),
    spawnProgram: () => 0,
    kill: (pid, signal) => {
      if (!processes.some((process) => process.pid === pid)) return 'ESRCH';
      kills.push({ pid, signal });
      return 'ok';
    },
    processes: () => processes,
    listen: () => true,
    unlisten: () => undefined,
    reapChild: () => undefined,
  };
  return { sys, registry, kills };
}

export interface UtilityRun {
  code: number;
  stdout: string;
  stderr: string;
  /** How long the utility asked its caller to sleep before its status takes effect. */
  sleepMs: number;
}

/** Runs a utility to completion, collecting its output. */
export function runUtility(
  utility: Utility,
  argv: string[],
  sys: SystemCalls,
  options: { stdin?: string; env?: Record<string, string>; cwd?: string } = {},
): UtilityRun {
  let stdout = '';
  let stderr = '';
  const io = {
    stdin: options.stdin ?? '',
    stdout: (text: string) => (stdout += text),
    stderr: (text: string) => (stderr += text),
  };
  const env = options.env ?? { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root' };
  const result = utility(argv, io, sys, env, options.cwd ?? '/');
  return typeof result === 'number'
    ? { code: result, stdout, stderr, sleepMs: 0 }
    : { code: result.exitCode, stdout, stderr, sleepMs: result.sleepMs };
}
