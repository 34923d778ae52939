/**
 * The store refuses to log an update that the server's copy already holds
 * (a real SQLite error: a trigger added from another connection, as a full
 * disk or a locked file would do). The copy is dropped and its clients
 * reconnect (server/collab/registry.ts, discard); once the store works
 * again, the sender's client sends the change back through the pipeline:
 * everyone gets it, it is logged under the sender's delegation, and it
 * survives a restart.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendOperative, connectClient, operativeTexts, synced, waitFor, type Client } from '../support/clients';
import { apiFetch, createDocument, startTestServer, tempDataDir, type TestServer } from '../support/server';

const data = tempDataDir();
let server: TestServer;
const clients: Client[] = [];

beforeAll(async () => {
  server = await startTestServer({ dataDir: data.dir });
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await server.close();
  data.remove();
});

const textOf = async (s: TestServer, id: string) => (await apiFetch(s, `/api/documents/${id}/text`)).text();

describe('an update the store cannot log', () => {
  it('is not served from memory: the clients reconnect and the sender resends it once the store works', async () => {
    const id = await createDocument(server, { template: 'ga-main-committee' });
    const mexico = connectClient(server, id, 'Mexico', 'Ana', { maxBackoffTime: 300 });
    const norway = connectClient(server, id, 'Norway', 'Ola', { maxBackoffTime: 300 });
    clients.push(mexico, norway);
    await Promise.all([synced(mexico), synced(norway)]);

    const db = new Database(join(data.dir, 'penholder.sqlite'));
    db.exec(`CREATE TRIGGER refuse_updates BEFORE INSERT ON update_log BEGIN SELECT RAISE(ABORT, 'disk full (test)'); END`);
    try {
      appendOperative(mexico.doc, 'Written while the disk was full;', 'full1');
      // Both connections are closed with a code that reconnects, saying why.
      await waitFor(() => mexico.closes.some((c) => c.code === 1011) && norway.closes.some((c) => c.code === 1011), 'both clients closed with 1011');
      expect(norway.closes.find((c) => c.code === 1011)?.reason).toMatch(/could not save the last change/);
      expect(server.lines.some((l) => l.includes('could not log an update') && l.includes('disk full (test)'))).toBe(true);
      // Meanwhile no one is served the unlogged paragraph: not the API, not Norway.
      expect(await textOf(server, id)).not.toContain('disk was full');
      expect(operativeTexts(norway.doc)).not.toContain('Written while the disk was full;');
    } finally {
      db.exec('DROP TRIGGER refuse_updates');
      db.close();
    }

    await waitFor(() => operativeTexts(norway.doc).includes('Written while the disk was full;'), 'Norway receives the paragraph after the store recovers', 10_000);
    await expect.poll(() => textOf(server, id), { timeout: 5000 }).toContain('while the disk was full;');
    const history = (await (await apiFetch(server, `/api/documents/${id}/history?delegation=Mexico`)).json()) as { changes: { inserted: string }[] };
    expect(history.changes.map((c) => c.inserted).join('')).toContain('Written while the disk was full;');

    // It is in the log: a restart has it.
    for (const c of clients.splice(0)) c.destroy();
    await server.close();
    server = await startTestServer({ dataDir: data.dir });
    expect(await textOf(server, id)).toContain('while the disk was full;');
  });
});
