/**
 * A refusal by role names what was refused (issue 10.9): »Kun formandskabet og sekretæren kan
 * give opgaver.«, never »… der kan det.«. Every action some role may not take has
 * its name in each catalogue, for the commands and card buttons that ask it.
 */
import { describe, expect, it } from 'vitest';
import { ACTIONS, can } from '../../../src/domain/kernel/policy.js';
import { LOCALES, messages } from '../../../src/i18n/index.js';

const guest = { id: 'g', name: 'Gæst', roles: ['guest'] } as const;

describe('role refusals name the action', () => {
  it('every action a guest may not take is named in every language', () => {
    const refused = ACTIONS.filter((action) => !can(guest, action).ok);
    expect(refused).toContain('task.make');
    for (const locale of LOCALES) {
      const missing = refused.filter((action) => !messages(locale).what.actions[action]);
      expect(missing, `${locale}: actions without a name for their refusal`).toEqual([]);
    }
  });
});
