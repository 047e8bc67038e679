import { describe, expect, it } from 'vitest';
import { createShellState, parseShell, shellProgram, type ShellState } from './index';
import { FakeKernel, runScript, type FakeProcess } from './testing/fakeSystem';

const T0 = 1_700_000_000_000;

describe('blocking on sleep', () => {
  it('blocks for 30 s, then 600 s (the liveness-exec seed)', () => {
    const k = new FakeKernel();
    const p = k.start(['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -rf /tmp/healthy; sleep 600']);
    expect(k.step(p, { kind: 'start' })).toEqual({ kind: 'block', wakeAt: T0 + 30_000 });
    expect(k.fs.stat('/tmp/healthy')).toMatchObject({ type: 'file' });
    k.now = T0 + 10_000;
    expect(k.step(p, { kind: 'timer' })).toEqual({ kind: 'block', wakeAt: T0 + 30_000 });
    k.now = T0 + 30_000;
    expect(k.step(p, { kind: 'timer' })).toEqual({ kind: 'block', wakeAt: T0 + 630_000 });
    expect(k.fs.stat('/tmp/healthy')).toBe('ENOENT');
    k.now = T0 + 630_000;
    expect(k.step(p, { kind: 'timer' })).toEqual({ kind: 'exit', code: 0 });
  });

  it('takes the status of the sleeping utility when it wakes', () => {
    const k = new FakeKernel();
    k.utilities.ping = () => ({ exitCode: 1, sleepMs: 3000 });
    const p = k.runUntilExit(k.start(['sh', '-c', 'ping -c 3 x; echo "status $?"']));
    expect(p.out).toBe('status 1\n');
    expect(k.now).toBe(T0 + 3000);
  });
});

describe('snapshots', () => {
  const script =
    'echo start; n=0; sleep 5; while [ $n -lt 3 ]; do n=$((n+1)); echo "tick $n $(date +%s)"; sleep 1; done; f() { echo "in f $1"; sleep 2; echo "f done"; }; f arg | cat; echo end $n';

  it('resumes from a JSON copy taken at every block with identical output', () => {
    const plain = new FakeKernel();
    const a = plain.runUntilExit(plain.start(['sh', '-c', script]));
    const copied = new FakeKernel();
    const b = copied.start(['sh', '-c', script]);
    let blocks = 0;
    const original = copied.step.bind(copied);
    copied.step = (proc: FakeProcess, wake) => {
      const r = original(proc, wake);
      if (r.kind === 'block') {
        proc.state = JSON.parse(JSON.stringify(proc.state)) as ShellState;
        blocks++;
      }
      return r;
    };
    copied.runUntilExit(b);
    expect(blocks).toBe(5);
    expect(b.out).toBe(a.out);
    expect(b.exitCode).toBe(0);
    expect(a.out).toBe(
      `start\ntick 1 ${T0 / 1000 + 5}\ntick 2 ${T0 / 1000 + 6}\ntick 3 ${T0 / 1000 + 7}\nin f arg\nf done\nend 3\n`,
    );
  });

  it('keeps syntax trees out of the state', () => {
    const k = new FakeKernel();
    const p = k.start(['sh', '-c', 'while true; do sleep 1; done']);
    k.runFor(500);
    const json = JSON.stringify(p.state);
    expect(json).not.toContain('"pipelines"');
    expect(json).not.toContain('"parts"');
  });
});

