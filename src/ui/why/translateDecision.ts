/**
 * The controllers' decisions in the page's language. The engine writes them in English from fixed wordings, many
 * composed of fragments ("<reason>: scaled up new ReplicaSet …", lists joined with "; "); each wording has a pattern
 * in DECISION_PATTERNS whose template rebuilds the sentence in Chinese, translating the fragments it names the same
 * way. Text no pattern knows stays English.
 */
import { DECISION_PATTERNS, DECISION_WORDS, type DecisionPattern } from './decisionPatterns';

export type DecisionLanguage = 'en' | 'zh';

/** Deeper than any wording nests; stops a pattern that would hand its whole text back to itself. */
const MAX_DEPTH = 12;

/**
 * `text` (a decision's English wording) in `language`: unchanged for English; for Chinese, the pattern table's
 * rendering, with names, numbers and Kubernetes' own messages carried over verbatim, or `text` itself when no
 * pattern matches it.
 */
export function translateDecision(text: string, language: DecisionLanguage): string {
  if (language === 'en') return text;
  const translated = translateFragment(text, undefined, 0);
  return translated === undefined ? text : tightenPunctuation(translated);
}

/** Chinese sets no space beside full-width punctuation; templates put one around every name and number. */
function tightenPunctuation(text: string): string {
  return text.replace(/ +(?=[（）：；，、。“”—])|(?<=[（）：；，、。“”—]) +/g, '');
}

/** The first pattern of `scope` (then the unscoped ones) matching all of `text`, filled in; undefined if none. */
function translateFragment(text: string, scope: string | undefined, depth: number): string | undefined {
  if (depth > MAX_DEPTH) return undefined;
  if (scope !== undefined) {
    const scoped = translateWith(text, (entry) => entry.scope === scope, depth);
    if (scoped !== undefined) return scoped;
  }
  return translateWith(text, (entry) => entry.scope === undefined, depth);
}

function translateWith(text: string, eligible: (entry: DecisionPattern) => boolean, depth: number): string | undefined {
  for (const entry of DECISION_PATTERNS) {
    if (!eligible(entry)) continue;
    const match = entry.pattern.exec(text);
    if (match) return fillTemplate(entry.zh, match.groups ?? {}, depth + 1);
  }
  return undefined;
}

const OPTIONAL_SECTION = /\[\[(.*?)\]\]/g;
const PLACEHOLDER = /\{(\w+)(?::(\w+)(?:@(\w+))?)?\}/g;

/** Drops `[[…]]` sections naming a group that did not match, then fills every `{group:mode@scope}`. */
function fillTemplate(template: string, groups: Record<string, string | undefined>, depth: number): string {
  const kept = template.replace(OPTIONAL_SECTION, (_, section: string) =>
    [...section.matchAll(PLACEHOLDER)].every((m) => groups[m[1]!] !== undefined) ? section : '',
  );
  return kept.replace(PLACEHOLDER, (_, name: string, mode: string | undefined, scope: string | undefined) => {
    const value = groups[name];
    return value === undefined ? '' : renderGroup(value, mode, scope, depth);
  });
}

function renderGroup(value: string, mode: string | undefined, scope: string | undefined, depth: number): string {
  switch (mode) {
    case undefined:
      return value;
    case 't':
      return translateFragment(value, scope, depth) ?? value;
    case 'w':
      return DECISION_WORDS[value] ?? value;
    case 'q':
      // Kubernetes' own message, kept as kubectl describe shows it.
      return `“${value}”`;
    case 'names':
      return value.split(', ').join('、');
    case 'each':
      return translateList(value, ', ', '、', scope, depth);
    case 'clauses':
      return translateList(value, ', ', '，', scope, depth);
    case 'parts':
      return translateList(value, '; ', '；', scope, depth);
    default:
      throw new Error(`unknown template mode ${mode}`);
  }
}

/**
 * A list the engine joined with `separator`, whose items may contain it too ("held at 3, the highest …"): from the
 * left, the shortest run of pieces that a pattern translates is one item; a piece nothing translates stays as is.
 */
function translateList(
  value: string,
  separator: string,
  joiner: string,
  scope: string | undefined,
  depth: number,
): string {
  const pieces = splitOutsideParentheses(value, separator);
  const items: string[] = [];
  let start = 0;
  while (start < pieces.length) {
    let end = start + 1;
    let translated: string | undefined;
    for (; end <= pieces.length; end++) {
      translated = translateFragment(pieces.slice(start, end).join(separator), scope, depth);
      if (translated !== undefined) break;
    }
    if (translated === undefined) {
      items.push(pieces[start]!);
      start++;
    } else {
      items.push(translated);
      start = end;
    }
  }
  return items.join(joiner);
}

/** `text` split at `separator`, except inside parentheses ("web-1 (Running, ready 5s), web-2 (…)"). */
function splitOutsideParentheses(text: string, separator: string): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '(') depth++;
    else if (char === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && text.startsWith(separator, i)) {
      pieces.push(text.slice(start, i));
      start = i + separator.length;
      i = start - 1;
    }
  }
  pieces.push(text.slice(start));
  return pieces;
}
