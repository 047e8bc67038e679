/**
 * The simulated kernel shared by every node: process tables per PID namespace, program stepping in virtual time,
 * signals with Linux's default dispositions, listening sockets per network namespace, and output routing to container
 * logs or exec sessions. All of its state is plain data; programs are looked up by name.
 */
import type {
  FileSystemView,
  HttpRequest,
  HttpResponse,
  NetworkStack,
  ProcessInfo,
  ProcessIO,
  ProgramDefinition,
  ProgramStep,
  Signal,
  SpawnResult,
  SystemCalls,
  Userland,
  Utility,
  Wake,
} from './types';
import { SIGNAL_NUMBERS } from './types';
import type { Runtime } from '../runtime/runtime';
import type { Task } from '../runtime/taskQueue';
import { UTILITY_RUNNER, utilityRunner } from './utilityRunner';
import { selectUtilities, utilityFlavourOf, type UtilityFlavour } from './utilities';

/**
 * In a shared PID namespace the runtime's own short-lived init processes take PIDs 2–6 before the first container's
 * process starts: seed 002's `ps -ef` shows nginx's master as PID 7 after /pause.
 */
const FIRST_CONTAINER_PID_IN_SHARED_NAMESPACE = 7;

export type OutputTarget = { kind: 'log' } | { kind: 'null' } | { kind: 'capture'; id: string };

export interface ProcessRecord {
  pidNs: string;
  pid: number;
  ppid: number;
  containerId: string;
  program: string;
  argv: string[];
  state: unknown;
  startTime: number;
  output: OutputTarget;
  stdin: string;
  /** stdin is a terminal the runtime holds open (`stdin: true`): reading past `stdin` waits instead of ending. */
  stdinOpen?: true;
  blocked?: { wakeAt?: number; waitFor?: number; waitAny?: true };
  /** Exit statuses of finished children not yet reaped. */
  childExits: Record<number, number>;
  /** Set when a signal wake is queued, so repeated signals coalesce. */
  pendingSignals: Signal[];
  /** Memory the process holds (its resident set), beyond the image's base that the container is charged anyway. */
  residentBytes?: number;
  /** Cores the process would burn unhindered (a busy loop: 1). */
  cpuCores?: number;
}

export interface KernelState {
  processes: Record<string, ProcessRecord>;
  nextPid: Record<string, number>;
  /** network namespace → port → process key. */
  listeners: Record<string, Record<number, string>>;
  captures: Record<string, { stdout: string; stderr: string; exitCode?: number }>;
  nextCaptureId: number;
  /** container id → HTTP requests its processes served (metrics-server turns the increase into CPU use). */
  httpServed: Record<string, number>;
  /** node → bytes of memory used on it outside any container (`kubeplay node pressure`); absent in older snapshots. */
  hostMemory?: Record<string, number>;
}

/** What the kernel needs to know about a container; provided by the container runtime. */
export interface ContainerContext {
  pidNs: string;
  netNs: string;
  hostname: string;
  fs: FileSystemView;
  net: NetworkStack;
  hasCommand(name: string): boolean;
  /** The process started as the container's main process, when it is running. */
  mainPid?: number;
  /** The image's userland: which tools' wording its utilities and shell use. */
  userland?: Userland;
  /** The container cgroup's memory limit (`memory.max`); none when the container has no memory limit. */
  memoryLimitBytes?: number;
  /** What the container uses while its processes run, before anything they allocate: the image's working set. */
  baseMemoryBytes?: number;
}

export interface KernelHooks {
  container(containerId: string): ContainerContext | undefined;
  /** A container's main process ended (the container stops). */
  onMainExit(containerId: string, exitCode: number, signal: Signal | undefined): void;
  /** Text written by a container's processes to its log. */
  onLog(containerId: string, stream: 'stdout' | 'stderr', text: string): void;
  /** The OOM killer is about to end a container (the runtime reports it as `OOMKilled`). */
  onOomKill?(containerId: string): void;
}

