/**
 * Awareness is broadcast in batches (server/collab/document.ts): carets
 * moved many times within the window reach the others as one message with
 * the latest state, because every y-websocket client echoes each awareness
 * message it receives back to the server.
 */
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, synced, waitFor, type Client } from '../support/clients';
import { createDocument, startTestServer, tempDataDir, TEST_ADMIN_TOKEN, type TestServer } from '../support/server';

let server: TestServer;
const data = tempDataDir();
let docId: string;
let a: Client;
let b: Client;

beforeAll(async () => {
  server = await startTestServer({ dataDir: data.dir });
  docId = await createDocument(server, { template: 'ga-main-committee' });
  a = connectClient(server, docId, 'Ghana');
  b = connectClient(server, docId, 'Peru');
  await Promise.all([synced(a), synced(b)]);
});
afterAll(async () => {
  a.destroy();
  b.destroy();
  await server.close();
  data.remove();
});

describe('awareness broadcast', () => {
  it('carets moved 50 times at once reach the others in a few messages, with the latest position', async () => {
    const raw = new WebSocket(`${server.wsUrl}/${docId}?token=${TEST_ADMIN_TOKEN}`);
    raw.on('error', () => undefined);
    let awarenessMessages = 0;
    raw.on('message', (data: Buffer) => {
      if (data[0] === 1) awarenessMessages++;
    });
    await new Promise((resolve) => raw.once('message', resolve)); // joined: sync step 1
    await new Promise((r) => setTimeout(r, 300)); // the join's own awareness message has passed
    awarenessMessages = 0;
    for (let i = 1; i <= 50; i++) a.provider.awareness.setLocalStateField('cursor', { anchor: i, head: i });
    await waitFor(() => (b.provider.awareness.getStates().get(a.doc.clientID)?.cursor as { anchor: number } | undefined)?.anchor === 50, 'b sees the last caret position');
    await new Promise((r) => setTimeout(r, 300));
    // One batch (plus the echo of b, batched too): far fewer than 50.
    expect(awarenessMessages).toBeGreaterThanOrEqual(1);
    expect(awarenessMessages).toBeLessThanOrEqual(4);
    raw.close();
  });
});
