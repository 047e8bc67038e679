import { describe, it, expect } from 'vitest';
import { TestContainer } from '../testing/testContainer';
import { parseStressArguments, type StressOptions } from './stress';

const MI = 1024 * 1024;
/** The args of the Kubernetes docs' memory-demo (assign-memory-resource). */
const MEMORY_DEMO = ['stress', '--vm', '1', '--vm-bytes', '150M', '--vm-hang', '1'];

/** What stress writes for a command line, as text per stream, and how it ends (options when it would run). */
function parse(...args: string[]): { stdout: string; stderr: string; options?: StressOptions; exitCode?: number } {
  const parsed = parseStressArguments(['stress', ...args], 1);
  const text = (stream: string) =>
    parsed.lines
      .filter((l) => l.stream === stream)
      .map((l) => l.text)
      .join('');
  return {
    stdout: text('stdout'),
    stderr: text('stderr'),
    ...('options' in parsed ? { options: parsed.options } : { exitCode: parsed.exitCode }),
  };
}

describe('stress 1.0.4 arguments', () => {
  it('reads the docs memory-demo: one vm hog of 150M that holds it for a second', () => {
    const { options } = parse(...MEMORY_DEMO.slice(1));
    expect(options).toEqual({
      debug: 2,
      dryRun: false,
      backoffUs: 3000,
      timeoutSeconds: 0,
      hogs: { cpu: 0, io: 0, vm: 1, hdd: 0 },
      vmBytes: 150 * MI,
      vmStride: 4096,
      vmHang: 1,
      vmKeep: false,
      hddBytes: 1024 * MI,
    });
  });

  it('takes sizes with B/K/M/G suffixes, times with s/m/h/d/y, and C integers', () => {
    const { options } = parse('-c', '2', '-m', '0x2', '--vm-bytes', '1.5G', '-t', '2m', '--hdd', '010', '-q');
    expect(options).toMatchObject({
      debug: 0,
      hogs: { cpu: 2, io: 0, vm: 2, hdd: 8 },
      vmBytes: 1024 * MI,
      timeoutSeconds: 120,
    });
  });

  it('fails on what stress.c rejects, with its line numbers', () => {
    expect(parse('--cpu')).toEqual({
      stdout: '',
      stderr: "stress: FAIL: [1] (160) missing argument to option '--cpu'\n",
      exitCode: 1,
    });
    expect(parse('-m', '-v').stderr).toBe("stress: FAIL: [1] (180) missing argument to option '--vm'\n");
    expect(parse('--vm', '1', '--vm-bytes', '150X').stderr).toBe('stress: FAIL: [1] (647) unrecognized suffix: X\n');
    expect(parse('--vm', '-1').stderr).toBe('stress: FAIL: [1] (184) invalid number of vm hogs: -1\n');
    expect(parse('--timeout', 'soon').stderr).toBe('stress: FAIL: [1] (705) unrecognized suffix: n\n');
    expect(parse('--timeout', 'xs').stderr).toBe('stress: FAIL: [1] (712) invalid number: xs\n');
    expect(parse('--memory', '1G')).toEqual({
      stdout: '',
      stderr: 'stress: FAIL: [1] (244) unrecognized option: --memory\n',
      exitCode: 1,
    });
  });

  it('prints its version, and its usage when there is no work', () => {
    expect(parse('--version')).toEqual({ stdout: 'stress 1.0.4\n', stderr: '', exitCode: 0 });
    const usage = parse('-v');
    expect(usage.exitCode).toBe(0);
    expect(usage.stdout.split('\n').slice(0, 4)).toEqual([
      "`stress' imposes certain types of compute stress on your system",
      '',
      'Usage: stress [OPTION [ARG]] ...',
      ' -?, --help         show this help statement',
    ]);
    expect(usage.stdout.endsWith('Note: Numbers may be suffixed with s,m,h,d,y (time) or B,K,M,G (size).\n')).toBe(
      true,
    );
  });
});

