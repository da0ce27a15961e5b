/** Cards stay data: JSON templates in cards/ bound with adaptivecards-templating. */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type * as ACDataModule from 'adaptivecards-templating';

/**
 * adaptivecards-templating (with adaptive-expressions, about 0.3 s to load) is loaded on
 * the first card, not at start: the bot answers /healthz sooner (issue 12), and the first
 * card pays it once.
 */
let ACData: typeof ACDataModule | undefined;
const templating = (): typeof ACDataModule => (ACData ??= createRequire(import.meta.url)('adaptivecards-templating') as typeof ACDataModule);

/** The repository's cards/: three levels up from src/teams/cards/, four from the compiled dist/src/teams/cards/. */
export const CARDS_DIR = ['../../../cards/', '../../../../cards/']
  .map((up) => fileURLToPath(new URL(up, import.meta.url)))
  .find((dir) => existsSync(`${dir}vote.json`)) ?? fileURLToPath(new URL('../../../cards/', import.meta.url));

export type CardName = 'vote' | 'agenda' | 'petition' | 'conclusion' | 'dates' | 'minutes' | 'attendance';

const templates = new Map<CardName, ACDataModule.Template>();

function template(name: CardName): ACDataModule.Template {
  let t = templates.get(name);
  if (!t) {
    t = new (templating().Template)(JSON.parse(readFileSync(`${CARDS_DIR}${name}.json`, 'utf8')));
    templates.set(name, t);
  }
  return t;
}

export type AdaptiveCardJson = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };

export function renderCard(name: CardName, data: object): AdaptiveCardJson {
  const card = template(name).expand({ $root: data }) as AdaptiveCardJson;
  delete card.$schema;
  return card;
}
