/**
 * A learner's session against one cluster: kubectl commands, shell commands on the control-plane host, files in the
 * host's home directory (`cat > pod.yaml <<EOF`), playground actions, and the passage of time. The CLI, the page's
 * terminal and the tests all drive a cluster through this one interface.
 */
import { Cluster, type ClusterOptions, type ClusterState } from '../cluster/cluster';
import { ClusterKubectlHost } from '../cluster/clusterKubectlHost';
import { ensureHostShell } from '../cluster/hostShell';
import { runKubectl, splitCommandLine } from '../kubectl';
import type { KubectlHost, KubectlResult } from '../kubectl/types';
import { WatchingKubectlHost } from '../kubectl/watch/watchingHost';
import { normalizePath } from '../os/fs';
import { runAction } from './actions';
import { hasCommandSubstitution, wordsProgram } from './commandSubstitution';
import { TerminalWatches, type WatchId } from './terminalWatches';

export type { WatchId } from './terminalWatches';

export const CONTROL_PLANE_HOST = 'master1';
const HOME = '/root';
/**
 * What a kubectl command costs before it reads the cluster (process start, discovery, the request): the cluster
 * runs on meanwhile, so `kubectl expose` followed by `kubectl get endpoints` finds what a terminal would.
 */
export const KUBECTL_STARTUP_MS = 100;

export interface SessionOptions {
  /** Virtual time a top-level kubectl command takes before it runs; default KUBECTL_STARTUP_MS (tests use 0). */
  kubectlStartupMs?: number;
}
/** A host shell command that never finishes is stopped after this much virtual time. */
const SHELL_TIMEOUT_MS = 10 * 60_000;

/** What the learner's shell remembers between commands: where it is, and kubectl's current namespace. */
export interface SessionState {
  machine: string;
  cwd: Record<string, string>;
  namespace: string;
}

export interface CommandOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
  hints?: string[];
}

export class Session {
  readonly host: ClusterKubectlHost;

  private readonly kubectlStartupMs: number;
  /** The machine the learner's shell is on, and each machine's working directory (`cd`). */
  private machine = CONTROL_PLANE_HOST;
  private readonly cwd: Record<string, string> = {};
  /** The terminal's `kubectl get -w` commands still running. */
  private readonly watches: TerminalWatches;

  private constructor(
    readonly cluster: Cluster,
    options: SessionOptions,
  ) {
    this.kubectlStartupMs = options.kubectlStartupMs ?? KUBECTL_STARTUP_MS;
    this.host = new ClusterKubectlHost(cluster, { read: (path) => this.readFile(path) });
    this.watches = new TerminalWatches(cluster.api);
    cluster.setKubectl((argv, stdin) => {
      // kubectl inside a host shell command (`$(kubectl get …)`) runs while the cluster is mid-step: no waiting.
      const nested = new ClusterKubectlHost(cluster, { read: (path) => this.readFile(path) }, false);
      nested.setCurrentNamespace(this.host.currentNamespace());
      return runKubectl(argv, nested, stdin);
    });
  }

  static create(options: ClusterOptions = {}, sessionOptions: SessionOptions = {}): Session {
    return new Session(Cluster.create(options), sessionOptions);
  }

  static restore(state: ClusterState, sessionOptions: SessionOptions = {}, sessionState?: SessionState): Session {
    const session = new Session(Cluster.restore(state), sessionOptions);
    if (sessionState) {
      session.machine = sessionState.machine;
      Object.assign(session.cwd, sessionState.cwd);
      session.host.setCurrentNamespace(sessionState.namespace);
    }
    return session;
  }

  /** The shell's own state, to restore with the cluster's snapshot. */
  saveState(): SessionState {
    return { machine: this.machine, cwd: { ...this.cwd }, namespace: this.host.currentNamespace() };
  }

  /** Runs one kubectl command line (with or without the leading `kubectl`). */
  kubectl(commandLine: string, stdin?: string): KubectlResult {
    return this.runKubectlLine(commandLine, this.host, stdin);
  }

  /**
   * Runs a kubectl command line as the terminal does: like `kubectl()`, except that a valid `get -w|--watch-only`
   * goes on watching after its list. The result is what it printed up to then; `watch` identifies the running
   * watch, to read with `readWatch` and end with `stopWatch`.
   */
  startWatch(commandLine: string, stdin?: string): { result: KubectlResult; watch?: WatchId } {
    const host = new WatchingKubectlHost(this.host);
    const result = this.runKubectlLine(commandLine, host, stdin);
    const spec = host.startedWatch();
    if (!spec || result.exitCode !== 0) return { result };
    return { result, watch: this.watches.start(spec) };
  }

  /** What a running watch printed since the last read, each row as of the moment its change happened. */
  readWatch(id: WatchId): string {
    return this.watches.read(id);
  }

  /** Ends a running watch (Ctrl-C in the terminal). */
  stopWatch(id: WatchId): void {
    this.watches.stop(id);
  }

  private runKubectlLine(commandLine: string, host: KubectlHost, stdin?: string): KubectlResult {
    if (hasCommandSubstitution(commandLine)) return this.kubectlAfterSubstitution(commandLine, host, stdin);
    const argv = splitCommandLine(commandLine);
    if (!Array.isArray(argv)) return { stdout: '', stderr: `${argv.error}\n`, exitCode: 1 };
    const args = argv[0] === 'kubectl' ? argv.slice(1) : argv;
    if (this.kubectlStartupMs > 0) this.cluster.advance(this.kubectlStartupMs);
    return runKubectl(args, host, stdin);
  }

