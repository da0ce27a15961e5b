/**
 * The checks on the body of POST /api/messages (src/http/activity-body.ts): which bodies are
 * refused, at which field (the problem is `path: message`, for the log), and what an accepted
 * body becomes. The messages of the plain type and length rules are not pinned, only where
 * they point; the bot's own messages are.
 */
import { describe, expect, it } from 'vitest';
import { type InboundActivity, parseActivityBody } from '../../../src/http/activity-body.js';

type Body = Record<string, unknown>;

const TENANT = '00000000-0000-4000-8000-00000000aaaa';
const BOT = { id: '28:bestyrelsesbot', name: 'Bestyrelsesbot' };

/** A card press as Teams sends it: an adaptiveCard/action invoke in a channel thread. */
function invoke(): Body {
  return {
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: 'f:7d3c2f4e-1a2b-4c5d-8e9f-0a1b2c3d4e5f',
    timestamp: '2026-12-01T08:00:00.123Z',
    localTimestamp: '2026-12-01T09:00:00.123+01:00',
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    from: { id: '29:anne', name: 'Anne Andersen', aadObjectId: '00000000-0000-4000-8000-000000000001' },
    recipient: { ...BOT },
    conversation: { id: '19:board@thread.tacv2;messageid=1733040000000', conversationType: 'channel', isGroup: true, tenantId: TENANT },
    replyToId: '1733040000000',
    locale: 'da-DK',
    entities: [{ type: 'clientInfo', locale: 'da-DK', country: 'DK', platform: 'Web', timezone: 'Europe/Copenhagen' }],
    value: { action: { type: 'Action.Execute', verb: 'vote.cast', data: { motionId: 'm1', choice: 'for' } }, trigger: 'manual' },
    channelData: { tenant: { id: TENANT }, team: { id: '19:team@thread.tacv2' }, channel: { id: '19:board@thread.tacv2' }, source: { name: 'message' }, legacy: { replyToId: '1733040000000' } },
  };
}

/** A channel message addressed to the bot: its text starts with the bot's mention. */
function message(): Body {
  return {
    ...invoke(),
    type: 'message',
    name: undefined,
    value: undefined,
    text: '<at>Bestyrelsesbot</at> status',
    entities: [{ type: 'mention', text: '<at>Bestyrelsesbot</at>', mentioned: { ...BOT } }],
  };
}

/** The body with the value at a dotted path (array indexes as numbers); undefined removes the field. */
function withField(body: Body, path: string, value: unknown): Body {
  const keys = path.split('.');
  let at = body as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) at = at[key] as Record<string, unknown>;
  const last = keys.at(-1)!;
  if (value === undefined) delete at[last];
  else at[last] = value;
  return body;
}

function problemOf(body: unknown): string {
  const parsed = parseActivityBody(body);
  if (parsed.ok) throw new Error(`accepted: ${JSON.stringify(body)}`);
  return parsed.problem;
}

function accepted(body: unknown): InboundActivity {
  const parsed = parseActivityBody(body);
  if (!parsed.ok) throw new Error(`refused: ${parsed.problem}`);
  return parsed.activity;
}

/** Refused at exactly this path (the message after it not pinned). */
function expectRefusedAt(body: unknown, path: string): void {
  const problem = problemOf(body);
  expect(problem.startsWith(`${path}: `), problem).toBe(true);
  expect(problem.length).toBeGreaterThan(path.length + 2);
}

const long = (n: number) => 'x'.repeat(n);
/** Wrong types for a field that wants a string. */
const NOT_STRINGS: unknown[] = [42, 0, true, false, {}, { id: 'x' }, [], ['x']];
/** Wrong types for a field that wants an object. */
const NOT_OBJECTS: unknown[] = ['x', '', 42, true, [], [{ id: 'x' }]];

describe('a body that is not an object', () => {
  for (const body of [null, undefined, 'message', '', 42, true, [], [invoke()]]) {
    it(`${JSON.stringify(body) ?? 'undefined'}`.slice(0, 60), () => {
      expect(problemOf(body)).toBe('the body is not a JSON object');
    });
  }

  it('{} is refused at its type', () => expectRefusedAt({}, 'type'));
});

