/**
 * `npm run bench:cards` (issue 12): the vote card rendered 10,000 times by the bot's
 * binder (src/teams/cards/bind.ts) and by adaptivecards-templating, which it replaced;
 * microseconds per render, each the median of 5 alternating runs. The data is an open
 * vote's as voteCard builds it: six organisations, four of them voted.
 *
 *   BENCH_RENDERS=10000   renders per run
 */
import { readFileSync } from 'node:fs';
import { Template } from 'adaptivecards-templating';
import { CARDS_DIR, renderCard } from '../src/teams/cards/render.js';

const RENDERS = Number(process.env.BENCH_RENDERS) || 10_000;
const RUNS = 5;

const row = (organisation: string, vote: string, voted: boolean) => ({ organisation, vote, voted });
const data = {
  motionId: '7f3c2a9e-1b4d-4c8e-9a0f-2d6b5e8c1a34',
  refreshUserIds: Array.from({ length: 9 }, (_, i) => `29:1${'x'.repeat(40)}${i}`),
  title: 'Afstemning',
  item: 'Punkt 4. Budget 2027 – dagsorden for mødet torsdag den 14. januar 2027 kl. 14.00',
  motionText: 'Budgettet for 2027 godkendes',
  status: 'Åben til søndag den 13. december 2026 kl. 14.00',
  rows: [
    row('Fællesorganisationens Boligforening', 'For – afgivet af Anne Andersen', true),
    row('Slagelse Boligselskab', 'For – afgivet af Søren Skov', true),
    row('Slagelse Almennyttige Boligselskab', 'Undlader – afgivet af Henrik Holm', true),
    row('Skælskør Boligselskab', 'Har ikke stemt', false),
    row('BoligKorsør', 'Imod – afgivet af Lars Lund', true),
    row('Slagelse Kommune', 'Har ikke stemt', false),
  ],
  counts: '2 for, 1 imod, 1 undlader, 2 har ikke stemt',
  outcome: '',
  isOpen: true,
  confirmText: '',
  rule: 'Én stemme pr. organisation; den seneste tæller.',
  dissentHeading: 'Særstandpunkter',
  dissents: [],
  showDissent: false,
  dissentHint: 'Stemte din organisation imod, kan du få et særstandpunkt ført til referat.',
  labels: {
    for: 'For', against: 'Imod', abstain: 'Undlader', close: 'Luk afstemning', closeAnyway: 'Luk alligevel',
    keepOpen: 'Hold åben', dissent: 'Særstandpunkt', dissentSubmit: 'Send', dissentPlaceholder: 'Dit særstandpunkt …',
  },
};

const template = new Template(JSON.parse(readFileSync(`${CARDS_DIR}vote.json`, 'utf8')));
/** What render.ts did before the binder: the engine, then the card without its $schema. */
function engine(): unknown {
  const card = template.expand({ $root: data }) as Record<string, unknown>;
  delete card.$schema;
  return card;
}
const binder = (): unknown => renderCard('vote', data);

if (JSON.stringify(engine()) !== JSON.stringify(binder())) throw new Error('the binder and the engine give different vote cards');

let sink = 0;
function run(render: () => unknown): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < RENDERS; i++) sink += (render() as { body: unknown[] }).body.length;
  return Number(process.hrtime.bigint() - start) / 1000 / RENDERS;
}

for (let i = 0; i < 1000; i++) (engine(), binder());
const times = { engine: [] as number[], binder: [] as number[] };
for (let r = 0; r < RUNS; r++) {
  times.engine.push(run(engine));
  times.binder.push(run(binder));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const e = median(times.engine);
const b = median(times.binder);
console.log(`vote card, ${RENDERS} renders a run, median of ${RUNS} runs (${sink > 0 ? 'checked' : ''}):`);
console.log(`  adaptivecards-templating  ${e.toFixed(1)} µs per render  (runs: ${times.engine.map((t) => t.toFixed(1)).join(', ')})`);
console.log(`  binder (bind.ts)          ${b.toFixed(2)} µs per render  (runs: ${times.binder.map((t) => t.toFixed(2)).join(', ')})`);
console.log(`  ${(e / b).toFixed(0)}× faster`);
