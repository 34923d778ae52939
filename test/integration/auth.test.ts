/**
 * Sign-in and enforcement: tokens on the API and the WebSocket, expiry,
 * revocation of a live connection, roles, observers, and client ids that
 * belong to another delegation (raw frames: the provider cannot forge them).
 */
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE, MESSAGE_SYNC } from '../../shared/protocol/messages';
import { appendOperative, connectClient, operativeTexts, synced, waitFor, type Client } from '../support/clients';
import {
  apiFetch,
  createDocument,
  createInvitation,
  invite,
  redeem,
  startTestServer,
  tempDataDir,
  type TestServer,
} from '../support/server';

let server: TestServer;
const data = tempDataDir();
const clients: Client[] = [];
const connect = (...args: Parameters<typeof connectClient>) => {
  const c = connectClient(...args);
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

/** Tries a WebSocket upgrade; resolves with the HTTP status of a refusal, or 101 when it opened. */
function upgradeStatus(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${server.wsUrl.replace(/\/collab$/, '')}${path}`, { headers });
    ws.on('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    ws.on('open', () => {
      ws.close();
      resolve({ status: 101, body: '' });
    });
    ws.on('error', (err) => (err.message.includes('Unexpected server response') ? undefined : reject(err)));
  });
}

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
function sendRawUpdate(docId: string, token: string, update: Uint8Array): Promise<{ code: number; reason: string }> {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeUpdate(encoder, update);
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${server.wsUrl}/${docId}?token=${token}`);
    const timer = setTimeout(() => reject(new Error('the server did not close the connection')), 5000);
    ws.once('message', () => ws.send(encoding.toUint8Array(encoder)));
    ws.once('close', (code, reason) => {
      clearTimeout(timer);
      resolve({ code, reason: reason.toString() });
    });
  });
}

const errorOf = async (res: Response) => ((await res.json()) as { error: string }).error;
const textOf = async (id: string) => (await apiFetch(server, `/api/documents/${id}/text`)).text();

