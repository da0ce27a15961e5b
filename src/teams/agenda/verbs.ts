/** *Udsend dagsorden* on a draft agenda (R13): the answer is the agenda as it now stands. */
import { z } from 'zod';
import { agendaOf, sendAgenda } from '../../usecases/agenda.js';
import { type VerbSpec, verb } from '../feature.js';
import { outboxKeys } from '../outbox/keys.js';
import { refusal, showCard } from '../turn/reply.js';
import { id } from '../verb-data.js';
import { agendaPost } from './post.js';

export const agendaVerbs: Record<string, VerbSpec> = {
  'agenda.send': verb(z.object({ meetingId: id }), async (turn, data) => {
    const result = await sendAgenda(turn.deps, turn.origin, { meetingId: data.meetingId });
    // Sent already (by the deadline or by someone else): the agenda is shown as it stands.
    if (!result.ok && result.reason !== 'already-sent') return refusal(result.reason);
    const posted = turn.posted(outboxKeys.agenda(data.meetingId));
    if (posted) return showCard(posted);
    const view = result.ok && result.value ? { ok: true as const, value: result.value.view } : await agendaOf(turn.deps, turn.origin, data.meetingId);
    return view.ok ? showCard(agendaPost(turn.origin.board, view.value, turn.links).card) : refusal(view.reason);
  }),
};
