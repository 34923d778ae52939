/**
 * Revisions issued by the secretariat: L.5 → Rev.1, three delegations edit
 * through real y-websocket clients, Rev.2; the comparison Rev.1 → Rev.2
 * holds exactly those changes, each with its delegation. Refusal for
 * validation errors, a recorded override, roles, bad versions, and the
 * outputs of a version (Word with changes marked, print view, text).
 */
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_FIELD, MASTHEAD_MAP, NODE } from '../../shared/editor/schema';
import type { Resolution } from '../../shared/model/types';
import type { ComparedParagraph } from '../../shared/compare/compare';
import { connectClient, synced, waitFor, type Client } from '../support/clients';
import { DRAFT_L5 } from '../support/draft';
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

interface RevisionJson {
  number: number;
  symbol: string;
  date: string;
  sponsors: string[];
  seq: number;
  text: string;
  issuedBy: { delegation: string | null; role: string };
  overrideReason: string | null;
  overriddenErrors: string[];
}
interface CompareJson {
  from: { label: string; seq: number; revision: number | null };
  to: { label: string; seq: number; revision: number | null };
  paragraphs: ComparedParagraph[];
  summary: { added: number; deleted: number; moved: number; changed: number };
}

const section = (doc: Y.Doc, name: string) => doc.getXmlFragment(BODY_FIELD).toArray().find((n) => n instanceof Y.XmlElement && n.nodeName === name) as Y.XmlElement;
const indexOfId = (s: Y.XmlElement, id: string) => s.toArray().findIndex((n) => n instanceof Y.XmlElement && n.getAttribute('id') === id);
const textOf = (s: Y.XmlElement, id: string) => (s.get(indexOfId(s, id)) as Y.XmlElement).get(0) as Y.XmlText;

async function issue(id: string, token: string, body: unknown = {}) {
  const res = await apiFetch(server, `/api/documents/${id}/revisions`, { method: 'POST', json: body, token });
  return { status: res.status, body: (await res.json()) as { revision: RevisionJson; error?: string; diagnostics?: Array<{ rule: string; label: string; severity: string }> } };
}

async function model(id: string): Promise<Resolution> {
  return ((await (await apiFetch(server, `/api/documents/${id}`)).json()) as { resolution: Resolution }).resolution;
}