describe('the realistic activities are accepted', () => {
  it('a card press, as it came but for its dates', () => {
    const body = invoke();
    expect(accepted(body)).toEqual({
      ...invoke(),
      timestamp: new Date('2026-12-01T08:00:00.123Z'),
      rawTimestamp: '2026-12-01T08:00:00.123Z',
      localTimestamp: new Date('2026-12-01T09:00:00.123+01:00'),
      rawLocalTimestamp: '2026-12-01T09:00:00.123+01:00',
    });
  });

  it('a message with its mention', () => expect(accepted(message()).text).toBe('<at>Bestyrelsesbot</at> status'));

  it('the bot added to a team', () => {
    const body = { ...invoke(), type: 'conversationUpdate', name: undefined, value: undefined, membersAdded: [{ id: BOT.id }], membersRemoved: [] };
    expect(accepted(body).membersAdded).toEqual([{ id: BOT.id }]);
  });
});

describe('type, id, channelId', () => {
  for (const [field, min, max] of [['type', 1, 64], ['channelId', 1, 64]] as const) {
    it(`${field}: a string of ${min} to ${max} characters`, () => {
      for (const bad of [undefined, null, '', long(max + 1), '\u{1F600}'.repeat(max / 2 + 1), ...NOT_STRINGS]) expectRefusedAt(withField(invoke(), field, bad), field);
      for (const good of [long(min), long(max), '\u{1F600}'.repeat(max / 2), 'somethingNew']) expect(accepted(withField(invoke(), field, good))[field]).toBe(good);
    });
  }

  it('id: absent, null, or a string of at most 1024 characters (empty too)', () => {
    for (const good of ['', 'x', long(1024)]) expect(accepted(withField(invoke(), 'id', good)).id).toBe(good);
    for (const good of [undefined, null]) expect('id' in accepted(withField(invoke(), 'id', good))).toBe(false);
    for (const bad of [long(1025), ...NOT_STRINGS]) expectRefusedAt(withField(invoke(), 'id', bad), 'id');
  });
});

describe('serviceUrl: an http(s) URL with a host, of at most 2048 characters', () => {
  const good = [
    'https://smba.trafficmanager.net/emea/',
    'http://127.0.0.1:3978/api?x=1#y',
    'HTTPS://EXAMPLE.COM',
    'http://localhost',
    `https://example.com/${long(2048 - 'https://example.com/'.length)}`,
  ];
  for (const url of good) it(`accepts ${url.slice(0, 40)}`, () => expect(accepted(withField(invoke(), 'serviceUrl', url)).serviceUrl).toBe(url));

  const notUrls = ['', 'nowhere', 'ftp://example.com', 'mailto:a@b.dk', 'https://', 'https:///path', 'https://?x', ' https://example.com', 'https://exa mple.com', 'https://x:99999', 'https://[::1', 'https://%zz', '//example.com'];
  for (const url of notUrls) {
    it(`refuses ${JSON.stringify(url)}`, () => expect(problemOf(withField(invoke(), 'serviceUrl', url))).toBe('serviceUrl: is not an http(s) URL'));
  }

  it('refuses one of 2049 characters, saying so rather than that it is not a URL', () => {
    const problem = problemOf(withField(invoke(), 'serviceUrl', `https://example.com/${long(2049 - 'https://example.com/'.length)}`));
    expect(problem).toMatch(/^serviceUrl: /);
    expect(problem).not.toBe('serviceUrl: is not an http(s) URL');
    // Too long and no URL either: the length is named first.
    expect(problemOf(withField(invoke(), 'serviceUrl', long(3000)))).not.toBe('serviceUrl: is not an http(s) URL');
  });

  it('refuses one that is absent, null or not a string', () => {
    for (const bad of [undefined, null, ...NOT_STRINGS]) expectRefusedAt(withField(invoke(), 'serviceUrl', bad), 'serviceUrl');
  });
});

