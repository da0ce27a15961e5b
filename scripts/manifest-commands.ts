#!/usr/bin/env -S npx tsx
// npm run manifest:commands — writes the Teams manifest's command lists from the command
// tables (src/features.ts): appPackage/manifest.json (Danish titles and descriptions) and
// appPackage/en.json (English titles and descriptions: an English Teams client shows the
// English command words, which the bot reads too). A unit test checks the committed files agree.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMMANDS } from '../src/features.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The manifest with its bots' command lists from the tables. */
export function manifestWithCommands(manifest: { bots: { commandLists?: unknown }[] }): object {
  return { ...manifest, bots: manifest.bots.map((bot, i) => (i === 0 ? { ...bot, commandLists: COMMANDS.manifestLists('da') } : bot)) };
}

/** The English localization with the command lists' titles and descriptions from the tables (other keys kept). */
export function localizationWithCommands(localization: Record<string, string>): Record<string, string> {
  const kept = Object.entries(localization).filter(([key]) => !/^bots\[0\]\.commandLists\[/.test(key));
  const lists = COMMANDS.manifestLists('en').flatMap((list, l) =>
    list.commands.flatMap((c, i) => [[`bots[0].commandLists[${l}].commands[${i}].title`, c.title] as const, [`bots[0].commandLists[${l}].commands[${i}].description`, c.description] as const]),
  );
  return Object.fromEntries([...kept, ...lists]);
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const manifestFile = join(ROOT, 'appPackage', 'manifest.json');
  const enFile = join(ROOT, 'appPackage', 'en.json');
  writeFileSync(manifestFile, json(manifestWithCommands(JSON.parse(readFileSync(manifestFile, 'utf8')))));
  writeFileSync(enFile, json(localizationWithCommands(JSON.parse(readFileSync(enFile, 'utf8')))));
  process.stdout.write(`${manifestFile}\n${enFile}\n`);
}