describe('stress 1.0.4 running', () => {
  it('dispatches a vm hog that holds its memory and burns no CPU while it hangs', () => {
    const c = new TestContainer('polinux/stress', { argv: MEMORY_DEMO });
    c.advance(100);
    expect(c.logs()).toBe('stress: info: [1] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd\n');
    expect(c.kernel.containerMemoryBytes('c1')).toBe(150 * MI);
    expect(c.kernel.containerCpuCores('c1')).toBe(0);
    expect(c.exec(['ps']).stdout).toBe(
      'PID   USER     TIME  COMMAND\n' +
        '    1 root      0:00 stress --vm 1 --vm-bytes 150M --vm-hang 1\n' +
        '    2 root      0:00 stress --vm 1 --vm-bytes 150M --vm-hang 1\n' +
        '    3 root      0:00 ps\n',
    );
  });

  it('burns a core per cpu hog', () => {
    const c = new TestContainer('polinux/stress', { argv: ['stress', '--cpu', '2', '--io', '1'] });
    c.advance(100);
    expect(c.kernel.containerCpuCores('c1')).toBe(3);
    expect(c.kernel.containerMemoryBytes('c1')).toBe(0);
  });

  it('reports a hog killed by a signal, and as PID 1 finds nothing left to reap', () => {
    const c = new TestContainer('polinux/stress', { argv: MEMORY_DEMO });
    c.advance(100);
    expect(c.exec(['kill', '-9', '2'])).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    c.advance(100);
    expect(c.logs()).toBe(
      'stress: info: [1] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd\n' +
        'stress: FAIL: [1] (415) <-- worker 2 got signal 9\n' +
        'stress: WARN: [1] (417) now reaping child worker processes\n' +
        'stress: FAIL: [1] (421) kill error: No such process\n' +
        'stress: FAIL: [1] (451) failed run completed in 0s\n',
    );
    expect(c.kernel.isRunning('pod', 1)).toBe(false);
  });

  it('stops the other hogs when one is killed', () => {
    const c = new TestContainer('polinux/stress', { argv: ['stress', '--cpu', '1', '--vm', '1', '--vm-bytes', '10M'] });
    c.advance(100);
    c.exec(['kill', '-9', '3']);
    c.advance(500);
    expect(c.logs()).toBe(
      'stress: info: [1] dispatching hogs: 1 cpu, 0 io, 1 vm, 0 hdd\n' +
        'stress: FAIL: [1] (415) <-- worker 3 got signal 9\n' +
        'stress: WARN: [1] (417) now reaping child worker processes\n' +
        'stress: FAIL: [1] (451) failed run completed in 0s\n',
    );
    expect(c.kernel.containerCpuCores('c1')).toBe(0);
  });

  it('ends its hogs with their alarm after --timeout, verbose', () => {
    const c = new TestContainer('polinux/stress', {
      argv: ['stress', '-v', '--cpu', '1', '--vm', '1', '--vm-bytes', '128M', '--vm-hang', '1', '--timeout', '2s'],
    });
    c.advance(3000);
    expect(c.logs()).toBe(
      [
        'stress: info: [1] dispatching hogs: 1 cpu, 0 io, 1 vm, 0 hdd',
        'stress: dbug: [1] using backoff sleep of 6000us',
        'stress: dbug: [1] setting timeout to 2s',
        'stress: dbug: [1] --> hogcpu worker 1 [2] forked',
        'stress: dbug: [1] --> hogvm worker 1 [3] forked',
        'stress: dbug: [3] allocating 134217728 bytes ...',
        'stress: dbug: [3] touching bytes in strides of 4096 bytes ...',
        'stress: dbug: [3] sleeping for 1s with allocated memory',
        'stress: dbug: [3] freed 134217728 bytes',
        'stress: dbug: [3] allocating 134217728 bytes ...',
        'stress: dbug: [3] touching bytes in strides of 4096 bytes ...',
        'stress: dbug: [3] sleeping for 1s with allocated memory',
        'stress: dbug: [1] <-- worker 2 signalled normally',
        'stress: dbug: [1] <-- worker 3 signalled normally',
        'stress: info: [1] successful run completed in 2s',
        '',
      ].join('\n'),
    );
    expect(c.kernel.isRunning('pod', 1)).toBe(false);
  });

  it('polinux/stress alone asks sh for its malformed CMD', () => {
    const c = new TestContainer('polinux/stress');
    expect(c.logs()).toBe('/bin/sh: [/usr/local/bin/stress]: not found\n');
  });
});

describe('vish/stress', () => {
  it('logs its plan through glog, burns -cpus cores and allocates step by step', () => {
    const c = new TestContainer('vish/stress', {
      argv: [
        '/stress',
        '-logtostderr',
        '-cpus',
        '2',
        '-mem-total',
        '30Mi',
        '-mem-alloc-size',
        '10Mi',
        '-mem-alloc-sleep=1s',
      ],
    });
    c.advance(1500);
    expect(c.kernel.containerCpuCores('c1')).toBe(2);
    expect(c.kernel.containerMemoryBytes('c1')).toBe(20 * MI);
    c.advance(2000);
    expect(c.kernel.containerMemoryBytes('c1')).toBe(30 * MI);
    expect(c.logs()).toBe(
      [
        'I0101 10:00:00.000000       1 main.go:26] Allocating "30Mi" memory, in "10Mi" chunks, with a 1s sleep between allocations',
        'I0101 10:00:00.000000       1 main.go:39] Spawning a thread to consume CPU',
        'I0101 10:00:00.000000       1 main.go:39] Spawning a thread to consume CPU',
        'I0101 10:00:03.000000       1 main.go:29] Allocated "30Mi" memory',
        '',
      ].join('\n'),
    );
  });

  it('runs the docs cpu-demo args with the image entrypoint', () => {
    const c = new TestContainer('vish/stress', { argv: ['/stress', '-logtostderr', '-cpus', '2'] });
    expect(c.logs()).toBe(
      [
        'I0101 10:00:00.000000       1 main.go:26] Allocating "0" memory, in "4Ki" chunks, with a 1ms sleep between allocations',
        'I0101 10:00:00.000000       1 main.go:39] Spawning a thread to consume CPU',
        'I0101 10:00:00.000000       1 main.go:39] Spawning a thread to consume CPU',
        'I0101 10:00:00.000000       1 main.go:29] Allocated "0" memory',
        '',
      ].join('\n'),
    );
  });

  it('rejects an unknown flag as Go flag does, with the usage', () => {
    const c = new TestContainer('vish/stress', { argv: ['/stress', '-logtostderr', '--cpu', '2'] });
    const lines = c.logs().split('\n');
    expect(lines.slice(0, 5)).toEqual([
      'flag provided but not defined: -cpu',
      'Usage of /stress:',
      '  -alsologtostderr',
      '    \tlog to standard error as well as files',
      '  -cpus int',
    ]);
    expect(c.kernel.isRunning('pod', 1)).toBe(false);
  });
});
