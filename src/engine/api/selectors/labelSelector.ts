// apimachinery: pkg/labels/selector.go (lexer, parser, Requirement) and pkg/apis/meta/v1/helpers.go
// (LabelSelectorAsSelector). Error texts follow field.Error / utilerrors.Aggregate formatting.
import { goQuote } from './goQuote';
import { labelKeyErrors, labelValueErrors } from './labelValidation';

/** selection.Operator values: `exists` is a bare key, `!` a bare `!key`, `gt`/`lt` are `>`/`<`. */
export type LabelOperator = 'in' | 'notin' | '=' | '==' | '!=' | 'exists' | '!' | 'gt' | 'lt';

export interface LabelRequirement {
  key: string;
  operator: LabelOperator;
  values: string[];
}

/**
 * A parsed label selector as plain data: all requirements must match. `matchesNothing` is labels.Nothing()
 * (a nil metav1.LabelSelector); an empty requirement list matches everything.
 */
export interface LabelSelector {
  requirements: LabelRequirement[];
  matchesNothing?: true;
}

export interface LabelSelectorSpec {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

type ParseResult = { ok: true; selector: LabelSelector } | { ok: false; error: string };

/** BadValue of a field.Invalid: strings as %q, string slices as Go's %#v. */
type BadValue = string | string[] | null;

interface FieldError {
  field: string;
  value: BadValue;
  detail: string;
}

function formatBadValue(value: BadValue): string {
  if (typeof value === 'string') return goQuote(value);
  if (value === null) return '[]string(nil)';
  return `[]string{${value.map(goQuote).join(', ')}}`;
}

function formatFieldError(error: FieldError): string {
  return `${error.field}: Invalid value: ${formatBadValue(error.value)}: ${error.detail}`;
}

/** ErrorList.ToAggregate().Error(): duplicates dropped, one error bare, several in brackets. */
function aggregate(errors: FieldError[]): string | undefined {
  const messages = [...new Set(errors.map(formatFieldError))];
  if (messages.length === 0) return undefined;
  return messages.length === 1 ? messages[0] : `[${messages.join(', ')}]`;
}

function validateKey(key: string, field: string): FieldError | undefined {
  const errs = labelKeyErrors(key);
  return errs.length === 0 ? undefined : { field, value: key, detail: errs.join('; ') };
}

/**
 * labels.NewRequirement: validates key, operator arity and values. `values` null stands for a nil Go slice
 * (how an absent matchExpressions[].values is reported).
 */
function newRequirement(
  key: string,
  operator: LabelOperator,
  values: string[] | null,
  keyField = 'key',
): LabelRequirement | { error: string } {
  const errors: FieldError[] = [];
  const keyError = validateKey(key, keyField);
  if (keyError) errors.push(keyError);
  const vals = values ?? [];
  switch (operator) {
    case 'in':
    case 'notin':
      if (vals.length === 0)
        errors.push({
          field: 'values',
          value: values,
          detail: "for 'in', 'notin' operators, values set can't be empty",
        });
      break;
    case '=':
    case '==':
    case '!=':
      if (vals.length !== 1)
        errors.push({ field: 'values', value: values, detail: 'exact-match compatibility requires one single value' });
      break;
    case 'exists':
    case '!':
      if (vals.length !== 0)
        errors.push({
          field: 'values',
          value: values,
          detail: 'values set must be empty for exists and does not exist',
        });
      break;
    case 'gt':
    case 'lt':
      if (vals.length !== 1)
        errors.push({
          field: 'values',
          value: values,
          detail: "for 'Gt', 'Lt' operators, exactly one value is required",
        });
      vals.forEach((v, i) => {
        if (parseInt64(v) === undefined)
          errors.push({
            field: `values[${i}]`,
            value: v,
            detail: "for 'Gt', 'Lt' operators, the value must be an integer",
          });
      });
      break;
  }
  vals.forEach((v, i) => {
    const errs = labelValueErrors(v);
    if (errs.length > 0) errors.push({ field: `values[${i}][${key}]`, value: v, detail: errs.join('; ') });
  });
  const message = aggregate(errors);
  return message === undefined ? { key, operator, values: vals } : { error: message };
}

/** strconv.ParseInt(s, 10, 64). */
function parseInt64(text: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(text)) return undefined;
  const value = BigInt(text);
  return value >= -(2n ** 63n) && value < 2n ** 63n ? value : undefined;
}

