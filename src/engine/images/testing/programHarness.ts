/**
 * A miniature kernel for testing image programs: one container, a virtual clock, a process table, listening ports,
 * signals with Linux's default dispositions, and `/dev/stdout` and `/dev/stderr` routed to the container log. Every
 * program state is passed through JSON after each step, so a state that is not plain data fails the test.
 */
import { createFileSystemView } from '../../os/fs/createFileSystemView';
import { createRootTree, createTreeFromFiles } from '../../os/fs/fsTree';
import type { Mount, TreeRegistry } from '../../os/fs/mountTable';
import type {
  FileSystemView,
  HttpRequest,
  HttpResponse,
  NetworkStack,
  ProcessIO,
  ProgramStep,
  Signal,
  SystemCalls,
  Utility,
  Wake,
} from '../../os/types';
import { SIGNAL_NUMBERS } from '../../os/types';
import type { ProgramRegistry } from '../types';

/** 2024-01-01 10:00:00 UTC. */
export const HARNESS_EPOCH = Date.UTC(2024, 0, 1, 10, 0, 0);

export interface HarnessOptions {
  programs: ProgramRegistry;
  /** The image's files. */
  files?: Record<string, string>;
  /** Extra read-only mounts: mount point → files (a ConfigMap volume). */
  readOnlyMounts?: Record<string, Record<string, string>>;
  commands?: string[];
  hostname?: string;
  net?: Partial<NetworkStack>;
  utilities?: Record<string, Utility>;
}

interface HarnessProcess {
  pid: number;
  ppid: number;
  program: string;
  argv: string[];
  state: unknown;
  cmdline?: string;
  blocked?: { wakeAt?: number; waitFor?: number };
  childExits: Record<number, number>;
}

export interface LogLine {
  pid: number;
  stream: 'stdout' | 'stderr';
  text: string;
}

type Pending = { pid: number; wake: Wake };

export class ProgramHarness {
  now = HARNESS_EPOCH;
  readonly log: LogLine[] = [];
  readonly exits: Record<number, number> = {};
  readonly listening = new Map<number, number>();
  /** argv of every `exec` step, in order. */
  readonly execs: string[][] = [];
  readonly fs: FileSystemView;
  private readonly processes = new Map<number, HarnessProcess>();
  private readonly pending: Pending[] = [];
  private nextPid = 1;

  constructor(private readonly options: HarnessOptions) {
    const registry: TreeRegistry = { root: createRootTree(options.files ?? {}, 0) };
    const mounts: Mount[] = [{ path: '/', treeId: 'root', readOnly: false }];
    for (const [path, files] of Object.entries(options.readOnlyMounts ?? {})) {
      const rooted = Object.fromEntries(Object.entries(files).map(([name, content]) => [`/${name}`, content]));
      registry[path] = createTreeFromFiles(rooted, 0);
      mounts.push({ path, treeId: path, readOnly: true });
    }
    this.fs = this.withLogDevices(createFileSystemView(registry, mounts, () => this.now));
  }

  /** Starts argv as the container's main process (PID 1 unless others exist). */
  start(argv: string[], env: Record<string, string> = {}, cwd = '/'): number {
    const program = this.resolve(argv[0] ?? '');
    const pid = this.create(0, program, argv, this.definition(program).start(argv, env, cwd));
    this.settle();
    return pid;
  }

