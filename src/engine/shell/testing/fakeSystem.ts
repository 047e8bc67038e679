/**
 * Test kit for the shell: an in-memory file system, a handful of utilities, and a miniature kernel that steps
 * programs the way the engine does (start, timers, child exits, signals), in virtual time.
 */
import type {
  FileStat,
  FileSystemView,
  FsErrorCode,
  NetworkStack,
  ProcessIO,
  ProcessInfo,
  ProgramDefinition,
  ProgramStep,
  Signal,
  SpawnResult,
  SystemCalls,
  Userland,
  Utility,
  Wake,
} from '../../os/types';
import { SIGNAL_NUMBERS } from '../../os/types';
import { shellProgram } from '../shellProgram';

interface Entry {
  type: 'file' | 'dir';
  data: string;
  mode: number;
  mtime: number;
}

const parentOf = (path: string): string => path.slice(0, path.lastIndexOf('/')) || '/';

/** A file system in a map, with the semantics FileSystemView promises. */
export class MemoryFs implements FileSystemView {
  readonly entries = new Map<string, Entry>([['/', { type: 'dir', data: '', mode: 0o755, mtime: 0 }]]);

  constructor(private readonly clock: () => number) {
    for (const dir of ['/bin', '/tmp', '/var', '/var/log', '/etc', '/root', '/proc']) this.mkdir(dir);
  }

  read(path: string): string | FsErrorCode {
    const e = this.entries.get(path);
    if (!e) return 'ENOENT';
    return e.type === 'dir' ? 'EISDIR' : e.data;
  }

  write(path: string, data: string, append?: boolean): FsErrorCode | undefined {
    const parent = this.entries.get(parentOf(path));
    if (!parent) return 'ENOENT';
    if (parent.type !== 'dir') return 'ENOTDIR';
    const e = this.entries.get(path);
    if (e?.type === 'dir') return 'EISDIR';
    this.entries.set(path, {
      type: 'file',
      data: append && e ? e.data + data : data,
      mode: e?.mode ?? 0o644,
      mtime: this.clock(),
    });
    return undefined;
  }

  stat(path: string): FileStat | FsErrorCode {
    const e = this.entries.get(path);
    return e ? { type: e.type, size: e.data.length, mtime: e.mtime, mode: e.mode } : 'ENOENT';
  }

  list(path: string): string[] | FsErrorCode {
    const e = this.entries.get(path);
    if (!e) return 'ENOENT';
    if (e.type !== 'dir') return 'ENOTDIR';
    const prefix = path === '/' ? '/' : `${path}/`;
    return [...this.entries.keys()]
      .filter((p) => p !== '/' && p.startsWith(prefix) && !p.slice(prefix.length).includes('/'))
      .map((p) => p.slice(prefix.length))
      .sort();
  }

  mkdir(path: string, parents?: boolean): FsErrorCode | undefined {
    if (this.entries.has(path)) return parents ? undefined : 'EEXIST';
    if (!this.entries.has(parentOf(path))) {
      if (!parents) return 'ENOENT';
      this.mkdir(parentOf(path), true);
    }
    this.entries.set(path, { type: 'dir', data: '', mode: 0o755, mtime: this.clock() });
    return undefined;
  }

  remove(path: string, recursive?: boolean): FsErrorCode | undefined {
    const e = this.entries.get(path);
    if (!e) return 'ENOENT';
    const children = [...this.entries.keys()].filter((p) => p.startsWith(`${path}/`));
    if (children.length && !recursive) return 'ENOTEMPTY';
    for (const c of children) this.entries.delete(c);
    this.entries.delete(path);
    return undefined;
  }

  touch(path: string): FsErrorCode | undefined {
    const e = this.entries.get(path);
    if (e) {
      e.mtime = this.clock();
      return undefined;
    }
    return this.write(path, '');
  }

  /** Test setup: write a file (parents created), optionally executable. */
  put(path: string, data: string, mode = 0o644): void {
    this.mkdir(parentOf(path), true);
    this.entries.set(path, { type: 'file', data, mode, mtime: this.clock() });
  }
}

