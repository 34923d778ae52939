/**
 * The whole server on PostgreSQL (DATABASE_URL): real y-websocket clients
 * edit, the server stops and starts again on the same database (with a new,
 * empty DATA_DIR: nothing may live in SQLite), and everything is there:
 * text, sessions, attribution.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendOperative, connectClient, operativeTexts, synced, waitFor } from '../support/clients';
import { freshDatabase, type FreshDatabase } from '../support/postgres';
import { apiFetch, createDocument, startTestServer, tempDataDir } from '../support/server';

let db: FreshDatabase;
const dirs = [tempDataDir(), tempDataDir()];
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(async () => {
  await db?.drop();
  for (const d of dirs) d.remove();
});

async function textOf(server: { url: string }, id: string): Promise<string> {
  return (await apiFetch(server, `/api/documents/${id}/text`)).text();
}

describe('server on PostgreSQL', () => {
  it('keeps every edit, session and attribution across a restart', async () => {
    let server = await startTestServer({ dataDir: dirs[0].dir, databaseUrl: db.url, compactEvery: 5 });
    const id = await createDocument(server, { template: 'cop-untoc' });
    const italy = connectClient(server, id, 'Italy', 'Ada');
    const mexico = connectClient(server, id, 'Mexico', 'Benito');
    await Promise.all([synced(italy), synced(mexico)]);
    // Concurrent edits from two delegations, enough to cross the compaction threshold several times.
    for (let i = 0; i < 12; i++) {
      appendOperative(italy.doc, `Requests the Secretariat to report on item ${i}`, `it${i}`);
      appendOperative(mexico.doc, `Invites States to share practice ${i}`, `mx${i}`);
    }
    await waitFor(() => operativeTexts(italy.doc).length === operativeTexts(mexico.doc).length && operativeTexts(italy.doc).includes('Invites States to share practice 11'), 'clients converge', 10_000);
    const expected = operativeTexts(italy.doc);
    const deadline = Date.now() + 10_000;
    while (!(await textOf(server, id)).includes('practice 11') || !(await textOf(server, id)).includes('item 11')) {
      if (Date.now() > deadline) throw new Error('the server did not receive every edit');
      await new Promise((r) => setTimeout(r, 25));
    }
    const before = await textOf(server, id);
    const italyToken = italy.token!;

    await server.close(); // clients still connected
    italy.destroy();
    mexico.destroy();

    // Nothing went to SQLite; the log and a snapshot are in PostgreSQL.
    expect(existsSync(join(dirs[0].dir, 'penholder.sqlite'))).toBe(false);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows: log } = await client.query('SELECT seq FROM update_log WHERE doc_id = $1 ORDER BY seq', [id]);
      const seqs = log.map((r) => Number(r.seq));
      expect(seqs).toEqual(seqs.map((_, i) => i + 1)); // 1..N, no gaps
      expect(seqs.length).toBeGreaterThan(12);
      const { rows: snap } = await client.query('SELECT up_to_seq FROM snapshots WHERE doc_id = $1', [id]);
      expect(Number(snap[0].up_to_seq)).toBeGreaterThanOrEqual(5);
    } finally {
      await client.end();
    }

    server = await startTestServer({ dataDir: dirs[1].dir, databaseUrl: db.url });
    try {
      expect(await textOf(server, id)).toBe(before);
      // The session from before the restart still signs in (sessions live in PostgreSQL).
      const who = await apiFetch(server, `/api/session?document=${id}`, { token: italyToken });
      expect(who.status).toBe(200);
      expect(await who.json()).toMatchObject({ session: { delegation: 'Italy', name: 'Ada' } });
      // Attribution survived: the history names both delegations.
      const history = (await (await apiFetch(server, `/api/documents/${id}/history`)).json()) as { changes: Array<{ delegation: string | null }> };
      const delegations = new Set(history.changes.map((c) => c.delegation));
      expect(delegations).toContain('Italy');
      expect(delegations).toContain('Mexico');

      const again = connectClient(server, id, 'Italy', 'Ada', { token: italyToken });
      await synced(again);
      expect(operativeTexts(again.doc)).toEqual(expected);
      appendOperative(again.doc, 'Decides to remain seized of the matter', 'after');
      const d2 = Date.now() + 10_000;
      while (!(await textOf(server, id)).includes('remain seized')) {
        if (Date.now() > d2) throw new Error('the edit after the restart did not arrive');
        await new Promise((r) => setTimeout(r, 25));
      }
      again.destroy();
      expect(existsSync(join(dirs[1].dir, 'penholder.sqlite'))).toBe(false);
    } finally {
      await server.close();
    }
  });
});
