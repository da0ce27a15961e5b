/**
 * The benchmark's baseline: a bare teams-ai app (express 5 + Application + TeamsAdapter,
 * anonymous mode, no store) that answers the `vote.cast` card action with a static
 * Adaptive Card. What the bot costs is measured against what this costs on the same
 * machine in the same run (bench/bench.ts).
 *
 * Plain JavaScript run by plain node (no tsx): the baseline is the framework alone.
 * Application and TeamsAdapter are imported from their own modules, not from the
 * package's index, which would also load the AI stack (the OpenAI client).
 *
 *   PORT=3979 node bench/bare-app.mjs
 *   BARE_CARD_FILE=card.json  the card to answer with (the bench passes the bot's own vote card,
 *                             so that both answers are the same size); default: the one below.
 */
import { readFileSync } from 'node:fs';
import { Application } from '@microsoft/teams-ai/lib/Application.js';
import { TeamsAdapter } from '@microsoft/teams-ai/lib/TeamsAdapter.js';
import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import express from 'express';

/** A vote card shaped as the bot's (six organisations, a tally, four buttons): about 2.9 KB of JSON. */
function defaultCard() {
  const motionId = '00000000-0000-4000-8000-000000000000';
  const organisations = ['Organisation A', 'Organisation B', 'Organisation C', 'Organisation D', 'Organisation E', 'Organisation F'];
  const action = (title, verb, data, style) => ({ type: 'Action.Execute', title, verb, ...(style ? { style } : {}), data });
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    msteams: { width: 'Full' },
    refresh: { action: { type: 'Action.Execute', verb: 'vote.refresh', data: { motionId } }, userIds: ['29:a', '29:b'] },
    body: [
      { type: 'TextBlock', text: 'Vote', weight: 'Bolder', size: 'Medium', wrap: true },
      { type: 'TextBlock', text: 'Benchmark', wrap: true, spacing: 'Small' },
      { type: 'TextBlock', text: 'Open until Wednesday 2 December 2026 at 20.36 (a static baseline card)', isSubtle: true, size: 'Small', wrap: true, spacing: 'Small' },
      {
        type: 'Container',
        id: 'votes',
        spacing: 'Medium',
        items: organisations.map((name) => ({
          type: 'Container',
          spacing: 'Small',
          items: [
            { type: 'TextBlock', text: `${name} of the board`, weight: 'Bolder', wrap: true },
            { type: 'TextBlock', text: 'Has not voted yet', wrap: true, spacing: 'None', isSubtle: true },
          ],
        })),
      },
      { type: 'TextBlock', text: 'For: 0 · Against: 0 · Abstain: 0 · Missing: 6', size: 'Small', wrap: true, spacing: 'Medium' },
      {
        type: 'TextBlock',
        text: 'One vote per organisation. A member may change the organisation\'s vote while the vote is open. The last vote cast counts.',
        isSubtle: true,
        size: 'Small',
        wrap: true,
      },
    ],
    actions: [
      action('For', 'vote.cast', { motionId, choice: 'for' }, 'positive'),
      action('Against', 'vote.cast', { motionId, choice: 'against' }, 'destructive'),
      action('Abstain', 'vote.cast', { motionId, choice: 'abstain' }),
      action('Close the vote', 'vote.close', { motionId }),
    ],
  };
}

const card = process.env.BARE_CARD_FILE ? JSON.parse(readFileSync(process.env.BARE_CARD_FILE, 'utf8')) : defaultCard();
const port = Number(process.env.PORT ?? 3979);

const adapter = new TeamsAdapter({}, new ConfigurationServiceClientCredentialFactory({}));
const bot = new Application({ adapter, botAppId: '', removeRecipientMention: true, startTypingTimer: false, longRunningMessages: false });
// The answer is sent as the bot sends it (src/teams/invoke.ts): as the invoke response itself.
// Returning the card from the handler would make teams-ai, seeing the card's `refresh`, also PUT
// it to the Bot Connector for everyone (REPLACE_FOR_ALL): a round trip the bot does not make.
const answer = { type: 'invokeResponse', value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card } } };
bot.adaptiveCards.actionExecute('vote.cast', async (context) => {
  await context.sendActivity(answer);
  return '';
});

const app = express();
app.disable('x-powered-by');
app.post('/api/messages', express.json({ limit: '1mb' }), (req, res) => adapter.process(req, res, (context) => bot.run(context)));
app.get('/healthz', (_req, res) => res.json({ status: 'ok' }));

const server = app.listen(port, () => process.stdout.write(`bare teams-ai app listening on ${port}\n`));
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
