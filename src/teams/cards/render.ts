/**
 * Cards stay data: JSON templates in cards/, each compiled once into a binder (bind.ts)
 * on its first use. The binder gives what adaptivecards-templating gave for the cards'
 * part of the templating language, without interpreting the expressions on every render
 * (issue 12: about 7 % of a vote's CPU went to the engine); the engine is only a test's.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type CardBinder, compileCard } from './bind.js';

/**
 * The repository's cards/: three levels up from src/teams/cards/, four from the compiled
 * dist/src/teams/cards/, two from the bundle `npm start` runs (dist/bundle/).
 */
export const CARDS_DIR = ['../../../cards/', '../../../../cards/', '../../cards/']
  .map((up) => fileURLToPath(new URL(up, import.meta.url)))
  .find((dir) => existsSync(`${dir}vote.json`)) ?? fileURLToPath(new URL('../../../cards/', import.meta.url));

export type CardName = 'vote' | 'agenda' | 'petition' | 'conclusion' | 'dates' | 'minutes' | 'attendance';

const binders = new Map<CardName, CardBinder>();

function binder(name: CardName): CardBinder {
  let b = binders.get(name);
  if (!b) {
    // A card sent to Teams has no $schema (the editor's hint): it is left out of the template.
    const { $schema: _schema, ...template } = JSON.parse(readFileSync(`${CARDS_DIR}${name}.json`, 'utf8')) as Record<string, unknown>;
    b = compileCard(name, template);
    binders.set(name, b);
  }
  return b;
}

export type AdaptiveCardJson = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };

export function renderCard(name: CardName, data: object): AdaptiveCardJson {
  return binder(name)(data) as AdaptiveCardJson;
}