  /** Moves the clock forward, running every timer that falls due, in time order. */
  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      const due = [...this.processes.values()]
        .filter((process) => process.blocked?.wakeAt !== undefined && (process.blocked.wakeAt ?? Infinity) <= end)
        .sort((a, b) => (a.blocked?.wakeAt ?? 0) - (b.blocked?.wakeAt ?? 0) || a.pid - b.pid)[0];
      if (!due) break;
      this.now = Math.max(this.now, due.blocked?.wakeAt ?? this.now);
      this.pending.push({ pid: due.pid, wake: { kind: 'timer' } });
      this.settle();
    }
    this.now = end;
  }

  /** `kill(2)` from outside, e.g. the runtime stopping the container. */
  signal(pid: number, signal: Signal): void {
    this.deliver(pid, signal);
    this.settle();
  }

  /** An HTTP request to a listening port; undefined when nothing listens. */
  http(port: number, request: Partial<HttpRequest> = {}): HttpResponse | undefined {
    const pid = this.listening.get(port);
    const process = pid === undefined ? undefined : this.processes.get(pid);
    if (!process) return undefined;
    const definition = this.definition(process.program);
    const full: HttpRequest = {
      method: 'GET',
      host: '10.244.1.5',
      port,
      path: '/',
      headers: { 'User-Agent': 'curl/8.5.0', Accept: '*/*' },
      sourceIp: '10.244.1.1',
      ...request,
    };
    const response = definition.http?.(process.state, full, this.syscalls(process));
    process.state = JSON.parse(JSON.stringify(process.state));
    return response;
  }

  /** `ps -ef`-like rows. */
  ps(): { pid: number; ppid: number; cmdline: string }[] {
    return [...this.processes.values()].map((process) => ({
      pid: process.pid,
      ppid: process.ppid,
      cmdline: this.definition(process.program).cmdline?.(process.state) ?? process.cmdline ?? process.argv.join(' '),
    }));
  }

  isRunning(pid: number): boolean {
    return this.processes.has(pid);
  }

  stateOf(pid: number): unknown {
    return this.processes.get(pid)?.state;
  }

  /** Replaces a process state with a JSON copy, as an engine snapshot and restore would. */
  roundTrip(pid: number): void {
    const process = this.processes.get(pid);
    if (process) process.state = JSON.parse(JSON.stringify(process.state));
  }

  stdout(): string {
    return this.log
      .filter((line) => line.stream === 'stdout')
      .map((line) => line.text)
      .join('');
  }

  stderr(): string {
    return this.log
      .filter((line) => line.stream === 'stderr')
      .map((line) => line.text)
      .join('');
  }

  private withLogDevices(fs: FileSystemView): FileSystemView {
    const device = (path: string) =>
      path === '/dev/stdout' ? 'stdout' : path === '/dev/stderr' ? 'stderr' : undefined;
    return {
      ...fs,
      stat: (path) => (device(path) ? { type: 'file', size: 0, mtime: 0, mode: 0o666 } : fs.stat(path)),
      write: (path, data, append) => {
        const stream = device(path);
        if (!stream) return fs.write(path, data, append);
        this.log.push({ pid: 0, stream, text: data });
        return undefined;
      },
    };
  }

  private resolve(command: string): string {
    const name = command.slice(command.lastIndexOf('/') + 1);
    if (!this.options.programs[name]) throw new Error(`no program for ${command}`);
    return name;
  }

  private definition(program: string) {
    const definition = this.options.programs[program];
    if (!definition) throw new Error(`unknown program ${program}`);
    return definition;
  }

  private create(ppid: number, program: string, argv: string[], state: unknown, cmdline?: string): number {
    const pid = this.nextPid++;
    const process: HarnessProcess = { pid, ppid, program, argv, state, childExits: {} };
    if (cmdline !== undefined) process.cmdline = cmdline;
    this.processes.set(pid, process);
    this.pending.push({ pid, wake: { kind: 'start' } });
    return pid;
  }

  private settle(): void {
    for (let guard = 0; this.pending.length > 0; guard++) {
      if (guard > 10_000) throw new Error('programs never settle');
      const next = this.pending.shift();
      const process = next && this.processes.get(next.pid);
      if (next && process) this.run(process, next.wake);
    }
  }

  private run(process: HarnessProcess, wake: Wake): void {
    delete process.blocked;
    const step: ProgramStep = this.definition(process.program).step(
      process.state,
      this.syscalls(process),
      this.io(process),
      wake,
    );
    process.state = JSON.parse(JSON.stringify(process.state));
    if (!this.processes.has(process.pid)) return;
    if (step.kind === 'exit') return this.terminate(process, step.code);
    if (step.kind === 'exec') {
      this.execs.push(step.argv);
      const name = (step.argv[0] ?? '').slice((step.argv[0] ?? '').lastIndexOf('/') + 1);
      // A command that is not a long-running program (a utility) ends here, as if it ran and failed.
      if (!this.options.programs[name]) return this.terminate(process, 127);
      process.program = name;
      process.argv = step.argv;
      process.state = this.definition(process.program).start(step.argv, step.env, step.cwd);
      this.pending.unshift({ pid: process.pid, wake: { kind: 'start' } });
      return;
    }
    process.blocked = {};
    if (step.wakeAt !== undefined) process.blocked.wakeAt = step.wakeAt;
    if (step.waitFor !== undefined) {
      process.blocked.waitFor = step.waitFor;
      const code = process.childExits[step.waitFor];
      if (code !== undefined)
        this.pending.push({ pid: process.pid, wake: { kind: 'child-exited', pid: step.waitFor, code } });
    }
  }

  private deliver(pid: number, signal: Signal): void {
    const process = this.processes.get(pid);
    if (!process) return;
    const handles = signal !== 'SIGKILL' && this.definition(process.program).handlesSignal?.(process.state, signal);
    if (handles) {
      this.pending.push({ pid, wake: { kind: 'signal', signal } });
      return;
    }
    if (signal === 'SIGCHLD' || signal === 'SIGWINCH' || signal === 'SIGCONT') return;
    if (pid === 1 && signal !== 'SIGKILL') return;
    this.terminate(process, 128 + SIGNAL_NUMBERS[signal]);
  }

  private terminate(process: HarnessProcess, code: number): void {
    this.processes.delete(process.pid);
    this.exits[process.pid] = code;
    for (const [port, owner] of this.listening) if (owner === process.pid) this.listening.delete(port);
    const parent = this.processes.get(process.ppid);
    if (parent) {
      parent.childExits[process.pid] = code;
      if (parent.blocked?.waitFor === process.pid)
        this.pending.push({ pid: parent.pid, wake: { kind: 'child-exited', pid: process.pid, code } });
    }
    if (process.pid === 1) for (const other of [...this.processes.values()]) this.terminate(other, 137);
  }

  private io(process: HarnessProcess): ProcessIO {
    return {
      stdin: '',
      stdout: (text) => this.log.push({ pid: process.pid, stream: 'stdout', text }),
      stderr: (text) => this.log.push({ pid: process.pid, stream: 'stderr', text }),
    };
  }

  private syscalls(process: HarnessProcess): SystemCalls {
    const commands = this.options.commands ?? [];
    const unreachable = (name: string) => ({ kind: 'nxdomain' as const, name });
    const net: NetworkStack = {
      podIp: '10.244.1.5',
      lookup: (name) => unreachable(name),
      http: (request) => ({ ok: false, error: unreachable(request.host) }),
      connect: (host) => ({ ok: false, error: unreachable(host) }),
      ping: (host) => ({ ok: false, error: unreachable(host) }),
      ...this.options.net,
    };
    return {
      pid: process.pid,
      ppid: process.ppid,
      now: this.now,
      hostname: this.options.hostname ?? 'web-0',
      fs: this.fs,
      net,
      random: () => 0.5,
      hasCommand: (name) => commands.includes(name.slice(name.lastIndexOf('/') + 1)),
      findUtility: (name) => this.options.utilities?.[name],
      spawn: (argv) => {
        const program = this.resolve(argv[0] ?? '');
        return {
          ok: true,
          pid: this.create(process.pid, program, argv, this.definition(program).start(argv, {}, '/')),
        };
      },
      spawnProgram: (program, state, options) =>
        this.create(process.pid, program, options.cmdline.split(' '), state, options.cmdline),
      kill: (pid, signal) => {
        if (!this.processes.has(pid)) return 'ESRCH';
        this.deliver(pid, signal);
        return 'ok';
      },
      processes: () =>
        this.ps().map((row) => ({ ...row, user: 'root', startTime: HARNESS_EPOCH, state: 'S' as const })),
      listen: (port) => {
        const owner = this.listening.get(port);
        if (owner !== undefined && this.processes.has(owner)) return false;
        this.listening.set(port, process.pid);
        return true;
      },
      unlisten: (port) => {
        if (this.listening.get(port) === process.pid) this.listening.delete(port);
      },
      reapChild: (pid) => {
        const code = process.childExits[pid];
        if (code !== undefined) delete process.childExits[pid];
        return code;
      },
    };
  }
}
