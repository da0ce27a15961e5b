/**
 * R16: the attendance card names those who sent apologies as the minutes do: a name with a
 * character Markdown escapes shows without backslashes (»Birgitte Bach [SB]«).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Person, people } from '../support/activities.js';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';
import { ask } from '../support/conversation.js';
import { literal } from '../support/markdown.js';
import { DEMO_CONFIG_PATH } from '../support/paths.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});
const say = async (who: Person, text: string) => literal(h!.connector.textOf(await ask(h!, h!.connector, who, text)));

describe('the attendance card names one who sent apologies', () => {
  it('R16, PRODUCT §4: a name from the board file shows as written', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'review2-')), 'demo.yaml');
    writeFileSync(file, readFileSync(DEMO_CONFIG_PATH, 'utf8').replace('name: Birgitte Bach', 'name: Birgitte Bach [SB]'));
    h = await startInstalledHarness('2026-12-01T09:00:00Z', { boardConfig: file });
    await say(people.pia, 'møde 10-12-2026 14:00');
    await say(people.birgitte, 'afbud');
    await h.at('2026-12-10T13:00:30Z');
    const card = literal(h.connector.textOf(h.connector.posts().find((p) => h!.connector.textOf(p).startsWith('Fremmøde'))!));
    expect(card).toContain('Afbud: Birgitte Bach [SB]');
  });
});
