/**
 * Attribution: three delegations type into the same paragraph at once; the
 * history (from the update log) and the authorship (Yjs items + the server's
 * client id map) attribute every character to the delegation that typed it.
 * The secretariat views an earlier version and restores a paragraph from it.
 */
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorship, blockKey } from '../../shared/editor/authorship';
import { BODY_FIELD, NODE } from '../../shared/editor/schema';
import { connectClient, operativeTexts, synced, waitFor, type Client } from '../support/clients';
import { apiFetch, createDocument, invite, startTestServer, tempDataDir, type TestServer } from '../support/server';

let server: TestServer;
const data = tempDataDir();
const clients: Client[] = [];
beforeAll(async () => {
  server = await startTestServer({ dataDir: data.dir });
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await server.close();
  data.remove();
});

interface Change {
  seq: number;
  time: string;
  delegation: string | null;
  role: string;
  paragraph: { id: string | null; label: string };
  inserted: string;
  deleted: string;
}

/** The Y.XmlText of the first operative paragraph, and its id. */
function op1(doc: Y.Doc): { text: Y.XmlText; id: string } {
  const operative = doc.getXmlFragment(BODY_FIELD).toArray().find((n) => n instanceof Y.XmlElement && n.nodeName === NODE.operative) as Y.XmlElement;
  const p = operative.get(0) as Y.XmlElement;
  return { text: p.get(0) as Y.XmlText, id: p.getAttribute('id') as string };
}

// Disjoint alphabets, so every character says who typed it.
const ALPHABET: Record<string, string> = { Mexico: 'mxqz', Norway: 'NORW', Kenya: '0123' };
const sorted = (s: string) => [...s].sort().join('');

