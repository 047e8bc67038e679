import { normalizePath } from '../fs/normalizePath';
import type { Utility } from '../types';
import { errnoMessage } from './errnoMessage';
import { commandName, parseOptions, reportFailure, showUsage } from './parseOptions';
import { compilePosixRegex } from './posixRegex';
import { readFile, splitLines } from './readInputs';

// A subset of sed: addresses (N, $, /RE/, ranges, !) and the commands s, p, d, q, y, =, a, i, c.
// Messages follow busybox editors/sed.c.

type Address = { kind: 'line'; line: number } | { kind: 'last' } | { kind: 'regex'; regex: RegExp };

interface Command {
  from?: Address;
  to?: Address;
  negate: boolean;
  /** Range commands remember whether they are inside their range. */
  inRange: boolean;
  name: string;
  regex?: RegExp;
  replacement?: string;
  global?: boolean;
  occurrence?: number;
  print?: boolean;
  text?: string;
  translate?: [string, string];
}

class SedError extends Error {}

/** Reads a delimited field starting after the delimiter at `start`; `\DELIM` stands for the delimiter itself. */
function readDelimited(script: string, start: number, delimiter: string): { text: string; end: number } {
  let text = '';
  for (let i = start; i < script.length; i++) {
    const char = script.charAt(i);
    if (char === '\\' && i + 1 < script.length) {
      const next = script.charAt(i + 1);
      text += next === delimiter ? delimiter : `\\${next}`;
      i++;
    } else if (char === delimiter) {
      return { text, end: i + 1 };
    } else {
      text += char;
    }
  }
  throw new SedError(`unmatched '${delimiter}'`);
}

function compileOrThrow(pattern: string, extended: boolean, ignoreCase = false): RegExp {
  const regex = compilePosixRegex(pattern, { extended, ignoreCase, global: true });
  if (!regex) throw new SedError(`bad regex '${pattern}'`);
  return regex;
}

function parseAddress(script: string, at: number, extended: boolean): { address?: Address; end: number } {
  const char = script.charAt(at);
  if (char === '$') return { address: { kind: 'last' }, end: at + 1 };
  const digits = /^\d+/.exec(script.slice(at))?.[0];
  if (digits) return { address: { kind: 'line', line: Number(digits) }, end: at + digits.length };
  if (char === '/' || char === '\\') {
    const delimiter = char === '/' ? '/' : script.charAt(at + 1);
    const field = readDelimited(script, at + (char === '/' ? 1 : 2), delimiter);
    return { address: { kind: 'regex', regex: compileOrThrow(field.text, extended) }, end: field.end };
  }
  return { end: at };
}

/** Parses a whole script into commands. */
function parseScript(script: string, extended: boolean): Command[] {
  const commands: Command[] = [];
  let i = 0;
  while (i < script.length) {
    while (i < script.length && /[\s;]/.test(script.charAt(i))) i++;
    if (i >= script.length) break;
    const first = parseAddress(script, i, extended);
    i = first.end;
    let to: Address | undefined;
    if (first.address && script.charAt(i) === ',') {
      const second = parseAddress(script, i + 1, extended);
      to = second.address;
      i = second.end;
    }
    while (script.charAt(i) === ' ') i++;
    const negate = script.charAt(i) === '!';
    if (negate) i++;
    const name = script.charAt(i++);
    const command: Command = { from: first.address, to, negate, inRange: false, name };
    if (name === 's' || name === 'y') {
      const delimiter = script.charAt(i);
      const pattern = readDelimited(script, i + 1, delimiter);
      const replacement = readDelimited(script, pattern.end, delimiter);
      i = replacement.end;
      if (name === 'y') {
        command.translate = [pattern.text, replacement.text];
      } else {
        const flags = /^[gpiI\d]*/.exec(script.slice(i))?.[0] ?? '';
        i += flags.length;
        if (i < script.length && !/[\s;}]/.test(script.charAt(i)))
          throw new SedError('bad option in substitution expression');
        command.regex = compileOrThrow(pattern.text, extended, /[iI]/.test(flags));
        command.replacement = replacement.text;
        command.global = flags.includes('g');
        command.print = flags.includes('p');
        command.occurrence = Number(/\d+/.exec(flags)?.[0] ?? '1');
      }
    } else if (name === 'a' || name === 'i' || name === 'c') {
      const rest = script.slice(i).split('\n')[0] ?? '';
      i += rest.length;
      command.text = rest.replace(/^\\?\s*/, '').replace(/^\\/, '');
    } else if (!'pdq='.includes(name) || name === '') {
      throw new SedError(`unsupported command ${name}`);
    }
    commands.push(command);
  }
  return commands;
}

/** Expands `&`, `\1`..`\9`, `\n` of a replacement for one match. */
function expandReplacement(replacement: string, match: RegExpExecArray): string {
  let out = '';
  for (let i = 0; i < replacement.length; i++) {
    const char = replacement.charAt(i);
    if (char === '&') out += match[0];
    else if (char === '\\' && i + 1 < replacement.length) {
      const next = replacement.charAt(++i);
      out += /\d/.test(next) ? (match[Number(next)] ?? '') : next === 'n' ? '\n' : next === 't' ? '\t' : next;
    } else out += char;
  }
  return out;
}

/**
 * Substitutes matches of `regex` in `line`, POSIX style: an empty match right after the previous match does not
 * count (`s/l*\/X/g` on hello gives XhXeXoX).
 */
