/**
 * Malformed and oversized frames close only the offending connection, with
 * a clear close code and reason; the server and every other client carry on.
 */
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE } from '../../shared/protocol/messages';
import { appendOperative, connectClient, operativeTexts, synced, waitFor, type Client } from '../support/clients';
import { createDocument, startTestServer, tempDataDir, TEST_ADMIN_TOKEN, type TestServer } from '../support/server';

const MAX = 64 * 1024;
let server: TestServer;
const data = tempDataDir();
let docId: string;
let a: Client;
let b: Client;

beforeAll(async () => {
  server = await startTestServer({ dataDir: data.dir, maxMessageBytes: MAX });
  docId = await createDocument(server, { template: 'ga-main-committee' });
  a = connectClient(server, docId, 'Brazil');
  b = connectClient(server, docId, 'India');
  await Promise.all([synced(a), synced(b)]);
});
afterAll(async () => {
  a.destroy();
  b.destroy();
  await server.close();
  data.remove();
});

/** A sync update message (y-protocols messageYjsUpdate) carrying the update given in hex. */
function syncUpdate(hex: string): Buffer {
  const update = Buffer.from(hex, 'hex');
  if (update.length > 127) throw new Error('one-byte length prefix only');
  return Buffer.concat([Buffer.from([0x00, 0x02, update.length]), update]);
}

/** Opens a raw socket, waits for the server's first message, sends `frame`, resolves with the close. */
function sendRaw(frame: Buffer | string, path = `/collab/${docId}`): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${server.wsUrl.replace(/\/collab$/, '')}${path}?token=${TEST_ADMIN_TOKEN}`);
    const timer = setTimeout(() => reject(new Error('server did not close the connection')), 5000);
    ws.once('message', () => ws.send(frame));
    ws.on('error', () => {});
    ws.once('close', (code, reason) => {
      clearTimeout(timer);
      resolve({ code, reason: reason.toString() });
    });
  });
}

let counter = 0;
async function othersStillSync() {
  const text = `Requests the Secretary-General to report, take ${++counter}`;
  appendOperative(a.doc, text, `ok${counter}`);
  await waitFor(() => operativeTexts(b.doc).includes(text), 'b receives a paragraph from a');
  expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);
  expect(a.closes).toEqual([]);
  expect(b.closes).toEqual([]);
}

describe('bad input on the collaboration endpoint', () => {
  const cases: [string, Buffer | string, number, RegExp][] = [
    ['garbage bytes', Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x42]), CLOSE.malformed, /malformed message: unknown message type/],
    ['a truncated varint', Buffer.from([0x00, 0xff]), CLOSE.malformed, /malformed message/],
    ['an update that fails to decode', Buffer.from([0x00, 0x02, 0x05, 0x01, 0xff, 0xff, 0xff, 0x7f]), CLOSE.malformed, /malformed message/],
    ['an unknown sync message type', Buffer.from([0x00, 0x09, 0x00]), CLOSE.malformed, /unknown sync message type 9/],
    ['trailing bytes', Buffer.from([0x03, 0x01]), CLOSE.malformed, /trailing bytes/],
    ['a text frame', 'hello', CLOSE.malformed, /text frames/],
    ['an oversized frame', Buffer.alloc(MAX + 1024, 1), CLOSE.tooLarge, /.*/],
    // Found by the fuzzing test (fuzz.test.ts): updates that decode but make Y.applyUpdate throw.
    ['an item whose parent is its own later item', syncUpdate('0104890600070089060503136f70657261746976655f70617261677261706807008906000604008906010e46757a7a207061726167726170682800890600026964017703667a3400'), CLOSE.malformed, /refers to its own client's later item 5 as its parent/],
    ['an update that decodes but cannot be applied', syncUpdate('00048906000700010003136f70657261746976655f70617261677261706807008906000604008906010e46757a7a207061726167726170682800890600026964017703667a3400'), CLOSE.malformed, /the update cannot be applied/],
  ];

  for (const [name, frame, code, reason] of cases) {
    it(`${name}: closes that connection only`, async () => {
      const closed = await sendRaw(frame);
      expect(closed.code).toBe(code);
      expect(closed.reason).toMatch(reason);
      await othersStillSync();
    });
  }

  it('logs a line for a malformed frame', () => {
    expect(server.lines.some((l) => l.includes('closing connection') && l.includes('malformed'))).toBe(true);
  });

  it('an unknown document closes with 4404 and the provider stops retrying', async () => {
    const c = connectClient(server, 'no-such-document', 'Test', 'Tester', { token: TEST_ADMIN_TOKEN });
    const closed = new Promise<{ code: number }>((resolve) => c.provider.on('closed', (e) => resolve(e)));
    expect((await closed).code).toBe(CLOSE.unknownDocument);
    expect(c.provider.shouldConnect).toBe(false);
    c.destroy();
    await othersStillSync();
  });

  it('an invalid document id is refused', async () => {
    const closed = await sendRaw(Buffer.from([0]), '/collab/..%2F..%2Fetc');
    expect(closed.code).toBe(CLOSE.malformed);
  });

  it('a flood of malformed connections does not disturb the session', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => sendRaw(Buffer.from([0x00, 0x00, 0x0a, i]))));
    expect(results.every((r) => r.code === CLOSE.malformed)).toBe(true);
    await othersStillSync();
  });
});
