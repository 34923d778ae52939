/**
 * The relay between two in-process nodes (one PostgreSQL database, one
 * Redis): presence reaches a node that opens the document later (it asks the
 * others, instead of waiting for the next renewal), and the relay lag is
 * reported for the metrics.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendOperative, connectClient, operativeTexts, synced, waitFor } from '../support/clients';
import { freshDatabase, type FreshDatabase } from '../support/postgres';
import { startTestRedis, type TestRedis } from '../support/redis';
import { createDocument, startTestServer, tempDataDir, type TestServer } from '../support/server';

let db: FreshDatabase;
let redis: TestRedis;
const nodes: TestServer[] = [];
const dirs = [tempDataDir(), tempDataDir()];

beforeAll(async () => {
  db = await freshDatabase();
  redis = await startTestRedis();
  for (const [i, dir] of dirs.entries()) {
    nodes.push(await startTestServer({ dataDir: dir.dir, databaseUrl: db.url, redisUrl: redis.url, redisPrefix: 'relay-test:', nodeId: `node-${i + 1}` }));
  }
}, 60_000);

afterAll(async () => {
  for (const n of nodes) await n.close();
  await redis?.kill();
  await db?.drop();
  for (const d of dirs) d.remove();
}, 60_000);

describe('relay between two nodes', () => {
  it('a node opening the document learns the presence of the other node’s clients at once', async () => {
    const [one, two] = nodes;
    const id = await createDocument(one, { template: 'cop-untoc' });
    const italy = connectClient(one, id, 'Italy', 'Ada');
    let kenya: ReturnType<typeof connectClient> | null = null;
    try {
      await synced(italy);
      italy.provider.awareness.setLocalStateField('user', { name: 'Ada (Italy)' });
      kenya = connectClient(two, id, 'Kenya', 'Wanjiru'); // node 2 opens the document now
      const k = kenya;
      await synced(k);
      // Awareness renews every 15 s; well before that, node 2 has asked node 1 ("hello").
      await waitFor(() => (k.provider.awareness.getStates().get(italy.doc.clientID) as { user?: { name: string } } | undefined)?.user?.name === 'Ada (Italy)', 'Italy’s presence on node 2', 5000);
    } finally {
      italy.destroy();
      kenya?.destroy();
    }
  });

  it('reports the relay lag of updates from the other node', async () => {
    const [one, two] = nodes;
    const lags: number[] = [];
    two.scaleOut!.relay.onLag = (ms) => lags.push(ms);
    const id = await createDocument(one, { template: 'cop-untoc' });
    const italy = connectClient(one, id, 'Italy', 'Ada');
    const kenya = connectClient(two, id, 'Kenya', 'Wanjiru');
    try {
      await Promise.all([synced(italy), synced(kenya)]);
      appendOperative(italy.doc, 'Requests the Secretariat to report', 'it-1');
      await waitFor(() => operativeTexts(kenya.doc).includes('Requests the Secretariat to report'), 'the update relayed to node 2');
      expect(lags.length).toBeGreaterThan(0);
      expect(lags.every((ms) => ms >= 0 && ms < 10_000)).toBe(true);
      expect(two.scaleOut!.relay.lastLagMs).toBe(lags.at(-1));
      expect(one.scaleOut!.relay.nodeId).toBe('node-1');
    } finally {
      two.scaleOut!.relay.onLag = null;
      italy.destroy();
      kenya.destroy();
    }
  });
});
