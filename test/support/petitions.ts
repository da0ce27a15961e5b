/**
 * The petition tests' view of the channel (R11): the petition card (Danish or English), its id,
 * a press of *Støt*, a petition asked and supported, and the card as the channel now shows it
 * (posted, then updated). `harness` gives the test's current harness (files restart theirs).
 */
import { type Person, cardAction } from './activities.js';
import type { Harness } from './app-harness.js';
import { mk } from './english-board.js';
import type { PostedActivity } from './fake-connector.js';
import { literal } from './markdown.js';
import { UPDATE_INTERVAL_MS } from '../../src/store/ports/queues.js';

export function petitionsOf(harness: () => Harness) {
  const isPetitionCard = (p: PostedActivity) => /^(Anmodning om ekstraordinært møde|Request for an extraordinary meeting)/.test(harness().connector.textOf(p));
  const petitionIdOf = (posted: PostedActivity) => /"petitionId":"([^"]+)"/.exec(JSON.stringify(posted))![1]!;
  const support = async (who: Person, posted: PostedActivity) =>
    harness().send(cardAction(harness().connector.url, who, 'petition.support', { petitionId: petitionIdOf(posted) }, { replyToId: posted.id }));
  /** The petition card as the channel now shows it (posted, then updated). */
  const cardNow = (posted: PostedActivity) => harness().connector.message(posted.id)!;
  const textNow = (posted: PostedActivity) => literal(harness().connector.textOf(cardNow(posted).activity, { actions: true }));
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const actionsNow = (posted: PostedActivity) => (((cardNow(posted).activity as any).attachments?.[0]?.content?.actions ?? []) as { verb?: string }[]);
  /** A petition asked by `asker` on `subject` (`words`: the whole command instead), supported by `supporters`; its card as posted. */
  async function petition(asker: Person, subject: string, supporters: readonly Person[] = [], options: { readonly words?: boolean } = {}): Promise<PostedActivity> {
    const h = harness();
    const since = h.connector.mark();
    await mk(h).tell(asker, options.words ? subject : `anmod om ekstraordinært møde ${subject}`);
    const card = await h.connector.waitForPost(isPetitionCard, { since });
    for (const who of supporters) await support(who, card);
    await h.pass(UPDATE_INTERVAL_MS);
    return card;
  }
  return { isPetitionCard, petitionIdOf, support, cardNow, textNow, actionsNow, petition };
}