describe('revisions', () => {
  let id: string;
  let secretariat: string;
  let ids: { pp2: string; op1: string; op2: string; op3: string; op4: string };

  beforeAll(async () => {
    id = await createDocument(server, { text: DRAFT_L5, sponsors: ['Mexico'] });
    secretariat = (await invite(server, id, { delegation: 'Secretariat', role: 'secretariat', name: 'Secretary of the Conference' })).token;
    const res = await model(id);
    ids = { pp2: res.preamble[1].id, op1: res.operative[0].id, op2: res.operative[1].id, op3: res.operative[2].id, op4: res.operative[3].id };
  });

  it('issue L.5, then Rev.1 (symbol derived, masthead changed through the pipeline); delegations edit; Rev.2; compare Rev.1 → Rev.2 gives exactly those changes with their delegations', async () => {
    const original = await issue(id, secretariat);
    expect(original.status, JSON.stringify(original.body)).toBe(201);
    expect(original.body.revision).toMatchObject({ number: 0, symbol: 'CTOC/COP/2024/L.5', sponsors: ['Mexico'], overrideReason: null, issuedBy: { delegation: 'Secretariat', role: 'secretariat' } });

    const names = ['Mexico', 'Norway', 'Kenya'];
    const [mexico, norway, kenya] = names.map((d) => connectClient(server, id, d, `${d} delegate`));
    clients.push(mexico, norway, kenya);
    await Promise.all([mexico, norway, kenya].map(synced));

    const rev1 = await issue(id, secretariat, { sponsors: ['Mexico', 'Norway'], date: '2024-10-16' });
    expect(rev1.status, JSON.stringify(rev1.body)).toBe(201);
    expect(rev1.body.revision).toMatchObject({ number: 1, symbol: 'CTOC/COP/2024/L.5/Rev.1', date: '2024-10-16', sponsors: ['Mexico', 'Norway'] });
    expect(rev1.body.revision.text).toContain('CTOC/COP/2024/L.5/Rev.1');
    // The masthead change reached every delegation's document, live.
    for (const c of [mexico, norway, kenya]) {
      await waitFor(() => c.doc.getMap(MASTHEAD_MAP).get('symbol') === 'CTOC/COP/2024/L.5/Rev.1', `${c.provider.roomname}: new symbol`);
      expect(c.doc.getMap(MASTHEAD_MAP).get('documentType')).toBe('revised draft resolution');
    }

    // Mexico inserts a word in OP1.
    const op1 = textOf(section(mexico.doc, NODE.operative), ids.op1);
    op1.insert(op1.toString().indexOf('States parties'), 'all ');
    await waitFor(() => textOf(section(kenya.doc, NODE.operative), ids.op1).toString().includes('all States'), 'Kenya sees Mexico’s word');
    // Norway deletes words in OP2 and adds a paragraph before OP4.
    norway.doc.transact(() => {
      const op2 = textOf(section(norway.doc, NODE.operative), ids.op2);
      op2.delete(op2.toString().indexOf('upon request, '), 'upon request, '.length);
      const s = section(norway.doc, NODE.operative);
      const p = new Y.XmlElement(NODE.operativeParagraph);
      p.setAttribute('id', 'pnorwayencourages');
      p.insert(0, [new Y.XmlText('Encourages States parties to share good practices;')]);
      s.insert(indexOfId(s, ids.op4), [p]);
    });
    await waitFor(() => indexOfId(section(kenya.doc, NODE.operative), 'pnorwayencourages') >= 0, 'Kenya sees Norway’s paragraph');
    // Kenya deletes PP2 and moves OP1 down, before Norway's paragraph, the way the editor does (re-created with its id).
    kenya.doc.transact(() => {
      const pre = section(kenya.doc, NODE.preamble);
      pre.delete(indexOfId(pre, ids.pp2), 1);
      const s = section(kenya.doc, NODE.operative);
      const moved = (s.get(indexOfId(s, ids.op1)) as Y.XmlElement).clone();
      s.insert(indexOfId(s, 'pnorwayencourages'), [moved]);
      s.delete(indexOfId(s, ids.op1), 1);
    });
    const expectedOrder = [ids.op2, ids.op3, ids.op1, 'pnorwayencourages', ids.op4];
    const start = Date.now();
    while ((await model(id)).operative.map((p) => p.id).join() !== expectedOrder.join() || (await model(id)).preamble.length !== 2) {
      if (Date.now() - start > 10_000) throw new Error('the server never had every delegation’s changes');
      await new Promise((r) => setTimeout(r, 20));
    }

    const rev2 = await issue(id, secretariat);
    expect(rev2.status, JSON.stringify(rev2.body)).toBe(201);
    expect(rev2.body.revision).toMatchObject({ number: 2, symbol: 'CTOC/COP/2024/L.5/Rev.2', sponsors: ['Mexico', 'Norway'] });

    const list = (await (await apiFetch(server, `/api/documents/${id}/revisions`, { token: mexico.token! })).json()) as { revisions: RevisionJson[] };
    expect(list.revisions.map((r) => r.symbol)).toEqual(['CTOC/COP/2024/L.5', 'CTOC/COP/2024/L.5/Rev.1', 'CTOC/COP/2024/L.5/Rev.2']);

    const res = await apiFetch(server, `/api/documents/${id}/compare?from=rev:1&to=${encodeURIComponent('CTOC/COP/2024/L.5/Rev.2')}`, { token: norway.token! });
    expect(res.status).toBe(200);
    const cmp = (await res.json()) as CompareJson;
    expect(cmp.from).toMatchObject({ revision: 1, label: 'Rev.1 (CTOC/COP/2024/L.5/Rev.1)' });
    expect(cmp.to).toMatchObject({ revision: 2 });
    expect(cmp.summary).toEqual({ added: 1, deleted: 1, moved: 1, changed: 2 });
    const changed = cmp.paragraphs.filter((p) => p.status !== 'unchanged');
    const view = (p: ComparedParagraph) => ({
      id: p.id,
      status: p.status,
      from: p.from?.label,
      to: p.to?.label,
      by: p.by,
      changes: p.parts.filter((x) => x.op !== 'equal').map((x) => ({ op: x.op, text: x.text.trim(), by: x.by })),
    });
    expect(changed.map(view)).toEqual([
      { id: ids.pp2, status: 'deleted', from: 'PP2', to: undefined, by: ['Kenya'], changes: [{ op: 'delete', text: 'Reaffirming its previous resolutions on the subject,', by: ['Kenya'] }] },
      { id: ids.op2, status: 'changed', from: 'OP2', to: 'OP1', by: undefined, changes: [{ op: 'delete', text: 'upon request,', by: ['Norway'] }] },
      { id: ids.op1, status: 'moved', from: 'OP1', to: 'OP3', by: ['Kenya'], changes: [{ op: 'insert', text: 'all', by: ['Mexico'] }] },
      { id: 'pnorwayencourages', status: 'added', from: undefined, to: 'OP4', by: ['Norway'], changes: [{ op: 'insert', text: 'Encourages States parties to share good practices;', by: ['Norway'] }] },
    ]);

    // The issued texts are frozen: later edits do not change Rev.2.
    const op2 = textOf(section(mexico.doc, NODE.operative), ids.op2);
    op2.insert(0, 'Further ');
    const start2 = Date.now();
    while (!(await (await apiFetch(server, `/api/documents/${id}/text`)).text()).includes('Further Requests')) {
      if (Date.now() - start2 > 10_000) throw new Error('the server never had Mexico’s last change');
      await new Promise((r) => setTimeout(r, 20));
    }
    const frozen = await (await apiFetch(server, `/api/documents/${id}/text?version=rev:2`, { token: mexico.token! })).text();
    expect(frozen).toBe(rev2.body.revision.text);
    expect(frozen).toContain('1. *Requests* the United Nations Office on Drugs and Crime to continue to assist States parties, in their efforts');
    expect(frozen).toContain('3. *Urges* all States parties');
  });

  it('Word export of Rev.2 with the changes since Rev.1: insertions bold, deletions struck through', async () => {
    const res = await apiFetch(server, `/api/documents/${id}/export.docx?version=rev:2&changesSince=rev:1`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers.get('content-disposition')).toContain('CTOC_COP_2024_L.5_Rev.2_marked.docx');
    const xml = docxPart(data.dir, new Uint8Array(await res.arrayBuffer()));
    const run = (text: string) => new RegExp(`<w:r>(?:(?!</w:r>).)*<w:t[^>]*>${text}</w:t></w:r>`).exec(xml)?.[0] ?? '';
    expect(run('all '), 'the inserted word is a bold run').toContain('<w:b/>');
    expect(run('all '), 'the inserted word is not struck').not.toContain('<w:strike/>');
    expect(run('upon request, '), 'the deleted words are a struck run').toContain('<w:strike/>');
    expect(run('Encourages'), 'the opening verb of the new paragraph is bold and italic').toMatch(/<w:b\/>.*<w:i\/>|<w:i\/>.*<w:b\/>/);
    expect(xml).toContain('CTOC/COP/2024/L.5/Rev.2');
    expect(xml).toContain('Mexico and Norway: revised draft resolution');
  });

  it('the print view and the text of a version; the current text without a version', async () => {
    const print = await apiFetch(server, `/api/documents/${id}/print?version=rev:2&changesSince=rev:1`);
    expect(print.status).toBe(200);
    expect(print.headers.get('content-type')).toContain('text/html');
    const html = await print.text();
    expect(html).toContain('@page { size: A4');
    expect(html).toContain('<b class="ins">all </b>');
    expect(html).toContain('<s class="del">upon request, </s>');
    expect(html).toContain('<p class="pp deleted">');
    const current = await (await apiFetch(server, `/api/documents/${id}/text`)).text();
    expect(current).toContain('*Further Requests* the United Nations');
    const original = await (await apiFetch(server, `/api/documents/${id}/text?version=rev:0`)).text();
    expect(original).toContain('CTOC/COP/2024/L.5\n');
    expect(original).toContain('Mexico: draft resolution');
  });

  it('compares any points of the history, and says clearly what is wrong with a version', async () => {
    const history = (await (await apiFetch(server, `/api/documents/${id}/history`)).json()) as { lastSeq: number };
    const cmp = (await (await apiFetch(server, `/api/documents/${id}/compare?from=rev:2&to=current`)).json()) as CompareJson;
    expect(cmp.to.seq).toBe(history.lastSeq);
    expect(cmp.paragraphs.filter((p) => p.status !== 'unchanged').map((p) => [p.id, p.parts.filter((x) => x.op !== 'equal').map((x) => [x.op, x.text, x.by])])).toEqual([
      [ids.op2, [['insert', 'Further ', ['Mexico']]]],
    ]);
    const bad = async (query: string, status: number, message: RegExp) => {
      const res = await apiFetch(server, `/api/documents/${id}/compare?${query}`);
      expect(res.status, query).toBe(status);
      expect(((await res.json()) as { error: string }).error).toMatch(message);
    };
    await bad('from=yesterday', 400, /"from": "yesterday" is not a version: use rev:<n>, seq:<n>, current/);
    await bad('to=current', 400, /Give "from"/);
    await bad('from=rev:x', 400, /revision number/);
    await bad('from=seq:0', 400, /positive integer/);
    await bad('from=rev:9', 404, /No revision 9 .*issued: rev:0 \(CTOC\/COP\/2024\/L\.5\)/);
    await bad(`from=seq:${history.lastSeq + 5}`, 404, /No change seq:/);
    await bad('from=current&to=rev:1', 400, /is later than "to"/);
    await bad(`from=${encodeURIComponent('CTOC/COP/2024/L.5/Rev.7')}`, 404, /No revision with the symbol CTOC\/COP\/2024\/L\.5\/Rev\.7/);
    const exportError = async (query: string, status: number, message: RegExp) => {
      const res = await apiFetch(server, `/api/documents/${id}/export.docx?${query}`);
      expect(res.status, query).toBe(status);
      expect(((await res.json()) as { error: string }).error).toMatch(message);
    };
    await exportError('version=rev:1&changesSince=rev:2', 400, /"changesSince" \(Rev\.2 .*\) is later than "version"/);
    await exportError('version=rev:9', 404, /No revision 9/);
    await exportError('version=latest', 400, /"version": "latest" is not a version/);
    expect((await apiFetch(server, `/api/documents/${id}/print?version=seq:0`)).status).toBe(400);
    const missing = await apiFetch(server, '/api/documents/dnope/compare?from=rev:0');
    expect(missing.status).toBe(404);
  });
});

