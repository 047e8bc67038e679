/**
 * Read-only kubectl for the page's inspector: `get`, `describe`, `logs`, `events`, `top`, `explain`. No virtual time
 * passes and nothing is recorded, so looking at the cluster never changes what happens in it.
 */
import { ClusterKubectlHost } from '../cluster/clusterKubectlHost';
import { runKubectl, splitCommandLine } from '../kubectl';
import type { KubectlResult } from '../kubectl/types';
import type { Session } from '../session/session';

const READ_VERBS = new Set(['get', 'describe', 'logs', 'events', 'top', 'explain', 'api-resources', 'version']);

/** Runs a read-only kubectl command line against the session's cluster, in its current namespace. */
export function inspectCluster(session: Session, commandLine: string): KubectlResult {
  const argv = splitCommandLine(commandLine);
  if (!Array.isArray(argv)) return { stdout: '', stderr: `${argv.error}\n`, exitCode: 1 };
  const args = argv[0] === 'kubectl' ? argv.slice(1) : argv;
  const verb = args.find((arg) => !arg.startsWith('-'));
  if (!verb || !READ_VERBS.has(verb) || args.some((arg) => /^(-w|--watch|--watch-only|-f|--follow)(=|$)/.test(arg)))
    return { stdout: '', stderr: `inspect: only one-shot reads are allowed, not "${commandLine}"\n`, exitCode: 1 };
  const host = new ClusterKubectlHost(session.cluster, { read: (path) => session.readFile(path) }, false);
  host.setCurrentNamespace(session.host.currentNamespace());
  return runKubectl(args, host);
}