describe('signals and traps', () => {
  it('exits on TERM through a trap while sleeping in a loop', () => {
    const k = new FakeKernel();
    const p = k.start(['sh', '-c', "trap 'echo bye; exit 0' TERM; while true; do sleep 1; done"]);
    k.runFor(5500);
    expect(p.phase).toBe('blocked');
    expect(shellProgram.handlesSignal?.(p.state as ShellState, 'SIGTERM')).toBe(true);
    expect(shellProgram.handlesSignal?.(p.state as ShellState, 'SIGINT')).toBe(false);
    expect(k.step(p, { kind: 'signal', signal: 'SIGTERM' })).toEqual({ kind: 'exit', code: 0 });
    expect(p.out).toBe('bye\n');
  });

  it('continues after a trap that does not exit, ending the interrupted sleep early', () => {
    const k = new FakeKernel();
    const p = k.start(['sh', '-c', "trap 'echo caught' USR1; sleep 100; echo after $?"]);
    k.runFor(1000);
    k.signal(p.pid, 'SIGUSR1');
    expect(p.phase).toBe('exited');
    expect(p.out).toBe('caught\nafter 0\n');
    expect(k.now).toBe(T0 + 1000);
  });

  it('ignores a signal trapped with an empty action', () => {
    const k = new FakeKernel();
    const p = k.start(['sh', '-c', "trap '' TERM; sleep 10; echo slept"]);
    k.runFor(1000);
    expect(shellProgram.handlesSignal?.(p.state as ShellState, 'SIGTERM')).toBe(true);
    expect(k.step(p, { kind: 'signal', signal: 'SIGTERM' })).toEqual({ kind: 'block', wakeAt: T0 + 10_000 });
    k.runUntilExit(p);
    expect(p.out).toBe('slept\n');
  });

  it('interrupts wait with 128+n and lets the trap kill the job', () => {
    const k = new FakeKernel();
    const p = k.start([
      'sh',
      '-c',
      'trap \'echo stopping; kill $child; wait $child; echo "child $?"; exit 0\' TERM; sleep 1000 & child=$!; wait $child',
    ]);
    k.runFor(2000);
    k.signal(p.pid, 'SIGTERM');
    k.runUntilExit(p, 1000);
    expect(p.out).toBe('stopping\nchild 143\n');
    expect(p.exitCode).toBe(0);
  });

  it('never catches KILL', () => {
    const st = createShellState({ script: "trap 'echo x' KILL", env: {}, cwd: '/' });
    st.traps.SIGKILL = 'echo x';
    expect(shellProgram.handlesSignal?.(st, 'SIGKILL')).toBe(false);
  });
});

describe('busy loops', () => {
  it('yields a second of virtual time after 1000 commands in one step', () => {
    const k = new FakeKernel();
    let calls = 0;
    k.sites.svc = 'ok';
    k.utilities.wget = () => {
      calls++;
      return 0;
    };
    const p = k.start(['sh', '-c', 'while true; do wget -q -O- http://svc > /dev/null; done']);
    // Each iteration runs two simple commands: `true` and `wget`.
    expect(k.step(p, { kind: 'start' })).toEqual({ kind: 'block', wakeAt: T0 + 1000 });
    expect(calls).toBe(500);
    k.now = T0 + 1000;
    expect(k.step(p, { kind: 'timer' })).toEqual({ kind: 'block', wakeAt: T0 + 2000 });
    expect(calls).toBe(1000);
  });

  it('yields in a loop of builtins too', () => {
    const k = new FakeKernel();
    const p = k.start(['sh', '-c', 'while :; do :; done']);
    expect(k.step(p, { kind: 'start' })).toEqual({ kind: 'block', wakeAt: T0 + 1000 });
  });
});

