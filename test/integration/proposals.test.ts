/**
 * Proposals with real y-websocket clients: three delegations propose on the
 * same paragraph at once; the facilitator accepts one and rejects two through
 * the API; every client converges, the history attributes the accepted words
 * to the proposer. The server enforces proposal mode and the ownership of
 * proposal records; bulk decisions and undo.
 */
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newProposal } from '../../shared/proposals/create';
import type { Proposal } from '../../shared/proposals/types';
import { putProposal, readMode, readProposal, readProposals, writeMode } from '../../shared/proposals/ydoc';
import { readResolutionFromYDoc } from '../../shared/editor/ydoc';
import { BODY_FIELD, NODE } from '../../shared/editor/schema';
import { plainText } from '../../shared/model/text';
import type { Resolution } from '../../shared/model/types';
import { connectClient, operativeTexts, synced, waitFor, type Client } from '../support/clients';
import { apiFetch, createDocument, startTestServer, tempDataDir, type TestServer } from '../support/server';
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

const connect = async (id: string, delegation: string, role: 'delegation' | 'facilitator' | 'secretariat' = 'delegation') => {
  const c = connectClient(server, id, delegation, `${delegation} delegate`, { role });
  clients.push(c);
  await synced(c);
  return c;
};
const opIds = (c: Client) => readResolutionFromYDoc(c.doc).operative.map((p) => p.id);
/** The first text run of the n-th operative paragraph, to type into as the editor would. */
function operativeRun(c: Client, n: number): Y.XmlText {
  const operative = c.doc.getXmlFragment(BODY_FIELD).toArray().find((e) => e instanceof Y.XmlElement && e.nodeName === NODE.operative) as Y.XmlElement;
  return (operative.get(n) as Y.XmlElement).toArray().find((e) => e instanceof Y.XmlText) as Y.XmlText;
}
const refusals = () => server.lines.filter((l) => l.includes('refused an update (proposals)')).length;
const serverText = async (id: string) => (await (await apiFetch(server, `/api/documents/${id}/text`)).text());
const post = (id: string, path: string, token: string | null | undefined, json?: unknown) => apiFetch(server, `/api/documents/${id}${path}`, { method: 'POST', token, json });

interface Change {
  delegation: string | null;
  role: string;
  paragraph: { id: string | null; label: string };
  inserted: string;
  deleted: string;
}

