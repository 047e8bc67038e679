/**
 * go-yaml v2's line folding (sigs.k8s.io/yaml emits at libyaml's default best_width of 80): while writing a plain,
 * single- or double-quoted scalar, a space met once the column is past 80 becomes a line break, and the scalar goes
 * on indented two columns under the key or dash that holds it (`yaml_emitter_write_plain_scalar`,
 * `..._single_quoted_scalar`, `..._double_quoted_scalar` in emitterc.go). Lines can therefore run past 80.
 */

const BEST_WIDTH = 80;

type Style = 'plain' | 'single' | 'double';

/** Splits `- - key: value` / `- value` / `key: value` into the text before the scalar, its indent and the scalar. */
function locateScalar(line: string): { prefix: string; indent: number; scalar: string } | undefined {
  let pos = line.length - line.trimStart().length;
  let holder = pos;
  while (line.startsWith('- ', pos)) {
    holder = pos;
    pos += 2;
  }
  const rest = line.slice(pos);
  let keyEnd = -1;
  if (rest.startsWith('"') || rest.startsWith("'")) {
    // A quoted key: find its closing quote (a doubled quote inside single quotes is an escaped one).
    const quote = rest.charAt(0);
    let i = 1;
    while (i < rest.length) {
      if (rest.charAt(i) === '\\' && quote === '"') i += 2;
      else if (rest.charAt(i) === quote && rest.charAt(i + 1) === quote && quote === "'") i += 2;
      else if (rest.charAt(i) === quote) break;
      else i++;
    }
    if (rest.startsWith(': ', i + 1)) keyEnd = i + 1;
  } else {
    keyEnd = rest.indexOf(': ');
  }
  if (keyEnd >= 0) {
    const valueStart = pos + keyEnd + 2;
    return { prefix: line.slice(0, valueStart), indent: pos + 2, scalar: line.slice(valueStart) };
  }
  // No key: a sequence item scalar (or a top-level one, which go-yaml never folds here).
  if (pos === 0 || line.charAt(pos - 2) !== '-') return undefined;
  return { prefix: line.slice(0, pos), indent: holder + 2, scalar: rest };
}

function styleOf(scalar: string): Style | undefined {
  if (scalar.startsWith("'")) return 'single';
  if (scalar.startsWith('"')) return 'double';
  // Block scalars, flow collections and aliases are not folded.
  if (/^[|>{[&*!]/.test(scalar)) return undefined;
  return 'plain';
}

/** Writes the scalar's characters as the emitter does, breaking at qualifying spaces. */
function foldScalar(scalar: string, style: Style, startColumn: number, indent: number): string {
  const quoted = style !== 'plain';
  const body = quoted ? scalar.slice(1, -1) : scalar;
  const pad = ' '.repeat(indent);
  let out = quoted ? scalar.charAt(0) : '';
  let column = startColumn + out.length;
  let spaces = false;
  for (let i = 0; i < body.length; i++) {
    const c = body.charAt(i);
    if (c !== ' ') {
      out += c;
      column++;
      spaces = false;
      continue;
    }
    const next = body.charAt(i + 1);
    const inside = style === 'plain' || (i > 0 && i < body.length - 1);
    const breakable = !spaces && column > BEST_WIDTH && inside && (style === 'double' || next !== ' ');
    if (breakable) {
      out += `\n${pad}`;
      column = indent;
      // A double-quoted scalar keeps a following space by escaping the line break.
      if (style === 'double' && next === ' ') {
        out += '\\';
        column++;
      }
    } else {
      out += c;
      column++;
    }
    spaces = true;
  }
  return quoted ? out + scalar.charAt(scalar.length - 1) : out;
}

/** Folds every scalar line of unfolded YAML (one scalar per line) as go-yaml v2 would have written it. */
export function foldYamlLines(yaml: string): string {
  // Lines of a block scalar (`key: |`) are content, indented deeper than the line that opened it.
  let blockColumn = -1;
  return yaml
    .split('\n')
    .map((line) => {
      const column = line.length - line.trimStart().length;
      if (blockColumn >= 0 && (line.trim() === '' || column > blockColumn)) return line;
      blockColumn = -1;
      const found = locateScalar(line);
      if (found && /^[|>]/.test(found.scalar)) blockColumn = found.indent - 2;
      if (!found || line.indexOf(' ', BEST_WIDTH + 1) < 0) return line;
      const style = styleOf(found.scalar);
      if (!style) return line;
      return found.prefix + foldScalar(found.scalar, style, found.prefix.length, found.indent);
    })
    .join('\n');
}
