/**
 * `$(…)` inside a kubectl command line (`kubectl delete pod $(kubectl get pods -o name)`): the substitutions run in
 * the host shell first, then kubectl runs as a command of its own, so it may wait in virtual time as usual.
 */

/** The line with quoted strings and every balanced `$(…)` blanked out, for deciding what kind of line it is. */
export function withoutSubstitutions(line: string): string {
  const unquoted = line.replace(/'[^']*'|"(?:[^"\\]|\\.)*"/g, '""');
  let out = '';
  let depth = 0;
  for (let i = 0; i < unquoted.length; i++) {
    if (unquoted[i] === '$' && unquoted[i + 1] === '(') {
      depth++;
      i++;
    } else if (depth > 0 && unquoted[i] === '(') depth++;
    else if (depth > 0 && unquoted[i] === ')') depth--;
    else if (depth === 0) out += unquoted[i];
  }
  return out;
}

/** Whether the line has a command substitution outside single quotes. */
export function hasCommandSubstitution(line: string): boolean {
  return line.replace(/'[^']*'/g, "''").includes('$(');
}

/** The shell program that prints each word of `line`, after expansion, on a line of its own. */
export function wordsProgram(line: string): string {
  return `set -- ${line}\nprintf '%s\\n' "$@"`;
}