describe('tokens', () => {
  it('without a token: 401 on the API and before the WebSocket upgrade; public routes stay open', async () => {
    const id = await createDocument(server, { template: 'ga-main-committee' });
    for (const path of ['/api/documents', `/api/documents/${id}`, `/api/documents/${id}/history`, `/api/documents/${id}/authors`, '/api/session']) {
      const res = await apiFetch(server, path, { token: null });
      expect(res.status, path).toBe(401);
      expect(await errorOf(res)).toMatch(/Not signed in/);
    }
    const created = await apiFetch(server, '/api/documents', { method: 'POST', json: { template: 'hrc' }, token: null });
    expect(created.status).toBe(401);
    const ws = await upgradeStatus(`/collab/${id}`);
    expect(ws.status).toBe(401);
    expect(JSON.parse(ws.body).error).toMatch(/Not signed in/);
    for (const path of ['/api/health', '/api/templates', '/api/validation/corpus']) expect((await apiFetch(server, path, { token: null })).status, path).toBe(200);
    const validate = await apiFetch(server, '/api/validate', { method: 'POST', json: { text: 'The General Assembly,\n\n1. Decides to act;' }, token: null });
    expect(validate.status).toBe(200);
  });

  it('a wrong token, or an invitation used as a session: 401 with a reason', async () => {
    const id = await createDocument(server, { template: 'ga-main-committee' });
    const wrong = await apiFetch(server, `/api/documents/${id}`, { token: 'ses_not-a-real-token' });
    expect(wrong.status).toBe(401);
    expect(await errorOf(wrong)).toMatch(/not valid/);
    expect((await upgradeStatus(`/collab/${id}?token=ses_not-a-real-token`)).status).toBe(401);
    const inv = await createInvitation(server, id, { delegation: 'Chile' });
    const asBearer = await apiFetch(server, `/api/documents/${id}`, { token: inv.invitation });
    expect(asBearer.status).toBe(401);
    expect(await errorOf(asBearer)).toMatch(/invitation, not a session/);
  });

  it('an invitation is single-use and yields a session cookie the app and the WebSocket can use', async () => {
    const id = await createDocument(server, { template: 'ga-main-committee' });
    const inv = await createInvitation(server, id, { delegation: 'Mexico', name: 'Ana García' });
    expect(inv.link).toBe(`${server.url}/join/${inv.invitation}`);
    const res = await apiFetch(server, '/api/session', { method: 'POST', json: { invitation: inv.invitation }, token: null });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^penholder_session=ses_/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const body = (await res.json()) as { session: { delegation: string; name: string; role: string; documentId: string } };
    expect(body.session).toMatchObject({ delegation: 'Mexico', name: 'Ana García', role: 'delegation', documentId: id });
    const again = await apiFetch(server, '/api/session', { method: 'POST', json: { invitation: inv.invitation }, token: null });
    expect(again.status).toBe(401);
    expect(await errorOf(again)).toMatch(/already used/);

    const sessionCookie = cookie.split(';')[0];
    const me = await apiFetch(server, '/api/session', { token: null, headers: { Cookie: sessionCookie } });
    expect(((await me.json()) as { session: { delegation: string } }).session.delegation).toBe('Mexico');
    expect((await upgradeStatus(`/collab/${id}`, { Cookie: sessionCookie })).status).toBe(101);
    // The listing shows the documents the caller takes part in.
    const list = (await (await apiFetch(server, '/api/documents', { token: null, headers: { Cookie: sessionCookie } })).json()) as { documents: { id: string }[] };
    expect(list.documents.map((d) => d.id)).toEqual([id]);
  });

  it('an expired session: the live connection is closed with 4401, the provider stops, and the token gets 401', async () => {
    const data2 = tempDataDir();
    const short = await startTestServer({ dataDir: data2.dir, sessionTtlMs: 1500 });
    try {
      const id = await createDocument(short, { template: 'ga-main-committee' });
      const c = connectClient(short, id, 'Peru', 'Luis');
      clients.push(c);
      await synced(c);
      const closed = new Promise<{ code: number; reason: string }>((resolve) => c.provider.on('closed', (e) => resolve(e)));
      expect((await closed).code).toBe(CLOSE.unauthorized);
      expect(c.closes.at(-1)?.reason).toMatch(/expired/);
      expect(c.provider.shouldConnect).toBe(false);
      const res = await apiFetch(short, `/api/documents/${id}`, { token: c.token });
      expect(res.status).toBe(401);
      expect(await errorOf(res)).toMatch(/expired/);
      const ws = await new Promise<number>((resolve) => {
        const raw = new WebSocket(`${short.wsUrl}/${id}?token=${c.token}`);
        raw.on('unexpected-response', (_q, r) => resolve(r.statusCode ?? 0));
        raw.on('error', () => undefined);
      });
      expect(ws).toBe(401);
    } finally {
      await short.close();
      data2.remove();
    }
  });

  it('revoking a participant drops its live connection (4401) and its token; the others carry on', async () => {
    const id = await createDocument(server, { template: 'ga-main-committee' });
    const mexico = connect(server, id, 'Mexico', 'Ana');
    const norway = connect(server, id, 'Norway', 'Ola');
    await Promise.all([synced(mexico), synced(norway)]);
    const closed = new Promise<{ code: number; reason: string }>((resolve) => mexico.provider.on('closed', (e) => resolve(e)));
    const res = await apiFetch(server, `/api/documents/${id}/participants/${mexico.participantId}`, { method: 'DELETE' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { droppedConnections: number }).droppedConnections).toBe(1);
    const close = await closed;
    expect(close.code).toBe(CLOSE.unauthorized);
    expect(close.reason).toMatch(/revoked/);
    expect(mexico.provider.shouldConnect).toBe(false);
    const after = await apiFetch(server, `/api/documents/${id}`, { token: mexico.token });
    expect(after.status).toBe(401);
    expect(await errorOf(after)).toMatch(/revoked/);
    expect((await upgradeStatus(`/collab/${id}?token=${mexico.token}`)).status).toBe(401);

    appendOperative(norway.doc, 'Norway still writes after the revocation;', 'after-revoke');
    await expect.poll(() => textOf(id), { timeout: 3000 }).toContain('still writes after the revocation;');
    const participants = (await (await apiFetch(server, `/api/documents/${id}/participants`)).json()) as { participants: { id: string; revoked: string | null }[] };
    expect(participants.participants.find((p) => p.id === mexico.participantId)?.revoked).toBeTruthy();
  });
});

