/**
 * The card binder (issue 12) against adaptivecards-templating, the engine it replaces:
 * for every card, on the data the features' card builders really produce, and on odd
 * data, the two give the same card. A template outside the binder's subset fails when it
 * is compiled, naming the card and the expression.
 *
 * What the builders bind is recorded by a spy on render.js's renderCard, while the scenarios run.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { Template } from 'adaptivecards-templating';
import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { compileCard } from '../../../../src/teams/cards/bind.js';
import * as render from '../../../../src/teams/cards/render.js';
import type { CardName } from '../../../../src/teams/cards/render.js';
import { CARD_SCENARIOS } from '../../../support/card-scenarios.js';

type Rendered = { name: CardName; data: object; card: object };
const rendered: Rendered[] = [];

const CARDS = readdirSync(render.CARDS_DIR).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -'.json'.length));
const templateOf = (name: string): unknown => JSON.parse(readFileSync(`${render.CARDS_DIR}${name}.json`, 'utf8'));
const engine = (template: unknown, data: unknown): unknown => new Template(template).expand({ $root: data });

/** The same card: equal values, and the same JSON (key order included: it is what Teams receives). */
function expectSame(actual: unknown, expected: unknown): void {
  expect(actual).toStrictEqual(expected);
  expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
}

describe('the card binder, on the data the card builders produce', () => {
  const byScenario = new Map<string, Rendered>();
  beforeAll(() => {
    const actual = render.renderCard;
    const spy = vi.spyOn(render, 'renderCard').mockImplementation((name, data) => {
      const card = actual(name, data);
      rendered.push({ name, data, card });
      return card;
    });
    try {
      for (const [scenario, build] of Object.entries(CARD_SCENARIOS)) {
        rendered.length = 0;
        build();
        expect(rendered, scenario).toHaveLength(1);
        byScenario.set(scenario, rendered[0]!);
      }
    } finally {
      spy.mockRestore();
    }
  });

  it('the scenarios render every card in cards/', () => {
    expect(new Set([...byScenario.values()].map((r) => r.name))).toEqual(new Set(CARDS));
  });

  it.each(Object.keys(CARD_SCENARIOS))('%s: the same card as adaptivecards-templating', (scenario) => {
    const { name, data, card } = byScenario.get(scenario)!;
    const template = templateOf(name);
    const expected = engine(template, data) as Record<string, unknown>;
    expectSame(compileCard(name, template)(data), expected);
    // renderCard (what the builders return) is that card without its $schema.
    const { $schema, ...withoutSchema } = expected;
    expect($schema).toBeDefined();
    expectSame(card, withoutSchema);
  });
});

/** Every construct of the subset, each on `x` (and `y` in the scope `$data` makes). */
const EDGES = {
  type: 'AdaptiveCard',
  value: '${x}',
  dotted: '${x.y}',
  not: '${!x}',
  empty: "${x == ''}",
  notEmpty: "${x != ''}",
  counted: '${count(x) > 0}',
  both: "${x && x != ''}",
  spaced: '${ x.y }',
  body: [
    { $when: '${x}', k: 'when x' },
    { $when: '${!x}', k: 'when !x' },
    { $data: '${x}', y: '${y}', x: '${x}', inner: [{ $data: '${y}', z: '${z}', y: '${y}' }] },
    { $data: '${x}', $when: "${y != ''}", k: 'data and when' },
    null,
    [1, [2]],
  ],
  property: { $data: '${x}', y: '${y}' },
  kept: null,
};

const ODD_VALUES: unknown[] = [
  undefined, null, '', 'a', 'true', 'false', '${x}', 0, 1, NaN, true, false, [], {}, ['s'], ['s', 't'], [1, true, null],
  { y: 'o' }, { Y: 'O' }, { y: '' }, { y: [{ z: 'deep' }, { z: null }] }, [{ y: 1 }], [{ y: 'a' }, { y: '' }], [{ y: 1 }, undefined, null, { y: 3 }], [[{ y: 1 }]],
  new Date('2027-01-01T00:00:00Z'), new Map([['y', 'from a map']]),
];

