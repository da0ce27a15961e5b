/** Reading the bot's cards in tests. */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CardJson = { type: 'AdaptiveCard'; body: any[]; actions?: any[] };

/** "organisation name" → "vote text" from the vote card's list of organisations. */
export function votesOn(card: CardJson): Record<string, string> {
  const rows = (card.body.find((b) => b.id === 'votes')?.items ?? []) as { items: { text: string }[] }[];
  return Object.fromEntries(rows.map((row) => [row.items[0]!.text, row.items[1]!.text]));
}
