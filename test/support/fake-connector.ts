/**
 * A fake Bot Connector (v3 REST API) on 127.0.0.1 for the integration tests.
 * Give its `url` as the activities' `serviceUrl`: the bot then sends its
 * replies, proactive posts and card updates here, and the tests read them back.
 *
 * Routes (as botframework-connector's ConnectorClient and TeamsInfo call them;
 * conversation ids are URL-encoded and may contain `;messageid=`):
 *   POST   /v3/conversations                                  create conversation
 *   POST   /v3/conversations/:conversationId/activities        new message
 *   POST   /v3/conversations/:conversationId/activities/:id    reply
 *   PUT    /v3/conversations/:conversationId/activities/:id    update
 *   DELETE /v3/conversations/:conversationId/activities/:id    delete
 *   GET    /v3/conversations/:conversationId/members[/:memberId], /pagedmembers
 *   GET    /v3/teams/:teamId, /v3/teams/:teamId/conversations
 * A path prefix before `/v3/` (as in `https://smba.trafficmanager.net/emea/`) is ignored.
 */
import { EventEmitter } from 'node:events';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { boardPeople, CHANNEL_ID, TEAM_ID, TEAM_NAME, TENANT_ID } from './activities.js';

/** Loose JSON object: what the bot sent. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;

export type ConnectorRoute =
  | 'createConversation'
  | 'sendToConversation'
  | 'replyToActivity'
  | 'updateActivity'
  | 'deleteActivity'
  | 'getConversationMembers'
  | 'getConversationPagedMembers'
  | 'getConversationMember'
  | 'getTeamDetails'
  | 'getTeamChannels'
  | 'unknown';

export interface RecordedRequest {
  /** 0-based position in `requests`. */
  seq: number;
  method: string;
  /** The path as received (still URL-encoded), with the query string. */
  path: string;
  route: ConnectorRoute;
  /** Decoded conversation id from the path, for /v3/conversations/:id/… routes. */
  conversationId?: string;
  /**
   * The message the request is about: the id assigned to a POSTed activity,
   * or the `:activityId` of a PUT/DELETE.
   */
  activityId?: string;
  /** For a reply (POST …/activities/:id): the message replied to. */
  replyToId?: string;
  memberId?: string;
  teamId?: string;
  /** Parsed JSON body (the raw string if it was not JSON; undefined if empty). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  headers: IncomingHttpHeaders;
  /** The HTTP status the fake answered with (4xx/5xx for `failNext` failures). */
  status: number;
  /** True when the request was failed on purpose by `failNext`. */
  failed: boolean;
  /** Wall-clock ms (Date.now()) when it arrived. */
  at: number;
}

/** An activity the bot POSTed, flattened: the body plus the id the fake assigned and the conversation. */
export interface PostedActivity extends Json {
  id: string;
  conversationId: string;
  replyToId?: string;
  /** The request's seq. */
  seq: number;
  at: number;
}

/** The current state of one message: as posted, then replaced by each PUT. */
export interface MessageState {
  id: string;
  conversationId: string;
  /** The latest content (the posted activity, or the last PUT body). */
  activity: Json;
  /** Every version, first the post, then each update. */
  versions: Json[];
  deleted: boolean;
}

/** A member as GET …/members answers (TeamsChannelAccount). */
export interface ConnectorMember {
  id: string;
  name: string;
  aadObjectId?: string;
  email?: string;
  userPrincipalName?: string;
  givenName?: string;
  surname?: string;
  tenantId?: string;
  userRole?: string;
  [key: string]: unknown;
}

export interface FakeTeam {
  id?: string;
  name: string;
  aadGroupId?: string;
  channels: { id: string; name: string | null }[];
}

export interface FakeConnectorOptions {
  /** Who GET …/members answers with (default: the demo board's people). */
  members?: ConnectorMember[];
  /** What GET /v3/teams/:id answers (default: the demo team with General and the board channel). */
  team?: FakeTeam;
  /** Answer activity POSTs/PUTs this many ms late (default 0); see `setResponseDelay`. */
  responseDelayMs?: number;
  /**
   * The most members one page of GET …/pagedmembers holds, whatever pageSize asks (Teams
   * answers at most 500 and a `continuationToken` while there are more). Default 500.
   */
  pageLimit?: number;
}

