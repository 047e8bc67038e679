/**
 * The container "operating system" contract: what a program running inside a simulated container can see and do.
 *
 * Everything a program keeps between steps lives in a JSON-serializable state object (no closures, no class
 * instances, no Maps), so the whole engine can be snapshotted and restored exactly. Programs are looked up by name
 * from registries; the engine wires them together.
 */

/** Signals the simulation knows, with their Linux numbers (x86_64). */
export const SIGNAL_NUMBERS = {
  SIGHUP: 1,
  SIGINT: 2,
  SIGQUIT: 3,
  SIGKILL: 9,
  SIGUSR1: 10,
  SIGUSR2: 12,
  SIGPIPE: 13,
  SIGALRM: 14,
  SIGTERM: 15,
  SIGCHLD: 17,
  SIGCONT: 18,
  SIGSTOP: 19,
  SIGWINCH: 28,
} as const;

export type Signal = keyof typeof SIGNAL_NUMBERS;

/** errno names the file system reports; utilities turn them into their own messages. */
export type FsErrorCode = 'ENOENT' | 'EISDIR' | 'ENOTDIR' | 'EEXIST' | 'ENOTEMPTY' | 'EROFS' | 'EACCES' | 'EINVAL';

export interface FileStat {
  type: 'file' | 'dir';
  size: number;
  /** Virtual milliseconds since the Unix epoch. */
  mtime: number;
  /** Permission bits, e.g. 0o644. */
  mode: number;
}

/**
 * One container's view of its file system: the image's root plus volume mounts. All paths are absolute and
 * already normalised by the caller (no `.`/`..`, no trailing slash except `/`).
 */
export interface FileSystemView {
  read(path: string): string | FsErrorCode;
  /** Creates the file if missing (parent must exist); `append` adds to the end. */
  write(path: string, data: string, append?: boolean): FsErrorCode | undefined;
  stat(path: string): FileStat | FsErrorCode;
  /** Entry names of a directory, sorted. */
  list(path: string): string[] | FsErrorCode;
  mkdir(path: string, parents?: boolean): FsErrorCode | undefined;
  remove(path: string, recursive?: boolean): FsErrorCode | undefined;
  /** Sets mtime (creating an empty file if missing), as `touch` does. */
  touch(path: string): FsErrorCode | undefined;
}

export interface HttpRequest {
  method: string;
  /** Host header as the client sent it (name or IP, with `:port` when not the default). */
  host: string;
  port: number;
  /** Path plus query, e.g. `/healthz` or `/index.html?x=1`. */
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** IP of the client as the server sees it. */
  sourceIp: string;
}

export interface HttpResponse {
  status: number;
  /** Reason phrase, e.g. `OK`, `Not Found`. */
  statusText: string;
  headers: Record<string, string>;
  body: string;
}

/** Why a network operation failed, in terms a utility can render the way the real tool does. */
export type NetworkError =
  | { kind: 'nxdomain'; name: string }
  | { kind: 'connection-refused'; ip: string; port: number }
  | { kind: 'timeout'; ip: string; port: number }
  | { kind: 'no-route'; ip: string }
  | { kind: 'reset'; ip: string; port: number };

export interface DnsAnswer {
  /** The fully qualified name that answered (after search-domain expansion), without trailing dot. */
  name: string;
  addresses: string[];
  /** The resolver that answered (e.g. the cluster DNS Service IP), for nslookup's `Server:` line. */
  server: string;
  /** A CNAME chain when the name is an alias (ExternalName Services, external sites). */
  canonicalName?: string;
}

export type HttpOutcome =
  { ok: true; ip: string; port: number; response: HttpResponse } | { ok: false; error: NetworkError };

/** Networking as seen from inside one pod's network namespace. */
export interface NetworkStack {
  /** The pod's own IP, or the node's IP for hostNetwork pods. */
  readonly podIp: string;
  /** DNS lookup with the pod's resolv.conf search path applied, like getaddrinfo. */
  lookup(name: string): DnsAnswer | NetworkError;
  /** The name a reverse (PTR) lookup of `ip` gives, if the resolver knows one. */
  reverseLookup?(ip: string): string | undefined;
  /** A complete HTTP exchange: resolve `host`, connect to port, send the request, read the response. */
  http(request: {
    method: string;
    host: string;
    port: number;
    path: string;
    headers?: Record<string, string>;
    body?: string;
  }): HttpOutcome;
  /** A TCP connect (and close), as a tcpSocket probe or `nc -z` does. */
  connect(host: string, port: number): { ok: true; ip: string } | { ok: false; error: NetworkError };
  /** One ICMP echo; `rttMs` is simulated. */
  ping(host: string): { ok: true; ip: string; name: string; rttMs: number } | { ok: false; error: NetworkError };
}

/**
 * The userland an image ships, which decides how its shell and tools word what they print: busybox of a release
 * (ash as /bin/sh), GNU coreutils with dash (Debian, Ubuntu) or bash (the Red Hat family) as /bin/sh, or nothing
 * beyond the image's own binaries (scratch and distroless images).
 */
export type Userland = { kind: 'busybox'; version: string } | { kind: 'gnu'; sh: 'dash' | 'bash' } | { kind: 'none' };

/** A row of the process table, as `ps` prints it. */
export interface ProcessInfo {
  pid: number;
  ppid: number;
  user: string;
  /** Full command line as `ps -ef` shows it in CMD (for nginx: `nginx: master process nginx -g daemon off;`). */
  cmdline: string;
  /** Virtual ms since epoch at which the process started. */
  startTime: number;
  state: 'R' | 'S' | 'Z';
}

