import { normalizePath } from '../fs/normalizePath';
import type { SystemCalls, Utility } from '../types';
import { commandName, parseOptions, reportFailure, showUsage } from './parseOptions';
import { readFile, splitLines } from './readInputs';

// env, printenv, hostname, id, whoami, uname, pwd, true, false: what a process can learn about itself.

/** The kernel the simulated nodes report (a Debian 12 cloud kernel). */
const KERNEL = { release: '6.1.0-27-cloud-amd64', version: '#1 SMP PREEMPT_DYNAMIC Debian 6.1.115-1 (2024-11-01)' };

/** `env [-i] [NAME=VALUE]... [COMMAND [ARG]...]`: prints the environment, or runs a utility with a changed one. */
export const env: Utility = (argv, io, sys, environment, cwd) => {
  const name = commandName(argv);
  let index = 1;
  let next: Record<string, string> = { ...environment };
  for (; index < argv.length; index++) {
    const arg = argv[index] ?? '';
    if (arg === '-i' || arg === '-') next = {};
    else if (arg === '-u') delete next[argv[++index] ?? ''];
    else if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(arg))
      next[arg.slice(0, arg.indexOf('='))] = arg.slice(arg.indexOf('=') + 1);
    else if (arg === '--') {
      index++;
      break;
    } else break;
  }
  const command = argv.slice(index);
  if (command.length === 0) {
    io.stdout(
      Object.entries(next)
        .map(([key, value]) => `${key}=${value}\n`)
        .join(''),
    );
    return 0;
  }
  const utility = sys.findUtility(command[0] ?? '');
  if (!utility) return reportFailure(io, name, `can't execute '${command[0]}': No such file or directory`, 127);
  return utility(command, io, sys, next, cwd);
};

/** `printenv [NAME]...`: exit 1 if any name is unset. */
export const printenv: Utility = (argv, io, _sys, environment) => {
  const names = argv.slice(1);
  if (names.length === 0) {
    io.stdout(
      Object.entries(environment)
        .map(([key, value]) => `${key}=${value}\n`)
        .join(''),
    );
    return 0;
  }
  let status = 0;
  for (const key of names) {
    const value = environment[key];
    if (value === undefined) status = 1;
    else io.stdout(`${value}\n`);
  }
  return status;
};

/** `hostname [-s|-i|-f]`: the pod's hostname (UTS namespace); `-i` its IP. */
export const hostname: Utility = (argv, io, sys) => {
  const name = commandName(argv);
  const parsed = parseOptions(argv.slice(1), 'sidfF:');
  if (!parsed.ok) return showUsage(io, name, '[-sidf] [HOSTNAME | -F FILE]', parsed.message);
  if (parsed.operands.length > 0) return reportFailure(io, name, 'sethostname: Operation not permitted');
  if (parsed.flags.i) io.stdout(`${sys.net.podIp}\n`);
  else io.stdout(`${parsed.flags.s ? (sys.hostname.split('.')[0] ?? '') : sys.hostname}\n`);
  return 0;
};

interface Account {
  name: string;
  id: number;
}

/** The records of /etc/passwd or /etc/group (`name:x:id:field4:...`) with a numeric id. */
function readAccountFile(sys: SystemCalls, path: string): { name: string; id: number; fourth: string }[] {
  const read = readFile(sys.fs, path);
  if ('error' in read) return [];
  return splitLines(read.text).flatMap((line) => {
    const [name = '', , id = '', fourth = ''] = line.split(':');
    return /^\d+$/.test(id) ? [{ name, id: Number(id), fourth }] : [];
  });
}

/**
 * Who the calling process runs as, from its process-table entry (a name or a numeric uid) and /etc/passwd and
 * /etc/group; root when nothing says otherwise. Numbers without a name stay bare numbers, as `id` prints them.
 */
