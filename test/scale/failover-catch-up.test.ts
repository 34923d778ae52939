/**
 * A client that fails over brings what it received from its old node, which
 * the new node may not have yet (a relay message lost or still in flight).
 * Two in-process nodes on one PostgreSQL database whose relays do not reach
 * each other (different channel prefixes, periodic catch-up off) make that
 * window permanent: the new node must catch up from the log instead of
 * refusing the client's update as written under other delegations' ids.
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
  for (const [i, prefix] of ['a:', 'b:'].entries()) {
    nodes.push(await startTestServer({ dataDir: dirs[i].dir, databaseUrl: db.url, redisUrl: redis.url, redisPrefix: prefix, nodeId: `node-${prefix}`, catchUpEveryMs: 3_600_000 }));
  }
}, 60_000);

afterAll(async () => {
  for (const n of nodes) await n.close();
  await redis?.kill();
  await db?.drop();
  for (const d of dirs) d.remove();
}, 60_000);

describe('failover to a node that lags behind', () => {
  it('the new node catches up from the log and accepts the client, instead of refusing it', async () => {
    const [one, two] = nodes;
    const id = await createDocument(one, { template: 'cop-untoc' });
    const kenya = connectClient(two, id, 'Kenya', 'Wanjiru'); // node 2 has the document open all along
    const italy = connectClient(one, id, 'Italy', 'Ada');
    const mexico = connectClient(one, id, 'Mexico', 'Benito', { wsUrls: [one.wsUrl, two.wsUrl], maxBackoffTime: 200 });
    try {
      await Promise.all([synced(kenya), synced(italy), synced(mexico)]);
      appendOperative(italy.doc, 'Requests the Secretariat to report', 'it-1');
      await waitFor(() => operativeTexts(mexico.doc).includes('Requests the Secretariat to report'), 'Mexico received Italy’s paragraph on node 1');
      expect(operativeTexts(kenya.doc)).not.toContain('Requests the Secretariat to report'); // node 2 never heard of it

      // Mexico's node goes away for Mexico: the provider moves to node 2 and re-sends its state, Italy's structs included.
      mexico.provider.disconnect();
      mexico.provider.connect();
      await waitFor(() => mexico.provider.url.startsWith(two.wsUrl) && mexico.provider.synced, 'Mexico synced on node 2');
      await waitFor(() => operativeTexts(kenya.doc).includes('Requests the Secretariat to report'), 'node 2 caught up with Italy’s paragraph from the log');
      appendOperative(mexico.doc, 'Invites States to share practice', 'mx-1');
      await waitFor(() => operativeTexts(kenya.doc).includes('Invites States to share practice'), 'Mexico still writes through node 2');
      expect(mexico.closes.map((c) => c.code)).not.toContain(4403);
      expect(two.lines.join('\n')).not.toMatch(/refused an update/);
    } finally {
      for (const c of [kenya, italy, mexico]) c.destroy();
    }
  }, 60_000);
});