describe('proposals', () => {
  it('three delegations propose on one paragraph; accept one, reject two; everyone converges with the right attribution', async () => {
    const id = await createDocument(server, { template: 'ga-main-committee' });
    const facilitator = await connect(id, 'Chair', 'facilitator');
    const [mexico, norway, kenya] = await Promise.all(['Mexico', 'Norway', 'Kenya'].map((d) => connect(id, d)));
    const everyone = [facilitator, mexico, norway, kenya];
    const [op1] = opIds(facilitator);
    const base = operativeTexts(facilitator.doc)[0];
    expect(base).toBe('Welcomes the report of the Secretary-General;');

    writeMode(facilitator.doc, 'proposal');
    await waitFor(() => everyone.every((c) => readMode(c.doc) === 'proposal'), 'everyone sees proposal mode');

    // A delegation's direct edit is refused by the server: nobody else sees it, the server's text is unchanged.
    const chile = await connect(id, 'Chile');
    const before = refusals();
    const textBefore = await serverText(id);
    operativeRun(chile, 0).insert(0, 'Warmly ');
    await waitFor(() => refusals() > before, 'the server refuses the direct edit');
    expect(await serverText(id)).toBe(textBefore);
    expect(operativeTexts(facilitator.doc)[0]).toBe(base);
    expect(chile.closes).toEqual([]); // the connection stays open, the client is told why
    chile.destroy();

    // Concurrently: nobody waits for the others.
    const proposals = {
      Mexico: newProposal({ kind: 'text', delegation: 'Mexico', name: 'Mexico delegate', paragraph: op1, base, text: 'Welcomes with appreciation the report of the Secretary-General;', justification: 'Agreed language from 77/1.' }),
      Norway: newProposal({ kind: 'text', delegation: 'Norway', name: 'Norway delegate', paragraph: op1, base, text: 'Welcomes the comprehensive report of the Secretary-General;' }),
      Kenya: newProposal({ kind: 'alternative', delegation: 'Kenya', name: 'Kenya delegate', paragraph: op1, base, text: 'Takes note of the report of the Secretary-General;' }),
    };
    putProposal(mexico.doc, proposals.Mexico);
    putProposal(norway.doc, proposals.Norway);
    putProposal(kenya.doc, proposals.Kenya);
    await waitFor(() => everyone.every((c) => readProposals(c.doc).length === 3), 'everyone has the three proposals');

    const listed = (await (await apiFetch(server, `/api/documents/${id}/proposals`)).json()) as { mode: string; proposals: Array<Proposal & { label: string }> };
    expect(listed.mode).toBe('proposal');
    expect(listed.proposals.map((p) => [p.delegation, p.label]).sort()).toEqual([['Kenya', 'OP1 alt'], ['Mexico', 'OP1'], ['Norway', 'OP1']]);

    // Only the facilitator or the secretariat decides.
    expect((await post(id, `/proposals/${proposals.Mexico.id}/accept`, mexico.token)).status).toBe(403);

    const accepted = await post(id, `/proposals/${proposals.Mexico.id}/accept`, facilitator.token);
    expect(accepted.status).toBe(200);
    expect(((await accepted.json()) as { decided: unknown[] }).decided).toHaveLength(1);
    for (const d of ['Norway', 'Kenya'] as const) expect((await post(id, `/proposals/${proposals[d].id}/reject`, facilitator.token)).status).toBe(200);
    // Deciding twice is a clear conflict.
    const again = await post(id, `/proposals/${proposals.Norway.id}/accept`, facilitator.token);
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: string }).error).toMatch(/rejected already/);

    const merged = 'Welcomes with appreciation the report of the Secretary-General;';
    await waitFor(
      () => everyone.every((c) => operativeTexts(c.doc)[0] === merged && readProposal(c.doc, proposals.Mexico.id)?.state === 'accepted' && readProposal(c.doc, proposals.Norway.id)?.state === 'rejected' && readProposal(c.doc, proposals.Kenya.id)?.state === 'rejected'),
      'every client has the merged text and the decisions',
    );
    expect(readProposal(kenya.doc, proposals.Mexico.id)!.decision).toMatchObject({ delegation: 'Chair', role: 'facilitator' });

    // History: the accepted words are Mexico's; the decision is the facilitator's and adds no text.
    const mexicoChanges = ((await (await apiFetch(server, `/api/documents/${id}/history?delegation=Mexico`)).json()) as { changes: Change[] }).changes;
    expect(mexicoChanges.filter((c) => c.paragraph.id === op1)).toEqual([expect.objectContaining({ delegation: 'Mexico', role: 'delegation', paragraph: { id: op1, label: 'OP1' }, inserted: 'with appreciation ', deleted: '' })]);
    const chairChanges = ((await (await apiFetch(server, `/api/documents/${id}/history?delegation=Chair`)).json()) as { changes: Change[] }).changes;
    expect(chairChanges.filter((c) => c.paragraph.id === op1)).toEqual([]);
    for (const d of ['Norway', 'Kenya']) {
      const changes = ((await (await apiFetch(server, `/api/documents/${id}/history?delegation=${d}`)).json()) as { changes: Change[] }).changes;
      expect(changes.filter((c) => c.paragraph.id === op1)).toEqual([]);
    }
    // The merge's Yjs client id belongs to Mexico.
    const { authors } = (await (await apiFetch(server, `/api/documents/${id}/authors`)).json()) as { authors: Record<string, { delegation: string | null }> };
    expect(Object.entries(authors).filter(([, a]) => a.delegation === 'Mexico').length).toBe(2); // Mexico's own client and the merge

    // A facilitator's direct edit (allowed in proposal mode) neither creates nor changes proposals.
    const recordsBefore = JSON.stringify(readProposals(facilitator.doc));
    operativeRun(facilitator, 1).insert(0, 'Also ');
    await waitFor(() => everyone.every((c) => operativeTexts(c.doc)[1].startsWith('Also ')), 'the facilitator’s edit reaches everyone');
    expect(JSON.stringify(readProposals(mexico.doc))).toBe(recordsBefore);
    expect(JSON.stringify(readProposals(facilitator.doc))).toBe(recordsBefore);
  });

  it('refuses forged or altered proposals and a delegation deciding its own', async () => {
    const id = await createDocument(server, { template: 'ga-main-committee' });
    const facilitator = await connect(id, 'Chair', 'facilitator');
    const mexico = await connect(id, 'Mexico');
    const [op1] = opIds(facilitator);
    const base = operativeTexts(facilitator.doc)[0];
    const mine = newProposal({ kind: 'text', delegation: 'Mexico', name: 'M', paragraph: op1, base, text: `${base} Really.` });
    putProposal(mexico.doc, mine);
    await waitFor(() => readProposal(facilitator.doc, mine.id) !== null, 'the proposal arrives');

    const attempts: Array<(c: Client) => void> = [
      // Forging: a proposal in another delegation's name.
      (c) => putProposal(c.doc, newProposal({ kind: 'delete', delegation: 'Mexico', name: 'fake', paragraph: op1, base })),
      // Altering another delegation's proposal.
      (c) => putProposal(c.doc, { ...mine, delegation: 'Norway', text: 'Changed by Norway.' }),
      // Accepting one's own.
      (c) => putProposal(c.doc, { ...newProposal({ kind: 'text', delegation: 'Norway', name: 'n', paragraph: op1, base, text: 'Mine.' }), state: 'accepted' }),
      // Switching the mode.
      (c) => writeMode(c.doc, 'proposal'),
      // Garbage in the proposals map.
      (c) => c.doc.getMap('proposals').set('x', { nonsense: true }),
    ];
    for (const attempt of attempts) {
      // A refused update leaves the client's own copy diverged: each attempt uses a fresh client.
      const norway = await connect(id, 'Norway');
      const before = refusals();
      attempt(norway);
      await waitFor(() => refusals() > before, 'the server refuses it');
      norway.destroy();
    }
    expect(server.lines.join('\n')).toMatch(/only make proposals as Norway, not as Mexico/);
    expect(server.lines.join('\n')).toMatch(/belongs to Mexico: you cannot change it/);
    expect(server.lines.join('\n')).toMatch(/Only the facilitator or the secretariat can accept or reject/);
    expect(server.lines.join('\n')).toMatch(/change the document’s mode/);
    expect(server.lines.join('\n')).toMatch(/Malformed proposal .{1,3}x.{1,3}: a proposal needs an id/);
    expect(readProposals(facilitator.doc)).toEqual([mine]);
    expect(readMode(facilitator.doc)).toBe('editing');

    // Removing one's own record is refused (withdraw it instead); withdrawing is fine.
    const mexico2 = await connect(id, 'Mexico');
    const before = refusals();
    mexico2.doc.getMap('proposals').delete(mine.id);
    await waitFor(() => refusals() > before, 'the server refuses the removal');
    expect(server.lines.join('\n')).toMatch(/cannot be removed: withdraw it instead/);
    mexico2.destroy();
    expect(readProposals(facilitator.doc)).toEqual([mine]);
    putProposal(mexico.doc, { ...mine, state: 'withdrawn' });
    await waitFor(() => readProposal(facilitator.doc, mine.id)?.state === 'withdrawn', 'the withdrawal arrives');
  });

  it('bulk accept by delegation (new paragraph "1 bis", deletion), conflicts, compilation, undo', async () => {
    const id = await createDocument(server, { template: 'ga-main-committee' });
    const facilitator = await connect(id, 'Chair', 'facilitator');
    const kenya = await connect(id, 'Kenya');
    const norway = await connect(id, 'Norway');
    writeMode(facilitator.doc, 'proposal');
    await waitFor(() => readMode(kenya.doc) === 'proposal' && readMode(norway.doc) === 'proposal', 'proposal mode');
    const [op1, op2] = opIds(facilitator);
    const [t1, t2] = operativeTexts(facilitator.doc);

    const bis = newProposal({ kind: 'new', delegation: 'Kenya', name: 'K', text: 'Calls upon all States to cooperate;', after: { paragraph: op1, section: 'operative' } });
    const amend = newProposal({ kind: 'text', delegation: 'Kenya', name: 'K', paragraph: op2, base: t2, text: t2.replace('Requests', 'Urges') });
    const del = newProposal({ kind: 'delete', delegation: 'Norway', name: 'N', paragraph: op1, base: t1 });
    putProposal(kenya.doc, bis);
    putProposal(kenya.doc, amend);
    putProposal(norway.doc, del);
    await waitFor(() => readProposals(facilitator.doc).length === 3, 'three proposals');

    const compilation = await (await apiFetch(server, `/api/documents/${id}/compilation.txt`, { token: kenya.token })).text();
    expect(compilation).toContain(`OP1  ${t1}\n    OP1 (Norway: delete)\n    1 bis (Kenya): Calls upon all States to cooperate;\n`);
    expect(compilation).toContain(`    OP2 (Kenya): ${t2.replace('Requests', 'Urges')}\n`);
    // The same compilation as a Word document.
    const docxRes = await apiFetch(server, `/api/documents/${id}/compilation.docx`, { token: kenya.token });
    expect(docxRes.status).toBe(200);
    expect(docxRes.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const xml = docxPart(data.dir, new Uint8Array(await docxRes.arrayBuffer())).replace(/<[^>]+>/g, '');
    for (const line of ['OP1 (Norway: delete)', '1 bis (Kenya): Calls upon all States to cooperate;', `OP2 (Kenya): ${t2.replace('Requests', 'Urges')}`]) expect(xml).toContain(line);
    const json = (await (await apiFetch(server, `/api/documents/${id}/compilation`)).json()) as { entries: Array<{ proposals: Array<{ heading: string }> }> };
    expect(json.entries.flatMap((e) => e.proposals.map((p) => p.heading))).toEqual(['OP1 (Norway: delete)', '1 bis (Kenya)', 'OP2 (Kenya)']);

    // The facilitator changes the word Kenya's amendment replaces: a single accept answers 409, bulk reports the conflict.
    operativeRun(facilitator, 1).insert(0, 'Kindly ');
    await waitFor(() => operativeTexts(kenya.doc)[1].startsWith('Kindly '), 'the edit arrives');
    const single = await post(id, `/proposals/${amend.id}/accept`, facilitator.token);
    expect(single.status).toBe(409);
    expect(((await single.json()) as { error: string }).error).toMatch(/OP2 \(Kenya\): .*no longer applies cleanly.*"force": true/);

    const bulk = await post(id, '/proposals/accept', facilitator.token, { delegation: 'Kenya' });
    expect(bulk.status).toBe(200);
    const result = (await bulk.json()) as { decided: Array<{ id: string }>; conflicts: Array<{ id: string; error: string }> };
    expect(result.decided.map((d) => d.id)).toEqual([bis.id]);
    expect(result.conflicts.map((d) => d.id)).toEqual([amend.id]);
    await waitFor(() => [facilitator, kenya, norway].every((c) => operativeTexts(c.doc).length === 3 && operativeTexts(c.doc)[1] === 'Calls upon all States to cooperate;'), 'the new paragraph is OP2 everywhere');
    expect(opIds(kenya)[1]).toBe(bis.newId);

    // Accept anyway.
    const forced = await post(id, `/proposals/${amend.id}/accept`, facilitator.token, { force: true });
    expect(forced.status).toBe(200);
    await waitFor(() => operativeTexts(norway.doc)[2] === t2.replace('Requests', 'Urges'), 'forced accept replaces the paragraph');

    // Undo the last decision (the forced accept), then the bulk one.
    expect((await post(id, '/proposals/undo', facilitator.token)).status).toBe(200);
    await waitFor(() => operativeTexts(norway.doc)[2] === `Kindly ${t2}` && readProposal(norway.doc, amend.id)?.state === 'pending', 'the forced accept is undone');
    expect((await post(id, '/proposals/undo', facilitator.token)).status).toBe(200);
    await waitFor(() => [facilitator, kenya, norway].every((c) => operativeTexts(c.doc).length === 2 && readProposal(c.doc, bis.id)?.state === 'pending'), 'the bulk accept is undone');
    expect(operativeTexts(kenya.doc)).toEqual([t1, `Kindly ${t2}`]);

    // Accept the deletion; undo refuses when the text changed since, and restores otherwise.
    expect((await post(id, `/proposals/${del.id}/accept`, facilitator.token)).status).toBe(200);
    await waitFor(() => operativeTexts(kenya.doc).length === 1, 'OP1 deleted');
    expect((await post(id, '/proposals/undo', facilitator.token)).status).toBe(200);
    await waitFor(() => operativeTexts(kenya.doc).join('|') === [t1, `Kindly ${t2}`].join('|'), 'OP1 is back');
    expect(opIds(kenya)[0]).toBe(op1);

    // Reject everything on a paragraph.
    const rejected = await post(id, '/proposals/reject', facilitator.token, { paragraph: op1 });
    expect(((await rejected.json()) as { decided: Array<{ id: string }> }).decided.map((d) => d.id).sort()).toEqual([bis.id, del.id].sort());
    // Bad input: a clear 400.
    const bad = await post(id, '/proposals/accept', facilitator.token, { who: 'everyone' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/delegation.*paragraph/);
    expect((await post(id, '/proposals/nope/accept', facilitator.token)).status).toBe(404);

    // Undo is refused once the merged paragraph has changed since, and changes nothing.
    expect((await post(id, `/proposals/${amend.id}/accept`, facilitator.token, { force: true })).status).toBe(200);
    await waitFor(() => operativeTexts(facilitator.doc)[1] === t2.replace('Requests', 'Urges'), 'accepted again');
    operativeRun(facilitator, 1).insert(0, 'Also ');
    await waitFor(() => operativeTexts(kenya.doc)[1].startsWith('Also Urges'), 'the later edit arrives');
    const refused = await post(id, '/proposals/undo', facilitator.token);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: string }).error).toMatch(/OP2 changed since the decision/);
    // Nothing changed on the server.
    const after = (await (await apiFetch(server, `/api/documents/${id}/proposals`)).json()) as { proposals: Proposal[] };
    expect(after.proposals.find((p) => p.id === amend.id)?.state).toBe('accepted');
    const served = (await (await apiFetch(server, `/api/documents/${id}`)).json()) as { resolution: Resolution };
    expect(plainText(served.resolution.operative[1].content)).toBe(`Also ${t2.replace('Requests', 'Urges')}`);
  });
});
