/**
 * Fuzzing the bot (createBotApp, in process) over HTTP (PRODUCT §3 HTTP: never a 5xx for anything a client
 * sends; §4: bad input changes nothing). fast-check posts many malformed and odd bodies
 * and activities — arbitrary JSON, broken fields, odd invokes, strangers and foreign
 * tenants — to a bot whose board is installed and has an open vote; none may get a 5xx,
 * and the store must hold exactly what it held before.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FOREIGN_TENANT_ID, type TeamsActivity, botInstalled, cardAction, channelMessage, installationUpdate, people, personalMessage } from '../support/activities.js';
import type { Harness } from '../support/app-harness.js';
import { startInstalledBoard } from '../support/conversation.js';
import type { FakeConnector } from '../support/fake-connector.js';
import { outboxSettled, storeSnapshot } from '../support/store-snapshot.js';

let connector: FakeConnector;
let bot: Harness;
let motionId = '';

beforeAll(async () => {
  ({ connector, bot } = await startInstalledBoard('2026-12-01T09:00:00+01:00', { store: 'file' }));
  const since = connector.mark();
  await bot.send(channelMessage(connector.url, people.anne, 'afstemning Fuzz-forslaget'));
  const card = await connector.waitForPost((p) => connector.textOf(p).includes('Fuzz-forslaget'), { since });
  motionId = JSON.stringify(card).match(/"motionId":"([^"]+)"/)![1]!;
  // The members below have acted once: the bot knows their Teams ids, so a refused action of theirs stores nothing.
  for (const member of MEMBERS) await bot.send(cardAction(connector.url, member, 'vote.refresh', { motionId }));
  await bot.app.settled();
  await outboxSettled(bot.dataDir!);
});

afterAll(async () => {
  await bot?.close();
});

async function post(body: string, contentType = 'application/json'): Promise<number> {
  const res = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': contentType }, body });
  await res.arrayBuffer();
  return res.status;
}

function parsed(body: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const VERBS = ['vote.cast', 'vote.close', 'vote.refresh', 'vote.dissent', 'petition.support', 'conclusion.object', 'conclusion.close', 'dates.answer', 'agenda.send', 'minutes.approve', 'task.done', 'nope'];
const FIELDS = ['type', 'id', 'channelId', 'serviceUrl', 'from', 'recipient', 'conversation', 'text', 'name', 'value', 'timestamp', 'localTimestamp', 'entities', 'attachments', 'channelData', 'membersAdded', 'replyToId', 'action', 'locale'];

/** Who sends: never someone whose action the bot would carry out. */
const sender = fc.constantFrom(
  { who: people.stranger, tenant: undefined },
  { who: { id: '29:nobody', name: 'Ingen', aadObjectId: randomUUID() }, tenant: undefined },
  { who: { id: '29:anon' }, tenant: undefined },
  { who: people.anne, tenant: FOREIGN_TENANT_ID },
  { who: people.birgitte, tenant: FOREIGN_TENANT_ID },
);

const jsonish = fc.jsonValue({ maxDepth: 3 });
const MEMBERS = [people.anne, people.birgitte, people.pia, people.gustav];

/** Board people pressing buttons with data no card of the bot carries (their ids and texts are random). */
const memberInvoke = fc
  .tuple(
    fc.constantFrom(...MEMBERS),
    fc.oneof(fc.constantFrom(...VERBS), fc.string({ maxLength: 30 })),
    fc.oneof(jsonish, fc.dictionary(fc.constantFrom('motionId', 'petitionId', 'conclusionId', 'pollId', 'meetingId', 'taskId', 'choice', 'text', 'dates', 'available'), jsonish)),
  )
  .map(([who, verb, data]) => JSON.stringify(cardAction(connector.url, who, verb, data as Record<string, unknown>)));

/** A Teams-shaped activity to start from. */
const baseActivity: fc.Arbitrary<TeamsActivity> = fc
  .tuple(sender, fc.constantFrom('channel', 'personal', 'invoke', 'install', 'installation'), fc.constantFrom(...VERBS), fc.string({ maxLength: 40 }))
  .map(([{ who, tenant }, kind, verb, text]) => {
    const opts = tenant ? { tenantId: tenant } : {};
    switch (kind) {
      case 'channel':
        return channelMessage(connector.url, who, text || 'hjælp', opts);
      case 'personal':
        return personalMessage(connector.url, who, text || 'afstemning x', opts);
      case 'install':
        return botInstalled(connector.url, who, opts);
      case 'installation':
        return installationUpdate(connector.url, who, opts);
      default:
        return cardAction(connector.url, who, verb, { motionId, choice: 'for', text }, opts);
    }
  });

