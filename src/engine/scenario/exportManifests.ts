/**
 * The YAML a scenario applied or saved, as one multi-document file: what a learner takes away to apply to a real
 * cluster or keep as notes.
 */
import { parseScript, type ScriptStep } from '../script/parseScript';
import type { Scenario } from './scenario';

interface ExportedDocument {
  /** The comment line saying when and by what the document was applied or written. */
  origin: string;
  text: string;
}

/** kubectl verbs that send the objects of `-f -` to the API server. */
const APPLYING_VERBS = ['apply', 'create', 'replace'];
/** `-f -`, `-f=-`, `-f-`, `--filename -`, `--filename=-`: the objects come from stdin. */
const FROM_STDIN = /(?:^|\s)(?:-f|--filename)(?:\s+|=)?-(?:\s|$)/;
const MANIFEST_FILE = /\.(?:ya?ml|json)$/i;
/** A YAML document marker line, with or without content after it. */
const DOCUMENT_MARKER = /^---(?:[ \t].*)?$/m;

/** The stream's documents without leading blank lines, trailing space or `...`; comment-only ones dropped. */
function splitDocuments(text: string): string[] {
  return text
    .replace(/\r\n/g, '\n')
    .split(DOCUMENT_MARKER)
    .map((doc) =>
      doc
        .replace(/^(?:[ \t]*\n)+/, '')
        .trimEnd()
        // `...` ends a document; the `---` joining the export does that already.
        .replace(/(?:^|\n)\.\.\.$/, '')
        .trimEnd(),
    )
    .filter((doc) => doc.split('\n').some((line) => line.trim() !== '' && !line.trim().startsWith('#')));
}

/** Virtual ms after the start as `m:ss`. */
function formatElapsed(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** The YAML a step sends to the API server or saves in a manifest file. */
function manifestOf(step: ScriptStep): { verb: 'applied' | 'written'; content: string } | undefined {
  if (step.kind === 'kubectl' && step.stdin !== undefined && FROM_STDIN.test(step.command)) {
    const words = step.command.split(/\s+/);
    return APPLYING_VERBS.some((v) => words.includes(v)) ? { verb: 'applied', content: step.stdin } : undefined;
  }
  if (step.kind === 'write-file' && MANIFEST_FILE.test(step.path)) return { verb: 'written', content: step.content };
  return undefined;
}

/** Each document the steps applied (`kubectl apply|create|replace -f -` heredocs) or saved in a manifest file. */
function collectDocuments(scenario: Scenario): ExportedDocument[] {
  const documents: ExportedDocument[] = [];
  for (const { at, run } of scenario.steps) {
    const parsed = parseScript(run);
    if (!parsed.ok) continue;
    // `sleep` lines earlier in the same step moved the clock before the later lines ran.
    let elapsed = at;
    for (const step of parsed.steps) {
      if (step.kind === 'sleep') elapsed += step.ms;
      const manifest = manifestOf(step);
      if (!manifest) continue;
      const origin = `# ${manifest.verb} at ${formatElapsed(elapsed)} by: ${step.display}`;
      for (const text of splitDocuments(manifest.content)) documents.push({ origin, text });
    }
  }
  return documents;
}

/**
 * The YAML documents the scenario applied or wrote, in order, each once (compared by trimmed text), joined with
 * `---` lines, each after a comment `# applied at m:ss by: <command's first line>` (`# written at …` for
 * `cat > file.yaml <<EOF`). The editor's text follows last under `# the editor's text (not applied)` unless every
 * document in it is already there. Empty when there is nothing to export.
 */
export function exportManifests(scenario: Scenario): string {
  const seen = new Set<string>();
  const documents = collectDocuments(scenario).filter(({ text }) => {
    const key = text.trim();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const editorDocuments = splitDocuments(scenario.editor ?? '');
  if (editorDocuments.some((doc) => !seen.has(doc.trim())))
    documents.push({
      origin: "# the editor's text (not applied)",
      text: (scenario.editor ?? '')
        .replace(/\r\n/g, '\n')
        .replace(/^(?:[ \t]*\n)+/, '')
        .trimEnd(),
    });
  return documents.map(({ origin, text }) => `${origin}\n${text}\n`).join('---\n');
}
