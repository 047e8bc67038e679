import { describe, expect, it } from 'vitest';
import type { ProcessInfo } from '../types';
import { createFakeSystem, runUtility } from './fakeSystemCalls';
import { kill } from './kill';
import { busyboxPs, procpsPs } from './ps';

const NOW = Date.UTC(2024, 4, 1, 10, 30, 0);
const started = NOW - 3600_000;

/** The shared-PID-namespace pod of the seed (nginx + busybox shell). */
const processes: ProcessInfo[] = [
  { pid: 1, ppid: 0, user: '65535', cmdline: '/pause', startTime: started, state: 'S' },
  {
    pid: 7,
    ppid: 0,
    user: 'root',
    cmdline: 'nginx: master process nginx -g daemon off;',
    startTime: started,
    state: 'S',
  },
  { pid: 37, ppid: 7, user: '101', cmdline: 'nginx: worker process', startTime: started, state: 'S' },
  { pid: 38, ppid: 7, user: '101', cmdline: 'nginx: worker process', startTime: started, state: 'S' },
  { pid: 39, ppid: 0, user: 'root', cmdline: 'sh', startTime: started, state: 'S' },
  { pid: 51, ppid: 39, user: 'root', cmdline: 'ps -ef', startTime: NOW, state: 'R' },
];

describe('ps', () => {
  it('prints busybox columns whatever the options, exactly as the seed shows for `ps -ef`', () => {
    const { sys } = createFakeSystem({ processes, now: NOW });
    const expected = [
      'PID   USER     TIME  COMMAND',
      '    1 65535     0:00 /pause',
      '    7 root      0:00 nginx: master process nginx -g daemon off;',
      '   37 101       0:00 nginx: worker process',
      '   38 101       0:00 nginx: worker process',
      '   39 root      0:00 sh',
      '   51 root      0:00 ps -ef',
      '',
    ].join('\n');
    expect(runUtility(busyboxPs, ['ps', '-ef'], sys).stdout).toBe(expected);
    expect(runUtility(busyboxPs, ['ps', 'aux'], sys).stdout).toBe(expected);
  });

  it('prints procps formats for Debian images', () => {
    const { sys } = createFakeSystem({ processes: processes.slice(0, 3), now: NOW });
    expect(runUtility(procpsPs, ['ps', '-ef'], sys).stdout).toBe(
      [
        'UID          PID    PPID  C STIME TTY          TIME CMD',
        '65535          1       0  0 09:30 ?        00:00:00 /pause',
        'root           7       0  0 09:30 ?        00:00:00 nginx: master process nginx -g daemon off;',
        '101           37       7  0 09:30 ?        00:00:00 nginx: worker process',
        '',
      ].join('\n'),
    );
    const aux = runUtility(procpsPs, ['ps', 'aux'], sys).stdout.split('\n');
    expect(aux[0]).toBe('USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND');
    expect(aux[1]).toBe('65535          1  0.0  0.0   5303   636 ?        Ss   09:30   0:00 /pause');
    expect(runUtility(procpsPs, ['ps'], sys).stdout).toBe(
      '    PID TTY          TIME CMD\n      1 ?        00:00:00 pause\n      7 ?        00:00:00 nginx\n     37 ?        00:00:00 nginx\n',
    );
  });

  it('shows the start date instead of the time for processes started on another day', () => {
    const { sys } = createFakeSystem({ processes: [{ ...processes[0]!, startTime: Date.UTC(2024, 3, 2) }], now: NOW });
    expect(runUtility(procpsPs, ['ps', '-ef'], sys).stdout.split('\n')[1]).toBe(
      '65535          1       0  0 Apr02 ?        00:00:00 /pause',
    );
  });
});

describe('kill', () => {
  it('sends TERM by default, or the named or numbered signal', () => {
    const { sys, kills } = createFakeSystem({ processes });
    expect(runUtility(kill, ['kill', '-HUP', '7'], sys)).toEqual({ code: 0, stdout: '', stderr: '', sleepMs: 0 });
    expect(runUtility(kill, ['kill', '37'], sys).code).toBe(0);
    expect(runUtility(kill, ['kill', '-9', '38'], sys).code).toBe(0);
    expect(runUtility(kill, ['kill', '-s', 'TERM', '39'], sys).code).toBe(0);
    expect(runUtility(kill, ['kill', '-SIGUSR1', '7'], sys).code).toBe(0);
    expect(kills).toEqual([
      { pid: 7, signal: 'SIGHUP' },
      { pid: 37, signal: 'SIGTERM' },
      { pid: 38, signal: 'SIGKILL' },
      { pid: 39, signal: 'SIGTERM' },
      { pid: 7, signal: 'SIGUSR1' },
    ]);
  });

  it('checks existence with signal 0 without sending anything', () => {
    const { sys, kills } = createFakeSystem({ processes });
    expect(runUtility(kill, ['kill', '-0', '7'], sys).code).toBe(0);
    expect(runUtility(kill, ['kill', '-0', '99'], sys).stderr).toBe("kill: can't kill pid 99: No such process\n");
    expect(kills).toEqual([]);
  });

  it('reports failures in busybox words', () => {
    const { sys } = createFakeSystem({ processes });
    expect(runUtility(kill, ['kill', '99'], sys)).toEqual({
      code: 1,
      stdout: '',
      stderr: "kill: can't kill pid 99: No such process\n",
      sleepMs: 0,
    });
    expect(runUtility(kill, ['kill', '-FOO', '1'], sys).stderr).toBe("kill: bad signal name 'FOO'\n");
    expect(runUtility(kill, ['kill'], sys).stderr).toBe('kill: you need to specify whom to kill\n');
    expect(runUtility(kill, ['kill', '-9'], sys).stderr).toBe('kill: you need to specify whom to kill\n');
    expect(runUtility(kill, ['kill', 'abc'], sys).stderr).toBe("kill: invalid number 'abc'\n");
    const denied = { ...sys, kill: () => 'EPERM' as const };
    expect(runUtility(kill, ['kill', '1'], denied).stderr).toBe("kill: can't kill pid 1: Operation not permitted\n");
  });

  it('lists signals', () => {
    const { sys } = createFakeSystem();
    const list = runUtility(kill, ['kill', '-l'], sys).stdout.split('\n');
    expect(list.slice(0, 3)).toEqual([' 1) HUP', ' 2) INT', ' 3) QUIT']);
    expect(list[30]).toBe('31) SYS');
    expect(runUtility(kill, ['kill', '-l', '9'], sys).stdout).toBe('KILL\n');
    expect(runUtility(kill, ['kill', '-l', 'KILL'], sys).stdout).toBe('9\n');
  });
});