describe('accounts: from, recipient, and each of membersAdded and membersRemoved', () => {
  const places = [
    ['from', invoke],
    ['recipient', invoke],
    ['membersAdded.0', () => ({ ...invoke(), membersAdded: [{ id: BOT.id }] })],
    ['membersRemoved.0', () => ({ ...invoke(), membersRemoved: [{ id: '29:lars' }] })],
  ] as const;
  for (const [at, make] of places) {
    it(`${at}: an object`, () => {
      for (const bad of [null, ...NOT_OBJECTS]) expectRefusedAt(withField(make(), at, bad), at);
      if (at === 'from' || at === 'recipient') expectRefusedAt(withField(make(), at, undefined), at);
    });

    it(`${at}.id: a string of 1 to 1024 characters`, () => {
      for (const bad of [undefined, null, '', long(1025), ...NOT_STRINGS]) expectRefusedAt(withField(make(), `${at}.id`, bad), `${at}.id`);
      for (const good of ['x', long(1024)]) accepted(withField(make(), `${at}.id`, good));
    });

    for (const field of ['name', 'aadObjectId', 'role']) {
      it(`${at}.${field}: absent, null or a string`, () => {
        for (const good of [undefined, null, '', 'bot', long(5000)]) accepted(withField(make(), `${at}.${field}`, good));
        for (const bad of NOT_STRINGS) expectRefusedAt(withField(make(), `${at}.${field}`, bad), `${at}.${field}`);
      });
    }

    it(`${at}: other fields pass, of any type, and null stays null inside`, () => {
      const body = withField(withField(make(), `${at}.userRole`, { any: [1, 'thing'] }), `${at}.name`, null);
      const parsed = JSON.stringify(accepted(body));
      expect(parsed).toContain('"userRole":{"any":[1,"thing"]}');
      expect(parsed).toContain('"name":null');
    });
  }

  it('membersAdded, membersRemoved: absent, null or a list', () => {
    for (const field of ['membersAdded', 'membersRemoved']) {
      for (const good of [undefined, null, []]) accepted(withField(invoke(), field, good));
      for (const bad of ['x', 42, true, {}, { 0: { id: 'x' } }]) expectRefusedAt(withField(invoke(), field, bad), field);
    }
  });

  it('the first bad member is named by its place', () => {
    expectRefusedAt({ ...invoke(), membersAdded: [{ id: 'a' }, { id: 'b' }, { id: '' }] }, 'membersAdded.2.id');
    expectRefusedAt({ ...invoke(), membersRemoved: [{ id: 'a' }, { id: 'b', name: 42 }] }, 'membersRemoved.1.name');
    expectRefusedAt({ ...invoke(), membersAdded: [{ id: 'a' }, null] }, 'membersAdded.1');
  });
});

describe('conversation', () => {
  it('an object', () => {
    for (const bad of [undefined, null, ...NOT_OBJECTS]) expectRefusedAt(withField(invoke(), 'conversation', bad), 'conversation');
  });

  it('id: a string of 1 to 1024 characters', () => {
    for (const bad of [undefined, null, '', long(1025), ...NOT_STRINGS]) expectRefusedAt(withField(invoke(), 'conversation.id', bad), 'conversation.id');
    accepted(withField(invoke(), 'conversation.id', long(1024)));
  });

  for (const field of ['name', 'conversationType', 'tenantId', 'aadObjectId', 'role']) {
    it(`${field}: absent, null or a string`, () => {
      for (const good of [undefined, null, '', 'channel']) accepted(withField(invoke(), `conversation.${field}`, good));
      for (const bad of NOT_STRINGS) expectRefusedAt(withField(invoke(), `conversation.${field}`, bad), `conversation.${field}`);
    });
  }

  it('isGroup: absent, null or a boolean', () => {
    for (const good of [undefined, null, true, false]) accepted(withField(invoke(), 'conversation.isGroup', good));
    for (const bad of ['true', '', 1, 0, {}, [], [true]]) expectRefusedAt(withField(invoke(), 'conversation.isGroup', bad), 'conversation.isGroup');
  });

  it('other fields pass', () => {
    expect(accepted(withField(invoke(), 'conversation.properties', { x: 1 })).conversation).toMatchObject({ properties: { x: 1 } });
  });
});

describe('text, name, action, replyToId, locale: absent, null or a string', () => {
  for (const field of ['text', 'name', 'action', 'replyToId', 'locale']) {
    it(field, () => {
      for (const good of ['', 'x', long(100_000)]) expect(accepted(withField(invoke(), field, good))[field]).toBe(good);
      for (const good of [undefined, null]) expect(field in accepted(withField(invoke(), field, good))).toBe(false);
      for (const bad of NOT_STRINGS) expectRefusedAt(withField(invoke(), field, bad), field);
    });
  }
});

