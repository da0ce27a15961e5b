/** Parses a card with the Adaptive Cards SDK (1.5) and returns its validation warnings and errors. */
import * as AC from 'adaptivecards';

export function lint(card: object): string[] {
  const context = new AC.SerializationContext();
  context.targetVersion = AC.Versions.v1_5;
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  const problems = [] as string[];
  for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
  for (const event of parsed.validateProperties().validationEvents) problems.push(event.message);
  return problems;
}