/** Where a process reads and writes. For a container's main process stdout/stderr are the container log. */
export interface ProcessIO {
  stdin: string;
  /** More input may come (a container's `stdin: true`): a reader that has consumed `stdin` waits rather than ending. */
  stdinOpen?: boolean;
  stdout(text: string): void;
  stderr(text: string): void;
}

export type SpawnResult = { ok: true; pid: number } | { ok: false; error: 'not-found' | 'not-executable' };

/**
 * What a program or utility may ask of the simulated kernel. Handed to each call; never stored in state.
 * Time is virtual; randomness is the engine's seeded source.
 */
export interface SystemCalls {
  readonly pid: number;
  readonly ppid: number;
  /** Virtual milliseconds since the Unix epoch. */
  readonly now: number;
  readonly hostname: string;
  readonly fs: FileSystemView;
  readonly net: NetworkStack;
  /** Seeded uniform [0, 1). */
  random(): number;
  /** Is `name` (a bare command name or a path) an executable in this container's image? */
  hasCommand(name: string): boolean;
  /**
   * The short-lived utility behind `name` if the image has it (callers run it inline, e.g. a shell running `cat`);
   * undefined for long-running programs, which are started with `spawn`, and for commands the image lacks.
   */
  findUtility(name: string): Utility | undefined;
  /**
   * Start a child process running argv (resolved through PATH). The parent is told when it exits through a
   * `child-exited` wake if it blocked waiting for it.
   */
  spawn(argv: string[], options: { env: Record<string, string>; cwd: string; io?: 'inherit' | 'null' }): SpawnResult;
  /** Start a child running a shell program with the given initial state (subshells, background jobs). */
  spawnProgram(program: string, state: unknown, options: { cmdline: string; io?: 'inherit' | 'null' }): number;
  kill(pid: number, signal: Signal): 'ok' | 'ESRCH' | 'EPERM';
  /** Processes visible in this process's PID namespace, ascending by pid. */
  processes(): ProcessInfo[];
  /** Bind a TCP port in the pod's network namespace. False if it is already bound. */
  listen(port: number): boolean;
  unlisten(port: number): void;
  /** Exit status of a finished child, once (like waitpid); undefined while it runs or if not a child. */
  reapChild(pid: number): number | undefined;
  /**
   * The process's resident memory is now `bytes` (it allocated and touched, or freed). Past the container's memory
   * limit the kernel's OOM killer ends the container; then this returns false and the process is already gone.
   * Optional: kernels that model no memory leave it out.
   */
  setResidentMemory?(bytes: number): boolean;
  /** The CPU the process burns from now on, in cores, were nothing to hold it back (a busy loop: 1). */
  setCpuUse?(cores: number): void;
}

/**
 * What a program returns when it yields control.
 * - `exit`: the process ends with this status.
 * - `block`: wait until `wakeAt` (virtual ms since epoch), until child `waitFor` exits (with `waitAny`, until any
 *   child exits, as wait(2) does), or forever (none set: a daemon that only reacts to requests and signals). Any
 *   delivered signal the program handles also wakes it.
 * - `exec`: replace this process image with argv (pid kept), as `exec nginx -g 'daemon off;'` does.
 */
export type ProgramStep =
  | { kind: 'exit'; code: number }
  | { kind: 'block'; wakeAt?: number; waitFor?: number; waitAny?: true }
  | { kind: 'exec'; argv: string[]; env: Record<string, string>; cwd: string };

/** Why `step` was called. */
export type Wake =
  | { kind: 'start' }
  | { kind: 'timer' }
  | { kind: 'child-exited'; pid: number; code: number }
  | { kind: 'signal'; signal: Signal };

/**
 * A long-lived program (a shell, nginx, sleep, a server). Its state `S` must be JSON-serializable and the only
 * place it remembers anything; `step` may mutate it in place.
 */
export interface ProgramDefinition<S = unknown> {
  /**
   * Build the initial state from argv (argv[0] as invoked) and the environment. `userland` is the image's, for
   * programs that speak its dialect (the shell); absent outside a catalog image.
   */
  start(argv: string[], env: Record<string, string>, cwd: string, userland?: Userland): S;
  /** Run until the program blocks, exits or execs. */
  step(state: S, sys: SystemCalls, io: ProcessIO, wake: Wake): ProgramStep;
  /**
   * Has the program installed a handler for this signal? If not, the kernel applies the default disposition
   * (terminate with 128+n, except that PID 1 of a namespace ignores every signal but SIGKILL/SIGSTOP it does not
   * handle — which is why a plain `sh -c 'sleep 3600'` container needs the whole grace period to stop).
   * When true, the kernel calls `step` with a `signal` wake.
   */
  handlesSignal?(state: S, signal: Signal): boolean;
  /** Serve an HTTP request that reached a port this process listens on. */
  http?(state: S, request: HttpRequest, sys: SystemCalls): HttpResponse;
  /** The command line `ps` shows; defaults to argv joined by spaces. */
  cmdline?(state: S): string;
  /** The uid the process runs as; defaults to 0 (root). */
  uid?(state: S): number;
}

/**
 * A short-lived command run to completion inside the caller (echo, cat, wget, nslookup...). It may ask the caller to
 * sleep before its exit status takes effect (`sleep`, `ping -c 3`).
 */
export type UtilityResult = number | { exitCode: number; sleepMs: number };

export type Utility = (
  argv: string[],
  io: ProcessIO,
  sys: SystemCalls,
  env: Readonly<Record<string, string>>,
  cwd: string,
) => UtilityResult;