describe('timestamp, localTimestamp, expiration: absent, null or a date', () => {
  const raws = { timestamp: 'rawTimestamp', localTimestamp: 'rawLocalTimestamp', expiration: 'rawExpiration' } as const;
  for (const [field, raw] of Object.entries(raws)) {
    it(`${field}: a date becomes a Date, the text kept as ${raw}`, () => {
      for (const text of ['2026-12-01T08:00:00.123Z', '2026-12-01T09:00:00+01:00', '2026-12-01', 'Tue, 01 Dec 2026 08:00:00 GMT']) {
        const activity = accepted(withField(invoke(), field, text));
        expect(activity[field]).toEqual(new Date(text));
        expect(activity[raw]).toBe(text);
      }
    });

    it(`${field}: absent or null is left out, and no ${raw} added`, () => {
      for (const none of [undefined, null]) {
        const activity = accepted(withField(invoke(), field, none));
        expect(field in activity).toBe(false);
        expect(raw in activity).toBe(false);
      }
    });

    it(`${field}: text that is no date is refused as such`, () => {
      for (const bad of ['yesterday', '', '2026-13-45T99:00:00Z']) expect(problemOf(withField(invoke(), field, bad))).toBe(`${field}: is not a date`);
    });

    it(`${field}: not a string is refused`, () => {
      for (const bad of [1733040000000, ...NOT_STRINGS]) expectRefusedAt(withField(invoke(), field, bad), field);
    });
  }

  it(`a raw field sent without its date is kept as it came; with it, replaced`, () => {
    expect(accepted({ ...invoke(), timestamp: undefined, rawTimestamp: 42 }).rawTimestamp).toBe(42);
    expect(accepted({ ...invoke(), rawTimestamp: 42 }).rawTimestamp).toBe('2026-12-01T08:00:00.123Z');
  });
});

describe('entities', () => {
  it('absent, null or a list of objects that each have a string type', () => {
    for (const good of [undefined, null, [], [{ type: '' }], [{ type: 'clientInfo', locale: 'da-DK' }, { type: 'somethingNew', x: [1] }]]) accepted(withField(invoke(), 'entities', good));
    for (const bad of ['mention', 42, true, {}, { 0: { type: 'x' } }]) expectRefusedAt(withField(invoke(), 'entities', bad), 'entities');
    for (const bad of [null, 'mention', 42, [], [{ type: 'x' }]]) expectRefusedAt(withField(invoke(), 'entities', [{ type: 'clientInfo' }, bad]), 'entities.1');
    for (const bad of [undefined, null, ...NOT_STRINGS]) expectRefusedAt(withField(invoke(), 'entities', [{ type: bad, text: 'x' }]), 'entities.0.type');
  });

  const mention = (fields: Body) => withField(message(), 'entities', [{ type: 'clientInfo' }, { type: 'mention', ...fields }]);
  const NEEDS = 'entities.1: a mention needs text and mentioned.id';

  it('a mention with text and a mentioned id is accepted, extra fields and all', () => {
    accepted(mention({ text: '', mentioned: { id: '' } }));
    expect(accepted(mention({ text: '<at>Bot</at>', mentioned: { id: '28:b', name: 'Bot', role: 'bot' }, extra: 1 })).entities).toEqual([
      { type: 'clientInfo' },
      { type: 'mention', text: '<at>Bot</at>', mentioned: { id: '28:b', name: 'Bot', role: 'bot' }, extra: 1 },
    ]);
  });

  it('a mention without text, or whose text is not a string, is refused', () => {
    for (const text of [undefined, null, 42, {}, ['x']]) expect(problemOf(mention({ text, mentioned: { ...BOT } }))).toBe(NEEDS);
  });

  it('a mention that names nobody is refused', () => {
    for (const mentioned of [undefined, null, 'x', 42, true, {}, [], { id: 42 }, { id: null }, { id: { id: 'x' } }, { name: 'Bot' }]) {
      expect(problemOf(mention({ text: '<at>Bot</at>', mentioned }))).toBe(NEEDS);
    }
  });

  it('the type is a mention whatever its case; a type that only starts with it is not', () => {
    for (const type of ['Mention', 'MENTION', 'mEnTiOn']) expect(problemOf(withField(message(), 'entities', [{ type }]))).toBe('entities.0: a mention needs text and mentioned.id');
    for (const type of ['mentioned', ' mention', 'mention ']) accepted(withField(message(), 'entities', [{ type }]));
  });
});

