/**
 * R13 and R19: a board added to a running deployment and not bound to a channel yet. Its
 * agenda is not sent into nothing: at the deadline it is not recorded as sent (on time or
 * at all); it is tried again each day at the posting time, and goes out, marked late, once
 * the board is bound. Sending it by hand before then is refused, nothing changed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_ID, channelMessage, people, personalConversationId, personalMessage } from '../support/activities.js';
import { type Harness, startHarness } from '../support/app-harness.js';
import { DEMO_CONFIG_PATH } from '../support/paths.js';

const EN_CHANNEL = '19:english-board-channel@thread.tacv2';
const ALPHA_CHANNEL = '19:alpha-channel@thread.tacv2';
const erin = { id: '29:erin', name: 'Erin English', aadObjectId: '00000000-0000-4000-8000-0000000000e1' };

const ENGLISH_BOARD = `
board:
  id: english
  name: Housing Forum
  locale: en
  timezone: Europe/London
  tenantId: 00000000-0000-4000-8000-0000000000d0
organisations:
  - { id: A, name: Alpha Housing }
  - { id: B, name: Beta Homes }
people:
  - { name: Erin English, aadObjectId: ${erin.aadObjectId}, organisation: A, roles: [member, chair] }
  - { name: Ben Beta, aadObjectId: 00000000-0000-4000-8000-0000000000e2, organisation: B, roles: [member] }
  - { name: Sam Secretary, aadObjectId: 00000000-0000-4000-8000-0000000005e1, roles: [secretary] }
`;

/** A board whose file names its channel; Erin sits on it, chairing nothing. */
const ALPHA_BOARD = `
board:
  id: alpha
  name: Alpha Group
  locale: en
  timezone: Europe/London
  tenantId: 00000000-0000-4000-8000-0000000000d0
  channelId: "${ALPHA_CHANNEL}"
organisations:
  - { id: A, name: Alpha Housing }
  - { id: B, name: Beta Homes }
people:
  - { name: Alma Alpha, aadObjectId: 00000000-0000-4000-8000-0000000000a1, organisation: A, roles: [member, chair] }
  - { name: Erin English, aadObjectId: ${erin.aadObjectId}, organisation: B, roles: [member] }
  - { name: Sam Secretary, aadObjectId: 00000000-0000-4000-8000-0000000005e1, roles: [secretary] }
`;

let dir: string;
let h: Harness;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bestyrelsesbot-unbound-'));
  writeFileSync(join(dir, 'slagelse.yaml'), readFileSync(DEMO_CONFIG_PATH, 'utf8'));
  writeFileSync(join(dir, 'english.yaml'), ENGLISH_BOARD);
  writeFileSync(join(dir, 'alpha.yaml'), ALPHA_BOARD);
  h = await startHarness({ clockStart: '2026-12-01T09:00:00Z', boardConfig: dir });
  await h.send(channelMessage(h.connector.url, people.anne, 'brug denne kanal slagelse'));
});

