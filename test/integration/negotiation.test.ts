/**
 * Paragraph status and comments with real y-websocket clients: the
 * facilitator sets statuses and everyone sees them; the server refuses a
 * delegation's status and forged or foreign comment writes (its state and
 * the other clients unaffected); editing an agreed paragraph sets it back to
 * pending, saying who, logged in the history; a move keeps status and comments.
 * Every client writes with the same shared functions as the editor.
 */
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readResolutionFromYDoc } from '../../shared/editor/ydoc';
import { BODY_FIELD, NODE } from '../../shared/editor/schema';
import { onServerNotice } from '../../shared/protocol/notices';
import type { Comment } from '../../shared/negotiation/types';
import { addComment, commentsMap, editComment, paragraphElement, resolvedMap, resolveThread, setStatus, statusMap } from '../../shared/negotiation/ydoc';
import { connectClient, synced, waitFor, type Client } from '../support/clients';
import { apiFetch, createDocument, startTestServer, tempDataDir, type TestServer } from '../support/server';

const TEXT = `## General Assembly

A/C.3/81/L.7

Distr.: Limited 1 October 2026

Original: English

Eighty-first session

Agenda item 68

Mexico: draft resolution

## Rights of persons

The General Assembly,

*Recalling* its previous resolutions on the subject,

1. *Welcomes* the report of the Secretary-General;

2. *Encourages* States to cooperate;

3. *Calls upon* States [to consider][to adopt] measures;

4. *Requests* the Secretary-General to report at its eighty-second session.`;

let server: TestServer;
const data = tempDataDir();
const clients: Client[] = [];
let docId: string;
let fac: Client, mex: Client, ken: Client;
let ids: string[];

const chair = { delegation: 'Chair', name: 'Ms Facilitator', role: 'facilitator' };
const mexico = { delegation: 'Mexico', name: 'Ana Ruiz', role: 'delegation' };
const kenya = { delegation: 'Kenya', name: 'Wanjiru', role: 'delegation' };

function connect(who: { delegation: string; name: string; role: string }): Client {
  const c = connectClient(server, docId, who.delegation, who.name, { role: who.role as 'delegation' | 'facilitator' | 'observer' });
  clients.push(c);
  return c;
}

/** A client that will try something the server refuses: collects the notices it gets. */
async function rogue(who: { delegation: string; name: string; role: string }): Promise<{ client: Client; notices: string[] }> {
  const client = connect(who);
  const notices: string[] = [];
  onServerNotice(client.provider, (n) => {
    if (n.type === 'notice') notices.push(n.message);
  });
  await synced(client);
  return { client, notices };
}

const statusIn = (c: Client, id: string) => statusMap(c.doc).get(id);
const everyone = () => [fac, mex, ken];

async function apiStatus() {
  const res = await apiFetch(server, `/api/documents/${docId}/status`);
  expect(res.status).toBe(200);
  return (await res.json()) as {
    summary: { agreed: number; adRef: number; pending: number; bracketed: number; total: number; line: string };
    paragraphs: { id: string; label: string; status: string; statusLabel: string; standing: string; reason: string | null; by: { delegation: string } | null }[];
  };
}

function typeInto(c: Client, id: string, text: string) {
  const el = paragraphElement(c.doc, id)!;
  (el.get(0) as Y.XmlText).insert(0, text);
}

/** Moves operative paragraph `from` to index `to`, the way the editor does: delete and re-insert a copy with the same id. */
function moveOperative(c: Client, from: number, to: number) {
  const section = c.doc.getXmlFragment(BODY_FIELD).toArray().find((n) => n instanceof Y.XmlElement && n.nodeName === NODE.operative) as Y.XmlElement;
  c.doc.transact(() => {
    const el = section.get(from) as Y.XmlElement;
    const copy = el.clone();
    section.delete(from, 1);
    section.insert(to, [copy]);
  });
}

beforeAll(async () => {
  server = await startTestServer({ dataDir: data.dir });
  docId = await createDocument(server, { text: TEXT });
  fac = connect(chair);
  mex = connect(mexico);
  ken = connect(kenya);
  await Promise.all(everyone().map(synced));
  ids = readResolutionFromYDoc(fac.doc).operative.map((p) => p.id);
  expect(ids).toHaveLength(4);
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await server.close();
  data.remove();
});