describe('the seed scripts', () => {
  it('waits for a Service in an init container until its name resolves', () => {
    const k = new FakeKernel();
    k.fs.put('/var/run/secrets/kubernetes.io/serviceaccount/namespace', 'default');
    const p = k.start([
      'sh',
      '-c',
      'until nslookup myservice.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for myservice; sleep 2; done',
    ]);
    k.runFor(3000);
    const failure =
      "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n** server can't find myservice.default.svc.cluster.local: NXDOMAIN\n\n";
    expect(p.out).toBe(`${failure}waiting for myservice\n${failure}waiting for myservice\n`);
    k.dns['myservice.default.svc.cluster.local'] = '10.96.0.20';
    k.runUntilExit(p);
    expect(p.exitCode).toBe(0);
    expect(p.out.endsWith('Address: 10.96.0.20\n\n')).toBe(true);
    expect(k.now).toBe(T0 + 4000);
  });

  it('appends a timestamped line to a log', () => {
    const r = runScript('echo $(date +%s): hi >> /var/log/x; echo $(date +%s): again >> /var/log/x');
    expect(r.k.fs.read('/var/log/x')).toBe(`${T0 / 1000}: hi\n${T0 / 1000}: again\n`);
  });

  it('runs the lifecycle hook and pipe commands', () => {
    const r = runScript('echo Hello from the postStart handler > /usr/share/message', {
      setup: (k) => k.fs.mkdir('/usr/share', true),
    });
    expect(r.k.fs.read('/usr/share/message')).toBe('Hello from the postStart handler\n');
    expect(runScript('echo The app is running! && sleep 3600').out).toBe('The app is running!\n');
    expect(runScript('date; echo Hello from the Kubernetes cluster').out).toBe(
      'Tue, 14 Nov 2023 22:13:20 GMT\nHello from the Kubernetes cluster\n',
    );
  });
});

describe('child processes', () => {
  it('waits for a program the image runs as a process', () => {
    const r = runScript('exiter 3 from child; echo "status $?"');
    expect(r.out).toBe('from child\nstatus 3\n');
  });

  it('reports commands the image lacks', () => {
    expect(runScript('nope arg; echo $?')).toMatchObject({ out: '127\n', err: 'sh: 1: nope: not found\n' });
    expect(runScript('echo a\n/opt/nope')).toMatchObject({ err: 'sh: 2: /opt/nope: not found\n', code: 127 });
    expect(runScript('nope', { shell: 'bash' })).toMatchObject({
      err: 'bash: line 1: nope: command not found\n',
      code: 127,
    });
    expect(runScript('/bin/echo by path; /bin/true; echo $?').out).toBe('by path\n0\n');
  });

  it('runs background jobs with $! and wait', () => {
    const k = new FakeKernel();
    const p = k.runUntilExit(
      k.start([
        'sh',
        '-c',
        'sleep 10 & pid=$!; echo "started $pid"; wait $pid; echo "waited $?"; sleep 5 & sleep 3 & wait; echo all',
      ]),
    );
    expect(p.out).toBe('started 2\nwaited 0\nall\n');
    expect(k.now).toBe(T0 + 15_000);
    expect(k.procs.get(2)?.cmdline).toBe('sleep 10');
  });

  it('kills a job and reports its status', () => {
    const r = runScript('sleep 100 & kill $!; wait $!; echo $?; kill 999; echo $?');
    expect(r.out).toBe('143\n1\n');
    expect(r.err).toBe('sh: 1: kill: No such process\n');
  });

  it('replaces itself with exec', () => {
    const k = new FakeKernel();
    const p = k.start(['sh', '-c', "echo starting; exec daemon -g 'daemon off;'"], { env: { A: '1' } });
    expect(k.step(p, { kind: 'start' })).toEqual({
      kind: 'exec',
      argv: ['daemon', '-g', 'daemon off;'],
      env: { A: '1' },
      cwd: '/',
    });
    expect(p.out).toBe('starting\n');
  });
});

