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
 *
 * The floor of a vote on PostgreSQL (bench.ts prints it beside the bot): with BARE_PG_URL, each
 * vote is also one durable transaction before its answer, the least a vote must store: the
 * ballot upserted (`insert … on conflict do update`) and committed. With BARE_PG_LOCK=1 it
 * first locks the motion's row (`select … for update`), as a store must that closes a vote
 * exactly once when its last ballot comes in. Through a pool of 10 connections, as the bot's.
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
const store = process.env.BARE_PG_URL ? await floorStore(process.env.BARE_PG_URL, process.env.BARE_PG_LOCK === '1') : undefined;
bot.adaptiveCards.actionExecute('vote.cast', async (context) => {
  if (store) await store.vote(context.activity.from?.id ?? 'someone', context.activity.value?.action?.data?.choice ?? 'for');
  await context.sendActivity(answer);
  return '';
});

/** One durable transaction per vote (the floor, above); its tables are made at start. */
async function floorStore(url, lock) {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  await pool.query('create table if not exists floor_motion (id int primary key, text text not null)');
  await pool.query("insert into floor_motion values (1, 'Benchmark') on conflict do nothing");
  await pool.query(
    'create table if not exists floor_ballot (motion_id int not null references floor_motion (id), voter text not null, ' +
      'choice text not null, cast_at text not null, primary key (motion_id, voter))',
  );
  return {
    async vote(voter, choice) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        if (lock) await client.query('select * from floor_motion where id = 1 for update');
        await client.query(
          'insert into floor_ballot values (1, $1, $2, $3) on conflict (motion_id, voter) do update set choice = excluded.choice, cast_at = excluded.cast_at',
          [voter, String(choice), new Date().toISOString()],
        );
        await client.query('commit');
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

const app = express();
app.disable('x-powered-by');
app.post('/api/messages', express.json({ limit: '1mb' }), (req, res) => adapter.process(req, res, (context) => bot.run(context)));
app.get('/healthz', (_req, res) => res.json({ status: 'ok' }));

const server = app.listen(port, () => process.stdout.write(`bare teams-ai app listening on ${port}\n`));
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
