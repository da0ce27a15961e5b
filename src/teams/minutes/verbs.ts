/** *Godkend referat* (R16): the chair approves once the objection window has ended. */
import { z } from 'zod';
import { approvableFrom, followsRecord } from '../../domain/minutes.js';
import { formatDateTime } from '../../i18n/index.js';
import { approveMinutesAction, bringMinutesUpToDate, latestMinutes } from '../../usecases/minutes.js';
import { type VerbSpec, verb } from '../feature.js';
import { outboxKeys } from '../outbox/keys.js';
import { refusal, say, showCard } from '../turn/reply.js';
import { id } from '../verb-data.js';
import { shownText } from './card.js';
import { minutesPost } from './post.js';

export const minutesVerbs: Record<string, VerbSpec> = {
  'minutes.approve': verb(z.object({ meetingId: id, shown: id.optional() }), async (turn, data) => {
    const { board } = turn.origin;
    const latest = await latestMinutes(turn.deps, turn.origin, data.meetingId);
    if (!latest.ok) return refusal(latest.reason);
    // A copy showing another text (answered in a thread or a 1:1 chat, never updated; or corrected since): not approved from it.
    // Drafted again from the record (a vote closed, a dissent), not corrected: said so.
    if (data.shown !== undefined && data.shown !== shownText(latest.value)) return say(followsRecord(latest.value) ? turn.m.minutes.newerFromRecord : turn.m.minutes.newerVersion);
    let result = await approveMinutesAction(turn.deps, turn.origin, latest.value.id);
    // A draft the record has outgrown since (a vote closed after it): brought up to date, to be read
    // again; if nothing needed changing after all (the secretary corrected it meanwhile), asked again.
    if (!result.ok && result.reason === 'minutes-outdated') {
      const current = await bringMinutesUpToDate(turn.deps, board, latest.value.id);
      if (current?.changed) return say(turn.m.minutes.outdated(formatDateTime(approvableFrom(current.minutes, board.policies.objectionHours), board.locale, board.timezone)));
      result = await approveMinutesAction(turn.deps, turn.origin, latest.value.id);
    }
    if (!result.ok && result.reason === 'objection-window-open') {
      const now = await latestMinutes(turn.deps, turn.origin, data.meetingId);
      const from = approvableFrom(now.ok ? now.value : latest.value, board.policies.objectionHours);
      return say(turn.m.minutes.approvableFrom(formatDateTime(from, board.locale, board.timezone)));
    }
    if (!result.ok) return refusal(result.reason);
    const { minutes, meeting } = result.value;
    return showCard(turn.posted(outboxKeys.minutesCard(minutes.id)) ?? minutesPost(board, minutes, meeting, turn.links).card);
  }),
};