export interface WaitOptions {
  /** Default 5000 ms. */
  timeoutMs?: number;
  /** Only look at requests with seq >= since (see `mark()`); default 0: all of them. */
  since?: number;
}

/** `true` → the request; another truthy value → that value. */
type WaitResult<T> = T extends true ? RecordedRequest : Exclude<T, false | null | undefined | 0 | ''>;

export interface TextOfOptions {
  /** Also include the titles of actions (buttons). Default false. */
  actions?: boolean;
}

export interface FakeConnector {
  /** `http://127.0.0.1:<port>`, to use as `serviceUrl`. */
  readonly url: string;
  readonly port: number;
  /** Every request, in arrival order (including failed and unknown ones). */
  readonly requests: readonly RecordedRequest[];
  /** Accepted activity POSTs (new messages and replies), in order; typing indicators left out unless asked. */
  posts(opts?: { includeTyping?: boolean }): PostedActivity[];
  /** Accepted PUTs: the new content, with `id` (the updated message) and `conversationId`. */
  updates(): PostedActivity[];
  /** Accepted DELETEs. */
  deletes(): RecordedRequest[];
  /** The current state of a message by id (posted, then updated). */
  message(id: string): MessageState | undefined;
  /** Every message's current state, in order of first appearance. */
  messages(): MessageState[];
  /** The created conversations (POST /v3/conversations), with the id the fake assigned. */
  createdConversations(): { id: string; body: Json }[];
  textOf(activity: unknown, opts?: TextOfOptions): string;
  /** `requests.length` now: pass as `since` to wait only for what comes after. */
  mark(): number;
  /**
   * Resolves with the first recorded request (already recorded or arriving later) for which
   * `predicate` is truthy: the request itself if it returns `true`, else what it returned.
   * Rejects after `timeoutMs` with a list of what was received.
   */
  waitFor<S extends RecordedRequest>(predicate: (r: RecordedRequest) => r is S, opts?: WaitOptions): Promise<S>;
  waitFor<T>(predicate: (r: RecordedRequest) => T, opts?: WaitOptions): Promise<WaitResult<T>>;
  /** Like waitFor, over accepted activity POSTs (typing included only if the predicate accepts it). */
  waitForPost(predicate: (p: PostedActivity) => unknown, opts?: WaitOptions): Promise<PostedActivity>;
  /** Like waitFor, over accepted PUTs. */
  waitForUpdate(predicate: (p: PostedActivity) => unknown, opts?: WaitOptions): Promise<PostedActivity>;
  /**
   * Answer the next `n` activity POSTs/PUTs with `status` (e.g. 429 with `{ 'Retry-After': '0' }`, or 500).
   * Calls queue up. Failed requests are recorded (`failed: true`) but are not posts or updates.
   */
  failNext(n: number, status: number, headers?: Record<string, string>): void;
  /** The failures `failNext` queued and not yet used are forgotten: Teams answers again (an outage of Teams ends). */
  stopFailing(): void;
  /**
   * Answer activity POSTs/PUTs `ms` late, like a slow Teams. The message is recorded (posted) when
   * the request arrives, before the answer: a bot killed while waiting has posted it without knowing.
   */
  setResponseDelay(ms: number): void;
  setMembers(members: ConnectorMember[]): void;
  /** The most members a page of pagedmembers holds from now on (see FakeConnectorOptions.pageLimit). */
  setPageLimit(n: number): void;
  /** Forget all requests, messages, conversations, pending failures and a delay set since the start (members and team stay). */
  reset(): void;
  close(): Promise<void>;
}

/** The demo board's people as Teams members (TeamsChannelAccount). */
export function demoMembers(): ConnectorMember[] {
  return boardPeople.map((p) => {
    const [givenName, ...rest] = p.name.split(' ');
    return {
      id: p.id,
      name: p.name,
      aadObjectId: p.aadObjectId,
      ...(p.email ? { email: p.email, userPrincipalName: p.email } : {}),
      givenName: givenName ?? p.name,
      surname: rest.join(' '),
      tenantId: TENANT_ID,
      userRole: 'user',
    };
  });
}

const ACTIVITY_WRITE_ROUTES: ReadonlySet<ConnectorRoute> = new Set(['sendToConversation', 'replyToActivity', 'updateActivity']);

interface Failure {
  remaining: number;
  status: number;
  headers: Record<string, string>;
}

