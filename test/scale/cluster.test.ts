/**
 * Scale-out failure tests: three real node processes on one PostgreSQL
 * database, relaying through a real (private) redis-server, with real
 * y-websocket clients spread across them.
 */
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { MESSAGE_SYNC } from '../../shared/protocol/messages';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendOperative, connectClient, operativeTexts, synced, waitFor, type Client } from '../support/clients';
import { freePort, NodeProcess, startCluster, type Cluster } from '../support/cluster';
import { freshDatabase, type FreshDatabase } from '../support/postgres';
import { holdsAll, trackReceived } from '../support/received';
import { startTestRedis, type TestRedis } from '../support/redis';
import { apiFetch, createDocument } from '../support/server';
import { startTyping, type Typist } from '../support/typing';

let db: FreshDatabase;
let redis: TestRedis;
let cluster: Cluster;

beforeAll(async () => {
  db = await freshDatabase();
  redis = await startTestRedis();
  cluster = await startCluster(3, { DATABASE_URL: db.url, REDIS_URL: redis.url, REDIS_PREFIX: `test-${process.pid}:` });
}, 120_000);

afterAll(async () => {
  await cluster?.stop();
  await redis?.kill();
  await db?.drop();
}, 60_000);

/** The node URLs starting at node `first`: a client begins there and fails over to the next. */
const urlsFrom = (first: number) => [...cluster.wsUrls.slice(first), ...cluster.wsUrls.slice(0, first)];

const DELEGATIONS = ['Italy', 'Mexico', 'Kenya', 'Japan', 'Brazil', 'Norway'];

/** Six clients, two per node, each of its own delegation. */
function spreadClients(id: string): { client: Client; node: number; delegation: string }[] {
  return DELEGATIONS.map((delegation, i) => {
    const node = i % 3;
    const client = connectClient(cluster.nodes[node], id, delegation, `Delegate ${i}`, { wsUrls: urlsFrom(node), maxBackoffTime: 500 });
    return { client, node, delegation };
  });
}

async function textAt(node: { url: string }, id: string): Promise<string> {
  const res = await apiFetch(node, `/api/documents/${id}/text`);
  if (!res.ok) throw new Error(`GET text from ${node.url}: ${res.status} ${await res.text()}`);
  return res.text();
}

const sameTexts = (clients: Client[]) => {
  const first = JSON.stringify(operativeTexts(clients[0].doc));
  return clients.every((c) => JSON.stringify(operativeTexts(c.doc)) === first);
};

async function waitForConverged(clients: Client[], what: string, timeoutMs = 30_000) {
  try {
    await waitFor(() => sameTexts(clients), what, timeoutMs);
  } catch (err) {
    throw new Error(`${(err as Error).message}\n${clients.map((c) => JSON.stringify(operativeTexts(c.doc).slice(-6))).join('\n')}\n${cluster.logs(15)}`);
  }
}