const resolve = (cwd: string, p: string): string => {
  const out: string[] = [];
  for (const s of (p.startsWith('/') ? p : `${cwd}/${p}`).split('/')) {
    if (s === '..') out.pop();
    else if (s && s !== '.') out.push(s);
  }
  return `/${out.join('/')}`;
};

/** The utilities the tests use, close enough to busybox for the shell's purposes. */
export const UTILITIES: Record<string, Utility> = {
  cat: (argv, io, sys, _env, cwd) => {
    const files = argv.slice(1);
    if (files.length === 0) {
      io.stdout(io.stdin);
      return 0;
    }
    let status = 0;
    for (const f of files) {
      const data = sys.fs.read(resolve(cwd, f));
      if (data === 'ENOENT' || data === 'EISDIR') {
        io.stderr(`cat: can't open '${f}': ${data === 'ENOENT' ? 'No such file or directory' : 'Is a directory'}\n`);
        status = 1;
      } else {
        io.stdout(data);
      }
    }
    return status;
  },
  sleep: (argv) => ({ exitCode: 0, sleepMs: Number(argv[1] ?? 0) * 1000 }),
  touch: (argv, _io, sys, _env, cwd) => {
    for (const f of argv.slice(1)) sys.fs.touch(resolve(cwd, f));
    return 0;
  },
  rm: (argv, io, sys, _env, cwd) => {
    const flags = argv
      .slice(1)
      .filter((a) => a.startsWith('-'))
      .join('');
    let status = 0;
    for (const f of argv.slice(1).filter((a) => !a.startsWith('-'))) {
      const err = sys.fs.remove(resolve(cwd, f), flags.includes('r'));
      if (err && !(err === 'ENOENT' && flags.includes('f'))) {
        io.stderr(`rm: can't remove '${f}': No such file or directory\n`);
        status = 1;
      }
    }
    return status;
  },
  mkdir: (argv, _io, sys, _env, cwd) => {
    const parents = argv.includes('-p');
    for (const f of argv.slice(1).filter((a) => !a.startsWith('-'))) sys.fs.mkdir(resolve(cwd, f), parents);
    return 0;
  },
  ls: (argv, io, sys, _env, cwd) => {
    const targets = argv.slice(1).filter((a) => !a.startsWith('-'));
    let status = 0;
    for (const t of targets.length ? targets : ['.']) {
      const names = sys.fs.list(resolve(cwd, t));
      if (typeof names === 'string') {
        if (names === 'ENOTDIR') io.stdout(`${t}\n`);
        else {
          io.stderr(`ls: ${t}: No such file or directory\n`);
          status = 1;
        }
      } else if (names.length) {
        io.stdout(`${names.join('\n')}\n`);
      }
    }
    return status;
  },
  date: (argv, io, sys) => {
    io.stdout(argv[1] === '+%s' ? `${Math.floor(sys.now / 1000)}\n` : `${new Date(sys.now).toUTCString()}\n`);
    return 0;
  },
  grep: (argv, io) => {
    const quiet = argv.includes('-q');
    const pattern = argv.slice(1).find((a) => !a.startsWith('-')) ?? '';
    const lines = io.stdin.split('\n').filter((l, i, all) => l !== '' || i < all.length - 1);
    const hits = lines.filter((l) => l.includes(pattern));
    if (!quiet) for (const l of hits) io.stdout(`${l}\n`);
    return hits.length ? 0 : 1;
  },
  wc: (argv, io) => {
    const text = io.stdin;
    io.stdout(argv.includes('-l') ? `${(text.match(/\n/g) ?? []).length}\n` : `${text.length}\n`);
    return 0;
  },
  tr: (argv, io) => {
    const [from = '', to = ''] = argv.slice(1);
    io.stdout([...io.stdin].map((c) => (from.includes(c) ? (to[from.indexOf(c)] ?? c) : c)).join(''));
    return 0;
  },
  wget: (argv, io, sys) => {
    const url = argv.find((a) => a.startsWith('http://')) ?? '';
    const m = /^http:\/\/([^/:]+)(?::(\d+))?(\/.*)?$/.exec(url);
    const host = m?.[1] ?? '';
    const r = sys.net.http({ method: 'GET', host, port: Number(m?.[2] ?? 80), path: m?.[3] ?? '/' });
    if (!r.ok) {
      io.stderr(`wget: bad address '${host}'\n`);
      return 1;
    }
    io.stdout(r.response.body);
    return 0;
  },
  nslookup: (argv, io, sys) => {
    const name = argv[1] ?? '';
    const r = sys.net.lookup(name);
    if ('kind' in r) {
      io.stdout(`Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n** server can't find ${name}: NXDOMAIN\n\n`);
      return 1;
    }
    io.stdout(
      `Server:\t\t${r.server}\nAddress:\t${r.server}:53\n\nName:\t${r.name}\nAddress: ${r.addresses[0] ?? ''}\n\n`,
    );
    return 0;
  },
  hostname: (_argv, io, sys) => {
    io.stdout(`${sys.hostname}\n`);
    return 0;
  },
};

