/**
 * Binds a card template (cards/*.json) to data without a templating engine (issue 12).
 *
 * The cards use a small part of the Adaptive Card templating language, always as a whole
 * JSON string `"${expr}"`; the expression is one of
 *   `path` (`title`, `labels.for`: looked up in the current scope),
 *   `!path`, `path == ''`, `path != ''`, `count(path) > 0`,
 *   and `a && b && …` of those;
 * and an element may carry `"$when": "${expr}"` and `"$data": "${expr}"`. A template is
 * compiled once into closures; binding runs them. Anything else in a template fails at
 * compile time, naming the card and the expression, so a card author learns of it in the
 * tests (test/unit/teams/cards/bind.test.ts) and never gets a silently wrong card.
 *
 * The output is adaptivecards-templating's (2.3.1 with adaptive-expressions 4.23), found
 * by experiment and by its source, and checked against it by that test:
 * - a path that resolves to undefined yields its expression as text (`"${title}"`);
 *   null stays null. Names are found case-insensitively, as the engine finds them. (When
 *   an object has two keys differing only in case, the engine takes the first and the
 *   binder the exact one; the bot's data has no such keys.) Inside `$data` the scope is
 *   the item only: no path reaches the enclosing data;
 * - `!`, `&&` and the comparisons see a missing value as missing (no `"${…}"`): only
 *   undefined, null and false are false; '' and 0 are true. `== ''` is `=== ''`.
 *   `count(x) > 0`: a string's or array's length, an object's number of keys;
 *   anything else (undefined, null, a number, a boolean) is false;
 * - `$when` keeps its element only when the expression is the boolean true (not 'true', not 1);
 * - `$data`: an array repeats the element once per item (the item its scope; an undefined
 *   item keeps the previous item's scope), an empty array drops it; any other value (an
 *   object, a string, or the text of an unresolved path) is the scope of one element;
 * - in an array, an element that comes out null is dropped and one that comes out an array
 *   is spliced in (a repeated element, or a nested array); in an object a null stays, and
 *   `$data`, `$when`, `$root`, `$index`, `$host` and `$_acTemplateVersion` keys are left out;
 * - values from the data are put into the card as they are (the same arrays and objects).
 */

type Scope = unknown;
/** A compiled node: its value in the card for a scope. */
type Bound = (scope: Scope) => unknown;

export type CardBinder = (data: object) => unknown;

const RESERVED = new Set(['$data', '$when', '$root', '$index', '$host', '$_acTemplateVersion']);
const KEYWORDS = new Set(['true', 'false', 'null']);
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export class CardTemplateError extends Error {
  override readonly name = 'CardTemplateError';
}

/** Compiles a card's template once; the binder it returns binds data to it. */
export function compileCard(card: string, template: unknown): CardBinder {
  return compileNode(template, { card, at: '' });
}

interface Where {
  readonly card: string;
  /** A JSON pointer into the template. */
  readonly at: string;
}
const child = (where: Where, key: string | number): Where => ({ card: where.card, at: `${where.at}/${key}` });
const fail = (where: Where, message: string): never => {
  throw new CardTemplateError(`card "${where.card}" at ${where.at || '/'}: ${message}`);
};

function compileNode(node: unknown, where: Where): Bound {
  if (typeof node === 'string') return node.includes('${') ? compileValue(node, where) : () => node;
  if (Array.isArray(node)) return compileArray(node, where);
  if (typeof node === 'object' && node !== null) return compileObject(node as Record<string, unknown>, where);
  return () => node;
}

function compileArray(nodes: readonly unknown[], where: Where): Bound {
  const items = nodes.map((n, i) => compileNode(n, child(where, i)));
  return (scope) => {
    const out: unknown[] = [];
    for (const item of items) {
      const value = item(scope);
      if (value === null) continue;
      if (Array.isArray(value)) {
        for (const v of value) out.push(v);
      } else out.push(value);
    }
    return out;
  };
}

function compileObject(node: Record<string, unknown>, where: Where): Bound {
  const keys: string[] = [];
  const values: Bound[] = [];
  for (const key of Object.keys(node)) {
    if (!RESERVED.has(key)) {
      keys.push(key);
      values.push(compileNode(node[key], child(where, key)));
    } else if (key !== '$when' && key !== '$data') fail(child(where, key), `"${key}" is not supported`);
  }
  const plain: Bound = (scope) => {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      const value = values[i]!(scope);
      if (value !== undefined) out[keys[i]!] = value;
    }
    return out;
  };
  const hasWhen = '$when' in node;
  const hasData = '$data' in node;
  if (!hasWhen && !hasData) return plain;

  const when = hasWhen ? compileCondition(node.$when, child(where, '$when')) : undefined;
  const data = hasData ? compileScope(node.$data, child(where, '$data')) : undefined;
  return (scope) => {
    const value = data ? data(scope) : undefined;
    const items: readonly unknown[] = Array.isArray(value) ? value : [value];
    const out: unknown[] = [];
    let current = scope;
    for (const item of items) {
      // As the engine: an undefined item (or no $data) leaves the scope as it was.
      if (item !== undefined) current = item;
      if (when && !when(current)) continue;
      out.push(plain(current));
    }
    return out.length === 0 ? null : out.length === 1 ? out[0] : out;
  };
}

/** `"$when": "${expr}"`: true only for the boolean true. */
function compileCondition(node: unknown, where: Where): (scope: Scope) => boolean {
  if (typeof node !== 'string') return fail(where, '$when must be one "${expression}"');
  const expr = parseWhole(node, where, '$when must be one "${expression}"');
  return (scope) => expr.evaluate(scope) === true;
}

