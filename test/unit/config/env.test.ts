import { describe, expect, it } from 'vitest';
import { loadEnv } from '../../../src/config/env.js';

/** A client id as Entra gives one (the app's or the managed identity's). */
const APP_ID = '11111111-1111-4111-8111-111111111111';

describe('the environment', () => {
  it('has the defaults of PRODUCT §3', () => {
    const env = loadEnv({});
    expect(env).toMatchObject({ PORT: 3978, BOARD_CONFIG: 'config/demo.yaml', DATA_DIR: './data', SCHEDULER_CRON: '* * * * *', LOG_LEVEL: 'info' });
    expect(env.BOT_ID).toBeUndefined();
  });

  it('accepts a 6-field cron with seconds and an ISO CLOCK_START', () => {
    const env = loadEnv({ SCHEDULER_CRON: '*/10 * * * * *', CLOCK_START: '2026-12-01T08:00:00+01:00' });
    expect(env.SCHEDULER_CRON).toBe('*/10 * * * * *');
    expect(env.CLOCK_START).toBe('2026-12-01T08:00:00+01:00');
    expect(loadEnv({ CLOCK_START: '2026-12-01' }).CLOCK_START).toBe('2026-12-01');
    expect(loadEnv({ CLOCK_START: '2026-12-01T08:00:00.000Z' }).CLOCK_START).toBe('2026-12-01T08:00:00.000Z');
  });

  it('reads PORT set but empty as unset (the default), not as port 0', () => {
    expect(loadEnv({ PORT: '' }).PORT).toBe(3978);
    expect(loadEnv({ PORT: '  ' }).PORT).toBe(3978);
    expect(loadEnv({ PORT: '0' }).PORT).toBe(0);
    expect(loadEnv({ PORT: '8080' }).PORT).toBe(8080);
  });

  it('names each bad variable', () => {
    expect(() => loadEnv({ PORT: 'abc' })).toThrow(/The environment is not valid:\n\s+PORT:/);
    expect(() => loadEnv({ SCHEDULER_CRON: 'every minute' })).toThrow(/SCHEDULER_CRON: is not a valid cron expression/);
    expect(() => loadEnv({ CLOCK_START: 'tomorrow' })).toThrow(/CLOCK_START: must be an ISO-8601 instant/);
    // Readable by Date.parse, but not ISO: what it means would depend on the JavaScript engine.
    expect(() => loadEnv({ CLOCK_START: 'December 1, 2026' })).toThrow(/CLOCK_START: must be an ISO-8601 instant/);
    expect(() => loadEnv({ CLOCK_START: '2026-13-01T08:00:00Z' })).toThrow(/CLOCK_START: must be an ISO-8601 instant/);
    expect(() => loadEnv({ PORT: '70000' })).toThrow(/PORT:/);
    expect(() => loadEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must be a postgres:\/\/ URL/);
  });

  it('refuses CLOCK_START and anonymous mode in production', () => {
    expect(() => loadEnv({ NODE_ENV: 'production', CLOCK_START: '2026-12-01T08:00:00Z', BOT_ID: APP_ID, BOT_PASSWORD: 'y', BOT_TENANT_ID: 't' })).toThrow(
      /CLOCK_START: is for demos and tests; it is refused when NODE_ENV=production/,
    );
    expect(() => loadEnv({ NODE_ENV: 'production' })).toThrow(/BOT_ID: is required unless NODE_ENV is unset, development or test/);
  });

  it('anonymous mode (no BOT_ID) only when NODE_ENV is unset, development or test, in any case', () => {
    for (const NODE_ENV of [undefined, '', 'development', 'Development', 'test', 'TEST']) {
      expect(loadEnv(NODE_ENV === undefined ? {} : { NODE_ENV }).BOT_ID).toBeUndefined();
    }
    for (const NODE_ENV of ['production', 'Production', 'PRODUCTION', 'prod', 'staging', 'dev']) {
      expect(() => loadEnv({ NODE_ENV }), NODE_ENV).toThrow(/BOT_ID: is required unless NODE_ENV is unset, development or test \(NODE_ENV is ".*"; anonymous mode is only for local use\)/);
    }
  });

  it('treats NODE_ENV=production case-insensitively for CLOCK_START and BOT_OPENID_METADATA_URL', () => {
    const creds = { BOT_ID: APP_ID, BOT_PASSWORD: 'y', BOT_TENANT_ID: 't' };
    expect(() => loadEnv({ ...creds, NODE_ENV: 'Production', CLOCK_START: '2026-12-01T08:00:00Z' })).toThrow(/CLOCK_START: is for demos and tests; it is refused when NODE_ENV=production/);
    expect(() => loadEnv({ ...creds, NODE_ENV: 'PRODUCTION', BOT_OPENID_METADATA_URL: 'http://127.0.0.1:9/openid' })).toThrow(
      /BOT_OPENID_METADATA_URL: is for tests; it is refused when NODE_ENV=production/,
    );
  });

  it('BOT_OPENID_METADATA_URL is an http(s) URL and needs BOT_ID (tokens are only checked with credentials)', () => {
    const creds = { BOT_ID: APP_ID, BOT_PASSWORD: 'y', BOT_TENANT_ID: 't' };
    expect(loadEnv({ ...creds, BOT_OPENID_METADATA_URL: 'http://127.0.0.1:9/openid' }).BOT_OPENID_METADATA_URL).toBe('http://127.0.0.1:9/openid');
    expect(() => loadEnv({ ...creds, BOT_OPENID_METADATA_URL: 'openid.json' })).toThrow(/BOT_OPENID_METADATA_URL: must be an http\(s\) URL/);
    expect(() => loadEnv({ BOT_OPENID_METADATA_URL: 'http://127.0.0.1:9/openid' })).toThrow(/BOT_OPENID_METADATA_URL: needs BOT_ID/);
  });

  it('requires the credentials that go with BOT_ID', () => {
    expect(() => loadEnv({ BOT_ID: APP_ID })).toThrow(/BOT_PASSWORD: is required with BOT_ID when BOT_TYPE is SingleTenant[\s\S]*BOT_TENANT_ID/);
    expect(loadEnv({ BOT_ID: APP_ID, BOT_TYPE: 'UserAssignedMsi', BOT_TENANT_ID: 't' }).BOT_TYPE).toBe('UserAssignedMsi');
  });

  it('refuses a DATABASE_URL node-postgres cannot read, naming DATABASE_URL, before anything is opened', () => {
    // A port out of range: pg's own URL parser would throw "Invalid URL" with a stack trace at the first query.
    expect(() => loadEnv({ DATABASE_URL: 'postgres://bot@127.0.0.1:99999/board' })).toThrow(/DATABASE_URL: is not a URL that can be read/);
    // libpq's sslrootcert=system (docs/deploy.md, Backups): node-postgres reads it as a file named "system".
    expect(() => loadEnv({ DATABASE_URL: 'postgres://bot@db.example:5432/board?sslmode=verify-full&sslrootcert=system' })).toThrow(
      /DATABASE_URL: sslrootcert=system is for psql and pg_dump \(libpq\); the bot would read it as a file named "system": leave it out/,
    );
    expect(loadEnv({ DATABASE_URL: 'postgres://bot:p%40ss@db.example:5432/board?sslmode=verify-full' }).DATABASE_URL).toBe('postgres://bot:p%40ss@db.example:5432/board?sslmode=verify-full');
  });

  it('reads PORT as a decimal number only: "0x50" or "1e3" is refused, not port 80 or 1000', () => {
    expect(() => loadEnv({ PORT: '0x50' })).toThrow(/PORT: must be a port number, 0 to 65535/);
    expect(() => loadEnv({ PORT: '1e3' })).toThrow(/PORT: must be a port number, 0 to 65535/);
    expect(loadEnv({ PORT: ' 8080 ' }).PORT).toBe(8080);
  });

  it('refuses a PUBLIC_URL the links to the files cannot start with (a query, a fragment, a user name), naming PUBLIC_URL', () => {
    // The links are PUBLIC_URL + "/minutes/<board>/<id>.md?exp=…&sig=…": "?x" or "#x" in it would swallow the path.
    expect(() => loadEnv({ PUBLIC_URL: 'https://bot.example.dk/?x=1' })).toThrow(/PUBLIC_URL: must be where the bot is reached, without "\?…", "#…" or a user name/);
    expect(() => loadEnv({ PUBLIC_URL: 'https://bot.example.dk#top' })).toThrow(/PUBLIC_URL: must be where the bot is reached/);
    expect(() => loadEnv({ PUBLIC_URL: 'https://user:pw@bot.example.dk' })).toThrow(/PUBLIC_URL: must be where the bot is reached/);
    expect(() => loadEnv({ PUBLIC_URL: 'https://bot.example.dk:99999' })).toThrow(/PUBLIC_URL: must be an http\(s\) URL/);
    expect(loadEnv({ PUBLIC_URL: 'https://bot.example.dk/bestyrelse/' }).PUBLIC_URL).toBe('https://bot.example.dk/bestyrelse/');
  });

  it('refuses a BOT_ID that is not a client id (a GUID), naming BOT_ID: every token from Teams would be refused for its audience', () => {
    for (const BOT_ID of ['bestyrab12cd', '11111111-1111-4111-8111-11111111111', '{11111111-1111-4111-8111-111111111111}']) {
      expect(() => loadEnv({ BOT_ID, BOT_TYPE: 'UserAssignedMsi', BOT_TENANT_ID: 't' }), BOT_ID).toThrow(/BOT_ID: must be the client id of the bot's Entra app or managed identity, a GUID/);
    }
    expect(loadEnv({ BOT_ID: ' 11111111-1111-4111-8111-11111111111A ', BOT_TYPE: 'UserAssignedMsi', BOT_TENANT_ID: 't' }).BOT_ID).toBe('11111111-1111-4111-8111-11111111111A');
  });

  it('refuses credentials without BOT_ID, naming BOT_ID: they would silently give anonymous mode, with no token checked', () => {
    for (const creds of [{ BOT_PASSWORD: 'secret' }, { BOT_TENANT_ID: 't' }, { BOT_TYPE: 'UserAssignedMsi' }, { BOT_PASSWORD: 'secret', BOT_TENANT_ID: 't' }]) {
      expect(() => loadEnv(creds), Object.keys(creds).join()).toThrow(/BOT_ID: is not set, but BOT_(PASSWORD|TENANT_ID|TYPE)( and BOT_\w+)* (is|are) set/);
    }
    expect(() => loadEnv({ BOT_PASSWORD: 'secret' })).not.toThrow(/secret/);
    expect(loadEnv({ BOT_PASSWORD: '', BOT_TENANT_ID: ' ' }).BOT_ID).toBeUndefined();
  });
});
