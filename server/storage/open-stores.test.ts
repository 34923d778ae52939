/** Backend selection: which backend a configuration gets, and clear errors for a bad DATABASE_URL. */
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { freshDatabase } from '../../test/support/postgres';
import { MIGRATIONS } from './postgres/schema';
import { describeStorage, openStores } from './index';

const dataDir = mkdtempSync(join(tmpdir(), 'penholder-open-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('openStores', () => {
  it('opens SQLite in DATA_DIR without a DATABASE_URL', async () => {
    const stores = await openStores({ dataDir });
    expect(stores.backend).toBe('sqlite');
    expect(existsSync(join(dataDir, 'penholder.sqlite'))).toBe(true);
    await stores.close();
    await stores.close(); // closing twice is harmless
  });

  it('opens PostgreSQL with a DATABASE_URL, twice on the same database (the schema is idempotent)', async () => {
    const db = await freshDatabase();
    const dir = join(dataDir, 'unused');
    try {
      const [a, b] = await Promise.all([openStores({ dataDir: dir, databaseUrl: db.url }), openStores({ dataDir: dir, databaseUrl: db.url })]);
      expect(a.backend).toBe('postgres');
      expect(await b.documents.list()).toEqual([]);
      // Each migration ran once, whichever node got there first.
      const admin = new pg.Client({ connectionString: db.url });
      await admin.connect();
      const { rows } = await admin.query('SELECT id FROM schema_migrations ORDER BY id');
      await admin.end();
      expect(rows.map((r) => r.id)).toEqual(MIGRATIONS.map((m) => m.id));
      await Promise.all([a.close(), b.close()]);
      expect(existsSync(dir)).toBe(false);
    } finally {
      await db.drop();
    }
  });

  it('says what is wrong with an unusable DATABASE_URL', async () => {
    await expect(openStores({ dataDir, databaseUrl: 'mysql://root@127.0.0.1/penholder' })).rejects.toThrow('DATABASE_URL must be a postgres:// or postgresql:// URL');
    await expect(openStores({ dataDir, databaseUrl: 'postgres://postgres:secret@127.0.0.1:1/penholder' })).rejects.toThrow(
      /^PostgreSQL at postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/penholder is not usable: .*ECONNREFUSED/,
    );
  });

  it('describes where the data is without the password', () => {
    expect(describeStorage({ dataDir: '/srv/penholder' })).toBe('/srv/penholder');
    expect(describeStorage({ dataDir: '/srv/penholder', databaseUrl: 'postgres://app:s3cret@db:5432/penholder' })).toBe('postgres://app:***@db:5432/penholder');
  });
});