function sortByKey(requirements: LabelRequirement[]): LabelRequirement[] {
  return [...requirements].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

// ---- lexer -------------------------------------------------------------------------------------------------

type Token =
  | 'eos'
  | 'closedPar'
  | 'comma'
  | 'doesNotExist'
  | 'doubleEquals'
  | 'equals'
  | 'greaterThan'
  | 'identifier'
  | 'in'
  | 'lessThan'
  | 'notEquals'
  | 'notIn'
  | 'openPar';

interface Item {
  token: Token;
  literal: string;
}

const STRING_TO_TOKEN: Record<string, Token> = {
  ')': 'closedPar',
  ',': 'comma',
  '!': 'doesNotExist',
  '==': 'doubleEquals',
  '=': 'equals',
  '>': 'greaterThan',
  in: 'in',
  '<': 'lessThan',
  '!=': 'notEquals',
  notin: 'notIn',
  '(': 'openPar',
};

const isWhitespace = (ch: string): boolean => ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
const isSpecialSymbol = (ch: string): boolean => '=!(),><'.includes(ch) && ch !== '';

function lex(text: string): Item[] {
  const items: Item[] = [];
  let pos = 0;
  for (;;) {
    while (pos < text.length && isWhitespace(text[pos] ?? '')) pos++;
    if (pos >= text.length) {
      items.push({ token: 'eos', literal: '' });
      return items;
    }
    const start = pos;
    if (isSpecialSymbol(text[pos] ?? '')) {
      // Longest run of symbols that still forms a token ("!=" but "=" then "!" for "=!"); every single
      // symbol is a token, so one is always found.
      let literal = text[pos] ?? '';
      for (let end = pos + 2; end <= text.length && isSpecialSymbol(text[end - 1] ?? ''); end++) {
        const candidate = text.slice(start, end);
        if (!STRING_TO_TOKEN[candidate]) break;
        literal = candidate;
      }
      items.push({ token: STRING_TO_TOKEN[literal] ?? 'identifier', literal });
      pos = start + literal.length;
      continue;
    }
    while (pos < text.length && !isSpecialSymbol(text[pos] ?? '') && !isWhitespace(text[pos] ?? '')) pos++;
    const word = text.slice(start, pos);
    const keyword = STRING_TO_TOKEN[word];
    items.push({ token: keyword === 'in' || keyword === 'notIn' ? keyword : 'identifier', literal: word });
  }
}

// ---- parser ------------------------------------------------------------------------------------------------

const BINARY_OPERATORS = 'in, notin, =, ==, !=, gt, lt';

class ParseError extends Error {}

/** In value position the keywords `in` and `notin` are plain identifiers. */
function asValue(item: Item): Item {
  return item.token === 'in' || item.token === 'notIn' ? { token: 'identifier', literal: item.literal } : item;
}

function parseItems(items: Item[]): LabelRequirement[] {
  let position = 0;
  const lookahead = (values: boolean): Item => {
    const item = items[position] ?? { token: 'eos', literal: '' };
    return values ? asValue(item) : item;
  };
  const consume = (values: boolean): Item => {
    const item = lookahead(values);
    position++;
    return item;
  };

  const parseKeyAndInferOperator = (): { key: string; operator: LabelOperator | undefined } => {
    let operator: LabelOperator | undefined;
    let item = consume(true);
    if (item.token === 'doesNotExist') {
      operator = '!';
      item = consume(true);
    }
    if (item.token !== 'identifier') throw new ParseError(`found '${item.literal}', expected: identifier`);
    const keyError = validateKey(item.literal, '<nil>');
    if (keyError) throw new ParseError(formatFieldError(keyError));
    const next = lookahead(true).token;
    if ((next === 'eos' || next === 'comma') && operator !== '!') operator = 'exists';
    return { key: item.literal, operator };
  };

  const parseOperator = (): LabelOperator => {
    const item = consume(false);
    const operators: Partial<Record<Token, LabelOperator>> = {
      in: 'in',
      equals: '=',
      doubleEquals: '==',
      greaterThan: 'gt',
      lessThan: 'lt',
      notIn: 'notin',
      notEquals: '!=',
    };
    const operator = operators[item.token];
    if (!operator) throw new ParseError(`found '${item.literal}', expected: ${BINARY_OPERATORS}`);
    return operator;
  };

  const parseIdentifiersList = (): Set<string> => {
    const values = new Set<string>();
    for (;;) {
      const item = consume(true);
      if (item.token === 'identifier') {
        values.add(item.literal);
        const next = lookahead(true);
        if (next.token === 'comma') continue;
        if (next.token === 'closedPar') return values;
        throw new ParseError(`found '${next.literal}', expected: ',' or ')'`);
      }
      if (item.token === 'comma') {
        // Empty strings between commas are values too: "(,a)", "(a,)", "(a,,b)".
        if (values.size === 0) values.add('');
        const next = lookahead(true).token;
        if (next === 'closedPar') {
          values.add('');
          return values;
        }
        if (next === 'comma') values.add('');
        continue;
      }
      throw new ParseError(`found '${item.literal}', expected: ',', or identifier`);
    }
  };

  const parseValues = (): Set<string> => {
    const open = consume(true);
    if (open.token !== 'openPar') throw new ParseError(`found '${open.literal}' expected: '('`);
    const next = lookahead(true);
    if (next.token === 'identifier' || next.token === 'comma') {
      const values = parseIdentifiersList();
      consume(true); // the ')' parseIdentifiersList stopped at
      return values;
    }
    if (next.token === 'closedPar') {
      consume(true);
      return new Set(['']);
    }
    throw new ParseError(`found '${next.literal}', expected: ',', ')' or identifier`);
  };

  const parseExactValue = (): Set<string> => {
    const next = lookahead(true).token;
    if (next === 'eos' || next === 'comma') return new Set(['']);
    const item = consume(true);
    if (item.token === 'identifier') return new Set([item.literal]);
    throw new ParseError(`found '${item.literal}', expected: identifier`);
  };

  const parseRequirement = (): LabelRequirement => {
    const { key, operator: inferred } = parseKeyAndInferOperator();
    let operator: LabelOperator;
    let values: Set<string>;
    if (inferred === 'exists' || inferred === '!') {
      operator = inferred;
      values = new Set();
    } else {
      operator = parseOperator();
      values = operator === 'in' || operator === 'notin' ? parseValues() : parseExactValue();
    }
    // sets.String.List() is sorted.
    const requirement = newRequirement(key, operator, [...values].sort());
    if ('error' in requirement) throw new ParseError(requirement.error);
    return requirement;
  };

  const requirements: LabelRequirement[] = [];
  for (;;) {
    const item = lookahead(true);
    if (item.token === 'eos') return requirements;
    if (item.token !== 'identifier' && item.token !== 'doesNotExist') {
      throw new ParseError(`found '${item.literal}', expected: !, identifier, or 'end of string'`);
    }
    try {
      requirements.push(parseRequirement());
    } catch (e) {
      if (e instanceof ParseError) throw new ParseError(`unable to parse requirement: ${e.message}`);
      throw e;
    }
    const after = consume(true);
    if (after.token === 'eos') return requirements;
    if (after.token !== 'comma') throw new ParseError(`found '${after.literal}', expected: ',' or 'end of string'`);
    const next = lookahead(true);
    if (next.token !== 'identifier' && next.token !== 'doesNotExist') {
      throw new ParseError(`found '${next.literal}', expected: identifier after ','`);
    }
  }
}

/** Parses a selector string the way labels.Parse does (`kubectl -l`, `?labelSelector=`). */
export function parseLabelSelector(text: string): ParseResult {
  try {
    return { ok: true, selector: { requirements: sortByKey(parseItems(lex(text))) } };
  } catch (e) {
    if (e instanceof ParseError) return { ok: false, error: e.message };
    throw e;
  }
}

/**
 * metav1.LabelSelectorAsSelector: undefined matches nothing, an empty selector matches everything. matchLabels
 * are taken in key order so the first reported error is deterministic (Go iterates the map at random).
 */
export function labelSelectorFromSpec(spec: LabelSelectorSpec | undefined | null): LabelSelector | { error: string } {
  if (spec === undefined || spec === null) return { requirements: [], matchesNothing: true };
  const matchLabels = spec.matchLabels ?? {};
  const expressions = spec.matchExpressions ?? [];
  if (Object.keys(matchLabels).length + expressions.length === 0) return { requirements: [] };
  const requirements: LabelRequirement[] = [];
  for (const key of Object.keys(matchLabels).sort()) {
    const requirement = newRequirement(key, '=', [matchLabels[key] ?? '']);
    if ('error' in requirement) return requirement;
    requirements.push(requirement);
  }
  const operators: Record<string, LabelOperator> = { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!' };
  for (const expression of expressions) {
    const operator = operators[expression.operator];
    if (!operator) return { error: `${goQuote(expression.operator)} is not a valid pod selector operator` };
    const values = expression.values && expression.values.length > 0 ? [...expression.values] : null;
    const requirement = newRequirement(expression.key, operator, values);
    if ('error' in requirement) return requirement;
    requirements.push(requirement);
  }
  return { requirements: sortByKey(requirements) };
}

function requirementMatches(requirement: LabelRequirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, requirement.key);
  const value = labels[requirement.key];
  switch (requirement.operator) {
    case 'in':
    case '=':
    case '==':
      return has && requirement.values.includes(value ?? '');
    case 'notin':
    case '!=':
      return !has || !requirement.values.includes(value ?? '');
    case 'exists':
      return has;
    case '!':
      return !has;
    case 'gt':
    case 'lt': {
      if (!has || requirement.values.length !== 1) return false;
      const actual = parseInt64(value ?? '');
      const bound = parseInt64(requirement.values[0] ?? '');
      if (actual === undefined || bound === undefined) return false;
      return requirement.operator === 'gt' ? actual > bound : actual < bound;
    }
  }
}

/** Whether a set of labels satisfies every requirement (a matches-nothing selector never matches). */
export function matchesLabels(selector: LabelSelector, labels: Record<string, string> | undefined): boolean {
  if (selector.matchesNothing) return false;
  const set = labels ?? {};
  return selector.requirements.every((r) => requirementMatches(r, set));
}

function formatRequirement(requirement: LabelRequirement): string {
  const { key, operator, values } = requirement;
  if (operator === 'exists') return key;
  if (operator === '!') return `!${key}`;
  const joined = values.length === 1 ? (values[0] ?? '') : [...values].sort().join(',');
  switch (operator) {
    case 'in':
      return `${key} in (${joined})`;
    case 'notin':
      return `${key} notin (${joined})`;
    case 'gt':
      return `${key}>${joined}`;
    case 'lt':
      return `${key}<${joined}`;
    default:
      return `${key}${operator}${joined}`;
  }
}

/** Selector.String(): requirements in key order, comma-joined, e.g. `app=web,tier in (a,b)`; `""` for none. */
export function formatLabelSelector(selector: LabelSelector): string {
  return selector.matchesNothing ? '' : selector.requirements.map(formatRequirement).join(',');
}

/** Selector.Empty(): true when it does not restrict anything (a matches-nothing selector is not empty). */
export function isEmptySelector(selector: LabelSelector): boolean {
  return !selector.matchesNothing && selector.requirements.length === 0;
}
