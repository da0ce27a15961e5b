/**
 * A fake Bot Connector (v3 REST API) on 127.0.0.1 for the integration tests.
 * Give its `url` as the activities' `serviceUrl`: the bot then sends its
 * replies, proactive posts and card updates here, and the tests read them back.
 *
 * Routes (those the bot calls, as botframework-connector's ConnectorClient and TeamsInfo
 * call them; conversation ids are URL-encoded and may contain `;messageid=`):
 *   POST   /v3/conversations/:conversationId/activities        new message
 *   POST   /v3/conversations/:conversationId/activities/:id    reply
 *   PUT    /v3/conversations/:conversationId/activities/:id    update
 *   GET    /v3/conversations/:conversationId/members/:memberId one member (TeamsInfo.getMember)
 * A path prefix before `/v3/` (as in `https://smba.trafficmanager.net/emea/`) is ignored.
 */
import { EventEmitter } from 'node:events';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { boardPeople, TENANT_ID } from './activities.js';

/** Loose JSON object: what the bot sent. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;

export type ConnectorRoute = 'sendToConversation' | 'replyToActivity' | 'updateActivity' | 'getConversationMember' | 'unknown';

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
   * or the `:activityId` of a PUT.
   */
  activityId?: string;
  /** For a reply (POST …/activities/:id): the message replied to. */
  replyToId?: string;
  memberId?: string;
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
  /** Accepted activity POSTs (new messages and replies), in order; typing indicators left out. */
  posts(): PostedActivity[];
  /** Accepted PUTs: the new content, with `id` (the updated message) and `conversationId`. */
  updates(): PostedActivity[];
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
  /**
   * Answer activity POSTs/PUTs `ms` late, like a slow Teams. The message is recorded (posted) when
   * the request arrives, before the answer: a bot killed while waiting has posted it without knowing.
   */
  setResponseDelay(ms: number): void;
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
  if (kind === 'conversations' && id !== undefined) {
    const conversationId = id;
    if (sub === 'activities' && extra === undefined) {
      if (subId === undefined) return { route: method === 'POST' ? 'sendToConversation' : 'unknown', conversationId };
      const byMethod: Record<string, ConnectorRoute> = { POST: 'replyToActivity', PUT: 'updateActivity' };
      return { route: byMethod[method] ?? 'unknown', conversationId, activityId: subId };
    }
    if (method === 'GET' && sub === 'members' && subId !== undefined && extra === undefined) {
      return { route: 'getConversationMember', conversationId, memberId: subId };
    }
    return { route: 'unknown', conversationId };
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

export async function startFakeConnector(): Promise<FakeConnector> {
  const events = new EventEmitter();
  events.setMaxListeners(0);
  const requests: RecordedRequest[] = [];
  const failures: Failure[] = [];
  const members = demoMembers();
  let responseDelayMs = 0;
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

  function handle(
    route: Route,
    method: string,
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
    switch (route.route) {
      case 'sendToConversation':
      case 'replyToActivity': {
        const id = nextMessageId();
        return { status: 201, json: { id }, assignedId: id };
      }
      case 'updateActivity':
        return { status: 200, json: { id: route.activityId } };
      case 'getConversationMember': {
        const m = members.find((x) => x.id === route.memberId || x.aadObjectId === route.memberId);
        return m
          ? { status: 200, json: m }
          : { status: 404, json: { error: { code: 'MemberNotFoundInConversation', message: `no member ${route.memberId}` } } };
      }
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
    const result = handle(route, method);
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
    posts: () => requests.filter(isPost).map(toPosted).filter((p) => p.type !== 'typing'),
    updates: () => requests.filter(isUpdate).map(toPosted),
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
    setResponseDelay(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new Error(`setResponseDelay: ms must be >= 0, got ${ms}`);
      responseDelayMs = ms;
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
