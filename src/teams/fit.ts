/**
 * Teams' size limit (docs/teams.md: a message must stay under 40 KB, counted in UTF-16; over
 * it Teams answers 413 and the post is lost). Long content is cut where it is built, with a
 * link to the whole (agenda/post.ts, minutes/post.ts); `fitToTeams` is the net under every activity the bot
 * sends — replies, posts and card updates from the outbox, invoke answers — and shortens
 * what still does not fit. It is also where a message's catalogue placeholders are made to
 * show (placeholdersShownIn).
 */
import type { Activity, Middleware, TurnContext } from 'botbuilder';
import { type Locale } from '../domain/kernel/board.js';
import { messages } from '../i18n/index.js';
import { messagePlaceholdersShown } from './text/markdown.js';

export const TEAMS_LIMIT = 40 * 1024;

/** A post whose length users decide (the minutes, the agenda), built to fit (minutes/post.ts, meetings/post.ts). */
export interface FittedPost {
  /** The message to post (card, and for the minutes the Markdown file too). */
  readonly activity: Partial<Activity>;
  /** The card alone (for an invoke answer). */
  readonly card: Record<string, unknown> & { type: 'AdaptiveCard'; version: string };
  /** True when the card shows only part of the content. */
  readonly cut: boolean;
}
/**
 * The most an activity may measure where it is built: room is left for what botbuilder adds
 * when it sends it (conversation, sender, recipient, service URL, ids).
 */
export const ACTIVITY_BUDGET = TEAMS_LIMIT - 2 * 1024;
/** The most an activity may measure as it is sent, all included. */
export const WIRE_BUDGET = TEAMS_LIMIT - 256;

/** The UTF-16 length of the serialised value: what Teams counts. */
export const sizeOf = (value: unknown): number => JSON.stringify(value)?.length ?? 0;
export const fits = (value: unknown, budget: number = ACTIVITY_BUDGET): boolean => sizeOf(value) <= budget;

/** The largest n in [0, max] for which `build(n)` fits (build grows with n); n = 0 when none does. */
export function largestFitting<T>(max: number, build: (n: number) => T): { n: number; value: T } {
  let lo = 0;
  let hi = max;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(build(mid))) lo = mid;
    else hi = mid - 1;
  }
  return { n: lo, value: build(lo) };
}

/** Text cut to at most `n` characters, at a paragraph or word boundary when there is one near, with an ellipsis. */
export function cutText(text: string, n: number): string {
  if (text.length <= n) return text;
  const head = text.slice(0, n);
  const paragraph = head.lastIndexOf('\n\n');
  const space = head.lastIndexOf(' ');
  const at = paragraph > n * 0.5 ? paragraph : space > n * 0.8 ? space : n;
  return `${head.slice(0, at).trimEnd()} …`;
}

type Card = { type?: string; body?: unknown[] };

const cardsOf = (activity: Partial<Activity>): Card[] =>
  (activity.attachments ?? []).filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive').map((a) => a.content as Card);

/** Adds a short note at the end of a card's body. */
export function noteOnCard<C extends object>(card: C, note: string): C {
  const body = Array.isArray((card as Card).body) ? (card as Card).body! : [];
  return { ...card, body: [...body, { type: 'TextBlock', text: note, wrap: true, isSubtle: true, size: 'Small', spacing: 'Medium' }] };
}

/** Every `text` string in the value (activity text, TextBlock and TextRun texts), longest first. */
function textSlots(root: unknown): { owner: Record<string, unknown>; length: number }[] {
  const slots: { owner: Record<string, unknown>; length: number }[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const owner = node as Record<string, unknown>;
    if (typeof owner.text === 'string') slots.push({ owner, length: owner.text.length });
    Object.values(owner).forEach(walk);
  };
  walk(root);
  return slots.sort((a, b) => b.length - a.length);
}

/** Halves the longest texts until the value fits; false when texts alone cannot make it fit. */
function shortenTexts(root: unknown, budget: number): boolean {
  for (let round = 0; round < 200 && !fits(root, budget); round++) {
    const [longest] = textSlots(root);
    if (!longest || longest.length <= 100) return false;
    longest.owner.text = cutText(longest.owner.text as string, Math.floor(longest.length / 2));
  }
  return fits(root, budget);
}

/** Invoke answers that fit as they are, and their JSON (fitActivity measured it). */
const measured = new WeakMap<object, string>();

/**
 * The JSON of an invoke answer's body as fitActivity measured it (server.ts sends it as it is);
 * undefined for a body it did not measure or had to shorten.
 */