describe('issuing: roles, validation errors and overrides', () => {
  it('a delegation cannot issue; errors refuse with the list; an override is recorded with its reason', async () => {
    const id = await createDocument(server, { text: DRAFT_L5.replace('the Protocols thereto;', 'the Protocols thereto.') });
    const delegation = await invite(server, id, { delegation: 'Mexico' });
    const secretariat = (await invite(server, id, { delegation: 'Secretariat', role: 'secretariat' })).token;

    const forbidden = await issue(id, delegation.token);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error).toMatch(/needs the role secretariat/);

    const refused = await issue(id, secretariat);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatch(/1 validation error; correct them, or issue anyway with \{"override"/);
    expect(refused.body.diagnostics?.map((d) => [d.rule, d.label, d.severity])).toEqual([['OP-PUNCT', 'OP1', 'error']]);
    expect((await (await apiFetch(server, `/api/documents/${id}/revisions`)).json())).toEqual({ revisions: [] });

    const badOverride = await issue(id, secretariat, { override: { reason: '  ' } });
    expect(badOverride.status).toBe(400);
    expect(badOverride.body.error).toMatch(/"override" must be \{"reason"/);
    expect((await issue(id, secretariat, { date: '16 October' })).status).toBe(400);
    expect((await issue(id, secretariat, { sponsors: 'Mexico' })).status).toBe(400);

    // Bad bodies: clear 400s, nothing issued.
    const malformed = await apiFetch(server, `/api/documents/${id}/revisions`, { method: 'POST', token: secretariat, headers: { 'Content-Type': 'application/json' }, body: '{"symbol": ' });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: string }).error).toBeTruthy();
    const notObject = await issue(id, secretariat, ['CTOC/COP/2024/L.5']);
    expect(notObject.status).toBe(400);
    expect(notObject.body.error).toBe('The request body must be a JSON object');
    expect((await issue(id, secretariat, { symbol: '' })).body.error).toMatch(/"symbol" must be a non-empty string/);
    expect((await apiFetch(server, `/api/documents/${id}/revisions`)).status).toBe(200);

    const overridden = await issue(id, secretariat, { override: { reason: 'Issued for the informal consultations; the semicolon is restored in Rev.1' } });
    expect(overridden.status, JSON.stringify(overridden.body)).toBe(201);
    expect(overridden.body.revision.overrideReason).toBe('Issued for the informal consultations; the semicolon is restored in Rev.1');
    expect(overridden.body.revision.overriddenErrors).toEqual([expect.stringMatching(/^OP-PUNCT OP1: /)]);
    const listed = (await (await apiFetch(server, `/api/documents/${id}/revisions`, { token: delegation.token })).json()) as { revisions: RevisionJson[] };
    expect(listed.revisions.map((r) => [r.number, r.symbol, r.overrideReason])).toEqual([[0, 'CTOC/COP/2024/L.5', 'Issued for the informal consultations; the semicolon is restored in Rev.1']]);

    const duplicate = await issue(id, secretariat, { symbol: 'CTOC/COP/2024/L.5', override: { reason: 'again' } });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error).toMatch(/already been issued/);
  });
});
