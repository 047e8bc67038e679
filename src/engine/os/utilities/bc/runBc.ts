import { arctan, cosine, exponential, naturalLog, sine } from './bcMath';
import {
  add,
  BcRuntimeError,
  compare,
  divide,
  formatBcNumber,
  fromInteger,
  isZero,
  modulo,
  multiply,
  power,
  significantDigits,
  squareRoot,
  subtract,
  toBigInt,
  ZERO,
} from './bcNumber';
import type { BcNumber } from './bcNumber';
import { BcParser, BcSyntaxError, tokenizeBc } from './bcParser';
import type { BcExpression, BcStatement } from './bcParser';

const DEFAULT_LINE_LENGTH = 70;

/** What a run of bc printed. */
export interface BcOutput {
  stdout: string;
  stderr: string;
}

interface Machine {
  variables: Record<string, BcNumber>;
  scale: number;
  mathLibrary: boolean;
  lineLength: number;
  out: string[];
  err: string[];
  /** Counts evaluated nodes of the current statement: the "address" bc's runtime messages cite. */
  address: number;
}

class BreakSignal {}
class StopSignal {}

/**
 * Splits a printed number into lines that, with their closing backslash, are `lineLength - 1` characters long
 * (GNU bc's out_char: 68 digits and a backslash by default).
 */
export function wrapBcLine(text: string, lineLength: number): string {
  const width = lineLength - 2;
  if (lineLength < 3 || text.length <= width) return text;
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += width) lines.push(text.slice(i, i + width));
  return lines.join('\\\n');
}

const MATH_FUNCTIONS: Record<string, (x: BcNumber, scale: number) => BcNumber> = {
  a: arctan,
  s: sine,
  c: cosine,
  l: naturalLog,
  e: exponential,
};

function readVariable(machine: Machine, name: string): BcNumber {
  if (name === 'scale') return fromInteger(machine.scale);
  if (name === 'ibase' || name === 'obase') return fromInteger(10);
  return machine.variables[name] ?? ZERO;
}

function writeVariable(machine: Machine, name: string, value: BcNumber): void {
  if (name === 'scale') {
    const scale = Number(toBigInt(value));
    if (scale < 0) throw new BcRuntimeError('negative scale');
    machine.scale = scale;
  } else if (name !== 'ibase' && name !== 'obase') {
    machine.variables[name] = value;
  }
}

const truth = (value: boolean): BcNumber => fromInteger(value ? 1 : 0);

function applyBinary(machine: Machine, operator: string, left: BcNumber, right: BcNumber): BcNumber {
  const { scale } = machine;
  switch (operator) {
    case '+':
      return add(left, right);
    case '-':
      return subtract(left, right);
    case '*':
      return multiply(left, right, scale);
    case '/':
      return divide(left, right, scale);
    case '%':
      return modulo(left, right, scale);
    case '^':
      if (right.scale > 0 && toBigInt(right) * 10n ** BigInt(right.scale) !== right.value) {
        machine.err.push(`Runtime warning (func=(main), adr=${machine.address}): non-zero scale in exponent\n`);
      }
      return power(left, toBigInt(right), scale);
    case '==':
      return truth(compare(left, right) === 0);
    case '!=':
      return truth(compare(left, right) !== 0);
    case '<':
      return truth(compare(left, right) < 0);
    case '<=':
      return truth(compare(left, right) <= 0);
    case '>':
      return truth(compare(left, right) > 0);
    case '>=':
      return truth(compare(left, right) >= 0);
    case '&&':
      return truth(!isZero(left) && !isZero(right));
    default:
      return truth(!isZero(left) || !isZero(right));
  }
}

