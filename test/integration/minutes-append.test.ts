/**
 * R16, R8: `tilføj referat [dato] <tekst>` adds text at the end of the minutes. A late dissent on
 * approved minutes is brought in without writing them out again: the new version is the
 * approved text with the addition, to be approved in turn (`ret referat` replaces the whole
 * text, and a secretary who followed the notice with the dissent alone replaced approved
 * minutes by one line). On a draft it adds to the draft. Over HTTP, in process
 * (app-harness.ts), the clock moved by the test.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type Person, cardAction, people } from '../support/activities.js';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';
import { ask } from '../support/conversation.js';
import type { PostedActivity } from '../support/fake-connector.js';
import { literal } from '../support/markdown.js';
import { channelMessage } from '../support/activities.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const tell = async (who: Person, text: string) => void (await h!.send(channelMessage(h!.connector.url, who, text)));
const say = async (who: Person, text: string) => literal(h!.connector.textOf(await ask(h!, h!.connector, who, text)));
const act = async (who: Person, verb: string, data: Record<string, unknown>) => (await h!.send(cardAction(h!.connector.url, who, verb, data))).body as { type: string; value: unknown };
const idIn = (p: PostedActivity, key: string) => new RegExp(`"${key}":"([^"]+)"`).exec(JSON.stringify(p))![1]!;
const isVoteCard = (p: PostedActivity) => JSON.stringify(p.attachments ?? []).includes('vote.cast');

/** The meeting of 10 December 2026 held, a vote on it (SB against), its minutes drafted. */
async function heldWithVote(): Promise<{ meetingId: string; motionId: string }> {
  h = await startInstalledHarness('2026-12-01T08:00:00Z');
  await tell(people.pia, 'møde 10-12-2026 14:00');
  await h.at('2026-12-10T13:10:00Z');
  await tell(people.anne, 'afstemning Valg af næstformand');
  const motionId = idIn(h.connector.posts().filter(isVoteCard).at(-1)!, 'motionId');
  for (const p of [people.anne, people.karsten, people.birgitte, people.henrik, people.mette, people.lars]) await act(p, 'vote.cast', { motionId, choice: p === people.birgitte ? 'against' : 'for' });
  await h.at('2026-12-10T15:00:00Z');
  await tell(people.pia, 'referat');
  const meeting = (await h.store.listMeetings({}))[0]!;
  return { meetingId: meeting.id, motionId };
}