/** A long-running program that never exits on its own (a stand-in for nginx). */
export const daemonProgram: ProgramDefinition<{ argv: string[] }> = {
  start: (argv) => ({ argv }),
  step: () => ({ kind: 'block' }),
};

/** Prints its arguments and exits with the status given by its first one: `exiter 3 some text`. */
export const exiterProgram: ProgramDefinition<{ argv: string[] }> = {
  start: (argv) => ({ argv }),
  step: (state, _sys, io) => {
    io.stdout(`${state.argv.slice(2).join(' ')}\n`);
    return { kind: 'exit', code: Number(state.argv[1] ?? 0) };
  },
};

export interface FakeProcess {
  pid: number;
  ppid: number;
  program: ProgramDefinition<any>;
  state: any;
  cmdline: string;
  stdin: string;
  /** Everything written to stdout and stderr, in order, and separately. */
  output: string[];
  out: string;
  err: string;
  phase: 'new' | 'blocked' | 'exited';
  block?: Extract<ProgramStep, { kind: 'block' }>;
  exitCode?: number;
  reaped: boolean;
  /** Where its output goes: itself, or the process it inherited streams from. */
  sink?: FakeProcess;
  quiet: boolean;
  execs: string[][];
}

/** A miniature kernel: processes, virtual time, child exits and signals. */
export class FakeKernel {
  now = 1_700_000_000_000;
  readonly fs = new MemoryFs(() => this.now);
  readonly procs = new Map<number, FakeProcess>();
  readonly dns: Record<string, string> = {};
  readonly sites: Record<string, string> = {};
  readonly utilities: Record<string, Utility> = { ...UTILITIES };
  readonly programs: Record<string, ProgramDefinition<any>> = {
    sh: shellProgram,
    bash: shellProgram,
    daemon: daemonProgram,
    exiter: exiterProgram,
  };
  private nextPid = 1;
  private seed = 42;

  /** @param userland the image's, handed to every program started (absent: the shell speaks dash). */
  constructor(readonly userland?: Userland) {}

