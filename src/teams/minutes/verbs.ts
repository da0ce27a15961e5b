/** *Godkend referat* (R16): the chair approves once the objection window has ended. */
import { z } from 'zod';
import { approvableFrom } from '../../domain/minutes.js';
import { formatDateTime } from '../../i18n/index.js';
import { approveMinutesAction, bringMinutesUpToDate, latestMinutes } from '../../usecases/minutes.js';
import { type VerbSpec, verb } from '../feature.js';
import { outboxKeys } from '../outbox/keys.js';
import { refusal, say, showCard } from '../turn/reply.js';
import { id } from '../verb-data.js';
import { minutesPost } from './post.js';

export const minutesVerbs: Record<string, VerbSpec> = {
  'minutes.approve': verb(z.object({ meetingId: id }), async (turn, data) => {
    const { board } = turn.origin;
    const latest = await latestMinutes(turn.deps, turn.origin, data.meetingId);
    if (!latest.ok) return refusal(latest.reason);
    const result = await approveMinutesAction(turn.deps, turn.origin, latest.value.id);
    if (!result.ok && result.reason === 'objection-window-open') {
      const from = approvableFrom(latest.value, board.policies.objectionHours);
      return say(turn.m.minutes.approvableFrom(formatDateTime(from, board.locale, board.timezone)));
    }
    // A draft the record has outgrown since (a vote closed after it): brought up to date, to be read again.
    if (!result.ok && result.reason === 'minutes-outdated') {
      const current = (await bringMinutesUpToDate(turn.deps, board, latest.value.id)) ?? latest.value;
      return say(turn.m.minutes.outdated(formatDateTime(approvableFrom(current, board.policies.objectionHours), board.locale, board.timezone)));
    }
    if (!result.ok) return refusal(result.reason);
    const { minutes, meeting } = result.value;
    return showCard(turn.posted(outboxKeys.minutesCard(minutes.id)) ?? minutesPost(board, minutes, meeting, turn.links).card);
  }),
};