/** Every node serves the same text, the clients' text. */
async function expectNodesAgree(id: string, clients: Client[]) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const texts = await Promise.all(cluster.nodes.map((n) => textAt(n, id)));
    const clientTexts = operativeTexts(clients[0].doc);
    // The plain-text form marks the italic opening phrase with asterisks.
    const plain = texts[0].replaceAll('*', '');
    if (texts.every((t) => t === texts[0]) && clientTexts.every((p) => plain.includes(p))) return;
    if (Date.now() > deadline) throw new Error(`nodes disagree after 20 s:\n${texts.map((t) => t.slice(-300)).join('\n---\n')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('three nodes behind Redis and PostgreSQL', () => {
  it('clients spread across the nodes edit one document concurrently and converge, with one history', async () => {
    const id = await createDocument(cluster.nodes[0], { template: 'cop-untoc' });
    const spread = spreadClients(id);
    const clients = spread.map((s) => s.client);
    try {
      await Promise.all(clients.map(synced));
      // Presence crosses nodes: the delegate on node 3 sees the one on node 1.
      clients[0].provider.awareness.setLocalStateField('user', { name: 'Delegate 0 (Italy)' });
      await waitFor(() => clients[2].provider.awareness.getStates().has(clients[0].doc.clientID), 'presence relayed from node 1 to node 3', 15_000);

      const typists: Typist[] = clients.map((c, i) => startTyping(c, `p-${DELEGATIONS[i]}`, `Requests ${DELEGATIONS[i]} to report`, { everyMs: 15, maxChars: 60 }));
      await Promise.all(typists.map((t) => waitFor(() => t.typed >= 60, 'typing done', 30_000)));
      await Promise.all(typists.map((t) => t.stop()));

      await waitForConverged(clients, 'six clients on three nodes converge');
      const texts = operativeTexts(clients[0].doc);
      for (const d of DELEGATIONS) expect(texts.find((t) => t.startsWith(`Requests ${d} to report`))).toHaveLength(`Requests ${d} to report `.length + 60);
      await expectNodesAgree(id, clients);

      // Diagnostics are recomputed on each node from its copy: the same verdict everywhere.
      const diagnostics = await Promise.all(cluster.nodes.map(async (n) => JSON.stringify(await (await apiFetch(n, `/api/documents/${id}/diagnostics`)).json())));
      expect(diagnostics[1]).toBe(diagnostics[0]);
      expect(diagnostics[2]).toBe(diagnostics[0]);

      // Attribution is the same whichever node is asked: every paragraph by the delegation that typed it.
      const histories = await Promise.all(
        cluster.nodes.map(async (n) => (await (await apiFetch(n, `/api/documents/${id}/history`)).json()) as { changes: { seq: number; delegation: string; paragraph: { id: string } | null }[] }),
      );
      const summary = (h: (typeof histories)[number]) => h.changes.map((c) => `${c.seq}:${c.delegation}:${c.paragraph?.id ?? ''}`).join(',');
      expect(summary(histories[1])).toBe(summary(histories[0]));
      expect(summary(histories[2])).toBe(summary(histories[0]));
      for (const d of DELEGATIONS) {
        const byParagraph = histories[0].changes.filter((c) => c.paragraph?.id === `p-${d}`);
        expect(byParagraph.length).toBeGreaterThan(0);
        expect(new Set(byParagraph.map((c) => c.delegation))).toEqual(new Set([d]));
      }
    } finally {
      for (const c of clients) c.destroy();
    }
  }, 120_000);

  it('a node that opens the document while others type catches up: nothing published meanwhile is lost', async () => {
    const id = await createDocument(cluster.nodes[0], { template: 'cop-untoc' });
    const italy = connectClient(cluster.nodes[0], id, 'Italy', 'Ada', { maxBackoffTime: 500 });
    const mexico = connectClient(cluster.nodes[1], id, 'Mexico', 'Benito', { maxBackoffTime: 500 });
    let late: Client | null = null;
    try {
      await Promise.all([synced(italy), synced(mexico)]);
      const typists = [startTyping(italy, 'o-Italy', 'Notes Italy', { everyMs: 5, maxChars: 10_000 }), startTyping(mexico, 'o-Mexico', 'Notes Mexico', { everyMs: 5, maxChars: 10_000 })];
      await waitFor(() => typists.every((t) => t.typed >= 20), 'typing on nodes 1 and 2', 30_000);
      // Node 3 has never opened this document: it subscribes, loads from PostgreSQL and applies what arrived meanwhile.
      late = connectClient(cluster.nodes[2], id, 'Kenya', 'Wanjiru', { maxBackoffTime: 500 });
      await synced(late);
      const at = typists.map((t) => t.typed);
      await waitFor(() => typists.every((t, i) => t.typed >= at[i] + 40), 'typing after node 3 opened the document', 30_000);
      await Promise.all(typists.map((t) => t.stop()));
      await waitForConverged([italy, mexico, late], 'the late node converges');
      const texts = operativeTexts(late.doc);
      expect(texts.find((t) => t.startsWith('Notes Italy'))).toHaveLength('Notes Italy '.length + typists[0].typed);
      expect(texts.find((t) => t.startsWith('Notes Mexico'))).toHaveLength('Notes Mexico '.length + typists[1].typed);
    } finally {
      italy.destroy();
      mexico.destroy();
      late?.destroy();
    }
  }, 120_000);

  it('a node killed with SIGKILL mid-editing: its clients move to another node and nothing any client received is lost', async () => {
    const id = await createDocument(cluster.nodes[1], { template: 'cop-untoc' });
    const spread = spreadClients(id);
    const clients = spread.map((s) => s.client);
    const received = clients.map(trackReceived);
    const victims = spread.filter((s) => s.node === 0).map((s) => s.client);
    let reader: Client | null = null;
    try {
      await Promise.all(clients.map(synced));
      const typists = clients.map((c, i) => startTyping(c, `k-${DELEGATIONS[i]}`, `Urges ${DELEGATIONS[i]} to act`, { everyMs: 10, maxChars: 10_000 }));
      // In the middle of editing: everyone has typed and received the others' typing.
      await waitFor(() => typists.every((t) => t.typed >= 25), 'everyone typing', 30_000);

      await cluster.nodes[0].kill();
      // What each client had received from its node when the node died.
      const atKill = received.map((r) => Y.encodeStateAsUpdate(r));
      // Hold node 1's clients back for the check, so that they cannot re-send what they had (that would prove nothing).
      for (const v of victims) v.provider.disconnect();

      reader = connectClient(cluster.nodes[2], id, 'Observer', 'Reader', { role: 'observer' });
      await synced(reader);
      const r = reader;
      await waitFor(() => atKill.every((u) => holdsAll(r.doc, u)), 'node 3 holds every update any client had received', 20_000).catch((err) => {
        throw new Error(`${(err as Error).message}: missing for clients ${atKill.flatMap((u, i) => (holdsAll(r.doc, u) ? [] : [DELEGATIONS[i]])).join(', ')}\n${cluster.logs(15)}`);
      });

      // Node 1's clients reconnect — to another node, as node 1 is down — and keep typing.
      const typedBefore = typists.map((t) => t.typed);
      for (const v of victims) v.provider.connect();
      await Promise.all(victims.map((v) => waitFor(() => v.provider.wsconnected && v.provider.synced, 'a client of the killed node connected elsewhere', 20_000)));
      for (const v of victims) expect(v.provider.url.startsWith(cluster.nodes[0].wsUrl)).toBe(false);
      await waitFor(() => typists.every((t, i) => t.typed >= typedBefore[i] + 20), 'typing goes on after the failover', 30_000);
      await Promise.all(typists.map((t) => t.stop()));

      await waitForConverged([...clients, reader], 'all clients converge after the failover');
      for (const u of atKill) expect(holdsAll(clients[0].doc, u)).toBe(true);

      // Node 1 comes back, loads the document from PostgreSQL and serves the same text.
      await cluster.nodes[0].start();
      await expectNodesAgree(id, clients);
    } finally {
      for (const c of clients) c.destroy();
      reader?.destroy();
      if (!cluster.nodes[0].running) await cluster.nodes[0].start(); // whole again for the next test
    }
  }, 180_000);

  it('Redis restarted while the nodes run: they reconnect, resynchronize, and no divergence remains', async () => {
    const id = await createDocument(cluster.nodes[2], { template: 'cop-untoc' });
    const spread = spreadClients(id);
    const clients = spread.map((s) => s.client);
    try {
      await Promise.all(clients.map(synced));
      const typists = clients.map((c, i) => startTyping(c, `r-${DELEGATIONS[i]}`, `Decides that ${DELEGATIONS[i]} shall`, { everyMs: 15, maxChars: 10_000 }));
      await waitFor(() => typists.every((t) => t.typed >= 15), 'everyone typing', 30_000);

      await redis.kill();
      const downAt = Date.now();
      // Edits go on while Redis is away (a second at least): each node serves its own clients, nothing reaches the others.
      const during = typists.map((t) => t.typed);
      await waitFor(() => Date.now() - downAt >= 1000 && typists.every((t, i) => t.typed >= during[i] + 15), 'typing while Redis is down', 30_000);
      await redis.start();

      const after = typists.map((t) => t.typed);
      await waitFor(() => typists.every((t, i) => t.typed >= after[i] + 15), 'typing after Redis is back', 30_000);
      await Promise.all(typists.map((t) => t.stop()));

      await waitForConverged(clients, 'clients converge after the Redis restart');
      const texts = operativeTexts(clients[0].doc);
      for (let i = 0; i < DELEGATIONS.length; i++) {
        expect(texts.find((t) => t.startsWith(`Decides that ${DELEGATIONS[i]} shall`))).toHaveLength(`Decides that ${DELEGATIONS[i]} shall `.length + typists[i].typed);
      }
      await expectNodesAgree(id, clients);
      for (const n of cluster.nodes) expect(n.lines.some((l) => l.includes('redis reconnected'))).toBe(true);
    } finally {
      for (const c of clients) c.destroy();
    }
  }, 180_000);

  it('a Yjs client id claimed through one node cannot be used by another delegation through another node', async () => {
    const id = await createDocument(cluster.nodes[0], { template: 'cop-untoc' });
    const mexico = connectClient(cluster.nodes[1], id, 'Mexico', 'Benito');
    const italy = connectClient(cluster.nodes[0], id, 'Italy', 'Ada');
    try {
      // Node 2 learns the owners of this document's client ids (Mexico's) before Italy writes through node 1.
      await Promise.all([synced(mexico), synced(italy)]);
      appendOperative(mexico.doc, 'Invites States to share practice', 'mx-1');
      await waitFor(() => operativeTexts(italy.doc).includes('Invites States to share practice'), 'Mexico’s paragraph relayed to node 1', 15_000);
      appendOperative(italy.doc, 'Requests the Secretariat to report', 'it-1');
      await waitFor(() => operativeTexts(mexico.doc).includes('Requests the Secretariat to report'), 'Italy’s paragraph relayed to node 2', 15_000);

      // Mexico writes through node 2 under Italy's client id (raw frames: the provider cannot forge them).
      const forged = forgeUpdate(mexico.doc, italy.doc.clientID, 'Decides to close the item');
      const close = await sendRawUpdate(cluster.nodes[1].wsUrl, id, mexico.token!, forged);
      expect(close.code).toBe(4403);
      expect(close.reason).toMatch(/belongs to Italy/);
      const texts = await Promise.all(cluster.nodes.map((n) => textAt(n, id)));
      for (const t of texts) expect(t).not.toContain('Decides to close the item');
    } finally {
      italy.destroy();
      mexico.destroy();
    }
  }, 60_000);

  it('a node that cannot reach Redis at start says so and exits', async () => {
    const node = new NodeProcess('no-redis', await freePort(), { DATABASE_URL: db.url, REDIS_URL: `redis://127.0.0.1:${await freePort()}` });
    await expect(node.start()).rejects.toThrow(/exited with 1 while starting/);
    expect(node.lines.join('\n')).toMatch(/cannot reach Redis at redis:\/\/127\.0\.0\.1:\d+\/?: connect ECONNREFUSED/);
  }, 60_000);

  it('revoking a participant through one node closes its connection on another node', async () => {
    const id = await createDocument(cluster.nodes[0], { template: 'cop-untoc' });
    const chile = connectClient(cluster.nodes[2], id, 'Chile', 'Carla');
    try {
      await synced(chile);
      const res = await apiFetch(cluster.nodes[0], `/api/documents/${id}/participants/${chile.participantId}`, { method: 'DELETE' });
      expect(res.status).toBe(200);
      await waitFor(() => chile.closes.some((c) => c.code === 4401), 'node 3 drops the revoked participant’s connection', 15_000);
      expect(chile.closes.find((c) => c.code === 4401)?.reason).toMatch(/revoked/);
    } finally {
      chile.destroy();
    }
  }, 60_000);
});

/** An update that appends a paragraph to `base`'s state, written under `clientId`. */
function forgeUpdate(base: Y.Doc, clientId: number, text: string): Uint8Array {
  const forged = new Y.Doc();
  Y.applyUpdate(forged, Y.encodeStateAsUpdate(base));
  forged.clientID = clientId; // after applying: Yjs renames a doc that sees its own id arrive from elsewhere
  const state = Y.encodeStateVector(forged);
  appendOperative(forged, text, `forged-${clientId}`);
  return Y.encodeStateAsUpdate(forged, state);
}

/** Sends one sync update frame on a raw socket (after the server's first message); resolves with the close. */
function sendRawUpdate(wsUrl: string, docId: string, token: string, update: Uint8Array): Promise<{ code: number; reason: string }> {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeUpdate(encoder, update);
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${wsUrl}/${docId}?token=${token}`);
    const timer = setTimeout(() => reject(new Error('the server did not close the connection')), 10_000);
    ws.once('message', () => ws.send(encoding.toUint8Array(encoder)));
    ws.once('close', (code, reason) => {
      clearTimeout(timer);
      resolve({ code, reason: reason.toString() });
    });
  });
}