/** One field broken: removed, or replaced by arbitrary JSON. */
const brokenActivity = fc
  .tuple(baseActivity, fc.constantFrom(...FIELDS), fc.option(jsonish, { nil: undefined }))
  .map(([activity, field, value]) => {
    const copy: Record<string, unknown> = { ...activity };
    if (value === undefined) delete copy[field];
    else copy[field] = value;
    return JSON.stringify(copy);
  });

/** Odd invokes: any name, any value, any verb and data. */
const oddInvoke = fc
  .tuple(
    baseActivity,
    fc.oneof(fc.constant('adaptiveCard/action'), fc.constant(undefined), fc.string({ maxLength: 30 })),
    fc.oneof(
      jsonish,
      fc.record({
        action: fc.record({
          type: fc.oneof(fc.constant('Action.Execute'), fc.string({ maxLength: 15 })),
          verb: fc.oneof(fc.constantFrom(...VERBS), fc.string({ maxLength: 30 }), jsonish),
          data: fc.oneof(jsonish, fc.dictionary(fc.constantFrom('motionId', 'choice', 'text', 'meetingId', 'dates', 'available'), jsonish)),
        }),
        trigger: fc.oneof(fc.constant('manual'), fc.constant('automatic'), jsonish),
      }),
    ),
  )
  .map(([activity, name, value]) => JSON.stringify({ ...activity, type: 'invoke', name, value }));

/** Nested parts broken: from, conversation, channelData and entities with odd insides. */
const oddInsides = fc
  .tuple(baseActivity, fc.constantFrom('from', 'recipient', 'conversation', 'channelData'), fc.dictionary(fc.constantFrom('id', 'aadObjectId', 'name', 'tenant', 'tenantId', 'conversationType', 'team', 'channel', 'settings'), fc.oneof(jsonish, fc.record({ id: jsonish }))))
  .map(([activity, field, inside]) => JSON.stringify({ ...activity, [field]: { ...(activity[field] as object), ...inside } }));

const anyBody = fc.oneof(
  { arbitrary: jsonish.map((v) => JSON.stringify(v)), weight: 2 },
  { arbitrary: fc.string({ maxLength: 200 }), weight: 1 },
  { arbitrary: brokenActivity, weight: 4 },
  { arbitrary: oddInvoke, weight: 4 },
  { arbitrary: oddInsides, weight: 2 },
  { arbitrary: memberInvoke, weight: 3 },
);

describe('fuzzing POST /api/messages', () => {
  it('no body or activity a client can send gets a 5xx, and none of them stores anything', async () => {
    const before = storeSnapshot(bot.dataDir!);
    const seen = new Map<number, number>();
    const installIds = new Set<string>();
    await fc.assert(
      fc.asyncProperty(anyBody, fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain'), async (body, contentType) => {
        const sent = parsed(body);
        if (typeof sent?.id === 'string' && ['conversationUpdate', 'installationUpdate'].includes(sent.type as string)) installIds.add(sent.id);
        const status = await post(body, contentType);
        seen.set(status, (seen.get(status) ?? 0) + 1);
        expect(status, body.slice(0, 500)).toBeLessThan(500);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 400), ...(process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {}) },
    );
    // Each was answered on purpose: no turn failed on what it was sent.
    expect(bot.logs().filter((l) => Number(l.level) >= 50).map((l) => `${String(l.msg)}: ${String((l.err as { stack?: string } | undefined)?.stack ?? '').slice(0, process.env.FUZZ_DEBUG ? 1500 : 200)}`)).toEqual([]);
    // The answers were of several kinds: the fuzzing reached past the body check.
    expect(seen.get(400)).toBeGreaterThan(0);
    expect(seen.get(200)).toBeGreaterThan(0);
    await bot.app.settled();
    await outboxSettled(bot.dataDir!);
    const { processed_activities: processedAfter, outbox: outboxAfter, ...after } = storeSnapshot(bot.dataDir!);
    const { processed_activities: processedBefore, outbox: outboxBefore, ...rest } = before;
    expect(after).toEqual(rest);
    // An install event is answered and recorded as delivered (so that a redelivery is known), and
    // an install by someone other than the chair or the secretary is told, once per conversation,
    // who binds the board: that notice is the only post they may queue.
    const added = <T,>(rows: unknown[], old: unknown[], key: (r: T) => string) => (rows as T[]).filter((r) => !(old as T[]).some((o) => key(o) === key(r)));
    for (const row of added<{ activity_id: string }>(processedAfter!, processedBefore!, (r) => r.activity_id)) expect(installIds, row.activity_id).toContain(row.activity_id);
    for (const row of added<{ key: string }>(outboxAfter!, outboxBefore!, (r) => r.key)) expect(row.key).toMatch(/^install-notice:/);
    expect((outboxAfter as { key: string }[]).filter((r) => outboxBefore!.some((o) => (o as { key: string }).key === r.key))).toEqual(outboxBefore);
  }, 120_000);
});
