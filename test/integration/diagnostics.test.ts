/**
 * Live validation: one delegation types a defect, the other receives the
 * diagnostic from the server within 500 ms; fixing it clears it on both.
 */
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_FIELD, NODE } from '../../shared/editor/schema';
import type { ServerNotice } from '../../shared/protocol/messages';
import { onServerNotice } from '../../shared/protocol/notices';
import type { Diagnostic } from '../../shared/validation/types';
import { connectClient, synced, waitFor, type Client } from '../support/clients';
import { readSeed } from '../support/seeds';
import { bearer, createDocument, startTestServer, tempDataDir, type TestServer } from '../support/server';

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

function withDiagnostics(docId: string, delegation: string) {
  const client = connectClient(server, docId, delegation);
  clients.push(client);
  const seen = { latest: [] as Diagnostic[], at: 0, count: 0 };
  onServerNotice(client.provider, (notice: ServerNotice) => {
    if (notice.type !== 'diagnostics') return;
    seen.latest = notice.diagnostics;
    seen.at = Date.now();
    seen.count++;
  });
  return { client, seen };
}

/** The first preambular paragraph's Y.XmlText. */
function firstPreambularText(doc: Y.Doc): Y.XmlText {
  const preamble = doc.getXmlFragment(BODY_FIELD).toArray().find((n) => n instanceof Y.XmlElement && n.nodeName === NODE.preamble) as Y.XmlElement;
  return (preamble.get(0) as Y.XmlElement).get(0) as Y.XmlText;
}

describe('live diagnostics', () => {
  it('pushes a defect to the other client within 500 ms and clears it when fixed', async () => {
    const id = await createDocument(server, { template: 'ga-main-committee' });
    const a = withDiagnostics(id, 'Mexico');
    const b = withDiagnostics(id, 'Norway');
    await Promise.all([synced(a.client), synced(b.client)]);
    // Joining gives the current verdict at once: the template is clean.
    await waitFor(() => a.seen.count > 0 && b.seen.count > 0, 'initial diagnostics');
    expect(b.seen.latest.filter((d) => d.severity === 'error')).toEqual([]);

    // Mexico types "Decides " at the start of PP1.
    const typed = Date.now();
    firstPreambularText(a.client.doc).insert(0, 'Decides ');
    firstPreambularText(a.client.doc).delete(8, 'Recalling'.length + 1);
    await waitFor(() => b.seen.latest.some((d) => d.rule === 'PP-NO-OP-VERB'), 'Norway receives the diagnostic', 2000);
    expect(b.seen.at - typed).toBeLessThan(500);
    const d = b.seen.latest.find((x) => x.rule === 'PP-NO-OP-VERB')!;
    expect(d).toMatchObject({ severity: 'error', label: 'PP1', range: { start: 0, end: 7 } });
    expect(d.fix?.edits[0]).toMatchObject({ kind: 'replace', text: 'Deciding' });
    await waitFor(() => a.seen.latest.some((x) => x.rule === 'PP-NO-OP-VERB'), 'Mexico receives it too');

    // Norway fixes it; both see it cleared.
    const text = firstPreambularText(b.client.doc);
    text.delete(0, 'Decides'.length);
    text.insert(0, 'Recalling');
    await waitFor(() => !a.seen.latest.some((x) => x.rule === 'PP-NO-OP-VERB') && !b.seen.latest.some((x) => x.rule === 'PP-NO-OP-VERB'), 'cleared on both', 2000);

    const res = await fetch(`${server.url}/api/documents/${id}/diagnostics`, { headers: bearer() });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { diagnostics: Diagnostic[] };
    expect(body.diagnostics.some((x) => x.rule === 'PP-NO-OP-VERB')).toBe(false);
  });

  it('GET /api/documents/:id/diagnostics on a document nobody has open, and 404 for unknown ones', async () => {
    const id = await createDocument(server, { text: readSeed('001') });
    const body = (await (await fetch(`${server.url}/api/documents/${id}/diagnostics`, { headers: bearer() })).json()) as { diagnostics: Diagnostic[] };
    expect(body.diagnostics.some((d) => d.rule === 'CIT-DUP' && d.label === 'PP2')).toBe(true);
    expect((await fetch(`${server.url}/api/documents/nope/diagnostics`, { headers: bearer() })).status).toBe(404);
  });

  it('POST /api/validate takes a text or a model, and says what is wrong with bad input', async () => {
    const post = (body: unknown) => fetch(`${server.url}/api/validate`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const byText = (await (await post({ text: readSeed('000') })).json()) as { diagnostics: Diagnostic[] };
    expect(byText.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const model = { authority: 'The General Assembly,', preamble: [{ id: 'p1', content: [{ type: 'text', text: 'Decides to act,' }] }], operative: [{ id: 'o1', content: [{ type: 'text', text: 'Requests a report;' }] }] };
    const byModel = (await (await post({ document: model })).json()) as { diagnostics: Diagnostic[] };
    expect(byModel.diagnostics.map((d) => `${d.label} ${d.rule}`)).toEqual(['PP1 PP-NO-OP-VERB', 'OP1 OP-PUNCT']);
    for (const [bad, message] of [
      [{}, /exactly one of "text"/],
      [{ text: 5 }, /"text" must be a string/],
      [{ document: { operative: 'x' } }, /Malformed document: document.operative must be an array/],
      [{ document: { operative: [{ content: [{ type: 'image' }] }] } }, /document.operative\[0\].content\[0\].type/],
      [{ text: '' }, /could not be read/],
    ] as const) {
      const res = await post(bad);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: string }).error).toMatch(message);
    }
  });
});