export const answerJson = (body: unknown): string | undefined => (body !== null && typeof body === 'object' ? measured.get(body) : undefined);

/**
 * The activity as it may go to Teams: itself when it fits, else with its longest texts
 * shortened and a note saying so; as a last resort the note alone.
 */
export function fitActivity(activity: Partial<Activity>, locale: Locale, budget: number = WIRE_BUDGET): { activity: Partial<Activity>; cut: boolean } {
  const answer = activity.type === 'invokeResponse' ? (activity.value as { body?: unknown } | undefined)?.body as { value?: unknown } | undefined : undefined;
  if (answer !== null && typeof answer === 'object') {
    // Measured as the HTTP answer will carry it: that text is the answer (answerJson), not serialised twice.
    const json = JSON.stringify(answer);
    if (json.length <= budget) {
      measured.set(answer, json);
      return { activity, cut: false };
    }
  } else if (fits(answer ?? activity, budget)) return { activity, cut: false };
  const note = messages(locale).boundary.cutNoteNoLink;
  const copy = structuredClone(activity);
  if (answer) {
    const body = (copy.value as { body: { type: string; value: unknown } }).body;
    if (typeof body.value === 'string') body.value = `${cutText(body.value, budget - 1000)}\n\n${note}`;
    else if (shortenTexts(body, budget - 500)) body.value = noteOnCard(body.value as object, note);
    else body.value = note;
    return { activity: copy, cut: true };
  }
  if (shortenTexts(copy, budget - 500)) {
    const cards = cardsOf(copy);
    if (cards.length > 0) copy.attachments = copy.attachments!.map((a) => (a.contentType === 'application/vnd.microsoft.card.adaptive' ? { ...a, content: noteOnCard(a.content as object, note) } : a));
    else copy.text = `${copy.text ?? ''}\n\n${note}`;
    if (fits(copy, budget)) return { activity: copy, cut: true };
  }
  const { attachments: _cards, entities: _mentions, ...rest } = activity;
  return { activity: { ...rest, text: note }, cut: true };
}

/** The turn's board's language, once the turn knows its board (turnState): what a cut note is written in. */
export const TURN_LOCALE = Symbol('bestyrelsesbot.turnLocale');

/** The language an activity names for its content (`da`, `da-DK`, `en-GB`…), if it is one the bot speaks. */
function localeOf(activity: Partial<Activity>): Locale | undefined {
  const language = activity.locale?.slice(0, 2).toLowerCase();
  return language === 'da' || language === 'en' ? language : undefined;
}

/**
 * A message whose text is Markdown, with the catalogue's placeholders (`»punkt <titel>«`)
 * shown: Teams would read them as HTML tags and drop them. Other activities (an invoke
 * answer's plain message, typing) and a plain-text message are left as they are.
 */
export function placeholdersShownIn(activity: Partial<Activity>): Partial<Activity> {
  if ((activity.type ?? 'message') !== 'message' || typeof activity.text !== 'string' || activity.textFormat === 'plain') return activity;
  const text = messagePlaceholdersShown(activity.text);
  return text === activity.text ? activity : { ...activity, text };
}

/**
 * Adapter middleware: every activity sent in any turn (replies, proactive posts, updates, invoke
 * answers) is fitted, a message's placeholders shown first (placeholdersShownIn). Its note is
 * in the turn's board's language (TURN_LOCALE); outside a turn
 * of a board (the outbox's posts and updates), in the language the activity names (the
 * publisher gives each its board's); else `locale`. A reply names the client's language
 * (botbuilder copies it from the activity answered): the turn's board's comes first.
 */
export function fitToTeams(locale: Locale): Middleware {
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      const noteLocale = (activity: Partial<Activity>): Locale => (context.turnState.get(TURN_LOCALE) as Locale | undefined) ?? localeOf(activity) ?? locale;
      context.onSendActivities(async (_ctx, activities, send) => {
        activities.forEach((a, i) => {
          const shown = placeholdersShownIn(a);
          activities[i] = fitActivity(shown, noteLocale(shown)).activity;
        });
        return send();
      });
      context.onUpdateActivity(async (_ctx, activity, update) => {
        const fitted = fitActivity(placeholdersShownIn(activity), noteLocale(activity)).activity;
        for (const key of Object.keys(activity) as (keyof Activity)[]) if (!(key in fitted)) delete activity[key];
        Object.assign(activity, fitted);
        return update();
      });
      await next();
    },
  };
}