function currentUser(sys: SystemCalls): { uid: Account | number; gid: Account | number; groups: (Account | number)[] } {
  const user = sys.processes().find((process) => process.pid === sys.pid)?.user ?? 'root';
  const numeric = /^\d+$/.test(user);
  const passwd = readAccountFile(sys, '/etc/passwd');
  const groupFile = readAccountFile(sys, '/etc/group');
  const entry = passwd.find((account) => (numeric ? account.id === Number(user) : account.name === user));
  const fallbackId = numeric ? Number(user) : 0;
  const uid: Account | number = entry ?? (fallbackId === 0 ? { name: 'root', id: 0 } : fallbackId);
  const gidNumber = entry ? Number(entry.fourth) : fallbackId;
  const named = (id: number): Account | number => {
    const group = groupFile.find((candidate) => candidate.id === id);
    return group ? { name: group.name, id } : id === 0 ? { name: 'root', id: 0 } : id;
  };
  const userName = typeof uid === 'number' ? undefined : uid.name;
  const supplementary = groupFile.filter(
    (group) => group.id !== gidNumber && userName !== undefined && group.fourth.split(',').includes(userName),
  );
  return { uid, gid: named(gidNumber), groups: [named(gidNumber), ...supplementary.map((group) => named(group.id))] };
}

const describeAccount = (account: Account | number): string =>
  typeof account === 'number' ? String(account) : `${account.id}(${account.name})`;

/** `id [-u|-g|-G] [-n]` */
export const id: Utility = (argv, io, sys) => {
  const name = commandName(argv);
  const parsed = parseOptions(argv.slice(1), 'ugGnr');
  if (!parsed.ok) return showUsage(io, name, '[-ugGnr] [USER]', parsed.message);
  const { uid, gid, groups } = currentUser(sys);
  const one = (account: Account | number) =>
    typeof account === 'number' ? String(account) : parsed.flags.n ? account.name : String(account.id);
  if (parsed.flags.u) io.stdout(`${one(uid)}\n`);
  else if (parsed.flags.g) io.stdout(`${one(gid)}\n`);
  else if (parsed.flags.G) io.stdout(`${groups.map(one).join(' ')}\n`);
  else
    io.stdout(
      `uid=${describeAccount(uid)} gid=${describeAccount(gid)} groups=${groups.map(describeAccount).join(',')}\n`,
    );
  return 0;
};

/** `whoami` */
export const whoami: Utility = (argv, io, sys) => {
  const { uid } = currentUser(sys);
  if (typeof uid === 'number') return reportFailure(io, commandName(argv), `unknown uid ${uid}`);
  io.stdout(`${uid.name}\n`);
  return 0;
};

/** `uname [-asnrvmo]`; `-a` prints in the order s n r v m o. */
export const uname: Utility = (argv, io, sys) => {
  const name = commandName(argv);
  const parsed = parseOptions(argv.slice(1), 'asnrvmpio');
  if (!parsed.ok) return showUsage(io, name, '[-amnrspvio]', parsed.message);
  const all = parsed.flags.a === true;
  const fields: [string, string][] = [
    ['s', 'Linux'],
    ['n', sys.hostname],
    ['r', KERNEL.release],
    ['v', KERNEL.version],
    ['m', 'x86_64'],
    ['o', 'GNU/Linux'],
  ];
  const chosen = fields.filter(
    ([letter]) => all || parsed.flags[letter] || (letter === 'm' && (parsed.flags.p || parsed.flags.i)),
  );
  io.stdout(`${(chosen.length > 0 ? chosen : fields.slice(0, 1)).map(([, value]) => value).join(' ')}\n`);
  return 0;
};

/** `pwd` */
export const pwd: Utility = (_argv, io, _sys, _env, cwd) => {
  io.stdout(`${normalizePath('/', cwd)}\n`);
  return 0;
};

/** `true` */
export const trueUtility: Utility = () => 0;

/** `false` */
export const falseUtility: Utility = () => 1;
