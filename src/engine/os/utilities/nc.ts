import type { Utility, UtilityResult } from '../types';
import { commandName, parseOptions, reportFailure, showUsage } from './parseOptions';

/**
 * busybox `nc` (networking/nc_bloaty.c) in port-scan mode: `nc -z [-v] [-w SEC] HOST PORT`. Without -z it would
 * open an interactive connection, which the simulation does not offer.
 */
export const nc: Utility = (argv, io, sys): UtilityResult => {
  const name = commandName(argv);
  const parsed = parseOptions(argv.slice(1), 'zvnw:lp:e:i:u');
  const synopsis = '[-z] [-v] [-w SEC] HOST PORT';
  if (!parsed.ok) return showUsage(io, name, synopsis, parsed.message);
  const [host, portText] = parsed.operands;
  if (host === undefined || portText === undefined) return showUsage(io, name, synopsis);
  if (!parsed.flags.z) return reportFailure(io, name, 'only port scans (-z) are supported in this playground');
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65535) return reportFailure(io, name, `bad port '${portText}'`);
  const result = sys.net.connect(host, port);
  if (result.ok) {
    if (parsed.flags.v) io.stderr(`${host} (${result.ip}:${port}) open\n`);
    return 0;
  }
  const { error } = result;
  if (error.kind === 'nxdomain') return reportFailure(io, name, `bad address '${host}'`);
  const ip = 'ip' in error ? error.ip : host;
  const reason = {
    'connection-refused': 'Connection refused',
    timeout: 'Connection timed out',
    'no-route': 'No route to host',
    reset: 'Connection reset by peer',
  }[error.kind];
  if (parsed.flags.v) io.stderr(`${name}: ${host} (${ip}:${port}): ${reason}\n`);
  const waitMs = error.kind === 'timeout' && typeof parsed.flags.w === 'string' ? Number(parsed.flags.w) * 1000 : 0;
  return waitMs > 0 ? { exitCode: 1, sleepMs: waitMs } : 1;
};