describe('the card binder, on odd data (the engine\'s edges the cards rely on)', () => {
  const bind = compileCard('edges', EDGES);

  it.each(ODD_VALUES.map((x) => [x]))('x = %o: the same as adaptivecards-templating', (x) => {
    expectSame(bind({ x }), engine(EDGES, { x }));
  });

  it('an unresolved path stays as its expression; !, ==, != and count() see a missing value as missing', () => {
    expect(bind({})).toMatchObject({ value: '${x}', dotted: '${x.y}', not: true, empty: false, notEmpty: true, counted: false, both: false, spaced: '${x.y}' });
    expect(bind({ x: '' })).toMatchObject({ value: '', not: false, empty: true, notEmpty: false, counted: false, both: false });
    expect(bind({ x: null })).toMatchObject({ value: null, not: true, notEmpty: true });
  });

  it('$when keeps an element only for the boolean true; $data over an empty array drops it', () => {
    expect((bind({ x: 'true' }) as { body: unknown[] }).body).not.toContainEqual({ k: 'when x' });
    expect((bind({ x: true }) as { body: unknown[] }).body).toContainEqual({ k: 'when x' });
    expect(bind({ x: [] })).toMatchObject({ body: [1, 2], property: null });
  });

  it('paths are found whatever their case, as the engine finds them', () => {
    expect(compileCard('case', { a: '${Title.For}' })({ title: { for: 'x' } })).toEqual(engine({ a: '${Title.For}' }, { title: { for: 'x' } }));
  });

  it('on random data shaped like each card\'s own, gives the same card as adaptivecards-templating', () => {
    for (const name of CARDS) {
      const template = templateOf(name);
      const bound = compileCard(name, template);
      const names = [...new Set(JSON.stringify(template).match(/(?<=[${.!( ])[A-Za-z_]\w*(?=[}. )=&])/g) ?? [])];
      fc.assert(
        fc.property(dataLike(names, 2), (data) => {
          expectSame(bound(data), engine(template, data));
        }),
        { numRuns: 60 },
      );
    }
  });
});

/** Objects whose keys are the card's names (each object's all lower case or all capitalised), nested `depth` deep. */
function dataLike(names: string[], depth: number): fc.Arbitrary<Record<string, unknown>> {
  const leaf = fc.oneof(fc.constantFrom<unknown>(undefined, null, '', 'a', 'true', '${x}', 0, 2, true, false, []), fc.string({ maxLength: 3 }));
  const inner: fc.Arbitrary<unknown> = depth === 0 ? leaf : fc.oneof(leaf, leaf, dataLike(names, depth - 1), fc.array(fc.oneof(dataLike(names, depth - 1), leaf), { maxLength: 3 }));
  const capitalised = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k[0]!.toUpperCase() + k.slice(1), v]));
  return fc
    .tuple(fc.record(Object.fromEntries(names.map((n) => [n, inner])), { requiredKeys: [] }), fc.boolean())
    .map(([o, up]) => (up ? capitalised(o) : o));
}

describe('a template outside the binder\'s subset', () => {
  const UNKNOWN = [
    '${a || b}', 'Hej ${a}', '${a}${b}', '${$root.a}', '${$index}', '${count(a) > 1}', "${a == 'x'}", "${a != 'x'}", '${!!a}', '${!(a)}',
    '${(a)}', '${true}', '${null}', '${a.0}', '${a[0]}', "${if(a, b, 'c')}", '${}', '${a &&}', '${a && }', '${a + 1}', '${a.}', '${count(a)}',
  ];

  it.each(UNKNOWN)('%s fails when compiled, naming the card and the expression', (expression) => {
    const template = { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: expression }] };
    expect(() => compileCard('broken-card', template)).toThrow('broken-card');
    expect(() => compileCard('broken-card', template)).toThrow(expression);
  });

  it('$when and $data that are not one expression fail too', () => {
    expect(() => compileCard('broken-card', { body: [{ $when: 'true', k: 1 }] })).toThrow(/broken-card.*\$when/);
    expect(() => compileCard('broken-card', { body: [{ $when: true, k: 1 }] })).toThrow(/broken-card.*\$when/);
    expect(() => compileCard('broken-card', { body: [{ $data: ['x'], k: 1 }] })).toThrow(/broken-card.*\$data/);
    expect(() => compileCard('broken-card', { body: [{ $data: 'items', k: 1 }] })).toThrow(/broken-card.*\$data/);
  });

  it('every card in cards/ compiles', () => {
    for (const name of CARDS) expect(() => compileCard(name, templateOf(name)), name).not.toThrow();
  });
});

describe('the bot at run time', () => {
  it('loads no templating engine: src/ imports neither adaptivecards-templating nor adaptive-expressions (devDependencies)', () => {
    const files = readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const importers = files.filter((f) => /['"](adaptivecards-templating|adaptive-expressions)['"]/.test(readFileSync(`src/${f}`, 'utf8')));
    expect(importers).toEqual([]);
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    expect(Object.keys(pkg.dependencies)).not.toContain('adaptivecards-templating');
    expect(Object.keys(pkg.devDependencies)).toContain('adaptivecards-templating');
  });
});
