/**
 * The playground's web client, driven as a person would in headless Chromium: what Anne
 * Andersen (the playground's current user) clicks and types, and what she sees.
 * Selectors: docs/playground.md, "The end-to-end tests".
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Locator, type Page, chromium } from 'playwright-core';

export const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface Client {
  readonly page: Page;
  /** Screenshot into the results folder; returns the file's path. */
  shot(name: string): Promise<string>;
  /**
   * The card `target` at each width of WIDTHS: the window is made that wide and the card
   * as wide as Teams would draw it there (CARD_WIDTH), scrolled into view and shot whole
   * (`<name>-<width>.png`); then the window and the card are put back. Returns the paths.
   */
  shotWidths(name: string, target: Locator): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * A phone (390 px: an iPhone 12–15 held upright) and a desktop window. The phone's window is
 * taller than a phone's (844 px) so that the longest card (the minutes) is shot whole: the
 * playground's message list would otherwise cut it where a phone's reader scrolls on.
 */
export const WIDTHS = [390, 1400] as const;
const HEIGHT: Record<number, number> = { 390: 1600, 1400: 1100 };
const DESKTOP = { width: 1400, height: 1100 };
/**
 * The width Teams gives a card in a window this wide. The playground draws every card
 * 446 px wide whatever the window (it has no phone layout, and no "msteams": {"width":
 * "Full"}), so the card is given Teams' width here: on a phone the screen less 16 px each
 * side; on the desktop the whole message column (a Full-width card).
 */
const CARD_WIDTH: Record<number, string> = { 390: '358px', 1400: '100%' };

/**
 * Gives the card inside `target` (and the playground's wrappers around it, up to the
 * message's own box) the width `width`; `undefined` puts their own styles back.
 */
async function fitCard(target: Locator, width: string | undefined): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  await target.evaluate((node: any, w: string | undefined) => {
    const card = node.classList?.contains('ac-adaptiveCard') ? node : node.querySelector?.('.ac-adaptiveCard');
    let el = card;
    for (let i = 0; i < 4 && el && !String(el.className).includes('fui-Card'); i++, el = el.parentElement) {
      if (w === undefined) {
        if (el.dataset.e2eStyle !== undefined) el.setAttribute('style', el.dataset.e2eStyle);
        delete el.dataset.e2eStyle;
        continue;
      }
      if (el.dataset.e2eStyle === undefined) el.dataset.e2eStyle = el.getAttribute('style') ?? '';
      el.style.width = w;
      el.style.maxWidth = w;
      el.style.minWidth = '0';
      el.style.boxSizing = 'border-box';
    }
  }, width);
}

/** The page has laid itself out again: two animation frames, not the wall clock. */
const settled = (page: Page) =>
  page.evaluate(() => {
    // Runs in the page, which has requestAnimationFrame (this project's types have no DOM).
    const w = globalThis as unknown as { requestAnimationFrame(cb: () => void): number };
    return new Promise<void>((r) => w.requestAnimationFrame(() => w.requestAnimationFrame(() => r())));
  });

/**
 * Debian Chromium with a fresh profile in a temp dir (removed on close). A persistent context
 * is the Playwright way to give Chromium its own user data dir; it is the browser.
 */
