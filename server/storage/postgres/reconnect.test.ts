/**
 * PostgreSQL ends the pool's connections (a restart, a failover, an
 * administrator): the stores carry on with new connections, nothing is lost
 * or numbered twice, and the errors are reported rather than crashing.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type FreshDatabase } from '../../../test/support/postgres';
import { openStores, type Stores } from '../index';

let db: FreshDatabase;
let stores: Stores;
const reported: string[] = [];
beforeAll(async () => {
  db = await freshDatabase();
  stores = await openStores({ dataDir: '/nonexistent-unused', databaseUrl: db.url, onError: (err) => reported.push(err.message) });
});
afterAll(async () => {
  await stores?.close();
  await db?.drop();
});

async function withAdmin<T>(fn: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: db.url });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

async function waitUntil(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function terminateConnections(): Promise<number> {
  const admin = new pg.Client({ connectionString: db.url });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [db.name]);
    return rowCount ?? 0;
  } finally {
    await admin.end();
  }
}

describe('PostgreSQL connections ended under the stores', () => {
  it('keeps appending with gapless numbers, and reports the lost connections', async () => {
    const who = { connectionId: null, delegation: 'Italy', name: null, role: 'delegation' };
    await stores.documents.create({ id: 'doc', title: '', symbol: '', template: null }, new Uint8Array([0]), who);
    // Several pooled connections, all idle afterwards.
    await Promise.all(Array.from({ length: 6 }, (_, i) => stores.documents.appendUpdate('doc', new Uint8Array([1, i]), who)));
    expect(await terminateConnections()).toBeGreaterThan(0);

    const seqs: number[] = [];
    for (let i = 0; i < 5; i++) seqs.push(await stores.documents.appendUpdate('doc', new Uint8Array([2, i]), who));
    expect(seqs).toEqual([8, 9, 10, 11, 12]);
    // Reads and transactions recover too.
    expect(await terminateConnections()).toBeGreaterThan(0);
    expect((await stores.documents.history('doc')).map((u) => u.seq)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(await terminateConnections()).toBeGreaterThan(0);
    await stores.corpus.put({ id: 'c1', symbol: '', body: '', title: 't', kind: 'draft', date: '2024-01-01', paragraphs: [{ label: 'OP1', text: 'Decides.' }] }, 'cli');
    expect((await stores.corpus.list()).map((d) => d.id)).toEqual(['c1']);
    expect(reported.some((m) => m.includes('terminating connection'))).toBe(true);
  });

  it('retries an append whose connection is ended while it runs: it lands once, in order', async () => {
    const who = { connectionId: null, delegation: 'Mexico', name: null, role: 'delegation' };
    await stores.documents.create({ id: 'busy', title: '', symbol: '', template: null }, new Uint8Array([0]), who);
    await withAdmin((locker) =>
      withAdmin(async (observer) => {
        // Hold the document's row lock, so that the appends wait inside PostgreSQL…
        await locker.query('BEGIN');
        await locker.query("SELECT 1 FROM documents WHERE id = 'busy' FOR UPDATE");
        const pending = [1, 2, 3].map((i) => stores.documents.appendUpdate('busy', new Uint8Array([3, i]), who));
        // (The observer is outside any transaction: pg_stat_activity is read afresh each time.)
        const waiting = async () =>
          (await observer.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'", [db.name])).rows[0].n === 3;
        await waitUntil(waiting, 'three appends waiting for the row lock');
        // …then end their connections mid-statement.
        const { rowCount } = await observer.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'", [db.name]);
        expect(rowCount).toBe(3);
        // The retries come back on new connections and wait again.
        await waitUntil(waiting, 'the retried appends');
        await locker.query('COMMIT');
        expect((await Promise.all(pending)).sort()).toEqual([2, 3, 4]);
      }),
    );
    const log = await stores.documents.history('busy');
    expect(log.map((u) => u.seq)).toEqual([1, 2, 3, 4]);
    expect(log.slice(1).map((u) => u.update[1]).sort()).toEqual([1, 2, 3]);
  });
});