/** `"$data": "${expr}"`: evaluated as a value (an unresolved path gives its text). */
function compileScope(node: unknown, where: Where): Bound {
  if (typeof node !== 'string') return fail(where, '$data must be one "${expression}"');
  return valueOf(parseWhole(node, where, '$data must be one "${expression}"'));
}

function compileValue(text: string, where: Where): Bound {
  return valueOf(parseWhole(text, where, 'a template string must be one "${expression}", the whole value'));
}

/** In a value, a path that resolves to undefined yields its expression as text. */
function valueOf(expr: Expression): Bound {
  if (!expr.path) return expr.evaluate;
  const { path, evaluate } = expr;
  const unresolved = '${' + path.join('.') + '}';
  return (scope) => {
    const value = evaluate(scope);
    return value === undefined ? unresolved : value;
  };
}

interface Expression {
  readonly evaluate: (scope: Scope) => unknown;
  /** Set when the expression is a bare path. */
  readonly path?: readonly string[];
}

function parseWhole(text: string, where: Where, notWhole: string): Expression {
  const whole = /^\$\{(.*)\}$/s.exec(text);
  if (!whole) return fail(where, `${notWhole}: ${JSON.stringify(text)}`);
  return parseExpression(whole[1]!, (why) => fail(where, `${JSON.stringify(text)}: ${why}`));
}

/** Tokens: names and dots, `!`, `&&`, `==`, `!=`, `''`, `(`, `)`, `>`, `0`. */
const TOKEN = /\s*(&&|==|!=|''|[A-Za-z_][A-Za-z0-9_]*|[!.()>]|[0-9]+|\S)/y;

function tokenize(source: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(source); m; m = TOKEN.exec(source)) tokens.push(m[1]!);
  return tokens;
}

const SUBSET = "known are a path (a.b), !path, path == '', path != '', count(path) > 0, and && of those";

function parseExpression(source: string, error: (why: string) => never): Expression {
  const tokens = tokenize(source);
  let at = 0;
  const peek = () => tokens[at];
  const expect = (token: string) => {
    if (tokens[at] !== token) error(`expected ${token} after "${tokens.slice(0, at).join(' ')}"; ${SUBSET}`);
    at += 1;
  };
  const parsePath = (): string[] => {
    const path = [tokens[at] ?? ''];
    if (!IDENTIFIER.test(path[0]!) || KEYWORDS.has(path[0]!)) error(`"${tokens[at] ?? ''}" is not a path; ${SUBSET}`);
    at += 1;
    while (peek() === '.') {
      at += 1;
      const name = tokens[at] ?? '';
      if (!IDENTIFIER.test(name)) error(`"${name}" is not a name; ${SUBSET}`);
      path.push(name);
      at += 1;
    }
    return path;
  };
  const parseTerm = (): Expression => {
    if (peek() === '!') {
      at += 1;
      const get = getter(parsePath());
      return { evaluate: (scope) => !isTrue(get(scope)) };
    }
    if (peek() === 'count' && tokens[at + 1] === '(') {
      at += 2;
      const get = getter(parsePath());
      expect(')');
      expect('>');
      expect('0');
      return { evaluate: (scope) => countIsPositive(get(scope)) };
    }
    const path = parsePath();
    const get = getter(path);
    if (peek() === '==' || peek() === '!=') {
      const equal = peek() === '==';
      at += 1;
      expect("''");
      return { evaluate: equal ? (scope) => get(scope) === '' : (scope) => get(scope) !== '' };
    }
    return { evaluate: get, path };
  };

  const terms = [parseTerm()];
  while (peek() === '&&') {
    at += 1;
    terms.push(parseTerm());
  }
  if (at < tokens.length) error(`unexpected "${tokens.slice(at).join(' ')}"; ${SUBSET}`);
  if (terms.length === 1) return terms[0]!;
  const evaluators = terms.map((t) => t.evaluate);
  return {
    evaluate: (scope) => {
      for (const evaluate of evaluators) if (!isTrue(evaluate(scope))) return false;
      return true;
    },
  };
}

/** The engine's truth: only undefined, null and false are false. */
const isTrue = (value: unknown): boolean => (typeof value === 'boolean' ? value : value != null);

function countIsPositive(value: unknown): boolean {
  if (typeof value === 'string' || Array.isArray(value)) return value.length > 0;
  if (value instanceof Map) return value.size > 0;
  if (typeof value === 'object' && value !== null) return Object.keys(value).length > 0;
  return false;
}

function getter(path: readonly string[]): (scope: Scope) => unknown {
  if (path.length === 1) {
    const [name] = path as [string];
    return (scope) => property(scope, name);
  }
  return (scope) => {
    let value = scope;
    for (const name of path) value = property(value, name);
    return value;
  };
}

const enumerable = Object.prototype.propertyIsEnumerable;

/** A property of an object as the engine finds it: own and enumerable, by name, whatever its case. */
function property(from: unknown, name: string): unknown {
  if (!from || (typeof from !== 'object' && typeof from !== 'function')) return undefined;
  if (from instanceof Map) {
    const value: unknown = from.get(name);
    if (value !== undefined) return value;
    const lower = name.toLowerCase();
    for (const key of from.keys()) if (typeof key === 'string' && key.toLowerCase() === lower) return from.get(key);
    return undefined;
  }
  if (enumerable.call(from, name)) return (from as Record<string, unknown>)[name];
  const lower = name.toLowerCase();
  const key = Object.keys(from).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : (from as Record<string, unknown>)[key];
}