export async function openClient(url: string, resultsDir: string): Promise<Client> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'bestyrelsesbot-e2e-chromium-'));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      args: ARGS,
      headless: true,
      viewport: DESKTOP,
      locale: 'da-DK',
      timezoneId: 'Europe/Copenhagen',
    });
  } catch (err) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw err;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(30_000);
  const consoleLines: string[] = [];
  page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.message}`));
  await page.goto(url);
  let closed = false;
  return {
    page,
    async shot(name) {
      const path = join(resultsDir, `${name}.png`);
      await page.screenshot({ path });
      return path;
    },
    async shotWidths(name, target) {
      const paths: string[] = [];
      try {
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: HEIGHT[width] ?? 1100 });
          await fitCard(target.last(), CARD_WIDTH[width]);
          await settled(page);
          await target.last().scrollIntoViewIfNeeded();
          await settled(page);
          const path = join(resultsDir, `${name}-${width}.png`);
          await target.last().screenshot({ path });
          paths.push(path);
        }
      } finally {
        await fitCard(target.last(), undefined).catch(() => undefined);
        await page.setViewportSize(DESKTOP);
        await settled(page);
      }
      return paths;
    },
    async close() {
      if (closed) return;
      closed = true;
      writeFileSync(join(resultsDir, 'browser-console.log'), consoleLines.join('\n'));
      const browser: Browser | null = context!.browser();
      await Promise.race([context!.close(), new Promise((r) => setTimeout(r, 10_000))]);
      await browser?.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

// ------------------------------------------------------------- what she does ----

/** The conversation list entry, e.g. "Boligsocial bestyrelse - Bestyrelsesmøder". */
export async function openConversation(page: Page, name: string): Promise<void> {
  await page.getByRole('treeitem', { name, exact: true }).click();
  // A channel shows the "Start a new post" box with its Post button.
  await newPostBox(page).waitFor({ state: 'visible' });
}

/** The box for a new post at the top of a channel (each post below has its own reply box). */
export function newPostBox(page: Page): Locator {
  return page
    .getByRole('group')
    .filter({ has: page.getByRole('button', { name: 'Post', exact: true }) })
    .locator('[data-lexical-editor="true"][role="textbox"]');
}

/**
 * A new post in the open channel addressed to the bot, as a person writes it: "@Bestyr…",
 * pick the bot in the mention menu, the rest of the text, "Post". Resolves when her post is
 * shown in the channel.
 */
export async function postToBot(page: Page, botName: string, text: string): Promise<Locator> {
  const box = newPostBox(page);
  await box.click();
  await box.pressSequentially(`@${botName.slice(0, 6)}`, { delay: 20 });
  await page.getByRole('menuitem', { name: botName }).click();
  await box.pressSequentially(` ${text}`, { delay: 5 });
  await page.getByRole('button', { name: 'Post', exact: true }).click();
  const mine = post(page, `${botName} ${text}`);
  await mine.waitFor({ state: 'visible' });
  return mine;
}

/** A post (with its thread of replies) in the open channel that shows this text. */
export function post(page: Page, text: string | RegExp): Locator {
  return page
    .getByRole('group')
    .filter({ hasText: text })
    .filter({ has: page.getByRole('button', { name: 'Show more information' }) })
    .last();
}

/** The Adaptive Card in the page showing this text. */
export function card(page: Page, text: string | RegExp): Locator {
  return page.locator('.ac-adaptiveCard').filter({ hasText: text });
}

// -------------------------------------------------------------- what she sees ----

/**
 * Waits until the locator's visible text satisfies `test` (it is re-read as the page
 * changes); fails with the last text seen. The element is scrolled into view.
 */
export async function waitForText(
  locator: Locator,
  test: (text: string) => boolean,
  opts: { timeoutMs?: number; what?: string } = {},
): Promise<string> {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const deadline = Date.now() + timeoutMs;
  let last = '';
  let problem = '';
  while (Date.now() < deadline) {
    try {
      const count = await locator.count();
      if (count > 0) {
        last = await locator.first().innerText({ timeout: 2_000 });
        if (test(last)) {
          await locator.first().scrollIntoViewIfNeeded({ timeout: 2_000 }).catch(() => undefined);
          return last;
        }
      } else problem = 'no such element in the page';
    } catch (err) {
      problem = (err as Error).message.split('\n')[0] ?? '';
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(
    `${opts.what ?? 'the expected text'} did not show within ${timeoutMs} ms` +
      (last ? `; the element showed:\n${last}` : `; ${problem}`),
  );
}

/** Waits until the page shows every one of these texts inside the locator; on failure, names the ones missing. */
export async function waitForTexts(locator: Locator, texts: readonly (string | RegExp)[], what?: string, timeoutMs?: number): Promise<string> {
  const shows = (t: string, x: string | RegExp) => (typeof x === 'string' ? normalise(t).includes(normalise(x)) : x.test(normalise(t)));
  try {
    return await waitForText(locator, (t) => texts.every((x) => shows(t, x)), { what: what ?? texts.join(' / '), ...(timeoutMs ? { timeoutMs } : {}) });
  } catch (err) {
    const last = await locator.first().innerText({ timeout: 1_000 }).catch(() => '');
    const missing = texts.filter((x) => !shows(last, x));
    throw new Error(`${(err as Error).message}\n--- missing ---\n${missing.map(String).join('\n')}`);
  }
}

/** Whitespace as one space (innerText puts table cells and paragraphs on lines of their own). */
export function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
