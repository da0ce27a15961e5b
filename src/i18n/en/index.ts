/** English: every feature's part has the Danish part's shape (en/<feature>.ts), so every message exists in both. */
import { compose } from '../compose.js';
import { agenda } from './agenda.js';
import { attendance } from './attendance.js';
import { board } from './board.js';
import { common } from './common.js';
import { conclusions } from './conclusions.js';
import { dates } from './dates.js';
import { files } from './files.js';
import { meetings } from './meetings.js';
import { minutes } from './minutes.js';
import { petitions } from './petitions.js';
import { report } from './report.js';
import { voting } from './voting.js';

export const en = compose(common, voting, meetings, agenda, petitions, conclusions, dates, minutes, report, board, attendance, files);
