/**
 * Abuse limits on a real server: a flooding connection, too many documents
 * open in one session, too many upgrade attempts from one address. Each is
 * closed (4429) or refused (HTTP 429 JSON) with a reason; everyone else
 * carries on.
 */
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE } from '../../shared/protocol/messages';
import { appendOperative, connectClient, operativeTexts, synced, waitFor, type Client } from '../support/clients';
import { createDocument, invite, startTestServer, tempDataDir, type TestServer } from '../support/server';

let server: TestServer;
const data = tempDataDir();
let docId: string;
let a: Client;
let b: Client;

beforeAll(async () => {
  server = await startTestServer({
    dataDir: data.dir,
    limits: { messagesPerSecond: 50, messageBurst: 100, connectionsPerSession: 2, upgradesPerSecond: 1, upgradeBurst: 40 },
  });
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

let counter = 0;
async function othersStillSync() {
  const text = `Requests the Secretary-General to report, take ${++counter}`;
  appendOperative(a.doc, text, `lim${counter}`);
  await waitFor(() => operativeTexts(b.doc).includes(text), 'b receives a paragraph from a');
  expect(a.closes).toEqual([]);
  expect(b.closes).toEqual([]);
}

/** A value from GET /api/metrics. */
async function metric(name: string): Promise<number> {
  const text = await (await fetch(`${server.url}/api/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(name + ' '));
  if (!line) throw new Error(`no metric ${name}`);
  return Number(line.split(' ')[1]);
}

async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs = 5000) {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const wsUrl = (token: string) => `${server.wsUrl}/${docId}?token=${token}`;

function closeOf(ws: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
}

describe('abuse limits', () => {
  it('a connection that floods the server is closed with 4429 and the reason', async () => {
    const { token } = await invite(server, docId, { delegation: 'Flooder' });
    const ws = new WebSocket(wsUrl(token));
    ws.on('error', () => undefined);
    const closed = closeOf(ws);
    await new Promise((resolve) => ws.once('open', resolve));
    // 500 awareness queries at once: well over the burst of 100.
    for (let i = 0; i < 500 && ws.readyState === ws.OPEN; i++) ws.send(Buffer.from([3]));
    expect(await closed).toEqual({ code: CLOSE.tooMany, reason: 'too many messages: more than 50 per second' });
    await othersStillSync();
  });

  it('a typist within the rate is not closed', async () => {
    for (let i = 0; i < 20; i++) {
      appendOperative(a.doc, `Decides to remain seized of the matter, ${i}`, `typ${i}`);
      await new Promise((r) => setTimeout(r, 30));
    }
    await waitFor(() => operativeTexts(b.doc).includes('Decides to remain seized of the matter, 19'), 'b has every paragraph');
    expect(a.closes).toEqual([]);
  });

  it('a session may open at most N connections; the next is closed with 4429 and the provider stops', async () => {
    const { token } = await invite(server, docId, { delegation: 'Tabs' });
    const first = connectClient(server, docId, 'Tabs', 'x', { token });
    const second = connectClient(server, docId, 'Tabs', 'x', { token });
    await Promise.all([synced(first), synced(second)]);
    const third = connectClient(server, docId, 'Tabs', 'x', { token });
    const closed = new Promise<{ code: number; reason: string }>((resolve) => third.provider.on('closed', (e) => resolve(e)));
    expect(await closed).toEqual({ code: CLOSE.tooMany, reason: 'too many open documents: at most 2 connections per session' });
    expect(third.provider.shouldConnect).toBe(false);
    third.destroy();
    // Closing one gives its place back (once the server has seen the close).
    const open = await metric('penholder_connections');
    first.destroy();
    await waitUntil(async () => (await metric('penholder_connections')) === open - 1, 'the server saw the close');
    const fourth = connectClient(server, docId, 'Tabs', 'x', { token });
    await synced(fourth);
    fourth.destroy();
    second.destroy();
    await othersStillSync();
  });

  it('too many upgrade attempts from one address are refused with 429 JSON before authentication', async () => {
    const attempt = () =>
      new Promise<{ status: number; body: string } | 'opened'>((resolve) => {
        const ws = new WebSocket(wsUrl('ses_not-a-real-token'));
        ws.on('error', () => undefined);
        ws.once('open', () => {
          ws.close();
          resolve('opened');
        });
        ws.once('unexpected-response', (_req, res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
      });
    const results: Array<{ status: number; body: string } | 'opened'> = [];
    for (let i = 0; i < 60; i++) results.push(await attempt());
    const statuses = results.map((r) => (r === 'opened' ? 0 : r.status));
    expect(statuses.filter((s) => s === 401).length).toBeGreaterThan(0);
    const refused = results.find((r) => r !== 'opened' && r.status === 429) as { status: number; body: string } | undefined;
    expect(refused, `statuses: ${statuses.join(',')}`).toBeDefined();
    expect(JSON.parse(refused!.body).error).toMatch(/^Too many connection attempts from .*: at most 1 per second/);
  });
});
