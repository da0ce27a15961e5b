/** @mentions: "<at>Anne Andersen</at>" with its entity when Teams' id for the person is known, else the name. */
import type { Mention } from 'botbuilder';
import type { Person } from '../../domain/kernel/board.js';
import type { TeamsIdentity } from '../../store/port.js';
import { md } from '../text/markdown.js';

export function mentionsOf(identities: readonly TeamsIdentity[], people: readonly Person[]): { names: string[]; entities: Mention[] } {
  const ids = new Map(identities.map((i) => [i.personId, i.teamsUserId]));
  const names: string[] = [];
  const entities: Mention[] = [];
  for (const person of people) {
    const id = ids.get(person.id);
    if (!id) {
      names.push(md(person.name));
      continue;
    }
    const text = `<at>${md(person.name)}</at>`;
    names.push(text);
    entities.push({ type: 'mention', text, mentioned: { id, name: person.name } } as Mention);
  }
  return { names, entities };
}
