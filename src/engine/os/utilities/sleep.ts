import type { Utility, UtilityResult } from '../types';
import { commandName, showUsage } from './parseOptions';

/** What "forever" means to `sleep infinity` and `tail -f`: 2^31-1 seconds, beyond any simulated session. */
export const SLEEP_FOREVER_MS = 2_147_483_647_000;

const UNIT_SECONDS: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

/** Parses one `sleep` operand (`30`, `1.5`, `30s`, `2m`, `1h`, `1d`, `inf`, `infinity`) into milliseconds. */
export function parseSleepDuration(text: string): number | undefined {
  if (/^inf(inity)?$/i.test(text)) return SLEEP_FOREVER_MS;
  const match = /^(\d+\.?\d*|\.\d+)([smhd]?)$/.exec(text);
  if (!match) return undefined;
  return Math.round(Number(match[1]) * (UNIT_SECONDS[match[2] ?? ''] ?? 1) * 1000);
}

/** `sleep DURATION...`: the durations add up (busybox coreutils/sleep.c); the caller does the waiting. */
export const sleep: Utility = (argv, io): UtilityResult => {
  const name = commandName(argv);
  if (argv.length < 2) return showUsage(io, name, '[N]...');
  let total = 0;
  for (const operand of argv.slice(1)) {
    const ms = parseSleepDuration(operand);
    if (ms === undefined) {
      io.stderr(`${name}: invalid number '${operand}'\n`);
      return 1;
    }
    total = Math.min(SLEEP_FOREVER_MS, total + ms);
  }
  return { exitCode: 0, sleepMs: total };
};