const TASK_WAKE = 'kernel/wake';

interface WakePayload {
  key: string;
  wakeAt: number;
  start?: boolean;
  child?: { pid: number; code: number };
}
const TASK_SIGNAL = 'kernel/signal';
const SHELL_NAMES = new Set(['sh', 'bash', 'ash', 'dash']);

function processKey(pidNs: string, pid: number): string {
  return `${pidNs}:${pid}`;
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * Where each process is, derived from `state.processes` (built on first use, so also after a restore): stopping a
 * container or a PID namespace visits its own processes instead of every process of the cluster.
 */
interface ProcessIndex {
  /** Creation order, which is the order of `state.processes`'s keys. */
  order: Map<ProcessRecord, number>;
  nextOrder: number;
  byContainer: Map<string, Set<ProcessRecord>>;
  /** Processes that burn CPU of their own (`setCpuUse`). */
  busy: Set<ProcessRecord>;
  byPidNs: Map<string, Set<ProcessRecord>>;
}

/** A process's system calls and the container view they were made for (derived data, never in the state). */
interface CachedSyscalls {
  context: ContainerContext;
  sys: SystemCalls & { now: number };
}

export class Kernel {
  /** The utilities by userland flavour: the given set with each flavour's own tools swapped in. */
  private readonly toolsets: Record<UtilityFlavour, Record<string, Utility>>;
  /** Built once per process record (a restored kernel has new records, so it starts afresh). */
  private readonly syscallCache = new WeakMap<ProcessRecord, CachedSyscalls>();
  private index?: ProcessIndex;

  constructor(
    readonly state: KernelState,
    private readonly runtime: Runtime,
    private readonly programs: Record<string, ProgramDefinition<any>>,
    utilities: Record<string, Utility>,
    private readonly hooks: KernelHooks,
  ) {
    this.toolsets = {
      busybox: selectUtilities('busybox', utilities),
      'busybox-1.28': selectUtilities('busybox-1.28', utilities),
      debian: selectUtilities('debian', utilities),
    };
    runtime.on(TASK_WAKE, (task) => this.handleWake(task));
    runtime.on(TASK_SIGNAL, (task) => this.handleSignal(task));
  }

  static initialState(): KernelState {
    return {
      processes: {},
      nextPid: {},
      listeners: {},
      captures: {},
      nextCaptureId: 1,
      httpServed: {},
      hostMemory: {},
    };
  }

  /** Reserves PID 1 of a shared PID namespace for the sandbox's `/pause` process. */
  startPause(pidNs: string, containerId: string): number {
    const pid = this.createProcess(pidNs, 0, containerId, 'pause', ['/pause'], {}, '/', { kind: 'null' }, '');
    this.state.nextPid[pidNs] = FIRST_CONTAINER_PID_IN_SHARED_NAMESPACE;
    return pid;
  }

  /**
   * Starts a container's main process. Returns the pid, or an error such as the runtime's
   * `exec: "foo": executable file not found in $PATH`.
   */
  startMain(
    containerId: string,
    argv: string[],
    env: Record<string, string>,
    cwd: string,
    stdinOpen = false,
  ): { ok: true; pid: number } | { ok: false; error: string } {
    const context = this.hooks.container(containerId);
    if (!context) return { ok: false, error: 'container not found' };
    const program = this.resolveProgram(argv[0] ?? '', context);
    if (!program) return { ok: false, error: `exec: "${argv[0] ?? ''}": executable file not found in $PATH` };
    const pid = this.createProcess(context.pidNs, 0, containerId, program, argv, env, cwd, { kind: 'log' }, '');
    if (stdinOpen) this.state.processes[processKey(context.pidNs, pid)]!.stdinOpen = true;
    return { ok: true, pid };
  }

  /**
   * Runs argv in a container as `kubectl exec`, probes and hooks do, collecting its output. The process starts now;
   * `captured(id)` tells when it has finished.
   */
  startExec(
    containerId: string,
    argv: string[],
    env: Record<string, string>,
    cwd: string,
    stdin = '',
  ): { ok: true; captureId: string; pid: number } | { ok: false; error: string } {
    const context = this.hooks.container(containerId);
    if (!context) return { ok: false, error: 'container not found' };
    const program = this.resolveProgram(argv[0] ?? '', context);
    if (!program) {
      return {
        ok: false,
        error: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv[0] ?? ''}": executable file not found in $PATH: unknown`,
      };
    }
    const captureId = `c${this.state.nextCaptureId++}`;
    this.state.captures[captureId] = { stdout: '', stderr: '' };
    const pid = this.createProcess(
      context.pidNs,
      0,
      containerId,
      program,
      argv,
      env,
      cwd,
      { kind: 'capture', id: captureId },
      stdin,
      true,
    );
    return { ok: true, captureId, pid };
  }

  captured(captureId: string): { stdout: string; stderr: string; exitCode?: number } | undefined {
    return this.state.captures[captureId];
  }

  releaseCapture(captureId: string): void {
    delete this.state.captures[captureId];
  }

  /** Sends a signal as `kill(2)` from outside the container (the runtime stopping a container, a probe timeout). */
  signal(pidNs: string, pid: number, signal: Signal): 'ok' | 'ESRCH' {
    const record = this.state.processes[processKey(pidNs, pid)];
    if (!record) return 'ESRCH';
    this.deliver(record, signal);
    return 'ok';
  }

  /** Ends every process of a container at once (SIGKILL), as the runtime does when the container's task is deleted. */
  killContainer(containerId: string): void {
    for (const record of [...(this.processIndex().byContainer.get(containerId) ?? [])])
      this.terminate(record, 128 + SIGNAL_NUMBERS.SIGKILL, 'SIGKILL', false);
    delete this.state.httpServed[containerId];
  }

  isRunning(pidNs: string, pid: number): boolean {
    return processKey(pidNs, pid) in this.state.processes;
  }

  /** Serves an HTTP request arriving at `port` in a network namespace; undefined when nothing listens. */
  serveHttp(netNs: string, port: number, request: HttpRequest): HttpResponse | 'no-http' | undefined {
    const key = this.state.listeners[netNs]?.[port];
    const record = key ? this.state.processes[key] : undefined;
    if (!record) return undefined;
    const definition = this.programs[record.program];
    if (!definition?.http) return 'no-http';
    this.state.httpServed[record.containerId] = (this.state.httpServed[record.containerId] ?? 0) + 1;
    return definition.http(record.state, request, this.syscalls(record));
  }

  /** HTTP requests a container's processes have served since it started. */
  httpRequestsServed(containerId: string): number {
    return this.state.httpServed[containerId] ?? 0;
  }

  /**
   * A container's memory usage (its cgroup's working set): the image's base while any of its processes runs, plus
   * what those processes hold. 0 once none runs.
   */
  containerMemoryBytes(containerId: string): number {
    const processes = this.processIndex().byContainer.get(containerId);
    if (!processes || processes.size === 0) return 0;
    let bytes = this.hooks.container(containerId)?.baseMemoryBytes ?? 0;
    for (const record of processes) bytes += record.residentBytes ?? 0;
    return bytes;
  }

  /** The cores a container's processes would burn unhindered; the CFS quota and the node's cores come later. */
  containerCpuCores(containerId: string): number {
    let cores = 0;
    for (const record of this.processIndex().byContainer.get(containerId) ?? []) cores += record.cpuCores ?? 0;
    return cores;
  }

  /** The containers whose processes burn CPU of their own (busy loops), beyond serving requests. */
  cpuBusyContainers(): string[] {
    const ids = new Set<string>();
    for (const record of this.processIndex().busy) ids.add(record.containerId);
    return [...ids];
  }

  /** Memory used on a node outside any container: a runaway host process, as `kubeplay node pressure` makes. */
  hostMemoryBytes(node: string): number {
    return this.state.hostMemory?.[node] ?? 0;
  }

  /** Sets the memory used on a node outside any container (0 releases it). */
  setHostMemory(node: string, bytes: number): void {
    const hostMemory = (this.state.hostMemory ??= {});
    if (bytes > 0) hostMemory[node] = bytes;
    else delete hostMemory[node];
  }

  isListening(netNs: string, port: number): boolean {
    const key = this.state.listeners[netNs]?.[port];
    return key !== undefined && key in this.state.processes;
  }

  /** Forgets a network namespace (pod sandbox removed). */
  dropNetworkNamespace(netNs: string): void {
    delete this.state.listeners[netNs];
  }

  processesIn(pidNs: string): ProcessInfo[] {
    const rows: ProcessInfo[] = [];
    for (const record of this.processIndex().byPidNs.get(pidNs) ?? []) {
      const definition = this.programs[record.program];
      rows.push({
        pid: record.pid,
        ppid: record.ppid,
        // Images' /etc/passwd files name only root among the uids programs run as; ps prints the others as numbers.
        user: userName(definition?.uid?.(record.state) ?? 0),
        cmdline: definition?.cmdline?.(record.state) ?? record.argv.join(' '),
        startTime: record.startTime,
        state: record.blocked ? 'S' : 'R',
      });
    }
    return rows.sort((a, b) => a.pid - b.pid);
  }

  private resolveProgram(command: string, context: ContainerContext): string | undefined {
    const name = basename(command);
    if (name === 'pause' && command === '/pause') return 'pause';
    if (!context.hasCommand(command)) return undefined;
    if (SHELL_NAMES.has(name)) return 'sh';
    if (this.programs[name]) return name;
    if (this.utilitiesOf(context)[name]) return UTILITY_RUNNER;
    return undefined;
  }

  private utilitiesOf(context: ContainerContext): Record<string, Utility> {
    return this.toolsets[utilityFlavourOf(context.userland)];
  }

  private createProcess(
    pidNs: string,
    ppid: number,
    containerId: string,
    program: string,
    argv: string[],
    env: Record<string, string>,
    cwd: string,
    output: OutputTarget,
    stdin: string,
    runNow = false,
    initialState?: unknown,
  ): number {
    const pid = (this.state.nextPid[pidNs] ?? 1) as number;
    this.state.nextPid[pidNs] = pid + 1;
    const definition = this.definition(program);
    const record: ProcessRecord = {
      pidNs,
      pid,
      ppid,
      containerId,
      program,
      argv,
      state: initialState ?? definition.start(argv, env, cwd, this.hooks.container(containerId)?.userland),
      startTime: this.runtime.now(),
      output,
      stdin,
      childExits: {},
      pendingSignals: [],
    };
    this.state.processes[processKey(pidNs, pid)] = record;
    this.indexProcess(record);
    if (runNow) this.run(record, { kind: 'start' });
    else {
      const wakeAt = this.runtime.now();
      record.blocked = { wakeAt };
      const payload: WakePayload = { key: processKey(pidNs, pid), wakeAt, start: true };
      this.runtime.at(wakeAt, TASK_WAKE, payload);
    }
    return pid;
  }

  private definition(program: string): ProgramDefinition<any> {
    if (program === UTILITY_RUNNER) return utilityRunner;
    const definition = this.programs[program];
    if (!definition) throw new Error(`unknown program ${program}`);
    return definition;
  }

  private handleWake(task: Task): void {
    const { key, wakeAt, start, child } = task.payload as WakePayload;
    const record = this.state.processes[key];
    if (!record || record.blocked?.wakeAt !== wakeAt) return;
    if (child) this.run(record, { kind: 'child-exited', pid: child.pid, code: child.code });
    else this.run(record, start ? { kind: 'start' } : { kind: 'timer' });
  }

  private handleSignal(task: Task): void {
    const record = this.state.processes[(task.payload as { key: string }).key];
    if (!record) return;
    const signal = record.pendingSignals.shift();
    if (signal) this.run(record, { kind: 'signal', signal });
  }

  /** Steps a process until it blocks, exits or is gone; follows `exec` and already-finished children. */
  private run(record: ProcessRecord, wake: Wake): void {
    let next: Wake | undefined = wake;
    for (let guard = 0; next && guard < 16; guard++) {
      delete record.blocked;
      const definition = this.definition(record.program);
      const step: ProgramStep = definition.step(record.state, this.syscalls(record), this.io(record), next);
      next = undefined;
      if (!(processKey(record.pidNs, record.pid) in this.state.processes)) return;
      if (step.kind === 'exit') {
        this.terminate(record, step.code, undefined, true);
        return;
      }
      if (step.kind === 'exec') {
        const context = this.hooks.container(record.containerId);
        const program = context ? this.resolveProgram(step.argv[0] ?? '', context) : undefined;
        if (!program) {
          this.write(record, 'stderr', `exec: ${step.argv[0] ?? ''}: not found\n`);
          this.terminate(record, 127, undefined, true);
          return;
        }
        record.program = program;
        record.argv = step.argv;
        record.state = this.definition(program).start(step.argv, step.env, step.cwd, context?.userland);
        next = { kind: 'start' };
        continue;
      }
      record.blocked = {};
      if (step.waitFor !== undefined) {
        record.blocked.waitFor = step.waitFor;
        const code = record.childExits[step.waitFor];
        if (code !== undefined) next = { kind: 'child-exited', pid: step.waitFor, code };
      }
      if (step.waitAny) {
        record.blocked.waitAny = true;
        const [pid, code] = Object.entries(record.childExits)[0] ?? [];
        if (code !== undefined) next = { kind: 'child-exited', pid: Number(pid), code };
      }
      if (step.wakeAt !== undefined) {
        record.blocked.wakeAt = step.wakeAt;
        this.runtime.at(step.wakeAt, TASK_WAKE, { key: processKey(record.pidNs, record.pid), wakeAt: step.wakeAt });
      }
    }
  }

  /** Signal delivery with Linux's rules: handled → the program runs its handler; else default action. */
  private deliver(record: ProcessRecord, signal: Signal): void {
    const definition = this.definition(record.program);
    if (signal !== 'SIGKILL' && signal !== 'SIGSTOP' && definition.handlesSignal?.(record.state, signal)) {
      record.pendingSignals.push(signal);
      this.runtime.at(this.runtime.now(), TASK_SIGNAL, { key: processKey(record.pidNs, record.pid) });
      return;
    }
    if (signal === 'SIGCHLD' || signal === 'SIGWINCH' || signal === 'SIGCONT') return;
    // The init process of a PID namespace ignores signals it has no handler for, except SIGKILL (kernel/signal.c).
    if (record.pid === 1 && signal !== 'SIGKILL') return;
    this.terminate(record, 128 + SIGNAL_NUMBERS[signal], signal, true);
  }

  private terminate(record: ProcessRecord, code: number, signal: Signal | undefined, notify: boolean): void {
    const key = processKey(record.pidNs, record.pid);
    if (!(key in this.state.processes)) return;
    delete this.state.processes[key];
    this.unindexProcess(record);
    const context = this.hooks.container(record.containerId);
    if (context) {
      const ports = this.state.listeners[context.netNs];
      if (ports) for (const [port, owner] of Object.entries(ports)) if (owner === key) delete ports[Number(port)];
    }
    if (record.output.kind === 'capture') {
      const capture = this.state.captures[record.output.id];
      if (capture && capture.exitCode === undefined && record.ppid === 0) capture.exitCode = code;
    }
    const parent = this.state.processes[processKey(record.pidNs, record.ppid)];
    if (parent) {
      parent.childExits[record.pid] = code;
      if (notify && (parent.blocked?.waitFor === record.pid || parent.blocked?.waitAny)) {
        const wakeAt = this.runtime.now();
        parent.blocked = { wakeAt, waitFor: record.pid };
        const payload: WakePayload = {
          key: processKey(parent.pidNs, parent.pid),
          wakeAt,
          child: { pid: record.pid, code },
        };
        this.runtime.at(wakeAt, TASK_WAKE, payload);
      }
    }
    const isMain = context?.mainPid === record.pid && context.pidNs === record.pidNs;
    if (record.pid === 1 || isMain) {
      // The whole container (or PID namespace) goes down with its main process.
      for (const other of this.groupOf(record)) this.terminate(other, 128 + SIGNAL_NUMBERS.SIGKILL, 'SIGKILL', false);
    }
    if (isMain) this.hooks.onMainExit(record.containerId, code, signal);
  }

  /**
   * The cgroup OOM killer: with `memory.oom.group` set, as the kubelet sets it on cgroup v2, every process of the
   * container dies by SIGKILL, the main process first, so the container exits 137.
   */
  private oomKill(containerId: string): void {
    this.hooks.onOomKill?.(containerId);
    const index = this.processIndex();
    const group = [...(index.byContainer.get(containerId) ?? [])].sort(
      (a, b) => index.order.get(a)! - index.order.get(b)!,
    );
    for (const record of group) this.terminate(record, 128 + SIGNAL_NUMBERS.SIGKILL, 'SIGKILL', true);
  }

  /** The processes that go down with `record`: its container's, and for a PID 1 its namespace's, oldest first. */
  private groupOf(record: ProcessRecord): ProcessRecord[] {
    const index = this.processIndex();
    const group = new Set(index.byContainer.get(record.containerId));
    if (record.pid === 1) for (const other of index.byPidNs.get(record.pidNs) ?? []) group.add(other);
    return [...group].sort((a, b) => index.order.get(a)! - index.order.get(b)!);
  }

  private processIndex(): ProcessIndex {
    if (!this.index) {
      this.index = { order: new Map(), nextOrder: 0, byContainer: new Map(), byPidNs: new Map(), busy: new Set() };
      for (const record of Object.values(this.state.processes)) this.indexProcess(record);
    }
    return this.index;
  }

  /** Keeps a built index in step with `state.processes` (an index not built yet will read the state). */
  private indexProcess(record: ProcessRecord): void {
    const index = this.index;
    if (!index) return;
    index.order.set(record, index.nextOrder++);
    addToGroup(index.byContainer, record.containerId, record);
    addToGroup(index.byPidNs, record.pidNs, record);
    if (record.cpuCores) index.busy.add(record);
  }

  private unindexProcess(record: ProcessRecord): void {
    const index = this.index;
    if (!index) return;
    index.order.delete(record);
    removeFromGroup(index.byContainer, record.containerId, record);
    removeFromGroup(index.byPidNs, record.pidNs, record);
    index.busy.delete(record);
  }

  private io(record: ProcessRecord): ProcessIO {
    return {
      stdin: record.stdin,
      ...(record.stdinOpen ? { stdinOpen: true } : {}),
      stdout: (text) => this.write(record, 'stdout', text),
      stderr: (text) => this.write(record, 'stderr', text),
    };
  }

  private write(record: ProcessRecord, stream: 'stdout' | 'stderr', text: string): void {
    if (text === '') return;
    const output = record.output;
    if (output.kind === 'log') this.hooks.onLog(record.containerId, stream, text);
    else if (output.kind === 'capture') {
      const capture = this.state.captures[output.id];
      if (capture) capture[stream] += text;
    }
  }

  /** The system calls of a process; only the clock differs between calls, so one object serves every call. */
  private syscalls(record: ProcessRecord): SystemCalls {
    const context = this.hooks.container(record.containerId);
    if (!context) throw new Error(`process ${record.pid} outlived its container ${record.containerId}`);
    const now = this.runtime.now();
    const cached = this.syscallCache.get(record);
    if (cached?.context === context) {
      cached.sys.now = now;
      return cached.sys;
    }
    const sys = this.buildSyscalls(record, context, now);
    this.syscallCache.set(record, { context, sys });
    return sys;
  }

  private buildSyscalls(record: ProcessRecord, context: ContainerContext, now: number): SystemCalls & { now: number } {
    return {
      pid: record.pid,
      ppid: record.ppid,
      now,
      hostname: context.hostname,
      fs: context.fs,
      net: context.net,
      random: () => this.runtime.random(),
      hasCommand: (name) => context.hasCommand(name),
      findUtility: (name) => (context.hasCommand(name) ? this.utilitiesOf(context)[basename(name)] : undefined),
      spawn: (argv, options): SpawnResult => {
        const program = this.resolveProgram(argv[0] ?? '', context);
        if (!program) return { ok: false, error: 'not-found' };
        const output: OutputTarget = options.io === 'null' ? { kind: 'null' } : record.output;
        const pid = this.createProcess(
          record.pidNs,
          record.pid,
          record.containerId,
          program,
          argv,
          options.env,
          options.cwd,
          output,
          '',
        );
        return { ok: true, pid };
      },
      spawnProgram: (program, state, options) => {
        const output: OutputTarget = options.io === 'null' ? { kind: 'null' } : record.output;
        const argv = options.cmdline.split(' ');
        return this.createProcess(
          record.pidNs,
          record.pid,
          record.containerId,
          program,
          argv,
          {},
          '/',
          output,
          '',
          false,
          state,
        );
      },
      kill: (pid, signal) => {
        const target = this.state.processes[processKey(record.pidNs, pid)];
        if (!target) return 'ESRCH';
        this.deliver(target, signal);
        return 'ok';
      },
      processes: () => this.processesIn(record.pidNs),
      listen: (port) => {
        const ports = (this.state.listeners[context.netNs] ??= {});
        const owner = ports[port];
        if (owner && owner in this.state.processes) return false;
        ports[port] = processKey(record.pidNs, record.pid);
        return true;
      },
      unlisten: (port) => {
        const ports = this.state.listeners[context.netNs];
        if (ports?.[port] === processKey(record.pidNs, record.pid)) delete ports[port];
      },
      reapChild: (pid) => {
        const code = record.childExits[pid];
        if (code !== undefined) delete record.childExits[pid];
        return code;
      },
      setResidentMemory: (bytes) => {
        const grew = bytes > (record.residentBytes ?? 0);
        if (bytes > 0) record.residentBytes = bytes;
        else delete record.residentBytes;
        const limit = context.memoryLimitBytes;
        if (!grew || limit === undefined || this.containerMemoryBytes(record.containerId) <= limit) return true;
        this.oomKill(record.containerId);
        return false;
      },
      setCpuUse: (cores) => {
        if (cores > 0) record.cpuCores = cores;
        else delete record.cpuCores;
        if (cores > 0) this.index?.busy.add(record);
        else this.index?.busy.delete(record);
      },
    };
  }
}

function addToGroup(groups: Map<string, Set<ProcessRecord>>, key: string, record: ProcessRecord): void {
  let group = groups.get(key);
  if (!group) groups.set(key, (group = new Set()));
  group.add(record);
}

function removeFromGroup(groups: Map<string, Set<ProcessRecord>>, key: string, record: ProcessRecord): void {
  const group = groups.get(key);
  group?.delete(record);
  if (group?.size === 0) groups.delete(key);
}

function userName(uid: number): string {
  return uid === 0 ? 'root' : String(uid);
}