describe('invocation', () => {
  it('passes $0 and arguments after -c', () => {
    expect(runScript('echo $0 $1 $2', { argv: ['name', 'a', 'b'] }).out).toBe('name a b\n');
    const k = new FakeKernel();
    expect(k.runUntilExit(k.start(['/bin/sh', '-c', 'nope'])).err).toBe('/bin/sh: 1: nope: not found\n');
  });

  it('takes combined options', () => {
    const k = new FakeKernel();
    const p = k.runUntilExit(k.start(['sh', '-ec', 'echo a; false; echo b']));
    expect(p).toMatchObject({ out: 'a\n', exitCode: 1 });
    const x = k.runUntilExit(k.start(['bash', '-lc', 'set -x; echo "a b" c']));
    expect(x).toMatchObject({ out: 'a b c\n', err: "+ echo 'a b' c\n" });
    expect(k.runUntilExit(k.start(['sh', '-x', '-c', 'v=1 echo $v'])).err).toBe('+ v=1 echo\n');
  });

  it('runs a script file with arguments', () => {
    const k = new FakeKernel();
    k.fs.put('/app/start.sh', 'echo "script $0 $1"\nexit 7\n');
    expect(k.runUntilExit(k.start(['sh', '/app/start.sh', 'x']))).toMatchObject({
      out: 'script /app/start.sh x\n',
      exitCode: 7,
    });
    expect(k.runUntilExit(k.start(['sh', 'missing.sh']))).toMatchObject({
      err: 'sh: 0: cannot open missing.sh: No such file\n',
      exitCode: 2,
    });
  });

  it('reads the script from stdin, or exits 0 when there is none', () => {
    const k = new FakeKernel();
    expect(k.runUntilExit(k.start(['sh'], { stdin: 'echo from stdin\nexit 4\n' }))).toMatchObject({
      out: 'from stdin\n',
      exitCode: 4,
    });
    expect(k.runUntilExit(k.start(['sh']))).toMatchObject({ out: '', exitCode: 0 });
  });

  it('reports usage errors', () => {
    const k = new FakeKernel();
    expect(k.runUntilExit(k.start(['sh', '-c']))).toMatchObject({
      err: 'sh: 0: -c requires an argument\n',
      exitCode: 2,
    });
    expect(k.runUntilExit(k.start(['sh', '-q']))).toMatchObject({ err: 'sh: 0: Illegal option -q\n', exitCode: 2 });
  });

  it('reports syntax errors after running the lines before them', () => {
    expect(runScript('if true; then')).toMatchObject({
      err: 'sh: 1: Syntax error: end of file unexpected (expecting "fi")\n',
      code: 2,
    });
    expect(runScript('echo one\necho two )\necho three')).toMatchObject({
      out: 'one\n',
      err: 'sh: 2: Syntax error: ")" unexpected\n',
      code: 2,
    });
    expect(runScript("echo 'open")).toMatchObject({
      err: 'sh: 1: Syntax error: Unterminated quoted string\n',
      code: 2,
    });
    expect(runScript('fi', { shell: 'bash' })).toMatchObject({
      err: "bash: -c: line 1: syntax error near unexpected token `fi'\n",
      code: 2,
    });
    expect(runScript('if true; then', { shell: 'bash' })).toMatchObject({
      err: 'bash: -c: line 1: syntax error: unexpected end of file\n',
      code: 2,
    });
  });

  it('shows its command line', () => {
    const st = shellProgram.start(['/bin/sh', '-c', 'sleep 3600'], {}, '/');
    expect(shellProgram.cmdline?.(st)).toBe('/bin/sh -c sleep 3600');
  });
});

describe('createShellState', () => {
  it('builds a -c shell for probes, hooks and kubectl exec', () => {
    const k = new FakeKernel();
    const probe = (): FakeProcess =>
      k.runUntilExit(
        k.startState(
          shellProgram,
          createShellState({ script: 'cat /tmp/healthy', env: { HOME: '/root' }, cwd: '/' }),
          'cat /tmp/healthy',
        ),
      );
    expect(probe()).toMatchObject({ exitCode: 1, err: "cat: can't open '/tmp/healthy': No such file or directory\n" });
    k.fs.put('/tmp/healthy', '');
    expect(probe()).toMatchObject({ exitCode: 0, out: '' });
    const st = createShellState({
      script: 'echo $0 $1 $HOME $PWD',
      args: ['a'],
      env: { HOME: '/home/x' },
      cwd: '/srv',
      name: 'bash',
    });
    expect(k.runUntilExit(k.startState(shellProgram, st, 'bash')).out).toBe('bash a /home/x /srv\n');
  });
});

describe('parseShell export', () => {
  it('returns the tree or the error', () => {
    expect(parseShell('echo hi').ok).toBe(true);
    expect(parseShell('done')).toMatchObject({
      ok: false,
      error: { message: '"done" unexpected', line: 1, column: 1 },
    });
  });
});