describe('paragraph status', () => {
  it('the facilitator sets statuses; every client and the API see them, with the summary', async () => {
    fac.doc.transact(() => {
      setStatus(fac.doc, ids[0], 'agreed', chair);
      setStatus(fac.doc, ids[1], 'ad-ref', chair);
      setStatus(fac.doc, ids[2], 'agreed', chair); // bracketed: counts as bracketed whatever its status
      setStatus(fac.doc, ids[3], 'agreed', chair);
    });
    await waitFor(() => everyone().every((c) => statusIn(c, ids[3])?.status === 'agreed' && statusIn(c, ids[1])?.status === 'ad-ref'), 'everyone sees the statuses');
    expect(statusIn(ken, ids[0])).toMatchObject({ status: 'agreed', by: { delegation: 'Chair', name: 'Ms Facilitator', role: 'facilitator' } });
    const { summary, paragraphs } = await apiStatus();
    // PP1, OP1..OP4: OP1 and OP4 agreed, OP2 ad ref, OP3 bracketed, PP1 pending.
    expect(summary).toMatchObject({ agreed: 2, adRef: 1, pending: 1, bracketed: 1, total: 5, line: '2 agreed · 1 ad ref · 1 pending · 1 bracketed' });
    expect(paragraphs.find((p) => p.id === ids[2])).toMatchObject({ label: 'OP3', status: 'agreed', standing: 'bracketed' });
    expect(paragraphs.find((p) => p.id === ids[1])).toMatchObject({ label: 'OP2', statusLabel: 'Ad ref' });
  });

  it('a delegation’s status is refused: the server and the other clients keep the facilitator’s', async () => {
    const { client, notices } = await rogue({ delegation: 'Norway', name: 'Ola', role: 'delegation' });
    setStatus(client.doc, ids[1], 'agreed', { delegation: 'Norway', name: 'Ola', role: 'delegation' });
    await waitFor(() => notices.length > 0, 'the refusal notice');
    expect(notices[0]).toMatch(/Only the facilitator or the secretariat sets the status/);
    // The connection stays open.
    expect(client.closes).toEqual([]);
    expect(client.provider.wsconnected).toBe(true);
    const { paragraphs } = await apiStatus();
    expect(paragraphs.find((p) => p.id === ids[1])).toMatchObject({ status: 'ad-ref' });
    // The others still work together: a change of Kenya reaches the facilitator.
    const cid = addComment(ken.doc, kenya, ids[1], 'We can live with this.');
    await waitFor(() => commentsMap(fac.doc).has(cid), 'the facilitator sees Kenya’s comment');
    expect(everyone().every((c) => statusIn(c, ids[1])?.status === 'ad-ref')).toBe(true);
    expect(server.lines.join('\n')).toContain('refused a status or comment write');
  });

  it('a status in the facilitator’s name written by a delegation is refused too', async () => {
    const { client, notices } = await rogue({ delegation: 'Norway', name: 'Ola', role: 'delegation' });
    statusMap(client.doc).set(ids[0], { status: 'pending', by: chair, at: new Date().toISOString() });
    await waitFor(() => notices.length > 0, 'the refusal notice');
    expect((await apiStatus()).paragraphs.find((p) => p.id === ids[0])).toMatchObject({ status: 'agreed' });
  });

  it('a delegation edits an agreed paragraph: back to pending, with who, for everyone and in the history', async () => {
    typeInto(mex, ids[0], 'Warmly ');
    await waitFor(() => everyone().every((c) => statusIn(c, ids[0])?.status === 'pending'), 'everyone sees OP1 pending again');
    for (const c of everyone()) expect(statusIn(c, ids[0])).toMatchObject({ status: 'pending', reason: 'changed by Mexico (Ana Ruiz)', by: { delegation: 'Mexico', name: 'Ana Ruiz' } });
    const { summary } = await apiStatus();
    expect(summary).toMatchObject({ agreed: 1, adRef: 1, pending: 2, bracketed: 1 });

    const res = await apiFetch(server, `/api/documents/${docId}/history`);
    const { changes } = (await res.json()) as { changes: { delegation: string | null; role: string; paragraph: { id: string; label: string }; inserted: string; status?: { status: string; reason: string | null } }[] };
    const op1 = changes.filter((c) => c.paragraph.id === ids[0]);
    expect(op1.find((c) => c.delegation === 'Mexico')).toMatchObject({ inserted: 'Warmly ', paragraph: { label: 'OP1' } });
    expect(op1.find((c) => c.role === 'facilitator')).toMatchObject({ status: { status: 'agreed', reason: null } });
    // Exactly one reset, by the server (the document's creation is the other change of role system): it does not loop.
    const resets = op1.filter((c) => c.role === 'system' && c.status);
    expect(resets).toHaveLength(1);
    expect(resets[0]).toMatchObject({ status: { status: 'pending', reason: 'changed by Mexico (Ana Ruiz)' }, inserted: '', deleted: '' });
  });

  it('a move keeps the status (the text is unchanged); an edit after it does reset', async () => {
    const before = readResolutionFromYDoc(fac.doc).operative.map((p) => p.id);
    moveOperative(ken, 1, 3); // OP2 (ad ref) becomes the last paragraph
    await waitFor(() => everyone().every((c) => readResolutionFromYDoc(c.doc).operative.at(-1)?.id === ids[1]), 'everyone sees the move');
    expect(readResolutionFromYDoc(fac.doc).operative.map((p) => p.id)).toEqual([before[0], before[2], before[3], before[1]]);
    // A later edit of another agreed paragraph: once its reset arrives, the move's would have too.
    typeInto(ken, ids[3], 'Also ');
    await waitFor(() => everyone().every((c) => statusIn(c, ids[3])?.status === 'pending'), 'OP4 (now OP3) pending again');
    expect(statusIn(fac, ids[3])?.reason).toBe('changed by Kenya (Wanjiru)');
    expect(everyone().every((c) => statusIn(c, ids[1])?.status === 'ad-ref')).toBe(true);
    const { paragraphs } = await apiStatus();
    expect(paragraphs.find((p) => p.id === ids[1])).toMatchObject({ label: 'OP4', status: 'ad-ref' });
  });

  it('the facilitator sets a status over the API, through the pipeline; a delegation gets 403, bad input 400/404', async () => {
    const res = await apiFetch(server, `/api/documents/${docId}/status/${ids[0]}`, { method: 'PUT', json: { status: 'agreed' } });
    expect(res.status).toBe(200);
    await waitFor(() => everyone().every((c) => statusIn(c, ids[0])?.status === 'agreed'), 'everyone sees OP1 agreed');
    expect(statusIn(mex, ids[0])?.text).toBeTruthy();
    const bad = await apiFetch(server, `/api/documents/${docId}/status/${ids[0]}`, { method: 'PUT', json: { status: 'done' } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/"status"/);
    const none = await apiFetch(server, `/api/documents/${docId}/status/nope`, { method: 'PUT', json: { status: 'agreed' } });
    expect(none.status).toBe(404);
    expect(((await none.json()) as { error: string }).error).toMatch(/No paragraph with id "nope"/);
    const forbidden = await apiFetch(server, `/api/documents/${docId}/status/${ids[0]}`, { method: 'PUT', json: { status: 'pending' }, token: mex.token! });
    expect(forbidden.status).toBe(403);
    expect((await apiFetch(server, `/api/documents/nosuchdoc/status`)).status).toBe(404);
  });
  it('a status set on text that changed meanwhile (offline facilitator) goes back to pending', async () => {
    fac.provider.disconnect();
    typeInto(mex, ids[3], 'Further ');
    await waitFor(() => paragraphElement(ken.doc, ids[3])!.toString().includes('Further '), 'Kenya sees Mexico’s edit');
    setStatus(fac.doc, ids[3], 'agreed', chair); // marks the text without Mexico's edit
    fac.provider.connect();
    await waitFor(() => paragraphElement(fac.doc, ids[3])!.toString().includes('Further ') && statusIn(fac, ids[3])?.reason === 'the text changed while it was being marked', 'the status reset after the facilitator reconnects');
    await waitFor(() => everyone().every((c) => statusIn(c, ids[3])?.status === 'pending'), 'everyone sees it pending');
  });
});

describe('comments', () => {
  let rootId: string;
  it('add, reply, edit own, resolve and reopen; everyone sees the thread', async () => {
    rootId = addComment(mex.doc, mexico, ids[1], 'Could we say “invites” instead?');
    await waitFor(() => commentsMap(ken.doc).has(rootId), 'Kenya sees the comment');
    const replyId = addComment(ken.doc, kenya, ids[1], 'Kenya supports this.', rootId);
    await waitFor(() => commentsMap(mex.doc).has(replyId), 'Mexico sees the reply');
    editComment(mex.doc, rootId, 'Could we say “invites” instead of “encourages”?');
    await waitFor(() => commentsMap(fac.doc).get(rootId)?.text.endsWith('“encourages”?') === true, 'the edit reaches everyone');
    resolveThread(mex.doc, rootId, mexico); // the thread's author
    await waitFor(() => resolvedMap(fac.doc).get(rootId)?.by.delegation === 'Mexico', 'resolved');
    resolveThread(fac.doc, rootId, chair, false); // the facilitator reopens
    await waitFor(() => everyone().every((c) => commentsMap(c.doc).has(rootId) && !resolvedMap(c.doc).has(rootId)), 'reopened');
    // The author edits while the facilitator resolves, at the same time: both are kept (different entries).
    editComment(mex.doc, rootId, 'Could we say “invites” instead of “encourages”? (OP2)');
    resolveThread(fac.doc, rootId, chair);
    await waitFor(
      () => everyone().every((c) => commentsMap(c.doc).get(rootId)?.text.endsWith('(OP2)') && resolvedMap(c.doc).get(rootId)?.by.delegation === 'Chair'),
      'the edit and the resolution reach everyone',
    );
    resolveThread(fac.doc, rootId, chair, false);
    editComment(mex.doc, rootId, 'Could we say “invites” instead of “encourages”?');
    await waitFor(() => everyone().every((c) => !resolvedMap(c.doc).has(rootId) && commentsMap(c.doc).get(rootId)?.text.endsWith('“encourages”?')), 'reopened and edited back');

    const res = await apiFetch(server, `/api/documents/${docId}/comments`);
    const body = (await res.json()) as { threads: { root: Comment; replies: Comment[]; paragraphId: string; resolved: boolean }[] };
    const thread = body.threads.find((t) => t.root.id === rootId)!;
    expect(thread).toMatchObject({ paragraphId: ids[1], resolved: false, root: { delegation: 'Mexico', name: 'Ana Ruiz' } });
    expect(thread.replies.map((r) => [r.delegation, r.text])).toEqual([['Kenya', 'Kenya supports this.']]);
  });

  it('refuses a forged author, editing or deleting someone else’s comment, and resolving by a third delegation', async () => {
    const attempts: Array<[string, (doc: Y.Doc) => void, RegExp]> = [
      ['forged author', (doc) => addComment(doc, mexico, ids[1], 'Mexico withdraws its proposal.'), /in your own name/],
      ['edit another’s', (doc) => editComment(doc, rootId, 'Hijacked text'), /Only its author \(Mexico\) can edit/],
      ['delete another’s', (doc) => commentsMap(doc).delete(rootId), /Only its author \(Mexico\) can delete/],
      ['resolve another’s thread', (doc) => resolveThread(doc, rootId, { delegation: 'Norway', name: 'Ola', role: 'delegation' }), /thread’s author/],
    ];
    for (const [what, attempt, message] of attempts) {
      const { client, notices } = await rogue({ delegation: 'Norway', name: 'Ola', role: 'delegation' });
      attempt(client.doc);
      await waitFor(() => notices.length > 0, `the refusal of: ${what}`);
      expect(notices[0], what).toMatch(message);
      client.destroy();
    }
    // Observers read only: their comment is refused too.
    const observer = await rogue({ delegation: 'UNODC', name: 'Watcher', role: 'observer' });
    addComment(observer.client.doc, { delegation: 'UNODC', name: 'Watcher', role: 'observer' }, ids[1], 'A remark.');
    await waitFor(() => observer.notices.length > 0, 'the refusal of an observer’s comment');
    expect(observer.notices[0]).toMatch(/Observers cannot/);
    const res = await apiFetch(server, `/api/documents/${docId}/comments`);
    const { comments } = (await res.json()) as { comments: Comment[] };
    expect(comments.some((c) => c.delegation === 'UNODC')).toBe(false);
    expect(comments.find((c) => c.id === rootId)).toMatchObject({ delegation: 'Mexico', text: 'Could we say “invites” instead of “encourages”?' });
    expect(resolvedMap(fac.doc).size).toBe(0);
    expect(comments.some((c) => c.text === 'Mexico withdraws its proposal.')).toBe(false);
    // The honest clients still have the thread as it was.
    expect(commentsMap(ken.doc).get(rootId)?.text).toBe('Could we say “invites” instead of “encourages”?');
  });

  it('comments stay on their paragraph after it moves', async () => {
    moveOperative(fac, 3, 0); // OP2 (with the thread) to the top
    await waitFor(() => everyone().every((c) => readResolutionFromYDoc(c.doc).operative[0].id === ids[1]), 'everyone sees the move');
    const res = await apiFetch(server, `/api/documents/${docId}/comments`);
    const { threads } = (await res.json()) as { threads: { root: Comment; paragraphId: string }[] };
    expect(threads.find((t) => t.root.id === rootId)?.paragraphId).toBe(ids[1]);
    expect((await apiStatus()).paragraphs.find((p) => p.id === ids[1])).toMatchObject({ label: 'OP1', status: 'ad-ref' });
  });
});
