/** Stop the server and start it again on the same DATA_DIR: nothing is lost. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { appendOperative, connectClient, operativeTexts, synced, waitFor } from '../support/clients';
import { bearer, createDocument, startTestServer, tempDataDir } from '../support/server';

const data = tempDataDir();
afterAll(() => data.remove());

describe('persistence', () => {
  it('keeps content across a restart, with clients still connected at shutdown', async () => {
    let server = await startTestServer({ dataDir: data.dir, compactEvery: 7 });
    expect(existsSync(join(data.dir, 'penholder.sqlite'))).toBe(true);
    const id = await createDocument(server, { template: 'cop-untoc' });
    const a = connectClient(server, id, 'Italy');
    await synced(a);
    const base = operativeTexts(a.doc).length;
    // 20 updates: crosses the compaction threshold twice, so load = snapshot + later updates.
    for (let i = 0; i < 20; i++) appendOperative(a.doc, `Requests action ${i}`, `p${i}`);
    const text = async () => (await fetch(`${server.url}/api/documents/${id}/text`, { headers: bearer() })).text();
    const expected = operativeTexts(a.doc);
    expect(expected).toHaveLength(base + 20);
    // Wait until the server has everything (the REST view reads the live document).
    const deadline = Date.now() + 5000;
    while (!(await text()).includes('action 19') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const before = await text();
    expect(before).toContain('action 19');

    await server.close(); // the client is still connected
    a.destroy();

    // The log was compacted into a snapshot, and the update rows remain as history.
    const db = new Database(join(data.dir, 'penholder.sqlite'), { readonly: true });
    const snap = db.prepare('SELECT up_to_seq FROM snapshots WHERE doc_id = ?').get(id) as { up_to_seq: number } | undefined;
    const rows = db.prepare('SELECT COUNT(*) AS n FROM update_log WHERE doc_id = ?').get(id) as { n: number };
    db.close();
    expect(snap?.up_to_seq).toBeGreaterThanOrEqual(7);
    expect(rows.n).toBeGreaterThanOrEqual(20);

    server = await startTestServer({ dataDir: data.dir });
    try {
      expect(await text()).toBe(before);
      const b = connectClient(server, id, 'Italy');
      await synced(b);
      expect(operativeTexts(b.doc)).toEqual(expected);
      // And it keeps working after the restart.
      appendOperative(b.doc, 'Decides after the restart', 'pz');
      const d2 = Date.now() + 5000;
      while (!(await text()).includes('after the restart') && Date.now() < d2) await new Promise((r) => setTimeout(r, 20));
      expect(await text()).toContain('after the restart');
      b.destroy();
    } finally {
      await server.close();
    }
  });

  it('unloads a document when its last client leaves and reloads it intact', async () => {
    const server = await startTestServer({ dataDir: data.dir });
    try {
      const id = await createDocument(server, { template: 'security-council' });
      const a = connectClient(server, id);
      await synced(a);
      appendOperative(a.doc, 'Decides to remain seized of the matter.', 'seized');
      const count = operativeTexts(a.doc).length;
      await new Promise((r) => setTimeout(r, 200));
      a.destroy();
      await new Promise((r) => setTimeout(r, 200));
      const b = connectClient(server, id);
      await synced(b);
      expect(operativeTexts(b.doc)).toHaveLength(count);
      expect(operativeTexts(b.doc).at(-1)).toBe('Decides to remain seized of the matter.');
      b.destroy();
    } finally {
      await server.close();
    }
  });
});
