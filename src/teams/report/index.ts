/** The progress summary in Teams (R18). */
import { command } from '../commands/table.js';
import type { TeamsFeature } from '../feature.js';
import { reportCommand } from './commands.js';

export const report: TeamsFeature = {
  name: 'report',
  commands: [command({ name: 'report', action: 'board.read', group: 'lookup', args: (args) => ({ args }), handle: reportCommand })],
};
