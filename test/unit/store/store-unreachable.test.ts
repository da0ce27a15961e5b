/**
 * The operator's one line when the PostgreSQL server named by DATABASE_URL cannot be used at
 * start (storeUnreachable): without the password, naming why, also where Node's own error
 * says nothing itself (a host with two addresses, `localhost`: an AggregateError, one error
 * per address) or pg's has no code (a password the server asks for and the URL lacks).
 */
import { describe, expect, it } from 'vitest';
import { NewerDatabaseError } from '../../../src/store/kysely/migrate.js';
import { storeUnreachable } from '../../../src/store/open-store.js';

const env = { DATABASE_URL: 'postgres://bot:secret@localhost:5999/board' };

describe('storeUnreachable', () => {
  it('names why from the errors of each address when the error itself says nothing (localhost: ::1 and 127.0.0.1)', async () => {
    const both = Object.assign(new AggregateError([new Error('connect ECONNREFUSED ::1:5999'), new Error('connect ECONNREFUSED 127.0.0.1:5999')], ''), { code: 'ECONNREFUSED' });
    const said = await storeUnreachable(env, both);
    expect(said?.message).toBe('DATABASE_URL (localhost:5999/board): cannot use the PostgreSQL database: connect ECONNREFUSED ::1:5999; connect ECONNREFUSED 127.0.0.1:5999; nothing was started');
    expect(said?.message).not.toContain('secret');
  });

  it('says that a password is wanted when the URL gives none', async () => {
    const said = await storeUnreachable(env, new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a string'));
    expect(said?.message).toContain('cannot use the PostgreSQL database: the server asks for a password, and DATABASE_URL gives none');
  });

  it('names DATABASE_URL, or DATA_DIR on SQLite, before saying that a newer version of the bot migrated the database', async () => {
    const newer = new NewerDatabaseError(['0099_from_a_newer_version']);
    const said = await storeUnreachable(env, newer);
    expect(said?.message).toBe(`DATABASE_URL (localhost:5999/board): ${newer.message}`);
    expect(said?.message).not.toContain('secret');
    expect((await storeUnreachable({ DATABASE_URL: undefined, DATA_DIR: '/srv/bot/data' }, newer))?.message).toBe(`DATA_DIR /srv/bot/data: ${newer.message}`);
  });

  it('leaves any other error as it is, and says nothing on SQLite', async () => {
    expect(await storeUnreachable(env, new Error('relation "x" does not exist'))).toBeUndefined();
    expect(await storeUnreachable({ DATABASE_URL: undefined }, Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toBeUndefined();
  });

  it('names a server that takes no TLS when DATABASE_URL asks for it (sslmode), without a stack trace', async () => {
    const said = await storeUnreachable({ DATABASE_URL: 'postgres://bot:secret@db:5432/board?sslmode=verify-full' }, new Error('The server does not support SSL connections'));
    expect(said?.message).toBe('DATABASE_URL (db:5432/board): cannot use the PostgreSQL database: the server does not take TLS connections, and DATABASE_URL asks for one (sslmode, ssl); nothing was started');
  });

  it('names a certificate or key file DATABASE_URL gives that cannot be read', async () => {
    const url = 'postgres://bot:secret@db:5432/board?sslmode=verify-full&sslrootcert=/etc/ssl/nowhere.pem';
    const missing = Object.assign(new Error("ENOENT: no such file or directory, open '/etc/ssl/nowhere.pem'"), { code: 'ENOENT', syscall: 'open', path: '/etc/ssl/nowhere.pem' });
    const said = await storeUnreachable({ DATABASE_URL: url }, missing);
    expect(said?.message).toBe('DATABASE_URL (db:5432/board): cannot use the PostgreSQL database: cannot read the file /etc/ssl/nowhere.pem that it names (ENOENT); nothing was started');
    // A file it does not name stays as it is.
    expect(await storeUnreachable({ DATABASE_URL: url }, Object.assign(new Error('ENOENT'), { code: 'ENOENT', syscall: 'open', path: '/other' }))).toBeUndefined();
  });

  it('names a server certificate that TLS refused', async () => {
    const refused = Object.assign(new Error('self-signed certificate in certificate chain'), { code: 'SELF_SIGNED_CERT_IN_CHAIN' });
    const said = await storeUnreachable({ DATABASE_URL: 'postgres://bot:secret@db:5432/board?sslmode=verify-full' }, refused);
    expect(said?.message).toBe("DATABASE_URL (db:5432/board): cannot use the PostgreSQL database: the server's TLS certificate was refused (self-signed certificate in certificate chain); nothing was started");
  });

  it('names a user that may not create the tables (PostgreSQL 15: no CREATE on schema public for a new role), through the migration\'s wrapped error', async () => {
    const denied = Object.assign(new Error('permission denied for schema public'), { code: '42501' });
    const wrapped = new Error('migrations failed: permission denied for schema public', { cause: denied });
    const said = await storeUnreachable(env, wrapped);
    expect(said?.message).toBe(
      "DATABASE_URL (localhost:5999/board): cannot use the PostgreSQL database: its user lacks a right the bot needs (permission denied for schema public): make the user the database's owner, or grant it CREATE on the schema and all rights on the bot's tables; nothing was started",
    );
  });

  it('on SQLite, names DATA_DIR when another program holds the database at start (a copy or a backup being made): no stack trace', async () => {
    const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    const said = await storeUnreachable({ DATABASE_URL: undefined, DATA_DIR: '/home/data' }, busy);
    expect(said?.message).toBe(
      'DATA_DIR /home/data: the database /home/data/bestyrelsesbot.db is locked by another program (database is locked), longer than the bot waits (5 s): a copy or backup being made, or a database tool with it open? Let it finish or close it, then start again',
    );
    expect(await storeUnreachable({ DATABASE_URL: undefined, DATA_DIR: '/home/data' }, new Error('no such table: x'))).toBeUndefined();
    expect(await storeUnreachable({ DATABASE_URL: undefined, DATA_DIR: '/home/data' }, null)).toBeUndefined();
  });
});