describe('roles', () => {
  it('the secretariat-only participant list and restore answer 403 to a delegation and a facilitator', async () => {
    const id = await createDocument(server, { template: 'ga-main-committee' });
    const delegation = await invite(server, id, { delegation: 'Ghana', role: 'delegation' });
    const facilitator = await invite(server, id, { delegation: 'Facilitator', role: 'facilitator', name: 'Ms. Facilitator' });
    const secretariat = await invite(server, id, { delegation: 'Secretariat', role: 'secretariat' });
    for (const who of [delegation, facilitator]) {
      const res = await apiFetch(server, `/api/documents/${id}/participants`, { token: who.token });
      expect(res.status).toBe(403);
      expect(await errorOf(res)).toMatch(/needs the role secretariat/);
      const restore = await apiFetch(server, `/api/documents/${id}/versions/1/restore`, { method: 'POST', json: { paragraph: 'x' }, token: who.token });
      expect(restore.status).toBe(403);
      const inviting = await apiFetch(server, `/api/documents/${id}/invitations`, { method: 'POST', json: { delegation: 'Fiji', role: 'secretariat' }, token: who.token });
      expect(inviting.status).toBe(403);
    }
    const list = await apiFetch(server, `/api/documents/${id}/participants`, { token: secretariat.token });
    expect(list.status).toBe(200);
    const body = (await list.json()) as { participants: { delegation: string; role: string }[] };
    expect(body.participants.map((p) => `${p.delegation}:${p.role}`)).toEqual(['Ghana:delegation', 'Facilitator:facilitator', 'Secretariat:secretariat']);
    // The secretariat invites, too; only the administrator creates documents.
    expect((await apiFetch(server, `/api/documents/${id}/invitations`, { method: 'POST', json: { delegation: 'Fiji', role: 'observer' }, token: secretariat.token })).status).toBe(201);
    expect((await apiFetch(server, '/api/documents', { method: 'POST', json: { template: 'hrc' }, token: secretariat.token })).status).toBe(403);
  });

  it('a participant of one document gets 403 on another, on the API and before the upgrade', async () => {
    const mine = await createDocument(server, { template: 'ga-main-committee' });
    const other = await createDocument(server, { template: 'hrc' });
    const { token } = await invite(server, mine, { delegation: 'Fiji' });
    expect((await apiFetch(server, `/api/documents/${mine}`, { token })).status).toBe(200);
    const res = await apiFetch(server, `/api/documents/${other}`, { token });
    expect(res.status).toBe(403);
    expect(await errorOf(res)).toMatch(/not a participant/);
    expect((await upgradeStatus(`/collab/${other}?token=${token}`)).status).toBe(403);
    expect((await apiFetch(server, `/api/session?document=${other}`, { token })).status).toBe(403);
  });

  it('an invitation needs a delegation and a known role', async () => {
    const id = await createDocument(server, { template: 'ga-main-committee' });
    for (const [body, message] of [
      [{ role: 'delegation' }, /"delegation"/],
      [{ delegation: 'Chile', role: 'president' }, /"role" must be one of/],
      [{ delegation: 'Chile', role: 'observer', name: 5 }, /"name" must be a string/],
    ] as const) {
      const res = await apiFetch(server, `/api/documents/${id}/invitations`, { method: 'POST', json: body });
      expect(res.status).toBe(400);
      expect(await errorOf(res)).toMatch(message);
    }
    expect((await apiFetch(server, '/api/documents/dnothere/invitations', { method: 'POST', json: { delegation: 'Chile', role: 'observer' } })).status).toBe(404);
  });
});