describe('attachments: absent, null or a list of objects', () => {
  it('accepts', () => {
    for (const good of [undefined, null, [], [{}], [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { body: [] } }, { anything: 42 }]]) {
      accepted(withField(invoke(), 'attachments', good));
    }
  });

  it('refuses', () => {
    for (const bad of ['x', 42, true, {}]) expectRefusedAt(withField(invoke(), 'attachments', bad), 'attachments');
    for (const bad of [null, 'x', 42, true, [], [{}]]) expectRefusedAt(withField(invoke(), 'attachments', [{}, bad]), 'attachments.1');
  });
});

describe('channelData', () => {
  it('absent, null or an object; its other fields as they come', () => {
    for (const good of [undefined, null, {}, { team: { id: 42 }, channel: { id: ['19:a'] }, eventType: 7 }]) accepted(withField(invoke(), 'channelData', good));
    for (const bad of NOT_OBJECTS) expectRefusedAt(withField(invoke(), 'channelData', bad), 'channelData');
  });

  it('tenant: absent, null or an object', () => {
    for (const good of [undefined, null, {}, { id: TENANT, extra: [1] }]) accepted(withField(invoke(), 'channelData.tenant', good));
    for (const bad of NOT_OBJECTS) expectRefusedAt(withField(invoke(), 'channelData.tenant', bad), 'channelData.tenant');
  });

  it('tenant.id: absent, null or a string', () => {
    for (const good of [undefined, null, '', TENANT]) accepted(withField(invoke(), 'channelData.tenant.id', good));
    for (const bad of NOT_STRINGS) expectRefusedAt(withField(invoke(), 'channelData.tenant.id', bad), 'channelData.tenant.id');
  });
});

describe('a message with a mention has text', () => {
  const TEXT = 'text: a message with a mention but no text';

  it('refused without text, or with null', () => {
    expect(problemOf(withField(message(), 'text', undefined))).toBe(TEXT);
    expect(problemOf(withField(message(), 'text', null))).toBe(TEXT);
    expect(problemOf({ ...withField(message(), 'text', undefined), entities: [{ type: 'clientInfo' }, { type: 'MENTION', text: 'x', mentioned: { id: 'y' } }] })).toBe(TEXT);
  });

  it('empty text will do', () => accepted(withField(message(), 'text', '')));

  it('only a message (the type as it is spelt) with a mention needs it', () => {
    for (const type of ['invoke', 'Message', 'messageUpdate']) accepted(withField(withField(message(), 'text', undefined), 'type', type));
    for (const entities of [undefined, null, [], [{ type: 'clientInfo' }]]) accepted(withField(withField(message(), 'text', undefined), 'entities', entities));
  });

  it('is asked after every field: any other problem is named instead', () => {
    const body = withField(message(), 'text', undefined);
    expect(problemOf(withField(structuredClone(body), 'serviceUrl', 'nowhere'))).toBe('serviceUrl: is not an http(s) URL');
    expect(problemOf(withField(structuredClone(body), 'serviceUrl', long(3000)))).toMatch(/^serviceUrl: /);
    expectRefusedAt(withField(structuredClone(body), 'channelData.tenant.id', 42), 'channelData.tenant.id');
    expect(problemOf(withField(structuredClone(body), 'entities.0.mentioned', undefined))).toBe('entities.0: a mention needs text and mentioned.id');
  });
});