  /** `kubectl … $(…)`: the host shell expands the words, then kubectl runs on its own (and may wait). */
  private kubectlAfterSubstitution(commandLine: string, host: KubectlHost, stdin?: string): KubectlResult {
    const words = this.shell(wordsProgram(commandLine));
    if (words.exitCode !== 0) return { stdout: words.stdout, stderr: words.stderr, exitCode: words.exitCode };
    const argv = words.stdout.endsWith('\n') ? words.stdout.slice(0, -1).split('\n') : [];
    const args = argv[0] === 'kubectl' ? argv.slice(1) : argv;
    if (this.kubectlStartupMs > 0) this.cluster.advance(this.kubectlStartupMs);
    const result = runKubectl(args, host, stdin);
    return { ...result, stderr: words.stderr + result.stderr };
  }

  /**
   * Runs a command in a shell on the machine the learner is on (the control-plane node until `ssh` goes
   * elsewhere), letting virtual time pass while it sleeps. `ssh NODE` moves the prompt there and `exit` comes
   * back; `ssh NODE COMMAND` runs one command there; a lone `cd` stays in effect for the next commands.
   */
  shell(command: string, stdin = ''): CommandOutput {
    const line = command.trim();
    const ssh = /^ssh\s+(?:\S+@)?([A-Za-z0-9][A-Za-z0-9.-]*)(?:\s+([^]*))?$/.exec(line);
    if (ssh) return this.ssh(ssh[1]!, ssh[2], stdin);
    if ((line === 'exit' || line === 'logout') && this.machine !== CONTROL_PLANE_HOST) {
      const left = this.machine;
      this.machine = CONTROL_PLANE_HOST;
      return { stdout: 'logout\n', stderr: `Connection to ${left} closed.\n`, exitCode: 0 };
    }
    if (/^cd(\s|$)/.test(line)) {
      const result = this.runShell(this.machine, `${line} && pwd`, stdin);
      if (result.exitCode !== 0) return result;
      const lines = result.stdout.trimEnd().split('\n');
      this.cwd[this.machine] = lines.pop()!;
      return { ...result, stdout: lines.map((l) => `${l}\n`).join('') };
    }
    return this.runShell(this.machine, command, stdin);
  }

  /** The machine the learner's shell is on. */
  currentMachine(): string {
    return this.machine;
  }

  private ssh(machine: string, command: string | undefined, stdin: string): CommandOutput {
    const problem = this.cluster.sshProblem(machine);
    if (problem) return { stdout: '', stderr: `ssh: ${problem}\n`, exitCode: 255 };
    if (command === undefined) {
      this.machine = machine;
      return { stdout: '', stderr: '', exitCode: 0 };
    }
    if (!command.includes('$')) return this.runShell(machine, command, stdin);
    // The local shell expands `$(…)` and `$VAR` before ssh sends the words to the remote one.
    const words = this.runShell(this.machine, wordsProgram(command), '');
    if (words.exitCode !== 0) return words;
    const argv = words.stdout.endsWith('\n') ? words.stdout.slice(0, -1).split('\n') : [];
    const remote = this.runShell(machine, argv.join(' '), stdin);
    return { ...remote, stderr: words.stderr + remote.stderr };
  }

  private runShell(machine: string, command: string, stdin: string): CommandOutput {
    const containerId = ensureHostShell(this.cluster.containers, machine);
    const record = this.cluster.containers.container(containerId)!;
    const kernel = this.cluster.kernel;
    const cwd = this.cwd[machine] ?? HOME;
    const started = kernel.startExec(containerId, ['sh', '-c', command], record.env, cwd, stdin);
    if (!started.ok) return { stdout: '', stderr: `${started.error}\n`, exitCode: 127 };
    const finished = () => kernel.captured(started.captureId)?.exitCode !== undefined;
    if (!finished()) this.cluster.runUntil(finished, SHELL_TIMEOUT_MS);
    const capture = kernel.captured(started.captureId);
    kernel.releaseCapture(started.captureId);
    if (capture?.exitCode === undefined) kernel.signal(record.pidNs, started.pid, 'SIGKILL');
    this.cluster.kubelet.noticeStaticPodFiles();
    return { stdout: capture?.stdout ?? '', stderr: capture?.stderr ?? '', exitCode: capture?.exitCode ?? 130 };
  }

  /** A file on the learner's machine, relative to the shell's directory, as kubectl -f reads it. */
  readFile(path: string): string | undefined {
    const fs = this.hostFileSystem();
    const absolute = normalizePath(this.workingDirectory(), path);
    const stat = fs.stat(absolute);
    return typeof stat === 'object' && stat.type === 'file' ? fs.read(absolute) : undefined;
  }

  writeFile(path: string, content: string, append = false): void {
    this.hostFileSystem().write(normalizePath(this.workingDirectory(), path), content, append);
    this.cluster.kubelet.noticeStaticPodFiles();
  }

  /** A playground action (`kubeplay node add worker4`). */
  action(args: string[]): CommandOutput {
    return runAction(this.cluster, args, this.host.currentNamespace());
  }

  advance(ms: number): void {
    this.cluster.advance(ms);
  }

  private workingDirectory(): string {
    return this.cwd[this.machine] ?? HOME;
  }

  private hostFileSystem() {
    const id = ensureHostShell(this.cluster.containers, this.machine);
    return this.cluster.containers.fileSystem(id)!;
  }
}
