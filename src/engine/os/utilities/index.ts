import type { Utility } from '../types';
import { bc } from './bc';
import { cat } from './cat';
import { curl } from './curl';
import { cut } from './cut';
import { date } from './date';
import { echo } from './echo';
import { expr } from './expr';
import { cp, mkdir, mv, rm, rmdir, touch } from './fileUtilities';
import { withGnuMessages } from './gnuMessages';
import { grep } from './grep';
import { head, tail } from './headTail';
import { env, falseUtility, hostname, id, printenv, pwd, trueUtility, uname, whoami } from './identity';
import { kill } from './kill';
import { ls } from './ls';
import { nc } from './nc';
import { nslookup, nslookupBusybox128 } from './nslookup';
import { basename, dirname, which } from './paths';
import { perl } from './perl';
import { iputilsPing, ping } from './ping';
import { busyboxPs, procpsPs } from './ps';
import { sed } from './sed';
import { seq } from './seq';
import { sleep } from './sleep';
import { sort, uniq } from './sortUniq';
import { tee } from './tee';
import { test } from './test';
import { tr } from './tr';
import { wc } from './wc';
import { wget, wgetBusybox128 } from './wget';

/**
 * The short-lived commands of the simulated images, keyed by command basename, behaving as busybox 1.36 does
 * (plus curl 8, GNU bc and a sliver of perl). An image offers the subset its catalog entry lists.
 */
export const utilities: Record<string, Utility> = {
  '[': test,
  basename,
  bc,
  cat,
  cp,
  curl,
  cut,
  date,
  dirname,
  echo,
  env,
  expr,
  false: falseUtility,
  grep,
  head,
  hostname,
  id,
  kill,
  ls,
  mkdir,
  mv,
  nc,
  nslookup,
  perl,
  ping,
  printenv,
  ps: busyboxPs,
  pwd,
  rm,
  rmdir,
  sed,
  seq,
  sleep,
  sort,
  tail,
  tee,
  test,
  touch,
  tr,
  true: trueUtility,
  uname,
  uniq,
  wc,
  wget,
  which,
  whoami,
};

/** Commands whose diagnostics Debian's GNU tools word differently. */
const GNU_WORDED = [
  'cat',
  'cp',
  'cut',
  'expr',
  'head',
  'kill',
  'ls',
  'mkdir',
  'mv',
  'rm',
  'rmdir',
  'sed',
  'seq',
  'sleep',
  'sort',
  'tail',
  'touch',
  'uniq',
];

/** Families of images whose tools print differently from busybox 1.36. */
export type UtilityFlavour = 'busybox' | 'busybox-1.28' | 'debian';

/**
 * Per-flavour replacements: busybox 1.28 (the `busybox:1.28` image the Kubernetes docs pin) has the old nslookup
 * and a quieter wget; Debian-based images (nginx, debian) word their diagnostics as GNU coreutils and have procps
 * `ps` and iputils `ping`.
 */
export const utilityOverrides: Record<UtilityFlavour, Record<string, Utility>> = {
  busybox: {},
  'busybox-1.28': { nslookup: nslookupBusybox128, wget: wgetBusybox128 },
  debian: {
    ...Object.fromEntries(GNU_WORDED.map((name) => [name, withGnuMessages(utilities[name] as Utility)])),
    ps: procpsPs,
    ping: iputilsPing,
  },
};

/** The utilities of an image of the given flavour. */
export function selectUtilities(flavour: UtilityFlavour): Record<string, Utility> {
  return { ...utilities, ...utilityOverrides[flavour] };
}

export { evaluateTest } from './test';
export { SLEEP_FOREVER_MS, parseSleepDuration } from './sleep';
export { expandEchoEscapes } from './echo';