describe('the first problem is named, in the order of the fields', () => {
  it('fixing one at a time', () => {
    const body: Body = {
      ...message(),
      type: 42,
      id: 42,
      channelId: '',
      serviceUrl: 'nowhere',
      from: { id: '', name: 42, aadObjectId: 42, role: 42 },
      recipient: [],
      conversation: { id: 42, name: 42, conversationType: 42, tenantId: 42, aadObjectId: 42, role: 42, isGroup: 'yes' },
      text: 42,
      name: 42,
      action: 42,
      replyToId: 42,
      locale: 42,
      timestamp: 'then',
      localTimestamp: 42,
      expiration: 'never',
      entities: [{ type: 'clientInfo' }, { type: 'mention' }, { type: 42 }],
      attachments: [{}, []],
      membersAdded: [{ id: 42 }],
      membersRemoved: [{ id: 'x', role: 42 }],
      channelData: { tenant: { id: 42 } },
    };
    const fixes: [string, unknown][] = [
      ['type', 'message'],
      ['id', 'x'],
      ['channelId', 'msteams'],
      ['serviceUrl', 'https://example.com'],
      ['from.id', 'x'],
      ['from.name', 'x'],
      ['from.aadObjectId', 'x'],
      ['from.role', 'x'],
      ['recipient', { ...BOT }],
      ['conversation.id', 'x'],
      ['conversation.name', 'x'],
      ['conversation.conversationType', 'x'],
      ['conversation.tenantId', 'x'],
      ['conversation.aadObjectId', 'x'],
      ['conversation.role', 'x'],
      ['conversation.isGroup', true],
      ['text', undefined],
      ['name', undefined],
      ['action', undefined],
      ['replyToId', undefined],
      ['locale', undefined],
      ['timestamp', undefined],
      ['localTimestamp', undefined],
      ['expiration', undefined],
      ['entities.1', { type: 'mention', text: 'x', mentioned: { id: 'y' } }],
      ['entities.2.type', 'x'],
      ['attachments.1', {}],
      ['membersAdded.0.id', 'x'],
      ['membersRemoved.0.role', 'x'],
      ['channelData.tenant.id', 'x'],
    ];
    for (const [path, fix] of fixes) {
      expectRefusedAt(body, path);
      withField(body, path, fix);
    }
    expect(problemOf(body)).toBe('text: a message with a mention but no text');
    withField(body, 'text', 'x');
    accepted(body);
  });
});

describe('what an accepted body becomes', () => {
  it('a copy: the body itself is not changed, its fields are the same values', () => {
    const body = invoke();
    const activity = accepted(body);
    expect(activity).not.toBe(body);
    expect(body).toEqual(invoke());
    expect(activity.from).toBe(body.from);
    expect(activity.channelData).toBe(body.channelData);
    expect(activity.entities).toBe(body.entities);
  });

  it('the optional fields that came as null are left out; other nulls are kept', () => {
    const dropped = ['id', 'text', 'name', 'action', 'replyToId', 'locale', 'timestamp', 'localTimestamp', 'expiration', 'entities', 'attachments', 'membersAdded', 'membersRemoved', 'channelData'];
    const body: Body = { ...invoke(), value: null, unknownField: null, relatesTo: null };
    for (const field of dropped) body[field] = null;
    const activity = accepted(body);
    for (const field of dropped) expect(field in activity, field).toBe(false);
    expect(activity).toMatchObject({ value: null, unknownField: null, relatesTo: null });
    expect(Object.keys(activity).sort()).toEqual(['channelId', 'conversation', 'from', 'recipient', 'relatesTo', 'serviceUrl', 'type', 'unknownField', 'value'].sort());
  });

  it('a field named __proto__ (JSON.parse makes it a field like any other) stays a field of the copy, not its prototype', () => {
    const body: unknown = JSON.parse(JSON.stringify(invoke()).replace('{', '{"__proto__":{"polluted":true},'));
    const activity = accepted(body);
    expect(Object.getPrototypeOf(activity)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(activity, '__proto__')?.value).toEqual({ polluted: true });
    expect('polluted' in activity).toBe(false);
    expect(activity.timestamp).toEqual(new Date('2026-12-01T08:00:00.123Z'));
  });

  it('unknown fields pass through, of any type', () => {
    const extra = { value: { action: { verb: 'x' } }, reactionsAdded: [{ type: 'like' }], count: 3, flag: false, list: [1, 'a', null], importance: 'high', textFormat: 'xml' };
    expect(accepted({ ...invoke(), ...extra })).toMatchObject(extra);
  });
});