interface Route {
  route: ConnectorRoute;
  conversationId?: string;
  activityId?: string;
  memberId?: string;
  teamId?: string;
}

function matchRoute(method: string, pathname: string): Route {
  const at = pathname.indexOf('/v3/');
  if (at < 0) return { route: 'unknown' };
  let parts: string[];
  try {
    parts = pathname
      .slice(at + 1)
      .split('/')
      .filter((s) => s !== '')
      .map((s) => decodeURIComponent(s));
  } catch {
    return { route: 'unknown' };
  }
  const [v3, kind, id, sub, subId, extra] = parts;
  if (v3 !== 'v3') return { route: 'unknown' };
  if (kind === 'conversations') {
    if (id === undefined) return { route: method === 'POST' ? 'createConversation' : 'unknown' };
    const conversationId = id;
    if (sub === 'activities' && extra === undefined) {
      if (subId === undefined) return { route: method === 'POST' ? 'sendToConversation' : 'unknown', conversationId };
      const byMethod: Record<string, ConnectorRoute> = {
        POST: 'replyToActivity',
        PUT: 'updateActivity',
        DELETE: 'deleteActivity',
      };
      return { route: byMethod[method] ?? 'unknown', conversationId, activityId: subId };
    }
    if (method === 'GET' && sub === 'members' && extra === undefined) {
      return subId === undefined
        ? { route: 'getConversationMembers', conversationId }
        : { route: 'getConversationMember', conversationId, memberId: subId };
    }
    if (method === 'GET' && sub === 'pagedmembers' && subId === undefined) {
      return { route: 'getConversationPagedMembers', conversationId };
    }
    return { route: 'unknown', conversationId };
  }
  if (kind === 'teams' && id !== undefined && method === 'GET' && subId === undefined) {
    if (sub === undefined) return { route: 'getTeamDetails', teamId: id };
    if (sub === 'conversations') return { route: 'getTeamChannels', teamId: id };
  }
  return { route: 'unknown' };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseBody(raw: string): unknown {
  if (raw === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function collectCardText(node: unknown, out: string[], opts: TextOfOptions): void {
  if (Array.isArray(node)) {
    for (const n of node) collectCardText(n, out, opts);
    return;
  }
  if (typeof node === 'string') return;
  if (!isObject(node)) return;
  const type = typeof node.type === 'string' ? node.type : '';
  if ((type === 'TextBlock' || type === 'TextRun') && typeof node.text === 'string') out.push(node.text);
  if (type === 'FactSet' && Array.isArray(node.facts)) {
    for (const f of node.facts) if (isObject(f)) out.push(`${f.title ?? ''}: ${f.value ?? ''}`);
  }
  if (type === 'RichTextBlock' && Array.isArray(node.inlines)) {
    for (const i of node.inlines) if (typeof i === 'string') out.push(i);
  }
  if (opts.actions && type.startsWith('Action.') && typeof node.title === 'string') out.push(node.title);
  for (const [key, value] of Object.entries(node)) {
    // data and refresh hold ids and machinery, not what a reader sees.
    if (key === 'data' || key === 'refresh' || key === 'facts' || key === 'selectAction') continue;
    if (key === 'actions' && !opts.actions) continue;
    if (typeof value === 'object' && value !== null) collectCardText(value, out, opts);
  }
}

function collectText(value: unknown, out: string[], opts: TextOfOptions): void {
  if (typeof value === 'string') {
    out.push(value);
    return;
  }
  if (Array.isArray(value)) {
    for (const v of value) collectText(v, out, opts);
    return;
  }
  if (!isObject(value)) return;
  if (value.type === 'AdaptiveCard') {
    collectCardText(value.body, out, opts);
    if (opts.actions) collectCardText(value.actions, out, opts);
    return;
  }
  // An invoke response: { statusCode, type: 'application/vnd.microsoft.card.adaptive' | '…activity.message', value }.
  if (typeof value.type === 'string' && value.type.startsWith('application/vnd.microsoft.') && 'value' in value) {
    collectText(value.value, out, opts);
    return;
  }
  // A recorded request, or a { status, body } answer from the bot: look at the body.
  if (value.type === undefined && 'body' in value && !Array.isArray(value.body)) {
    collectText(value.body, out, opts);
    return;
  }
  if (typeof value.text === 'string' && value.text !== '') out.push(value.text);
  if (typeof value.summary === 'string' && value.summary !== '' && value.text === undefined) out.push(value.summary);
  if (Array.isArray(value.attachments)) {
    for (const a of value.attachments) {
      if (!isObject(a)) continue;
      const content = a.content;
      if (isObject(content) && content.type === 'AdaptiveCard') {
        collectText(content, out, opts);
      } else if (isObject(content)) {
        // Hero/thumbnail cards.
        for (const k of ['title', 'subtitle', 'text']) if (typeof content[k] === 'string') out.push(content[k]);
        if (opts.actions && Array.isArray(content.buttons)) {
          for (const b of content.buttons) if (isObject(b) && typeof b.title === 'string') out.push(b.title);
        }
      }
    }
  }
}

/**
 * Everything a reader would see in an activity, as one string for assertions: the text plus the
 * adaptive cards' TextBlocks, TextRuns and FactSets (`title: value`), one per line. Also accepts
 * a card, an invoke response, a recorded request or a `{ status, body }` answer.
 */
export function textOf(activity: unknown, opts: TextOfOptions = {}): string {
  const out: string[] = [];
  collectText(activity, out, opts);
  return out.join('\n');
}

function describeRequest(r: RecordedRequest): string {
  const where = r.conversationId ? ` conv=${r.conversationId}` : '';
  const id = r.activityId ? ` id=${r.activityId}` : '';
  const reply = r.replyToId ? ` replyTo=${r.replyToId}` : '';
  let text = '';
  if (isObject(r.body)) {
    const t = textOf(r.body).replace(/\s+/g, ' ').trim();
    const type = typeof r.body.type === 'string' ? `${r.body.type} ` : '';
    text = ` ${type}${JSON.stringify(t.length > 160 ? `${t.slice(0, 157)}...` : t)}`;
  }
  return `#${r.seq} ${r.method} ${r.route} ${r.status}${r.failed ? ' (failed on purpose)' : ''}${where}${id}${reply}${text}`;
}

export function describeRequests(requests: readonly RecordedRequest[]): string {
  if (requests.length === 0) return 'no requests at all';
  return `${requests.length} request(s):\n${requests.map((r) => `  ${describeRequest(r)}`).join('\n')}`;
}

export async function startFakeConnector(options: FakeConnectorOptions = {}): Promise<FakeConnector> {
  const events = new EventEmitter();
  events.setMaxListeners(0);
  const requests: RecordedRequest[] = [];
  const messages = new Map<string, MessageState>();
  const conversations: { id: string; body: Json; key: string }[] = [];
  let failures: Failure[] = [];
  let members: ConnectorMember[] = options.members ?? demoMembers();
  let responseDelayMs = options.responseDelayMs ?? 0;
  let pageLimit = options.pageLimit ?? 500;
  const team: FakeTeam = options.team ?? {
    id: TEAM_ID,
    name: TEAM_NAME,
    aadGroupId: '00000000-0000-4000-8000-00000000a001',
    channels: [
      { id: TEAM_ID, name: null }, // General
      { id: CHANNEL_ID, name: 'Bestyrelsen' },
    ],
  };
  const closers = new Set<(err: Error) => void>();

  let lastId = 0;
  /** Teams message ids are millisecond timestamps: 13 digits, unique here. */
  const nextMessageId = (): string => {
    lastId = Math.max(Date.now(), lastId + 1);
    return String(lastId);
  };

  function takeFailure(route: ConnectorRoute): Failure | undefined {
    if (!ACTIVITY_WRITE_ROUTES.has(route)) return undefined;
    const f = failures[0];
    if (!f) return undefined;
    f.remaining -= 1;
    if (f.remaining <= 0) failures.shift();
    return f;
  }

  function remember(id: string, conversationId: string, activity: Json, isUpdate: boolean): void {
    const existing = messages.get(id);
    if (existing) {
      existing.activity = activity;
      existing.versions.push(activity);
      if (!isUpdate) existing.conversationId = conversationId;
    } else {
      // An update of a message this fake never saw (e.g. posted before a reset) is accepted too.
      messages.set(id, { id, conversationId, activity, versions: [activity], deleted: false });
    }
  }

  function handle(
    route: Route,
    method: string,
    body: unknown,
    query: URLSearchParams,
  ): { status: number; json?: unknown; headers?: Record<string, string>; failed?: boolean; assignedId?: string } {
    const failure = takeFailure(route.route);
    if (failure) {
      return {
        status: failure.status,
        headers: failure.headers,
        failed: true,
        json: { error: { code: failure.status === 429 ? 'Throttled' : 'ServiceError', message: `fake failure ${failure.status}` } },
      };
    }
    const obj = isObject(body) ? body : {};
    switch (route.route) {
      case 'sendToConversation':
      case 'replyToActivity': {
        const id = nextMessageId();
        remember(id, route.conversationId!, obj, false);
        return { status: 201, json: { id }, assignedId: id };
      }
      case 'updateActivity': {
        remember(route.activityId!, route.conversationId!, obj, true);
        return { status: 200, json: { id: route.activityId } };
      }
      case 'deleteActivity': {
        const m = messages.get(route.activityId!);
        if (m) m.deleted = true;
        return { status: 200 };
      }
      case 'createConversation': {
        // Teams answers the same 1:1 conversation for the same user; do the same.
        const first = Array.isArray(obj.members) && isObject(obj.members[0]) ? String(obj.members[0].id ?? '') : '';
        const key = first !== '' && obj.isGroup !== true ? `member:${first}` : `new:${conversations.length}`;
        let conv = conversations.find((c) => c.key === key);
        if (!conv) {
          conv = { id: `a:new-${conversations.length + 1}`, body: obj, key };
          conversations.push(conv);
        }
        const json: Json = { id: conv.id, serviceUrl: url };
        if (isObject(obj.activity)) {
          const id = nextMessageId();
          remember(id, conv.id, obj.activity, false);
          json.activityId = id;
          return { status: 201, json, assignedId: id };
        }
        return { status: 201, json };
      }
      case 'getConversationMembers':
        return { status: 200, json: members };
      case 'getConversationPagedMembers': {
        // As Teams: pageSize asks, the service caps it; the token is opaque (here, the next offset).
        const pageSize = Math.min(pageLimit, Math.max(1, Number(query.get('pageSize') ?? pageLimit) || pageLimit));
        const start = Number(query.get('continuationToken') ?? '0') || 0;
        const page = members.slice(start, start + pageSize);
        const next = start + pageSize < members.length ? String(start + pageSize) : undefined;
        return { status: 200, json: next ? { members: page, continuationToken: next } : { members: page } };
      }
      case 'getConversationMember': {
        const m = members.find((x) => x.id === route.memberId || x.aadObjectId === route.memberId);
        return m
          ? { status: 200, json: m }
          : { status: 404, json: { error: { code: 'MemberNotFoundInConversation', message: `no member ${route.memberId}` } } };
      }
      case 'getTeamDetails':
        return {
          status: 200,
          json: { id: route.teamId, name: team.name, aadGroupId: team.aadGroupId ?? null },
        };
      case 'getTeamChannels':
        return { status: 200, json: { conversations: team.channels } };
      default:
        return { status: 404, json: { error: { code: 'NotFound', message: `fake connector has no route ${method} ${route.route}` } } };
    }
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const rawPath = req.url ?? '/';
    const parsed = new URL(rawPath, 'http://127.0.0.1');
    const body = parseBody(await readBody(req));
    const route = matchRoute(method, parsed.pathname);
    const result = handle(route, method, body, parsed.searchParams);
    const record: RecordedRequest = {
      seq: requests.length,
      method,
      path: rawPath,
      route: route.route,
      ...(route.conversationId !== undefined ? { conversationId: route.conversationId } : {}),
      ...(route.route === 'replyToActivity' ? { replyToId: route.activityId } : {}),
      ...(result.assignedId !== undefined
        ? { activityId: result.assignedId }
        : route.activityId !== undefined && route.route !== 'replyToActivity'
          ? { activityId: route.activityId }
          : {}),
      ...(route.memberId !== undefined ? { memberId: route.memberId } : {}),
      ...(route.teamId !== undefined ? { teamId: route.teamId } : {}),
      body,
      headers: req.headers,
      status: result.status,
      failed: result.failed ?? false,
      at: Date.now(),
    };
    requests.push(record);
    events.emit('request', record);
    if (responseDelayMs > 0 && ACTIVITY_WRITE_ROUTES.has(route.route)) await new Promise((r) => setTimeout(r, responseDelayMs));
    const payload = result.json === undefined ? '' : JSON.stringify(result.json);
    res.writeHead(result.status, {
      ...(payload !== '' ? { 'content-type': 'application/json; charset=utf-8' } : {}),
      'content-length': String(Buffer.byteLength(payload)),
      ...(result.headers ?? {}),
    });
    res.end(payload);
  }

  const server = createServer((req, res) => {
    onRequest(req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(err));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;

  function toPosted(r: RecordedRequest): PostedActivity {
    const body: Json = isObject(r.body) ? r.body : {};
    return {
      ...body,
      id: r.activityId!,
      conversationId: r.conversationId!,
      ...(r.replyToId !== undefined ? { replyToId: r.replyToId } : {}),
      seq: r.seq,
      at: r.at,
    };
  }
  const isPost = (r: RecordedRequest): boolean =>
    !r.failed && (r.route === 'sendToConversation' || r.route === 'replyToActivity');
  const isUpdate = (r: RecordedRequest): boolean => !r.failed && r.route === 'updateActivity';

  function waitFor(predicate: (r: RecordedRequest) => unknown, opts: WaitOptions = {}): Promise<unknown> {
    const timeoutMs = opts.timeoutMs ?? 5000;
    const since = opts.since ?? 0;
    return new Promise((resolve, reject) => {
      let done = false;
      let timer: NodeJS.Timeout | undefined;
      const finish = (): void => {
        done = true;
        if (timer) clearTimeout(timer);
        events.off('request', onRecord);
        closers.delete(onClose);
      };
      const test = (r: RecordedRequest): void => {
        if (done || r.seq < since) return;
        let value: unknown;
        try {
          value = predicate(r);
        } catch (err) {
          finish();
          reject(err);
          return;
        }
        if (!value) return;
        finish();
        resolve(value === true ? r : value);
      };
      const onRecord = (r: RecordedRequest): void => test(r);
      const onClose = (err: Error): void => {
        if (done) return;
        finish();
        reject(err);
      };
      for (const r of requests.slice(since)) {
        test(r);
        if (done) return;
      }
      events.on('request', onRecord);
      closers.add(onClose);
      timer = setTimeout(() => {
        if (done) return;
        finish();
        const seen = requests.slice(since);
        reject(
          new Error(
            `fake connector: nothing matched within ${timeoutMs} ms${since > 0 ? ` (looking from #${since})` : ''}; received ${describeRequests(seen)}`,
          ),
        );
      }, timeoutMs);
    });
  }

  const connector: FakeConnector = {
    url,
    port,
    requests,
    posts: (opts = {}) =>
      requests.filter(isPost).map(toPosted).filter((p) => opts.includeTyping || p.type !== 'typing'),
    updates: () => requests.filter(isUpdate).map(toPosted),
    deletes: () => requests.filter((r) => !r.failed && r.route === 'deleteActivity'),
    message: (id) => messages.get(id),
    messages: () => [...messages.values()],
    createdConversations: () => conversations.map(({ id, body }) => ({ id, body })),
    textOf,
    mark: () => requests.length,
    waitFor: waitFor as FakeConnector['waitFor'],
    waitForPost: (predicate, opts) =>
      waitFor((r) => isPost(r) && predicate(toPosted(r)) && toPosted(r), opts) as Promise<PostedActivity>,
    waitForUpdate: (predicate, opts) =>
      waitFor((r) => isUpdate(r) && predicate(toPosted(r)) && toPosted(r), opts) as Promise<PostedActivity>,
    failNext(n, status, headers = {}) {
      if (!Number.isInteger(n) || n < 1) throw new Error(`failNext: n must be a positive integer, got ${n}`);
      failures.push({ remaining: n, status, headers });
    },
    stopFailing() {
      failures = [];
    },
    setResponseDelay(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new Error(`setResponseDelay: ms must be >= 0, got ${ms}`);
      responseDelayMs = ms;
    },
    setPageLimit(n) {
      pageLimit = Math.max(1, n);
    },
    setMembers(list) {
      members = list;
    },
    reset() {
      requests.length = 0;
      messages.clear();
      conversations.length = 0;
      failures = [];
      responseDelayMs = options.responseDelayMs ?? 0;
    },
    async close() {
      for (const c of [...closers]) c(new Error('fake connector closed while waiting'));
      events.removeAllListeners();
      await new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
    },
  };
  return connector;
}
