/**
 * Real y-websocket providers against the real server: concurrent edits
 * converge, a late client receives everything, offline edits merge.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendOperative, connectClient, insertOperative, operativeTexts, synced, waitFor, type Client } from '../support/clients';
import { bearer, createDocument, startTestServer, tempDataDir, type TestServer } from '../support/server';

let server: TestServer;
const data = tempDataDir();
const clients: Client[] = [];
const connect = (docId: string, delegation: string) => {
  const c = connectClient(server, docId, delegation);
  clients.push(c);
  return c;
};

beforeAll(async () => {
  server = await startTestServer({ dataDir: data.dir });
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await server.close();
  data.remove();
});

describe('live sync', () => {
  it('two clients add paragraphs concurrently and converge; a late third client gets everything', async () => {
    const id = await createDocument(server, { template: 'ga-main-committee' });
    const a = connect(id, 'Mexico');
    const b = connect(id, 'Norway');
    await Promise.all([synced(a), synced(b)]);
    const initial = operativeTexts(a.doc);
    expect(initial.length).toBeGreaterThan(0);
    expect(operativeTexts(b.doc)).toEqual(initial);

    // Both type at once: neither has seen the other's paragraphs yet.
    for (let i = 0; i < 5; i++) {
      appendOperative(a.doc, `Mexico paragraph ${i}`, `pa${i}`);
      appendOperative(b.doc, `Norway paragraph ${i}`, `pb${i}`);
    }
    const expectedCount = initial.length + 10;
    await waitFor(() => operativeTexts(a.doc).length === expectedCount && operativeTexts(b.doc).length === expectedCount, 'both see 10 new paragraphs');
    expect(operativeTexts(a.doc)).toEqual(operativeTexts(b.doc));
    const texts = operativeTexts(a.doc);
    for (let i = 0; i < 5; i++) {
      expect(texts).toContain(`Mexico paragraph ${i}`);
      expect(texts).toContain(`Norway paragraph ${i}`);
    }
    // Each client's own paragraphs keep their relative order.
    const mexico = texts.filter((t) => t.startsWith('Mexico'));
    expect(mexico).toEqual([0, 1, 2, 3, 4].map((i) => `Mexico paragraph ${i}`));

    const late = connect(id, 'Kenya');
    await synced(late);
    expect(operativeTexts(late.doc)).toEqual(texts);

    // The server's own view (REST) agrees with the clients.
    const res = await fetch(`${server.url}/api/documents/${id}`, { headers: bearer() });
    const body = (await res.json()) as { resolution: { operative: unknown[] } };
    expect(body.resolution.operative).toHaveLength(expectedCount);
  });

  it('a client that edits while offline merges on reconnect, and nothing of the others is lost', async () => {
    const id = await createDocument(server, { template: 'hrc' });
    const a = connect(id, 'Chile');
    const b = connect(id, 'Japan');
    await Promise.all([synced(a), synced(b)]);
    const before = operativeTexts(a.doc).length;

    a.provider.disconnect();
    await waitFor(() => !a.provider.wsconnected, 'a offline');
    appendOperative(a.doc, 'Written offline by Chile', 'off1');
    insertOperative(a.doc, 0, 'Also offline, at the top', 'off2');
    appendOperative(b.doc, 'Written online by Japan', 'on1');
    await waitFor(() => operativeTexts(b.doc).length === before + 1, 'b has its own paragraph');
    expect(operativeTexts(b.doc)).not.toContain('Written offline by Chile');

    a.provider.connect();
    await waitFor(
      () => operativeTexts(a.doc).length === before + 3 && operativeTexts(b.doc).length === before + 3,
      'offline edits merged',
    );
    expect(operativeTexts(a.doc)).toEqual(operativeTexts(b.doc));
    expect(operativeTexts(b.doc)[0]).toBe('Also offline, at the top');
    expect(operativeTexts(b.doc)).toContain('Written offline by Chile');
    expect(operativeTexts(a.doc)).toContain('Written online by Japan');
  });

  it('presence: each client sees the other in awareness with its delegation', async () => {
    const id = await createDocument(server, { template: 'ecosoc' });
    const a = connect(id, 'Ghana');
    const b = connect(id, 'Peru');
    await Promise.all([synced(a), synced(b)]);
    a.provider.awareness.setLocalStateField('cursor', { anchor: 1, head: 1 });
    b.provider.awareness.setLocalStateField('cursor', { anchor: 2, head: 2 });
    // The server writes each one's user from its authenticated identity (default name "Tester").
    const names = (c: Client) => [...c.provider.awareness.getStates().values()].map((s) => (s.user as { name?: string } | undefined)?.name).filter(Boolean).sort();
    await waitFor(() => names(a).length === 1 && names(b).length === 1, 'each sees the other');
    expect(names(a)).toEqual(['Tester (Peru)']);
    expect(names(b)).toEqual(['Tester (Ghana)']);

    // A late client learns who is already there.
    const c = connect(id, 'Fiji');
    await synced(c);
    await waitFor(() => names(c).length === 2, 'late client sees the two present users');
  });
});
