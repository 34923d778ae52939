/**
 * The embedded default (one process, SQLite) killed with SIGKILL while
 * clients type: no shutdown hook runs, and still nothing that was broadcast
 * is lost, because the pipeline broadcasts an update only once it is durable.
 */
import * as Y from 'yjs';
import { afterAll, describe, expect, it } from 'vitest';
import { connectClient, operativeTexts, synced, waitFor, type Client } from '../support/clients';
import { freePort, NodeProcess } from '../support/cluster';
import { holdsAll, trackReceived } from '../support/received';
import { createDocument, tempDataDir } from '../support/server';
import { startTyping } from '../support/typing';

const data = tempDataDir();
let node: NodeProcess | null = null;
afterAll(async () => {
  await node?.stop();
  data.remove();
}, 30_000);

const DELEGATIONS = ['Chile', 'Ghana', 'India', 'Sweden'];

describe('single process on SQLite', () => {
  it('SIGKILL under load, restart: nothing that was broadcast is lost', async () => {
    node = new NodeProcess('sqlite-node', await freePort(), { DATA_DIR: data.dir });
    await node.start();
    const n = node;
    const id = await createDocument(n, { template: 'cop-untoc' });
    const clients: Client[] = DELEGATIONS.map((d, i) => connectClient(n, id, d, `Delegate ${i}`, { maxBackoffTime: 500 }));
    const received = clients.map(trackReceived);
    let reader: Client | null = null;
    try {
      await Promise.all(clients.map(synced));
      const typists = clients.map((c, i) => startTyping(c, `s-${DELEGATIONS[i]}`, `Calls upon ${DELEGATIONS[i]} to`, { everyMs: 5, maxChars: 3000 }));
      await waitFor(() => typists.every((t) => t.typed >= 40), 'everyone typing', 30_000);

      await n.kill();
      const atKill = received.map((r) => Y.encodeStateAsUpdate(r));
      expect(atKill.every((u) => u.length > 0)).toBe(true);
      // Held back until checked: their own copies would otherwise re-send everything on reconnect.
      for (const c of clients) c.provider.disconnect();

      await n.start();
      reader = connectClient(n, id, 'Observer', 'Reader', { role: 'observer' });
      await synced(reader);
      const r = reader;
      const missing = atKill.flatMap((u, i) => (holdsAll(r.doc, u) ? [] : [DELEGATIONS[i]]));
      expect(missing, 'clients whose received updates are missing after the restart').toEqual([]);

      // The clients come back and everything converges, their unsent typing included.
      await Promise.all(typists.map((t) => t.stop()));
      for (const c of clients) c.provider.connect();
      await waitFor(() => clients.every((c) => JSON.stringify(operativeTexts(c.doc)) === JSON.stringify(operativeTexts(r.doc))), 'clients and reader converge', 30_000);
      const texts = operativeTexts(r.doc);
      for (let i = 0; i < DELEGATIONS.length; i++) {
        expect(texts.find((t) => t.startsWith(`Calls upon ${DELEGATIONS[i]} to`))).toHaveLength(`Calls upon ${DELEGATIONS[i]} to `.length + typists[i].typed);
      }
    } finally {
      for (const c of clients) c.destroy();
      reader?.destroy();
    }
  }, 120_000);
});
