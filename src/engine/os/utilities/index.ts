import type { Userland, Utility } from '../types';
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
import { test, testUtility } from './test';
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
  'env',
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
    test: testUtility('gnu'),
    '[': testUtility('gnu'),
  },
};

/**
 * The tool flavour of a userland. The old nslookup and wget lasted until busybox 1.29 rewrote nslookup
 * (networking/nslookup.c, 2018); images without a userland of their own get the current busybox wording.
 */
export function utilityFlavourOf(userland: Userland | undefined): UtilityFlavour {
  if (userland?.kind === 'gnu') return 'debian';
  if (userland?.kind !== 'busybox') return 'busybox';
  const [major = 0, minor = 0] = userland.version.split('.').map(Number);
  return major === 1 && minor < 29 ? 'busybox-1.28' : 'busybox';
}

/** The utilities of an image of the given flavour: `base` (by default the busybox set) with the flavour's own. */
export function selectUtilities(flavour: UtilityFlavour, base = utilities): Record<string, Utility> {
  return { ...base, ...utilityOverrides[flavour] };
}

export { SLEEP_FOREVER_MS, parseSleepDuration } from './sleep';
