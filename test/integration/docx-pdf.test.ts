/**
 * The Word export read back the way a reader gets it: Rev.1 with the
 * changes since L.5 marked, converted to PDF by LibreOffice, its text
 * extracted with pdftotext: the symbol, the sponsors line, the numbering,
 * the subparagraph letters, the footnote, and the changed words (the
 * marks themselves are checked on the .docx runs: bold insertions, struck
 * deletions). Saves the first page as a PNG (test-results/).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_FIELD, NODE } from '../../shared/editor/schema';
import { connectClient, synced, type Client } from '../support/clients';
import { DRAFT_L5 } from '../support/draft';
import { docxToPdf, pdfFonts, pdfPagePng, pdfText } from '../support/libreoffice';
import { apiFetch, createDocument, invite, startTestServer, tempDataDir, type TestServer } from '../support/server';
import { docxPart } from '../support/unzip';

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

const operative = (doc: Y.Doc) => doc.getXmlFragment(BODY_FIELD).toArray().find((n) => n instanceof Y.XmlElement && n.nodeName === NODE.operative) as Y.XmlElement;

describe('Word export → PDF (LibreOffice)', () => {
  it('Rev.1 with changes since L.5: symbol, sponsors line, numbering, footnote and marked changes', { timeout: 240_000 }, async () => {
    const id = await createDocument(server, { text: DRAFT_L5, sponsors: ['Mexico', 'Norway', 'Kenya'] });
    const secretariat = (await invite(server, id, { delegation: 'Secretariat', role: 'secretariat' })).token;
    expect((await apiFetch(server, `/api/documents/${id}/revisions`, { method: 'POST', json: {}, token: secretariat })).status).toBe(201);

    const mexico = connectClient(server, id, 'Mexico', 'Mexico delegate');
    clients.push(mexico);
    await synced(mexico);
    mexico.doc.transact(() => {
      const op1 = (operative(mexico.doc).get(0) as Y.XmlElement).get(0) as Y.XmlText;
      op1.insert(op1.toString().indexOf('States parties'), 'all ');
      const op2 = (operative(mexico.doc).get(1) as Y.XmlElement).get(0) as Y.XmlText;
      op2.delete(op2.toString().indexOf('upon request, '), 'upon request, '.length);
    });
    const start = Date.now();
    while (!(await (await apiFetch(server, `/api/documents/${id}/text`)).text()).includes('all States parties')) {
      if (Date.now() - start > 10_000) throw new Error('the server never had Mexico’s change');
      await new Promise((r) => setTimeout(r, 20));
    }
    const rev1 = await apiFetch(server, `/api/documents/${id}/revisions`, { method: 'POST', json: { date: '2024-10-16' }, token: secretariat });
    expect(rev1.status).toBe(201);

    const res = await apiFetch(server, `/api/documents/${id}/export.docx?version=rev:1&changesSince=rev:0`, { token: mexico.token! });
    expect(res.status).toBe(200);
    const docx = new Uint8Array(await res.arrayBuffer());
    const xml = docxPart(data.dir, docx);
    expect(xml).toMatch(/<w:b\/>(?:(?!<\/w:r>).)*<w:t[^>]*>all <\/w:t>/);
    expect(xml).toMatch(/<w:strike\/>(?:(?!<\/w:r>).)*<w:t[^>]*>upon request, <\/w:t>/);
    expect(docxPart(data.dir, docx, 'word/footnotes.xml')).toContain('Treaty Series');

    const pdf = await docxToPdf(data.dir, 'rev1', docx);
    // The page as laid out, lines joined: "1. Urges …" with the number before its paragraph.
    const text = (await pdfText(pdf, true)).replace(/\s+/g, ' ');
    expect(text).toContain('CTOC/COP/2024/L.5/Rev.1');
    expect(text).toContain('Distr.: Limited');
    expect(text).toContain('16 October 2024');
    expect(text).toContain('Original: English');
    expect(text).toContain('Mexico, Norway and Kenya: revised draft resolution');
    expect(text).toContain('Strengthening international cooperation against transnational organized crime');
    expect(text).toContain('1. Urges all States parties');
    expect(text).toContain('2. Requests the United Nations Office');
    expect(text).toContain('3. Invites Member States: (a) to provide extrabudgetary resources');
    expect(text).toContain('(b) to share information on good practices; 4. Decides to remain seized of the matter.');
    // Marked changes: the inserted word and the struck words both print (struck, not removed).
    expect(text).toContain('States parties, upon request, in their efforts');
    expect(text).toContain('Treaty Series, vol. 2225');
    const fonts = await pdfFonts(pdf);
    expect(fonts, 'bold insertions and italic opening phrases are in the PDF').toMatch(/Bold/);
    expect(fonts).toMatch(/Italic/);

    mkdirSync('test-results', { recursive: true });
    const png = await pdfPagePng(pdf, 'test-results/revised-draft');
    expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
  });
});