  /** Start a program by argv (argv[0] looked up by basename). */
  start(argv: string[], options: { stdin?: string; env?: Record<string, string>; cwd?: string } = {}): FakeProcess {
    const program = this.programs[argv[0]?.split('/').pop() ?? ''];
    if (!program) throw new Error(`no program ${argv[0]}`);
    const env = options.env ?? { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root' };
    return this.addProcess(
      program,
      program.start(argv, env, options.cwd ?? '/', this.userland),
      argv.join(' '),
      0,
      options.stdin ?? '',
    );
  }

  /** Start a program with a prepared state (as the engine does for probes and hooks). */
  startState(program: ProgramDefinition<any>, state: unknown, cmdline: string, stdin = ''): FakeProcess {
    return this.addProcess(program, state, cmdline, 0, stdin);
  }

  private addProcess(
    program: ProgramDefinition<any>,
    state: unknown,
    cmdline: string,
    ppid: number,
    stdin: string,
    sink?: FakeProcess,
    quiet = false,
  ): FakeProcess {
    const p: FakeProcess = {
      pid: this.nextPid++,
      ppid,
      program,
      state,
      cmdline,
      stdin,
      output: [],
      out: '',
      err: '',
      phase: 'new',
      reaped: false,
      quiet,
      execs: [],
      ...(sink ? { sink } : {}),
    };
    this.procs.set(p.pid, p);
    return p;
  }

  private io(p: FakeProcess): ProcessIO {
    const target = p.sink ?? p;
    const write = (kind: 'out' | 'err') => (text: string) => {
      if (p.quiet) return;
      target.output.push(text);
      target[kind] += text;
    };
    return { stdin: p.stdin, stdout: write('out'), stderr: write('err') };
  }

  private sys(p: FakeProcess): SystemCalls {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const kernel = this;
    const net: NetworkStack = {
      podIp: '10.244.0.5',
      lookup: (name) => {
        const ip = kernel.dns[name];
        return ip
          ? { name: `${name}.default.svc.cluster.local`, addresses: [ip], server: '10.96.0.10' }
          : { kind: 'nxdomain', name };
      },
      http: (req) => {
        const body = kernel.sites[req.host];
        if (body === undefined) return { ok: false, error: { kind: 'nxdomain', name: req.host } };
        return {
          ok: true,
          ip: '10.0.0.1',
          port: req.port,
          response: { status: 200, statusText: 'OK', headers: {}, body },
        };
      },
      connect: () => ({ ok: false, error: { kind: 'connection-refused', ip: '10.0.0.1', port: 80 } }),
      ping: () => ({ ok: false, error: { kind: 'no-route', ip: '10.0.0.1' } }),
    };
    return {
      pid: p.pid,
      ppid: p.ppid,
      get now() {
        return kernel.now;
      },
      hostname: 'test-pod',
      fs: kernel.fs,
      net,
      random: () => {
        kernel.seed = (kernel.seed * 1103515245 + 12345) % 2147483648;
        return kernel.seed / 2147483648;
      },
      hasCommand: (name) => {
        const base = name.split('/').pop() ?? '';
        return base in kernel.utilities || base in kernel.programs;
      },
      findUtility: (name) => kernel.utilities[name.split('/').pop() ?? ''],
      spawn: (argv, options): SpawnResult => {
        const program = kernel.programs[argv[0]?.split('/').pop() ?? ''];
        if (!program) return { ok: false, error: 'not-found' };
        const child = kernel.addProcess(
          program,
          program.start(argv, options.env, options.cwd, kernel.userland),
          argv.join(' '),
          p.pid,
          '',
          p.sink ?? p,
          options.io === 'null',
        );
        return { ok: true, pid: child.pid };
      },
      spawnProgram: (name, state, options) => {
        const program = kernel.programs[name];
        if (!program) throw new Error(`no program ${name}`);
        return kernel.addProcess(program, state, options.cmdline, p.pid, '', p.sink ?? p, options.io === 'null').pid;
      },
      kill: (pid, signal) => {
        const target = kernel.procs.get(pid);
        if (!target || target.phase === 'exited') return 'ESRCH';
        kernel.signal(pid, signal);
        return 'ok';
      },
      processes: (): ProcessInfo[] =>
        [...kernel.procs.values()]
          .filter((q) => !q.reaped)
          .map((q) => ({
            pid: q.pid,
            ppid: q.ppid,
            user: 'root',
            cmdline: q.cmdline,
            startTime: 0,
            state: q.phase === 'exited' ? 'Z' : 'S',
          })),
      listen: () => true,
      unlisten: () => undefined,
      reapChild: (pid) => {
        const child = kernel.procs.get(pid);
        if (!child || child.ppid !== p.pid || child.phase !== 'exited' || child.reaped) return undefined;
        child.reaped = true;
        return child.exitCode;
      },
    };
  }

  /** Step one process and record what it asked for. */
  step(p: FakeProcess, wake: Wake): ProgramStep {
    const r = p.program.step(p.state, this.sys(p), this.io(p), wake);
    if (r.kind === 'exit') {
      p.phase = 'exited';
      p.exitCode = r.code;
      delete p.block;
    } else if (r.kind === 'block') {
      p.phase = 'blocked';
      p.block = r;
    } else {
      p.execs.push(r.argv);
      const program = this.programs[r.argv[0]?.split('/').pop() ?? ''] ?? daemonProgram;
      p.program = program;
      p.state = program.start(r.argv, r.env, r.cwd, this.userland);
      p.cmdline = r.argv.join(' ');
      p.phase = 'new';
    }
    return r;
  }

  /** Deliver a signal: to the program if it handles it, else the default action (PID 1 ignores all but KILL). */
  signal(pid: number, signal: Signal): void {
    const p = this.procs.get(pid);
    if (!p || p.phase === 'exited') return;
    if (signal !== 'SIGKILL' && p.program.handlesSignal?.(p.state, signal)) {
      this.step(p, { kind: 'signal', signal });
    } else if (pid !== 1 || signal === 'SIGKILL') {
      p.phase = 'exited';
      p.exitCode = 128 + SIGNAL_NUMBERS[signal];
      delete p.block;
    }
  }

  /** One scheduling decision; false when nothing can happen before `limit`. */
  private tick(limit: number): boolean {
    for (const p of this.procs.values()) {
      if (p.phase === 'new') {
        this.step(p, { kind: 'start' });
        return true;
      }
    }
    for (const p of this.procs.values()) {
      const waitFor = p.phase === 'blocked' ? p.block?.waitFor : undefined;
      const child = waitFor === undefined ? undefined : this.procs.get(waitFor);
      if (child?.phase === 'exited' && !child.reaped) {
        this.step(p, { kind: 'child-exited', pid: child.pid, code: child.exitCode ?? 0 });
        return true;
      }
    }
    let next = Infinity;
    for (const p of this.procs.values()) {
      const at = p.phase === 'blocked' ? p.block?.wakeAt : undefined;
      if (at === undefined) continue;
      if (at <= this.now) {
        this.step(p, { kind: 'timer' });
        return true;
      }
      next = Math.min(next, at);
    }
    if (next > limit) return false;
    this.now = next;
    return true;
  }

  /** Run until `done()` holds or virtual time reaches now + ms; time stops at the limit. */
  runFor(ms: number, done: () => boolean = () => false): void {
    const limit = this.now + ms;
    for (let i = 0; i < 100_000 && !done(); i++) if (!this.tick(limit)) break;
    if (!done()) this.now = Math.max(this.now, limit);
  }

  /** Run until the process exits (at most `ms` of virtual time). */
  runUntilExit(p: FakeProcess, ms = 3_600_000): FakeProcess {
    this.runFor(ms, () => p.phase === 'exited');
    return p;
  }
}

/** Run `sh -c script [argv...]` to completion in a fresh kernel (or `shell` instead of sh) of an image's userland. */
export function runScript(
  script: string,
  options: {
    setup?: (k: FakeKernel) => void;
    stdin?: string;
    argv?: string[];
    shell?: string;
    userland?: Userland;
  } = {},
): { out: string; err: string; code: number | undefined; k: FakeKernel; p: FakeProcess } {
  const k = new FakeKernel(options.userland);
  options.setup?.(k);
  const p = k.start([options.shell ?? 'sh', '-c', script, ...(options.argv ?? [])], { stdin: options.stdin ?? '' });
  k.runUntilExit(p);
  return { out: p.out, err: p.err, code: p.exitCode, k, p };
}
