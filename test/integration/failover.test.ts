/**
 * A provider given several server URLs: a node that is down is skipped, and a
 * final close (unknown document) stops the rotation like it stops y-websocket.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, synced, waitFor } from '../support/clients';
import { freePort } from '../support/cluster';
import { createDocument, startTestServer, tempDataDir, TEST_ADMIN_TOKEN, type TestServer } from '../support/server';

let server: TestServer;
const data = tempDataDir();
beforeAll(async () => {
  server = await startTestServer({ dataDir: data.dir });
});
afterAll(async () => {
  await server.close();
  data.remove();
});

describe('failover across server URLs', () => {
  it('skips a node that is down and connects to the next one', async () => {
    const id = await createDocument(server, { template: 'cop-untoc' });
    const down = `ws://127.0.0.1:${await freePort()}/collab`; // nothing listens there
    const c = connectClient(server, id, 'Peru', 'Pia', { wsUrls: [down, server.wsUrl], maxBackoffTime: 200 });
    try {
      await synced(c);
      expect(c.provider.url.startsWith(server.wsUrl)).toBe(true);
      expect(c.closes.length).toBeGreaterThan(0); // the refused attempt
    } finally {
      c.destroy();
    }
  });

  it('stops on a final close instead of trying the other nodes', async () => {
    const other = `ws://127.0.0.1:${await freePort()}/collab`;
    // The administrator may open any document: the upgrade succeeds and the server closes with 4404.
    const lost = connectClient(server, 'no-such-document', 'Admin', 'Admin', { token: TEST_ADMIN_TOKEN, wsUrls: [server.wsUrl, other], maxBackoffTime: 200 });
    try {
      await waitFor(() => lost.closes.length > 0, 'the server closes the connection');
      expect(lost.closes[0].code).toBe(4404);
      expect(lost.provider.url.startsWith(server.wsUrl)).toBe(true);
      expect(lost.provider.shouldConnect).toBe(false);
    } finally {
      lost.destroy();
    }
  });
});
