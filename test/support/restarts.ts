/**
 * A bot stopped and started again as a supervisor does it, for tests of outages and restarts:
 * each start a new app and a new store on the same SQLite file (or PostgreSQL schema), the fake
 * Bot Connector kept across starts, so that what was queued before a stop is seen after it.
 * (app-harness.ts's `restart` keeps the store open; this closes it, as a process's end does.)
 * The warnings each stopped bot logged are kept (`lines`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Person, cardAction, channelMessage, people, personalMessage } from './activities.js';
import { type Harness, startHarness, startInstalledHarness } from './app-harness.js';
import { type FakeConnector, type PostedActivity, startFakeConnector } from './fake-connector.js';
import { type TestSchemas, pgTestUrl } from './pg-schemas.js';

/** The value of `"key":"…"` in a posted activity (a card's data: a motion's id, say). */
export const idIn = (p: PostedActivity, key: string): string => new RegExp(`"${key}":"([^"]+)"`).exec(JSON.stringify(p))![1]!;

/** The motion of the vote `openVote` opens, and what its reminder and its outcome say. */
export const MOTION = 'Ny vaskeriordning';
export const isVoteReminder = (t: string): boolean => t.includes('Påmindelse:') && t.includes(MOTION);
export const isOutcome = (t: string): boolean => /^(Ikke )?[Vv]edtaget: /.test(t) && t.includes(MOTION);

export class Restarts {
  #h: Harness | undefined;
  #connector: FakeConnector | undefined;
  #dataDir: string | undefined;
  #postgres: { readonly url: string; readonly schema: string } | undefined;
  #logged: Record<string, unknown>[] = [];

  /** `name`: the temp data directory's prefix; `schemas`: where a PostgreSQL start makes its schema. */
  constructor(
    private readonly name: string,
    private readonly schemas?: TestSchemas,
  ) {}

  /** The bot now running. */
  get h(): Harness {
    if (!this.#h) throw new Error('the bot is not running');
    return this.#h;
  }

  get connector(): FakeConnector {
    if (!this.#connector) throw new Error('no connector: the bot was never started');
    return this.#connector;
  }

  /** The demo board's bot at `instant`, installed, on SQLite in a data directory of its own, or on PostgreSQL (`postgres`). */
  async startInstalled(instant: string, postgres = false): Promise<void> {
    this.#connector = await startFakeConnector();
    if (postgres) this.#postgres = { url: pgTestUrl!, schema: this.schemas!.fresh() };
    else this.#dataDir = mkdtempSync(join(tmpdir(), `bestyrelsesbot-${this.name}-`));
    this.#h = await startInstalledHarness(instant, this.#where());
  }

  /** The SQLite store's data directory (none on PostgreSQL). */
  get dataDir(): string | undefined {
    return this.#dataDir;
  }

  /**
   * The demo board installed, and a vote on MOTION opened Monday 8 February 2027 10.00 (FOB for): reminded
   * Wednesday 10.00, closes Thursday 11 February 10.00. Lars (BK) has a 1:1 chat. Its motion's id.
   */
  async openVote(postgres = false): Promise<string> {
    await this.startInstalled('2027-02-08T09:00:00+01:00', postgres);
    await this.h.send(personalMessage(this.connector.url, people.lars, 'hjælp'));
    await this.h.at('2027-02-08T10:00:00+01:00');
    await this.say(people.anne, `afstemning ${MOTION}`);
    const motionId = idIn(this.connector.posts().find((p) => JSON.stringify(p.attachments ?? []).includes('vote.cast'))!, 'motionId');
    await this.vote(people.anne, motionId, 'for');
    return motionId;
  }

  /** Teams stops answering (429 to every post and update, as long as it lasts). */
  teamsDown(): void {
    this.connector.failNext(100_000, 429, { 'Retry-After': '0' });
  }

  /** The bot stopped (SIGTERM: closed, its store with it); what is queued stays in the store. */
  async stop(): Promise<void> {
    this.#logged.push(...this.h.logs());
    await this.h.close();
    this.#h = undefined;
  }

  /** Teams answers again, and a new bot starts at `instant` on the same store, catching up as it starts. */
  async startAt(instant: string): Promise<void> {
    this.connector.stopFailing();
    this.#h = await startHarness({ clockStart: instant, ...this.#where() });
    await this.#h.app.settled();
  }

  /** The warnings logged so far, by every start. */
  lines(): Record<string, unknown>[] {
    return [...this.#logged, ...(this.#h?.logs() ?? [])];
  }

  /** The log's lines that say a reminder was not sent (outbox/stale.ts, the jobs' notes). */
  droppedLines(): Record<string, unknown>[] {
    return this.lines().filter((l) => String(l.msg).startsWith('reminder not sent'));
  }

  async say(who: Person, text: string): Promise<void> {
    await this.h.send(channelMessage(this.connector.url, who, text));
  }

  async vote(who: Person, motionId: string, choice: string): Promise<void> {
    await this.h.send(cardAction(this.connector.url, who, 'vote.cast', { motionId, choice }));
  }

  text(p: PostedActivity): string {
    return this.connector.textOf(p);
  }

  /** The posts whose text `predicate` takes. */
  posted(predicate: (text: string) => boolean): PostedActivity[] {
    return this.connector.posts().filter((p) => predicate(this.text(p)));
  }

  /** For afterEach: the bot, the connector and the data directory gone, the schema dropped. */
  async close(): Promise<void> {
    this.#connector?.stopFailing();
    await this.#h?.close();
    this.#h = undefined;
    await this.#connector?.close();
    this.#connector = undefined;
    if (this.#dataDir) rmSync(this.#dataDir, { recursive: true, force: true });
    this.#dataDir = undefined;
    this.#postgres = undefined;
    this.#logged = [];
    await this.schemas?.drop();
  }

  #where(): { dataDir: string; connector: FakeConnector } | { postgres: { url: string; schema: string }; connector: FakeConnector } {
    return this.#postgres ? { postgres: this.#postgres, connector: this.connector } : { dataDir: this.#dataDir!, connector: this.connector };
  }
}
