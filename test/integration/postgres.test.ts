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

  it('two nodes writing one document (no relay between them) lose nothing: compaction builds on the shared log', async () => {
    const dir = tempDataDir();
    dirs.push(dir);
    // compactEvery 3: each node compacts often, while its own copy lacks the other node's updates.
    const nodeA = await startTestServer({ dataDir: dir.dir, databaseUrl: db.url, compactEvery: 3 });
    const nodeB = await startTestServer({ dataDir: dir.dir, databaseUrl: db.url, compactEvery: 3 });
    const id = await createDocument(nodeA, { template: 'security-council' });
    const onA = connectClient(nodeA, id, 'France');
    const onB = connectClient(nodeB, id, 'Ghana');
    await Promise.all([synced(onA), synced(onB)]);
    const base = operativeTexts(onA.doc).length;
    for (let i = 0; i < 10; i++) {
      appendOperative(onA.doc, `Calls upon France ${i}`, `fr${i}`);
      appendOperative(onB.doc, `Calls upon Ghana ${i}`, `gh${i}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    for (const [node, word] of [[nodeA, 'France 9'], [nodeB, 'Ghana 9']] as const) {
      const deadline = Date.now() + 10_000;
      while (!(await textOf(node, id)).includes(word)) {
        if (Date.now() > deadline) throw new Error(`${node.url} did not receive "${word}"`);
        await new Promise((r) => setTimeout(r, 25));
      }
    }
    onA.destroy();
    onB.destroy();
    await nodeA.close();
    await nodeB.close();

    const nodeC = await startTestServer({ dataDir: dir.dir, databaseUrl: db.url });
    try {
      const reader = connectClient(nodeC, id, 'Observer', 'O', { role: 'observer' });
      await synced(reader);
      const texts = operativeTexts(reader.doc);
      expect(texts).toHaveLength(base + 20);
      for (let i = 0; i < 10; i++) expect(texts).toEqual(expect.arrayContaining([`Calls upon France ${i}`, `Calls upon Ghana ${i}`]));
      reader.destroy();
    } finally {
      await nodeC.close();
    }
  });

  it('three nodes starting at once on an empty database all start, each with the five seeds once', async () => {
    const fresh = await freshDatabase();
    const dir = tempDataDir();
    dirs.push(dir);
    try {
      const started = await Promise.allSettled([0, 1, 2].map(() => startTestServer({ dataDir: dir.dir, databaseUrl: fresh.url })));
      const nodes = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      try {
        const failures = started.flatMap((r) => (r.status === 'rejected' ? [String(r.reason)] : []));
        expect(failures).toEqual([]);
        for (const node of nodes) {
          const corpus = (await (await apiFetch(node, '/api/corpus')).json()) as { documents: Array<{ id: string; paragraphs: number }> };
          expect(corpus.documents).toHaveLength(5);
          expect(new Set(corpus.documents.map((d) => d.id)).size).toBe(5);
        }
      } finally {
        await Promise.all(nodes.map((n) => n.close()));
      }
    } finally {
      await fresh.drop();
    }
  });
});
