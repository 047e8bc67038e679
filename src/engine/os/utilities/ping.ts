import type { Utility, UtilityResult } from '../types';
import { commandName, parseOptions, reportFailure, showUsage } from './parseOptions';
import { SLEEP_FOREVER_MS } from './sleep';

/** Milliseconds as busybox prints round-trip times: `%u.%03u`. */
const formatRtt = (ms: number): string => ms.toFixed(3);

/**
 * busybox `ping [-c COUNT] [-W SEC] [-w SEC] [-q] HOST` (networking/ping.c). Echoes go out one second apart: all the
 * lines are printed at once and the caller sleeps for the time they would have taken. Without -c ping never ends:
 * the header and first reply are printed and the sleep lasts "forever" (until the caller interrupts it); the
 * summary of an interrupted ping is not printed.
 */
export const ping: Utility = (argv, io, sys): UtilityResult => {
  const name = commandName(argv);
  const parsed = parseOptions(argv.slice(1), 'c:W:w:qi:s:t:I:46');
  if (!parsed.ok) return showUsage(io, name, '[OPTIONS] HOST', parsed.message);
  const host = parsed.operands[0];
  if (host === undefined) return showUsage(io, name, '[OPTIONS] HOST');
  const countText = parsed.flags.c;
  const count = typeof countText === 'string' ? Number(countText) : undefined;
  if (count !== undefined && (!Number.isInteger(count) || count < 1))
    return reportFailure(io, name, `invalid number '${String(countText)}'`);
  const first = sys.net.ping(host);
  if (!first.ok && first.error.kind === 'nxdomain') return reportFailure(io, name, `bad address '${host}'`);
  const ip = first.ok ? first.ip : 'ip' in first.error ? first.error.ip : host;
  const quiet = parsed.flags.q === true;
  io.stdout(`PING ${host} (${ip}): 56 data bytes\n`);
  const echoes = count ?? 1;
  const rtts: number[] = [];
  for (let seq = 0; seq < echoes; seq++) {
    const reply = seq === 0 ? first : sys.net.ping(host);
    if (!reply.ok) continue;
    rtts.push(reply.rttMs);
    if (!quiet) io.stdout(`64 bytes from ${reply.ip}: seq=${seq} ttl=64 time=${formatRtt(reply.rttMs)} ms\n`);
  }
  if (count === undefined) return { exitCode: 0, sleepMs: SLEEP_FOREVER_MS };
  const loss = Math.floor(((count - rtts.length) * 100) / count);
  io.stdout(
    `\n--- ${host} ping statistics ---\n${count} packets transmitted, ${rtts.length} packets received, ${loss}% packet loss\n`,
  );
  if (rtts.length > 0) {
    const average = rtts.reduce((sum, rtt) => sum + rtt, 0) / rtts.length;
    io.stdout(
      `round-trip min/avg/max = ${formatRtt(Math.min(...rtts))}/${formatRtt(average)}/${formatRtt(Math.max(...rtts))} ms\n`,
    );
  }
  // Unanswered echoes wait out their reply timeout (-W, default 10 s for the last one).
  const waitMs = (count - 1) * 1000 + (rtts.length < count ? Number(parsed.flags.W ?? 10) * 1000 : 0);
  const exitCode = rtts.length > 0 ? 0 : 1;
  return waitMs > 0 ? { exitCode, sleepMs: waitMs } : exitCode;
};

/**
 * iputils `ping` as Debian and CentOS based images have it: the canonical name in the header and replies,
 * icmp_seq from 1, times with three significant digits, and the rtt/mdev summary.
 */
export const iputilsPing: Utility = (argv, io, sys): UtilityResult => {
  const name = commandName(argv);
  const parsed = parseOptions(argv.slice(1), 'c:W:w:qi:s:t:I:46');
  if (!parsed.ok) return reportFailure(io, name, parsed.message, 2);
  const host = parsed.operands[0];
  if (host === undefined) return reportFailure(io, name, 'usage error: Destination address required', 2);
  const count = typeof parsed.flags.c === 'string' ? Number(parsed.flags.c) : undefined;
  const first = sys.net.ping(host);
  if (!first.ok && first.error.kind === 'nxdomain')
    return reportFailure(io, name, `${host}: Name or service not known`, 2);
  const ip = first.ok ? first.ip : 'ip' in first.error ? first.error.ip : host;
  const canonical = first.ok ? first.name : host;
  io.stdout(`PING ${canonical} (${ip}) 56(84) bytes of data.\n`);
  const rtts: number[] = [];
  for (let seq = 1; seq <= (count ?? 1); seq++) {
    const reply = seq === 1 ? first : sys.net.ping(host);
    if (!reply.ok) continue;
    rtts.push(reply.rttMs);
    const from = reply.name === reply.ip ? reply.ip : `${reply.name} (${reply.ip})`;
    io.stdout(`64 bytes from ${from}: icmp_seq=${seq} ttl=64 time=${Number(reply.rttMs.toPrecision(3))} ms\n`);
  }
  if (count === undefined) return { exitCode: 0, sleepMs: SLEEP_FOREVER_MS };
  const loss = Math.round(((count - rtts.length) * 100) / count);
  io.stdout(
    `\n--- ${canonical} ping statistics ---\n${count} packets transmitted, ${rtts.length} received, ${loss}% packet loss, time ${(count - 1) * 1000}ms\n`,
  );
  if (rtts.length > 0) {
    const average = rtts.reduce((sum, rtt) => sum + rtt, 0) / rtts.length;
    const deviation = Math.sqrt(rtts.reduce((sum, rtt) => sum + (rtt - average) ** 2, 0) / rtts.length);
    const summary = [Math.min(...rtts), average, Math.max(...rtts), deviation]
      .map((value) => value.toFixed(3))
      .join('/');
    io.stdout(`rtt min/avg/max/mdev = ${summary} ms\n`);
  }
  const exitCode = rtts.length > 0 ? 0 : 1;
  return count > 1 ? { exitCode, sleepMs: (count - 1) * 1000 } : exitCode;
};