describe('tilføj referat (R16, R8)', () => {
  it('R16, R8: a late dissent on approved minutes: the notice names »tilføj referat«, which makes a new version of the approved text with the addition, to be approved', async () => {
    const { meetingId, motionId } = await heldWithVote();
    await h!.at('2026-12-13T08:00:00Z');
    await act(people.anne, 'minutes.approve', { meetingId });
    const [approved] = await h!.store.listMinutes(meetingId);
    expect(approved?.approvedAt).toBeDefined();

    await act(people.birgitte, 'vote.dissent', { motionId, text: 'SB ønskede skriftlig afstemning.' });
    expect(h!.connector.posts().map((p) => literal(h!.connector.textOf(p)))).toContain(
      'Der er registreret ændringer ved mødet torsdag den 10. december 2026, efter at referatet blev godkendt. Et godkendt referat ændres ikke; sekretæren kan indføre ændringerne i en ny version, der skal godkendes: »tilføj referat 10-12-2026 <tekst>« føjer tekst til det godkendte referat, og »ret referat 10-12-2026 <tekst>« erstatter hele teksten.',
    );

    expect(await say(people.pia, 'tilføj referat 10-12-2026 Særstandpunkt fra Birgitte Bach (SB): SB ønskede skriftlig afstemning.')).toBe(
      'Referatet af mødet torsdag den 10. december 2026 var godkendt og ændres ikke. Teksten er føjet til i en ny version af referatet, der skal godkendes.',
    );
    const versions = await h!.store.listMinutes(meetingId);
    expect(versions).toHaveLength(2);
    const v2 = versions.find((v) => v.version === 2)!;
    expect(v2.correctsId).toBe(approved!.id);
    expect(v2.approvedAt).toBeUndefined();
    expect(v2.text).toBe(`${approved!.text}\n\nSærstandpunkt fra Birgitte Bach (SB): SB ønskede skriftlig afstemning.`);
    // The approved version is untouched.
    expect(versions.find((v) => v.version === 1)).toEqual(approved);
  });

  it('R16: on a draft the text is added at the end; the draft keeps it (it no longer follows the record)', async () => {
    const { meetingId } = await heldWithVote();
    const [draft] = await h!.store.listMinutes(meetingId);
    expect(await say(people.pia, 'tilføj referat Mødet sluttede kl. 15.45.')).toBe('Teksten er føjet til referatet af mødet torsdag den 10. december 2026.');
    const [after] = await h!.store.listMinutes(meetingId);
    expect(after!.id).toBe(draft!.id);
    expect(after!.text).toBe(`${draft!.text}\n\nMødet sluttede kl. 15.45.`);
    expect(await h!.store.listAudit({ action: 'minutes.corrected' })).toEqual([expect.objectContaining({ data: { added: 'Mødet sluttede kl. 15.45.' } })]);
  });

  it('R16: on a draft the record has outgrown (as a changed board file leaves it), the addition follows the record as it stands', async () => {
    const { meetingId } = await heldWithVote();
    const [drafted] = await h!.store.listMinutes(meetingId);
    const stale = drafted!.text.replace('Vedtaget: 5 for, 1 imod, 0 undlader', 'Afstemningen var ikke lukket, da referatet blev skrevet.');
    expect(await h!.store.redraftMinutes(drafted!.id, stale, drafted!.draftedAt)).toBe(true);
    await say(people.pia, 'tilføj referat Mødet sluttede kl. 15.45.');
    const [after] = await h!.store.listMinutes(meetingId);
    expect(after!.text).toContain('Vedtaget: 5 for, 1 imod, 0 undlader');
    expect(after!.text).not.toContain('ikke lukket');
    expect(after!.text.endsWith('\n\nMødet sluttede kl. 15.45.')).toBe(true);
  });

  it('before the minutes are drafted, the answer names »tilføj referat«, not the command that replaces them', async () => {
    h = await startInstalledHarness('2026-12-01T08:00:00Z');
    await tell(people.pia, 'møde 03-12-2026 14:00');
    await h.at('2026-12-03T16:00:00Z');
    expect(await say(people.pia, 'tilføj referat Særstandpunkt fra Lars Lund (BK): Imod.')).toBe(
      'Der er intet referat af det seneste møde endnu. Skriv »referat« først. Vil du føje tekst til referatet af et tidligere møde, så skriv mødets dato først, fx »tilføj referat 11-03-2027 <tekst>«.',
    );
  });

  it('for a meeting named by its date whose minutes are not drafted, the answer names that date', async () => {
    h = await startInstalledHarness('2026-12-01T08:00:00Z');
    await tell(people.pia, 'møde 03-12-2026 14:00');
    await tell(people.pia, 'møde 10-12-2026 14:00');
    await h.at('2026-12-10T16:00:00Z');
    await tell(people.pia, 'referat 03-12-2026');
    expect(await say(people.pia, 'tilføj referat 10-12-2026 Et sent særstandpunkt.')).toBe('Der er endnu intet referat af mødet den 10-12-2026. Skriv »referat 10-12-2026« først. Intet er ændret.');
  });

  it('for a meeting named by its date that has not been held, it says so', async () => {
    h = await startInstalledHarness('2026-12-01T08:00:00Z');
    await tell(people.pia, 'møde 03-12-2026 14:00');
    await tell(people.pia, 'møde 10-12-2026 14:00');
    await h.at('2026-12-03T16:00:00Z');
    expect(await say(people.pia, 'tilføj referat 10-12-2026 Et sent særstandpunkt.')).toBe('Mødet er ikke holdt endnu.');
    expect(await say(people.pia, 'ret referat 10-12-2026 Ny tekst.')).toBe('Mødet er ikke holdt endnu.');
  });

  it('refuses an empty addition and a member, changing nothing', async () => {
    const { meetingId } = await heldWithVote();
    const before = await h!.store.listMinutes(meetingId);
    expect(await say(people.pia, 'tilføj referat')).toBe('Skriv den tekst, der skal føjes til referatet, efter kommandoen.\n\nSkriv fx: tilføj referat 11-03-2027 Særstandpunkt fra <navn> (<organisation>): …');
    expect(await say(people.lars, 'tilføj referat Noget')).toBe('Kun sekretæren kan føje til referatet. Intet er ændret.');
    expect(await h!.store.listMinutes(meetingId)).toEqual(before);
  });
});
