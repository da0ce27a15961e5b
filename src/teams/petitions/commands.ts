/** `anmod om ekstraordinaert moede <emne>` (R11): any member asks; the card goes to the channel. */
import { isCalledOnSubject } from '../../domain/petition.js';
import { formatDateTime } from '../../i18n/index.js';
import { upcoming } from '../../usecases/meetings.js';
import { startPetition } from '../../usecases/petitions.js';
import type { Turn } from '../turn/context.js';
import { type Reply, nothing, refusal, say } from '../turn/reply.js';
import { md } from '../text/markdown.js';
import { visibleText } from '../../domain/kernel/text.js';

export async function petitionCommand(turn: Turn, args: { readonly subject: string }): Promise<Reply> {
  const result = await startPetition(turn.deps, turn.origin, args.subject);
  if (!result.ok) {
    // R11: the same subject is still gathering support on another card.
    const subject = md(visibleText(args.subject).replace(/\s+/g, ' '));
    if (result.reason === 'petition-exists') return say(turn.m.petition.exists(subject));
    // R11: the meeting it would ask for is called already.
    if (result.reason === 'petition-meeting-planned') return meetingPlanned(turn, args.subject, subject);
    // R11: a majority has demanded it already; the chair and secretary are asked to call it.
    if (result.reason === 'petition-demanded') return say(turn.m.petition.demanded(subject));
    return refusal(result.reason, result.reason === 'empty-subject' ? 'petition' : undefined);
  }
  // Asked elsewhere (a 1:1 chat): where the card went.
  return result.value && !turn.inBoundChannel ? say(turn.m.petition.posted) : nothing;
}

/**
 * R11: the meeting called ahead that answers the subject, named as called (its subject, which may contain
 * the asker's words and more, and its time); none found (cancelled meanwhile), the asker's subject.
 */
async function meetingPlanned(turn: Turn, typed: string, shown: string): Promise<Reply> {
  const { board } = turn.origin;
  const listed = await upcoming(turn.deps, turn.origin);
  const meeting = listed.ok ? listed.value.find((m) => isCalledOnSubject(m, typed)) : undefined;
  if (!meeting?.subject) return say(turn.m.petition.meetingPlanned(shown));
  return say(turn.m.petition.meetingPlannedAt(md(meeting.subject), formatDateTime(meeting.startsAt, board.locale, board.timezone)));
}