describe('enforcement in the pipeline', () => {
  it('an observer’s write is refused: the document is unchanged, the others unaffected, and its presence still works', async () => {
    const id = await createDocument(server, { template: 'ga-main-committee' });
    const observer = connect(server, id, 'Holy See', 'Observer', { role: 'observer' });
    const writer = connect(server, id, 'Kenya', 'Wanjiru');
    await Promise.all([synced(observer), synced(writer)]);
    const before = await textOf(id);

    appendOperative(observer.doc, 'Written by an observer;', 'obs1');
    await waitFor(() => server.lines.some((l) => l.includes('refused an observer update')), 'the refusal is logged');
    expect(await textOf(id)).toBe(before);
    expect(operativeTexts(writer.doc)).not.toContain('Written by an observer;');
    // The observer stays connected and still receives the others' changes.
    appendOperative(writer.doc, 'Kenya writes;', 'k1');
    await waitFor(() => operativeTexts(observer.doc).includes('Kenya writes;'), 'the observer receives Kenya’s paragraph');
    expect(observer.closes).toEqual([]);
    expect(observer.provider.wsconnected).toBe(true);
    // Awareness: the writer sees the observer in presence.
    observer.provider.awareness.setLocalStateField('user', { delegation: 'Holy See', name: 'Observer' });
    await waitFor(
      () => [...writer.provider.awareness.getStates().values()].some((s) => (s.user as { delegation?: string } | undefined)?.delegation === 'Holy See'),
      'the writer sees the observer present',
    );
    expect(await textOf(id)).toContain('writes;');
    expect(await textOf(id)).not.toContain('observer');
  });

  it('an update under another delegation’s client id is refused and closes that connection; the owner carries on', async () => {
    const id = await createDocument(server, { template: 'ga-main-committee' });
    const mexico = connect(server, id, 'Mexico', 'Ana');
    await synced(mexico);
    appendOperative(mexico.doc, 'Mexico’s own paragraph;', 'mx1');
    await expect.poll(() => textOf(id), { timeout: 3000 }).toContain('own paragraph;');
    const before = await textOf(id);

    // Norway builds an update with Mexico's client id and sends it as raw frames.
    const update = forgeUpdate(mexico.doc, mexico.doc.clientID, 'Forged in Mexico’s name;');
    expect(Y.parseUpdateMeta(update).from.has(mexico.doc.clientID)).toBe(true);
    const { token } = await invite(server, id, { delegation: 'Norway' });
    const closed = await sendRawUpdate(id, token, update);
    expect(closed.code).toBe(CLOSE.forbidden);
    expect(closed.reason).toMatch(new RegExp(`client id ${mexico.doc.clientID} belongs to Mexico`));
    expect(await textOf(id)).toBe(before);
    expect(server.lines.some((l) => l.includes('another delegation’s client id') && l.includes('Norway'))).toBe(true);

    // Mexico is unaffected and keeps writing with its own client id.
    appendOperative(mexico.doc, 'Mexico continues;', 'mx2');
    await expect.poll(() => textOf(id), { timeout: 3000 }).toContain('continues;');
    expect(mexico.closes).toEqual([]);
    const authors = (await (await apiFetch(server, `/api/documents/${id}/authors`)).json()) as { authors: Record<string, { delegation: string }> };
    expect(authors.authors[mexico.doc.clientID].delegation).toBe('Mexico');
  });

  it('nobody can write under the client id of the server’s initial content', async () => {
    const id = await createDocument(server, { template: 'ga-main-committee' });
    const authors = (await (await apiFetch(server, `/api/documents/${id}/authors`)).json()) as { authors: Record<string, { role: string }> };
    const systemId = Number(Object.entries(authors.authors).find(([, a]) => a.role === 'system')![0]);
    const kenya = connect(server, id, 'Kenya', 'K');
    await synced(kenya);
    const { token } = await invite(server, id, { delegation: 'Kenya' });
    const closed = await sendRawUpdate(id, token, forgeUpdate(kenya.doc, systemId, 'Written as the server;'));
    expect(closed.code).toBe(CLOSE.forbidden);
    expect(closed.reason).toMatch(/belongs to the server/);
    expect(await textOf(id)).not.toContain('as the server;');
  });
});
