/**
 * One command table per feature; the parser, help and the Teams manifest's command lists
 * are derived from them, and agree (issue 9).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localizationWithCommands, manifestWithCommands } from '../../../scripts/manifest-commands.js';
import { loadBoardFile } from '../../../src/config/board.js';
import { COMMANDS, parseCommand } from '../../../src/features.js';
import { LOCALES } from '../../../src/i18n/index.js';
import { commandTexts } from '../../../src/teams/commands/index.js';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const read = (file: string) => JSON.parse(readFileSync(join(ROOT, 'appPackage', file), 'utf8'));
const board = loadBoardFile('config/demo.yaml');
/** A command's texts: the catalogue's, or the feature's own (`texts` on its table entry). */
const texts = (locale: (typeof LOCALES)[number], name: string) => commandTexts(locale, COMMANDS.specs.find((s) => s.name === name)!);

describe('the command tables', () => {
  it('give every command its words and usage in every language, and the parser reads each word as its command', () => {
    for (const spec of COMMANDS.specs) {
      for (const locale of LOCALES) {
        const { words, usage } = texts(locale, spec.name);
        expect(words.length, `${spec.name} (${locale})`).toBeGreaterThan(0);
        expect(usage.length, `${spec.name} (${locale})`).toBeGreaterThan(0);
        for (const word of words) expect(parseCommand(word).name, `${locale}: "${word}"`).toBe(spec.name);
      }
    }
  });

  it('have no two commands with the same words', () => {
    const seen = new Map<string, string>();
    for (const spec of COMMANDS.specs) {
      for (const locale of LOCALES) {
        for (const word of texts(locale, spec.name).words) {
          expect(seen.get(word) ?? spec.name, word).toBe(spec.name);
          seen.set(word, spec.name);
        }
      }
    }
  });

  it('list every command in the help of someone on the board, with its usage as the catalogue words it', () => {
    const help = board.people.map((p) => COMMANDS.help(board, p)).join('\n');
    for (const line of COMMANDS.usageLines('da')) expect(help, line).toContain(line);
  });

  it('are what appPackage/manifest.json and en.json list (npm run manifest:commands writes them)', () => {
    const manifest = read('manifest.json');
    const en = read('en.json');
    expect(manifest).toEqual(manifestWithCommands(manifest));
    expect(en).toEqual(localizationWithCommands(en));
    for (const list of manifest.bots[0].commandLists) expect(list.commands.length).toBeLessThanOrEqual(10);
  });
});