afterAll(async () => {
  await h?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const alma = { id: '29:alma', name: 'Alma Alpha', aadObjectId: '00000000-0000-4000-8000-0000000000a1' };

async function inPersonalAs(who: typeof erin, text: string): Promise<string> {
  const since = h.connector.mark();
  await h.send(personalMessage(h.connector.url, who, text));
  return h.connector.textOf(await h.connector.waitForPost((p) => p.conversationId === personalConversationId(who), { since }));
}
const inPersonal = (text: string) => inPersonalAs(erin, text);

describe('R13: the agenda of a board bound to no channel yet (R19)', () => {
  it('R13: at its deadline it is not recorded as sent; sending it by hand is refused', async () => {
    // Erin sits on two boards (english, alpha): her 1:1 commands name the board first.
    expect(await inPersonal('english meeting 10-12-2026 14:00')).toContain('Thursday 10 December 2026 at 14:00');
    expect(await h.store.forBoard('english').getBinding()).toBeUndefined();
    await h.at('2026-12-05T09:00:30Z');
    const [meeting] = await h.store.forBoard('english').listMeetings({});
    expect(meeting!.agendaSentAt).toBeUndefined();
    expect(await inPersonal('english send agenda')).toContain('not bound to a channel');
    expect((await h.store.forBoard('english').getMeeting(meeting!.id))!.agendaSentAt).toBeUndefined();
  });

  it('R19: the bare »use this channel« in the channel another board\'s file names is that board\'s: from Erin, who chairs another, it binds nothing', async () => {
    const message = channelMessage(h.connector.url, erin, 'use this channel', { conversationId: ALPHA_CHANNEL });
    await h.send(message);
    expect(h.connector.textOf(h.connector.posts().find((p) => p.replyToId === message.id)!)).toMatch(/Only the chair and the secretary/);
    expect(await h.store.forBoard('alpha').getBinding()).toBeUndefined();
    expect(await h.store.forBoard('english').getBinding()).toBeUndefined();
  });

  it('R19: elsewhere it binds the one board its writer chairs; from someone who chairs none, it is refused, naming how to bind', async () => {
    const ben = { id: '29:ben', name: 'Ben Beta', aadObjectId: '00000000-0000-4000-8000-0000000000e2' };
    const fromBen = channelMessage(h.connector.url, ben, 'use this channel', { conversationId: EN_CHANNEL });
    await h.send(fromBen);
    expect(h.connector.textOf(h.connector.posts().find((p) => p.replyToId === fromBen.id)!)).toContain('use this channel &lt;board-id&gt;');
    expect(await h.store.forBoard('english').getBinding()).toBeUndefined();
    // The day after the deadline (an agenda sent on its deadline day is on time: R13 counts days).
    await h.at('2026-12-06T15:00:00Z');
    await h.send(channelMessage(h.connector.url, erin, 'use this channel', { conversationId: EN_CHANNEL }));
    expect((await h.store.forBoard('english').getBinding())?.channelId).toBe(EN_CHANNEL);
    expect((await h.store.forBoard('slagelse').getBinding())?.channelId).toBe(CHANNEL_ID);
  });

  it('R13: bound after its deadline (the test before), the agenda goes out at once to its channel, marked late', async () => {
    // Sent with the binding's own change (its job moved to now), or at the next tick at the latest.
    await h.at('2026-12-06T15:00:30Z');
    const agendas = h.connector.posts().filter((p) => p.conversationId === EN_CHANNEL && h.connector.textOf(p).startsWith('Agenda'));
    expect(agendas).toHaveLength(1);
    const agenda = agendas[0]!;
    expect(h.connector.textOf(agenda)).toContain('Sent late');
    const [meeting] = await h.store.forBoard('english').listMeetings({});
    expect(meeting!.agendaLate).toBe(true);
    // The other board's channel got nothing of it.
    expect(h.connector.posts().filter((p) => p.conversationId.startsWith(CHANNEL_ID) && h.connector.textOf(p).includes('Housing Forum'))).toEqual([]);
  });

  it('R13: a board bound on its meeting\'s day, after the day\'s posting time, still gets its agenda out before the meeting', async () => {
    expect(await inPersonalAs(alma, 'meeting 12-12-2026 14:00')).toContain('Saturday 12 December 2026 at 14:00');
    await h.at('2026-12-12T10:00:00Z');
    expect((await h.store.forBoard('alpha').listMeetings({}))[0]!.agendaSentAt).toBeUndefined();
    await h.send(channelMessage(h.connector.url, alma, 'use this channel', { conversationId: ALPHA_CHANNEL }));
    await h.at('2026-12-12T10:00:30Z');
    const [meeting] = await h.store.forBoard('alpha').listMeetings({});
    expect(meeting!.agendaSentAt).toBeDefined();
    expect(meeting!.agendaLate).toBe(true);
  });
});
