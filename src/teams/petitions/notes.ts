/** R11, an extraordinary meeting called (Contributions.plannedNotes): the caller is told of each demanded meeting it does not answer. */
import type { Meeting } from '../../domain/meeting.js';
import { subjectContainable } from '../../domain/petition.js';
import { messages } from '../../i18n/index.js';
import type { At } from '../../usecases/contributions.js';
import { demandedNotAnsweredBy } from '../../usecases/petition-reminders.js';
import { md } from '../text/markdown.js';

/** One line per petition with its majority and no meeting called that `planned` is not linked to, and how to word a subject that is. */
export async function petitionPlannedNotes(at: At, planned: Meeting): Promise<string[]> {
  const t = messages(at.board.locale).petition;
  return (await demandedNotAnsweredBy(at, planned)).map((s) => t.notLinked(md(s.petition.subject), subjectContainable(s.petition.subject)));
}