function evaluate(machine: Machine, expression: BcExpression): BcNumber {
  switch (expression.kind) {
    case 'number':
      machine.address++;
      return expression.value;
    case 'variable':
      machine.address++;
      return readVariable(machine, expression.name);
    case 'negate': {
      const value = evaluate(machine, expression.operand);
      machine.address++;
      return { value: -value.value, scale: value.scale };
    }
    case 'not': {
      const value = evaluate(machine, expression.operand);
      machine.address++;
      return truth(isZero(value));
    }
    case 'binary': {
      const left = evaluate(machine, expression.left);
      const right = evaluate(machine, expression.right);
      machine.address++;
      return applyBinary(machine, expression.operator, left, right);
    }
    case 'assign': {
      const right = evaluate(machine, expression.value);
      machine.address++;
      const value =
        expression.operator === '='
          ? right
          : applyBinary(machine, expression.operator.slice(0, 1), readVariable(machine, expression.name), right);
      writeVariable(machine, expression.name, value);
      return value;
    }
    case 'step': {
      machine.address++;
      const before = readVariable(machine, expression.name);
      const after = add(before, fromInteger(expression.delta));
      writeVariable(machine, expression.name, after);
      return expression.prefix ? after : before;
    }
    case 'call': {
      const args = expression.args.map((arg) => evaluate(machine, arg));
      machine.address++;
      const [first = ZERO] = args;
      if (expression.name === 'sqrt' && args.length === 1) return squareRoot(first, machine.scale);
      if (expression.name === 'length' && args.length === 1) return fromInteger(significantDigits(first));
      if (expression.name === 'scale' && args.length === 1) return fromInteger(first.scale);
      const math = machine.mathLibrary ? MATH_FUNCTIONS[expression.name] : undefined;
      if (math && args.length === 1) return math(first, machine.scale);
      throw new BcRuntimeError(`Function ${expression.name} not defined.`);
    }
  }
}

function printValue(machine: Machine, value: BcNumber): void {
  machine.out.push(`${wrapBcLine(formatBcNumber(value), machine.lineLength)}\n`);
}

function execute(machine: Machine, statement: BcStatement): void {
  switch (statement.kind) {
    case 'expression': {
      const value = evaluate(machine, statement.expression);
      if (statement.expression.kind !== 'assign') {
        machine.variables.last = value;
        printValue(machine, value);
      }
      return;
    }
    case 'string':
      machine.out.push(statement.text);
      return;
    case 'print':
      for (const item of statement.items) {
        if ('text' in item)
          machine.out.push(item.text.replace(/\\([nt\\"])/g, (_w, c: string) => ({ n: '\n', t: '\t' })[c] ?? c));
        else machine.out.push(wrapBcLine(formatBcNumber(evaluate(machine, item.expression)), machine.lineLength));
      }
      return;
    case 'block':
      for (const inner of statement.body) execute(machine, inner);
      return;
    case 'if':
      if (!isZero(evaluate(machine, statement.condition))) execute(machine, statement.then);
      else if (statement.otherwise) execute(machine, statement.otherwise);
      return;
    case 'while':
    case 'for':
      if (statement.kind === 'for' && statement.init) evaluate(machine, statement.init);
      try {
        while (statement.condition === undefined || !isZero(evaluate(machine, statement.condition))) {
          execute(machine, statement.body);
          if (statement.kind === 'for' && statement.step) evaluate(machine, statement.step);
        }
      } catch (signal) {
        if (!(signal instanceof BreakSignal)) throw signal;
      }
      return;
    case 'break':
      throw new BreakSignal();
    case 'quit':
    case 'halt':
      throw new StopSignal();
  }
}

/**
 * Runs a bc program as GNU bc 1.07 does: each top-level statement runs as soon as it is parsed; a syntax error
 * skips the rest of its line; a runtime error abandons its statement. `-l` (mathLibrary) sets scale 20 and
 * provides a, s, c, l, e. `lineLength` is BC_LINE_LENGTH (0 turns wrapping off).
 */
export function runBc(program: string, options: { mathLibrary: boolean; lineLength?: number }): BcOutput {
  const machine: Machine = {
    variables: {},
    scale: options.mathLibrary ? 20 : 0,
    mathLibrary: options.mathLibrary,
    lineLength: options.lineLength ?? DEFAULT_LINE_LENGTH,
    out: [],
    err: [],
    address: 0,
  };
  const parser = new BcParser(tokenizeBc(program));
  while (!parser.atEnd()) {
    let statement: BcStatement;
    try {
      statement = parser.parseTopLevel();
    } catch (error) {
      if (!(error instanceof BcSyntaxError)) throw error;
      machine.err.push(`(standard_in) ${error.line}: syntax error\n`);
      parser.recover(error.line);
      continue;
    }
    machine.address = 0;
    try {
      execute(machine, statement);
    } catch (error) {
      if (error instanceof StopSignal) break;
      if (!(error instanceof BcRuntimeError)) throw error;
      machine.err.push(`Runtime error (func=(main), adr=${machine.address}): ${error.message}\n`);
    }
  }
  return { stdout: machine.out.join(''), stderr: machine.err.join('') };
}