function substitute(line: string, command: Command): { text: string; changed: boolean } {
  const regex = command.regex as RegExp;
  regex.lastIndex = 0;
  let out = '';
  let position = 0;
  let count = 0;
  let changed = false;
  let previousEnd = -1;
  for (let match = regex.exec(line); match; match = regex.exec(line)) {
    if (match[0] === '' && match.index === previousEnd) {
      regex.lastIndex = match.index + 1;
      if (match.index >= line.length) break;
      continue;
    }
    count++;
    if (count >= (command.occurrence ?? 1)) {
      out += line.slice(position, match.index) + expandReplacement(command.replacement ?? '', match);
      position = match.index + match[0].length;
      changed = true;
      if (!command.global) break;
    }
    previousEnd = match.index + match[0].length;
    if (match[0] === '') regex.lastIndex = match.index + 1;
    if (regex.lastIndex > line.length) break;
  }
  return { text: out + line.slice(position), changed };
}

function addressMatches(address: Address, line: string, lineNumber: number, isLast: boolean): boolean {
  if (address.kind === 'line') return lineNumber === address.line;
  if (address.kind === 'last') return isLast;
  address.regex.lastIndex = 0;
  return address.regex.test(line);
}

function selects(command: Command, line: string, lineNumber: number, isLast: boolean): boolean {
  let selected: boolean;
  if (!command.from) selected = true;
  else if (!command.to) selected = addressMatches(command.from, line, lineNumber, isLast);
  else if (command.inRange) {
    selected = true;
    const to = command.to;
    const ends = to.kind === 'line' ? lineNumber >= to.line : addressMatches(to, line, lineNumber, isLast);
    if (ends) command.inRange = false;
  } else {
    selected = addressMatches(command.from, line, lineNumber, isLast);
    if (selected) {
      const to = command.to;
      command.inRange = to.kind === 'line' ? to.line > lineNumber : !(to.kind === 'last' && isLast);
    }
  }
  return selected !== command.negate;
}

/** Runs the commands over the text's lines and returns what sed prints. */
function runScript(commands: Command[], text: string, quiet: boolean): string {
  const lines = splitLines(text);
  let out = '';
  for (const [index, original] of lines.entries()) {
    let line = original;
    const lineNumber = index + 1;
    const isLast = index === lines.length - 1;
    let deleted = false;
    let quit = false;
    let appended = '';
    for (const command of commands) {
      if (!selects(command, line, lineNumber, isLast)) continue;
      if (command.name === 's') {
        const result = substitute(line, command);
        line = result.text;
        if (result.changed && command.print) out += `${line}\n`;
      } else if (command.name === 'y' && command.translate) {
        const [from, to] = command.translate;
        line = [...line].map((char) => (from.includes(char) ? to.charAt(from.indexOf(char)) : char)).join('');
      } else if (command.name === 'p') out += `${line}\n`;
      else if (command.name === '=') out += `${lineNumber}\n`;
      else if (command.name === 'i') out += `${command.text}\n`;
      else if (command.name === 'a') appended += `${command.text}\n`;
      else if (command.name === 'c') {
        out += `${command.text}\n`;
        deleted = true;
      } else if (command.name === 'd') deleted = true;
      else if (command.name === 'q') quit = true;
      if (deleted || quit) break;
    }
    if (!deleted && !quiet) out += `${line}\n`;
    out += appended;
    if (quit) break;
  }
  return out;
}

/** `sed [-n] [-E|-r] [-i] [-e SCRIPT]... [SCRIPT] [FILE]...` */
export const sed: Utility = (argv, io, sys, _env, cwd) => {
  const name = commandName(argv);
  const scripts: string[] = [];
  const rest: string[] = [];
  const args = argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-e') scripts.push(args[++i] ?? '');
    else rest.push(args[i] ?? '');
  }
  const parsed = parseOptions(rest, 'nErisu');
  if (!parsed.ok) return showUsage(io, name, '[-i[SFX]] [-nrE] [-f FILE]... [-e CMD]... [FILE]...', parsed.message);
  const operands = [...parsed.operands];
  if (scripts.length === 0) {
    const script = operands.shift();
    if (script === undefined) return showUsage(io, name, '[-i[SFX]] [-nrE] [-f FILE]... [-e CMD]... [FILE]...');
    scripts.push(script);
  }
  let commands: Command[];
  try {
    commands = parseScript(scripts.join('\n'), parsed.flags.E === true || parsed.flags.r === true);
  } catch (error) {
    return reportFailure(io, name, error instanceof SedError ? error.message : String(error));
  }
  const quiet = parsed.flags.n === true;
  if (operands.length === 0) {
    io.stdout(runScript(commands, io.stdin, quiet));
    return 0;
  }
  let status = 0;
  let combined = '';
  for (const operand of operands) {
    const path = normalizePath(cwd, operand);
    const read = operand === '-' ? { text: io.stdin } : readFile(sys.fs, path);
    if ('error' in read) {
      status = reportFailure(io, name, `${operand}: ${errnoMessage(read.error)}`);
      continue;
    }
    if (parsed.flags.i) {
      for (const command of commands) command.inRange = false;
      const error = sys.fs.write(path, runScript(commands, read.text, quiet));
      if (error) status = reportFailure(io, name, `can't create '${operand}': ${errnoMessage(error)}`);
    } else combined += read.text.endsWith('\n') || read.text === '' ? read.text : `${read.text}\n`;
  }
  if (!parsed.flags.i) io.stdout(runScript(commands, combined, quiet));
  return status;
};