describe('attribution', () => {
  it('three delegations edit one paragraph concurrently: history and authorship attribute every character', async () => {
    const id = await createDocument(server, { template: 'ga-main-committee' });
    const names = ['Mexico', 'Norway', 'Kenya'];
    const cs = names.map((d) => connectClient(server, id, d, `${d} delegate`));
    clients.push(...cs);
    await Promise.all(cs.map(synced));
    const original = op1(cs[0].doc).text.toString();
    const typed: Record<string, string> = { Mexico: '', Norway: '', Kenya: '' };
    let deletedByKenya = '';

    let seed = 7;
    const random = (n: number) => (seed = (seed * 16807) % 2147483647) % n;
    const round = () => {
      // Nobody waits for the others: the inserts interleave in the same paragraph.
      cs.forEach((c, i) => {
        const text = op1(c.doc).text;
        for (let k = 0; k < 4; k++) {
          const chunk = Array.from({ length: 1 + random(3) }, () => ALPHABET[names[i]][random(4)]).join('');
          text.insert(random(text.length + 1), chunk);
          typed[names[i]] += chunk;
        }
      });
    };
    // Kenya deletes five characters of the template's text while the others type.
    const start = original.indexOf('report');
    deletedByKenya = original.slice(start, start + 5);
    op1(cs[2].doc).text.delete(start, 5);
    round();
    await waitFor(() => cs.every((c) => op1(c.doc).text.toString() === op1(cs[0].doc).text.toString() && op1(c.doc).text.length === original.length + Object.values(typed).join('').length - 5), 'all converge', 5000);

    await new Promise((r) => setTimeout(r, 20));
    const since = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    const typedBefore = { ...typed };
    round();
    const expectedLength = original.length + Object.values(typed).join('').length - 5;
    await waitFor(() => cs.every((c) => op1(c.doc).text.length === expectedLength && op1(c.doc).text.toString() === op1(cs[0].doc).text.toString()), 'all converge again', 5000);
    const final = op1(cs[0].doc).text.toString();

    // The server's map: every client's id belongs to its delegation.
    const { authors } = (await (await apiFetch(server, `/api/documents/${id}/authors`)).json()) as { authors: Record<string, { delegation: string | null; role: string }> };
    cs.forEach((c, i) => expect(authors[c.doc.clientID]).toMatchObject({ delegation: names[i], role: 'delegation' }));

    // Authorship: each character's item → client id → delegation.
    const runs = authorship(cs[1].doc).get(blockKey(NODE.operativeParagraph, op1(cs[1].doc).id))!;
    expect(runs.map((r) => r.text).join('')).toBe(final);
    const byDelegation: Record<string, string> = {};
    for (const run of runs) {
      const who = authors[run.client]?.delegation ?? authors[run.client]?.role ?? 'unknown';
      byDelegation[who] = (byDelegation[who] ?? '') + run.text;
    }
    for (const name of names) {
      for (const ch of byDelegation[name]) expect(ALPHABET[name]).toContain(ch);
      expect(sorted(byDelegation[name])).toBe(sorted(typed[name]));
    }
    expect(byDelegation.system).toBe(original.replace(deletedByKenya, ''));

    // History: per delegation, what it inserted and deleted, in OP1.
    for (const name of names) {
      const res = await apiFetch(server, `/api/documents/${id}/history?delegation=${name}`);
      expect(res.status).toBe(200);
      const { changes } = (await res.json()) as { changes: Change[] };
      expect(changes.length).toBeGreaterThan(0);
      for (const change of changes) {
        expect(change).toMatchObject({ delegation: name, role: 'delegation', paragraph: { id: op1(cs[0].doc).id, label: 'OP1' } });
        expect(Number.isNaN(Date.parse(change.time))).toBe(false);
      }
      expect(sorted(changes.map((c) => c.inserted).join(''))).toBe(sorted(typed[name]));
      expect(changes.map((c) => c.deleted).join('')).toBe(name === 'Kenya' ? deletedByKenya : '');
    }

    // Since a point in time: only the second round, and the state vector of that point.
    const recent = (await (await apiFetch(server, `/api/documents/${id}/history?delegation=Mexico&since=${encodeURIComponent(since)}`)).json()) as { changes: Change[]; stateVector: string };
    expect(sorted(recent.changes.map((c) => c.inserted).join(''))).toBe(sorted(typed.Mexico.slice(typedBefore.Mexico.length)));
    expect(recent.changes.every((c) => c.time >= since)).toBe(true);
    expect(recent.stateVector).toMatch(/^[A-Za-z0-9+/=]+$/);
    const all = (await (await apiFetch(server, `/api/documents/${id}/history`)).json()) as { changes: Change[] };
    expect(new Set(all.changes.map((c) => c.delegation ?? c.role))).toEqual(new Set([...names, 'system']));

    // A bad "since" is a 400.
    expect((await apiFetch(server, `/api/documents/${id}/history?since=yesterday`)).status).toBe(400);
  });

  it('the secretariat views an earlier version and restores a paragraph, as a change of its own', async () => {
    const id = await createDocument(server, { template: 'ga-main-committee' });
    const mexico = connectClient(server, id, 'Mexico', 'Ana');
    clients.push(mexico);
    await synced(mexico);
    const { text, id: paragraphId } = op1(mexico.doc);
    const original = text.toString();
    text.delete(0, text.length);
    text.insert(0, 'Rejects the report outright;');
    await expect.poll(async () => ((await (await apiFetch(server, `/api/documents/${id}/history?delegation=Mexico`)).json()) as { changes: Change[] }).changes.length).toBeGreaterThan(0);

    const secretariat = await invite(server, id, { delegation: 'Secretariat', role: 'secretariat', name: 'Secretary' });
    const delegation = await invite(server, id, { delegation: 'Chile' });
    // Version 1 is the document as created.
    expect((await apiFetch(server, `/api/documents/${id}/versions/1`, { token: delegation.token })).status).toBe(403);
    const version = await apiFetch(server, `/api/documents/${id}/versions/1`, { token: secretariat.token });
    expect(version.status).toBe(200);
    const v = (await version.json()) as { seq: number; text: string; resolution: { operative: { id: string }[] } };
    expect(v.resolution.operative[0].id).toBe(paragraphId);
    expect(v.text).toContain(original.split(' ').slice(1).join(' '));
    expect((await apiFetch(server, `/api/documents/${id}/versions/999`, { token: secretariat.token })).status).toBe(404);

    const restore = (token: string, paragraph: string) => apiFetch(server, `/api/documents/${id}/versions/1/restore`, { method: 'POST', json: { paragraph }, token });
    expect((await restore(delegation.token, paragraphId)).status).toBe(403);
    expect((await restore(secretariat.token, 'no-such-paragraph')).status).toBe(404);
    const res = await restore(secretariat.token, paragraphId);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { seq: number; unchanged: boolean };
    expect(body.unchanged).toBe(false);

    // Mexico's live client receives the restored text.
    await waitFor(() => op1(mexico.doc).text.toString() === original, 'Mexico sees the restored paragraph');
    expect(operativeTexts(mexico.doc)[0]).toBe(original);
    // It is in the history as the secretariat's change, and its client id is the secretariat's.
    const { changes } = (await (await apiFetch(server, `/api/documents/${id}/history?delegation=Secretariat`)).json()) as { changes: Change[] };
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ seq: body.seq, role: 'secretariat', paragraph: { id: paragraphId, label: 'OP1' }, inserted: original, deleted: 'Rejects the report outright;' });
    const { authors } = (await (await apiFetch(server, `/api/documents/${id}/authors`)).json()) as { authors: Record<string, { delegation: string }> };
    const runs = authorship(mexico.doc).get(blockKey(NODE.operativeParagraph, paragraphId))!;
    expect(new Set(runs.map((r) => authors[r.client]?.delegation))).toEqual(new Set(['Secretariat']));
    // Restoring again changes nothing.
    expect(((await (await restore(secretariat.token, paragraphId)).json()) as { unchanged: boolean }).unchanged).toBe(true);
  });
});
