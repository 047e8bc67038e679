import { describe, expect, it } from 'vitest';
import { date, formatStrftime } from './date';
import { createFakeSystem, runUtility } from './fakeSystemCalls';
import { env, falseUtility, hostname, id, printenv, pwd, trueUtility, uname, whoami } from './identity';
import { parseSleepDuration, sleep } from './sleep';
import { echo } from './echo';

describe('sleep', () => {
  it('asks the caller to wait, adding up its operands', () => {
    const { sys } = createFakeSystem();
    expect(runUtility(sleep, ['sleep', '30'], sys)).toEqual({ code: 0, stdout: '', stderr: '', sleepMs: 30000 });
    expect(runUtility(sleep, ['sleep', '1.5', '30s', '2m'], sys).sleepMs).toBe(151500);
    expect(runUtility(sleep, ['sleep', 'infinity'], sys).sleepMs).toBe(2_147_483_647_000);
  });

  it('parses durations and rejects bad ones as busybox does', () => {
    expect(parseSleepDuration('1h')).toBe(3_600_000);
    expect(parseSleepDuration('.5')).toBe(500);
    expect(parseSleepDuration('1x')).toBeUndefined();
    const { sys } = createFakeSystem();
    expect(runUtility(sleep, ['sleep', '1x'], sys)).toEqual({
      code: 1,
      stdout: '',
      stderr: "sleep: invalid number '1x'\n",
      sleepMs: 0,
    });
  });
});

describe('date', () => {
  const { sys } = createFakeSystem({ now: Date.UTC(2006, 0, 2, 15, 4, 5) });

  it('prints the virtual time in the C-locale default format, in UTC', () => {
    expect(runUtility(date, ['date'], sys).stdout).toBe('Mon Jan  2 15:04:05 UTC 2006\n');
    expect(runUtility(date, ['date', '-u'], sys).stdout).toBe('Mon Jan  2 15:04:05 UTC 2006\n');
    expect(runUtility(date, ['date', '-R'], sys).stdout).toBe('Mon, 02 Jan 2006 15:04:05 +0000\n');
    expect(runUtility(date, ['date', '-I'], sys).stdout).toBe('2006-01-02\n');
  });

  it('formats with +FORMAT and reads -d', () => {
    expect(runUtility(date, ['date', '+%s'], sys).stdout).toBe('1136214245\n');
    expect(runUtility(date, ['date', '+%Y-%m-%dT%H:%M:%S%z'], sys).stdout).toBe('2006-01-02T15:04:05+0000\n');
    expect(runUtility(date, ['date', '-d', '@0'], sys).stdout).toBe('Thu Jan  1 00:00:00 UTC 1970\n');
    expect(formatStrftime('%j|%a %A %b %B %e|%p %I|%y %D %T %F %%|%N', Date.UTC(2026, 10, 23, 8, 12, 39))).toBe(
      '327|Mon Monday Nov November 23|AM 08|26 11/23/26 08:12:39 2026-11-23 %|%N',
    );
  });

  it('cannot set the clock', () => {
    expect(runUtility(date, ['date', '010203042006'], sys)).toEqual({
      code: 1,
      stdout: '',
      stderr: "date: can't set date: Operation not permitted\n",
      sleepMs: 0,
    });
  });
});

describe('environment and identity', () => {
  const processes = [
    { pid: 1, ppid: 0, user: 'root', cmdline: 'sh', startTime: 0, state: 'S' as const },
    { pid: 7, ppid: 1, user: '101', cmdline: 'nginx: worker process', startTime: 0, state: 'S' as const },
  ];
  const files = {
    '/etc/passwd': 'root:x:0:0:root:/root:/bin/sh\nnginx:x:101:101:nginx:/nonexistent:/bin/false\n',
    '/etc/group': 'root:x:0:\nwheel:x:10:root\nnginx:x:101:\n',
  };

  it('env and printenv print the environment', () => {
    const { sys } = createFakeSystem();
    const variables = { HOSTNAME: 'web-0', MESSAGE: 'hi' };
    expect(runUtility(env, ['env'], sys, { env: variables }).stdout).toBe('HOSTNAME=web-0\nMESSAGE=hi\n');
    expect(runUtility(printenv, ['printenv', 'MESSAGE'], sys, { env: variables })).toEqual({
      code: 0,
      stdout: 'hi\n',
      stderr: '',
      sleepMs: 0,
    });
    expect(runUtility(printenv, ['printenv', 'NOPE'], sys, { env: variables }).code).toBe(1);
  });

  it('env runs a utility with a changed environment', () => {
    const { sys } = createFakeSystem();
    const withEcho = {
      ...sys,
      findUtility: (name: string) => (name === 'printenv' ? printenv : name === 'echo' ? echo : undefined),
    };
    expect(runUtility(env, ['env', '-i', 'A=1', 'printenv'], withEcho, { env: { B: '2' } }).stdout).toBe('A=1\n');
    expect(runUtility(env, ['env', 'nosuch'], withEcho)).toEqual({
      code: 127,
      stdout: '',
      stderr: "env: can't execute 'nosuch': No such file or directory\n",
      sleepMs: 0,
    });
  });

  it('hostname, uname and pwd', () => {
    const { sys } = createFakeSystem({ hostname: 'web-0' });
    expect(runUtility(hostname, ['hostname'], sys).stdout).toBe('web-0\n');
    expect(runUtility(hostname, ['hostname', '-i'], sys).stdout).toBe('10.244.1.5\n');
    expect(runUtility(uname, ['uname'], sys).stdout).toBe('Linux\n');
    expect(runUtility(uname, ['uname', '-n'], sys).stdout).toBe('web-0\n');
    expect(runUtility(uname, ['uname', '-a'], sys).stdout).toBe(
      'Linux web-0 6.1.0-27-cloud-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.115-1 (2024-11-01) x86_64 GNU/Linux\n',
    );
    expect(runUtility(pwd, ['pwd'], sys, { cwd: '/usr/share/nginx/html' }).stdout).toBe('/usr/share/nginx/html\n');
  });

  it('id and whoami read the process user through /etc/passwd and /etc/group', () => {
    const root = createFakeSystem({ files, processes, pid: 1 }).sys;
    expect(runUtility(id, ['id'], root).stdout).toBe('uid=0(root) gid=0(root) groups=0(root),10(wheel)\n');
    expect(runUtility(whoami, ['whoami'], root).stdout).toBe('root\n');
    const worker = createFakeSystem({ files, processes, pid: 7 }).sys;
    expect(runUtility(id, ['id'], worker).stdout).toBe('uid=101(nginx) gid=101(nginx) groups=101(nginx)\n');
    expect(runUtility(id, ['id', '-un'], worker).stdout).toBe('nginx\n');
    const anonymous = createFakeSystem({ processes, pid: 7 }).sys;
    expect(runUtility(id, ['id'], anonymous).stdout).toBe('uid=101 gid=101 groups=101\n');
    expect(runUtility(whoami, ['whoami'], anonymous).stderr).toBe('whoami: unknown uid 101\n');
  });

  it('true and false', () => {
    const { sys } = createFakeSystem();
    expect(runUtility(trueUtility, ['true'], sys).code).toBe(0);
    expect(runUtility(falseUtility, ['false'], sys).code).toBe(1);
  });
});
