/** Tab completion for the page's terminal: kubectl command lines (with or without `kubectl`) and kubeplay actions. */
import type { Session } from '../../session/session';
import { completeKubectl, matching, type Completion } from './completeKubectl';
import { completeKubeplay } from './completeKubeplay';
import { splitLineWords } from './lineWords';

/** The commands the terminal runs besides kubectl's verbs typed on their own. */
const PROGRAMS = ['kubectl', 'kubeplay'];

/**
 * The candidates for the word being typed at the end of `line`, sorted and unique, all starting with what was typed
 * of it; `from` is where that word starts in `line` (after the `=` of `--flag=value`). Object names come from the
 * session's cluster, in `-n`'s namespace, every namespace with `-A`, else the session's current one.
 */
export function completeCommandLine(session: Session, line: string): Completion {
  const { before, current, from } = splitLineWords(line);
  const api = session.cluster.api;
  const namespace = session.host.currentNamespace();
  const [program, ...rest] = before;
  if (program === 'kubeplay') return completeKubeplay(api, namespace, rest, current, from);
  if (program === 'kubectl') return completeKubectl(api, namespace, rest, current, from);
  const verbs = completeKubectl(api, namespace, before, current, from);
  if (program !== undefined) return verbs;
  return { from, candidates: matching([...verbs.candidates, ...PROGRAMS], current) };
}
