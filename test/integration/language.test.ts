/** The agreed-language API: suggestions, citation completion, provenance and the corpus. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSeed } from '../support/seeds';
import { apiFetch, createDocument, invite, startTestServer, tempDataDir, type TestServer } from '../support/server';

let server: TestServer;
const data = tempDataDir();
beforeAll(async () => {
  server = await startTestServer({ dataDir: data.dir });
});
afterAll(async () => {
  await server.close();
  data.remove();
});

const get = async (path: string) => {
  const res = await apiFetch(server, path, { token: null });
  return { status: res.status, body: (await res.json()) as any };
};

describe('GET /api/suggest', () => {
  it('suggests the prior paragraph that continues the typed words, with its source and a diff', async () => {
    const q = 'Invites Member States and other donors to provide extrabudgetary';
    const { status, body } = await get(`/api/suggest?q=${encodeURIComponent(q)}&limit=3`);
    expect(status).toBe(200);
    expect(body.suggestions.length).toBeGreaterThan(0);
    expect(body.suggestions.length).toBeLessThanOrEqual(3);
    const [first] = body.suggestions;
    expect(first.text).toMatch(/^Invites Member States and other donors to provide extrabudgetary resources for the purposes described above/);
    expect(first.source).toMatchObject({ document: 'resolution 10/2', kind: 'resolution', date: '2020-10-16', paragraph: 'OP27', citation: 'Conference resolution 10/2, OP27, 2020' });
    expect(first.score).toBeGreaterThan(0.9);
    expect(first.score).toBeLessThanOrEqual(1);
    expect(first.diff[0]).toEqual({ op: 'equal', text: expect.stringMatching(/^Invites Member States/) });
    expect(first.diff.at(-1).op).toBe('insert');
  });

  it('counts only documents issued before the cut-off date', async () => {
    const q = encodeURIComponent('Invites Member States and other donors to provide extrabudgetary resources');
    const { body } = await get(`/api/suggest?q=${q}&before=2020-10-16&limit=10`);
    for (const s of body.suggestions) expect(s.source.date < '2020-10-16').toBe(true);
    expect(body.suggestions.map((s: any) => s.source.document)).not.toContain('resolution 10/2');
  });

  it('answers bad queries with 400 and a clear message', async () => {
    expect(await get('/api/suggest')).toEqual({ status: 400, body: { error: expect.stringContaining('"q"') } });
    expect(await get('/api/suggest?q=%20%20')).toEqual({ status: 400, body: { error: '"q" has no words to match' } });
    expect(await get('/api/suggest?q=Invites&limit=0')).toEqual({ status: 400, body: { error: '"limit" must be a whole number from 1 to 20' } });
    expect(await get('/api/suggest?q=Invites&before=16-10-2020')).toEqual({ status: 400, body: { error: expect.stringContaining('YYYY-MM-DD') } });
    expect((await get(`/api/suggest?q=${'a'.repeat(10_001)}`)).status).toBe(400);
  });
});

describe('GET /api/citations', () => {
  it('completes "its resolution 7/" from the registry of acts', async () => {
    const { status, body } = await get(`/api/citations?q=${encodeURIComponent('Recalling its resolution 7/')}`);
    expect(status).toBe(200);
    expect(body.completions[0]).toMatchObject({ text: expect.stringMatching(/^7\/1 of 10 October 2014, entitled “Strengthening the implementation/), replace: 2 });
  });
});

describe('POST /api/provenance', () => {
  it('maps a text paragraph by paragraph: agreed spans with sources, new spans, shares', async () => {
    const res = await apiFetch(server, '/api/provenance', { method: 'POST', token: null, json: { text: readSeed('001'), before: '2024-10-17' } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body.paragraphs.length).toBeGreaterThan(30);
    const op23 = body.paragraphs.find((p: any) => p.label === 'OP23');
    expect(op23.agreedShare).toBe(1);
    expect(op23.spans[0].source).toMatchObject({ document: 'resolution 10/2', paragraph: 'OP27' });
    expect(body.agreedShare).toBeGreaterThan(0.3);
    expect(body.agreedShare).toBeLessThan(1);
    for (const p of body.paragraphs) expect(p.id).toBeTruthy();
  });

  it('maps a document of the app for its participants only', async () => {
    const id = await createDocument(server, { text: readSeed('001') });
    expect((await apiFetch(server, '/api/provenance', { method: 'POST', token: null, json: { documentId: id } })).status).toBe(401);
    const other = await createDocument(server, { template: 'ga-main-committee' });
    const { token } = await invite(server, other, { delegation: 'Chile' });
    expect((await apiFetch(server, '/api/provenance', { method: 'POST', token, json: { documentId: id } })).status).toBe(403);
    const mine = await invite(server, id, { delegation: 'Mexico' });
    const res = await apiFetch(server, '/api/provenance', { method: 'POST', token: mine.token, json: { documentId: id } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).paragraphs.find((p: any) => p.label === 'OP23').agreedShare).toBe(1);
  });

  it('refuses malformed bodies with 400', async () => {
    const post = async (json: unknown) => (await apiFetch(server, '/api/provenance', { method: 'POST', token: null, json })).status;
    expect(await post({})).toBe(400);
    expect(await post({ text: '' })).toBe(400);
    expect(await post({ text: 'x', documentId: 'y' })).toBe(400);
    expect(await post({ text: 'Recalling', before: 'yesterday' })).toBe(400);
    expect((await apiFetch(server, '/api/provenance', { method: 'POST', token: null, headers: { 'Content-Type': 'application/json' }, body: '{"text":' })).status).toBe(400);
  });
});

describe('the corpus', () => {
  it('lists the seeds as the default corpus', async () => {
    const { body } = await get('/api/corpus');
    expect(body.documents.map((d: any) => [d.symbol, d.kind, d.date])).toEqual(
      expect.arrayContaining([
        ['resolution 10/2', 'resolution', '2020-10-16'],
        ['resolution 6/2', 'resolution', '2012-10-19'],
        [expect.stringContaining('Mexico'), 'draft', '2024-10-17'],
        [expect.stringContaining('summary of the Chair'), 'chair-summary', '2020-07-17'],
        [expect.stringContaining('recommendations'), 'recommendations', '2016-09-28'],
      ]),
    );
  });

  it('lets the secretariat add an adopted document of the app; its language is then suggested', async () => {
    const id = await createDocument(server, { template: 'ga-main-committee' });
    const text = 'Decides to establish an intergovernmental expert group on the marking of polymer firearms and modular weapons;';
    // Delegations may not change the corpus; the secretariat may.
    const delegation = await invite(server, id, { delegation: 'Chile' });
    const secretariat = await invite(server, id, { delegation: 'Secretariat', role: 'secretariat' });
    const body = { documentId: id, kind: 'resolution', date: '2025-06-01', symbol: 'resolution 79/1' };
    expect((await apiFetch(server, '/api/corpus', { method: 'POST', token: null, json: body })).status).toBe(401);
    expect((await apiFetch(server, '/api/corpus', { method: 'POST', token: delegation.token, json: body })).status).toBe(403);
    // The adopted text: a document of the app, added by its own secretariat (another document's secretariat may not).
    const adopted = await createDocument(server, { text: `The General Assembly,\n\n*Recalling* its previous resolutions,\n\n1. *${text.split(' ')[0]}* ${text.split(' ').slice(1).join(' ')}\n\n2. *Decides* to remain seized of the matter.\n` });
    const sec2 = await invite(server, adopted, { delegation: 'Secretariat', role: 'secretariat' });
    const added = await apiFetch(server, '/api/corpus', { method: 'POST', token: sec2.token, json: { ...body, documentId: adopted } });
    expect(added.status).toBe(201);
    expect(await added.json()).toMatchObject({ id: `doc-${adopted}`, kind: 'resolution', date: '2025-06-01', symbol: 'resolution 79/1', paragraphs: 3, addedBy: 'Secretariat' });
    expect((await apiFetch(server, '/api/corpus', { method: 'POST', token: secretariat.token, json: { ...body, documentId: adopted } })).status).toBe(403);
    const { body: s } = await get(`/api/suggest?q=${encodeURIComponent('Decides to establish an intergovernmental expert group on the marking')}`);
    expect(s.suggestions[0]).toMatchObject({ text, source: { document: 'resolution 79/1', paragraph: 'OP1', date: '2025-06-01' } });
  });

  it('refuses bad metadata and unreadable texts', async () => {
    const post = async (json: unknown) => {
      const res = await apiFetch(server, '/api/corpus', { method: 'POST', json });
      return { status: res.status, error: ((await res.json()) as any).error as string };
    };
    expect(await post({ text: 'Recalling', kind: 'treaty', date: '2020-01-01' })).toEqual({ status: 400, error: expect.stringContaining('"kind" must be one of') });
    expect(await post({ text: 'Recalling', kind: 'draft', date: '1 January 2020' })).toEqual({ status: 400, error: expect.stringContaining('YYYY-MM-DD') });
    expect(await post({ text: '   ', kind: 'draft', date: '2020-01-01' })).toEqual({ status: 400, error: '"text" must be a non-empty string' });
    expect((await post({ documentId: 'nope', kind: 'draft', date: '2020-01-01' })).status).toBe(404);
  });
});

describe('an empty corpus', () => {
  it('gives empty results, not errors', async () => {
    const empty = tempDataDir();
    const bare = await startTestServer({ dataDir: empty.dir, seedCorpus: false });
    try {
      const res = await fetch(`${bare.url}/api/suggest?q=Invites%20Member%20States`);
      expect(await res.json()).toEqual({ suggestions: [] });
      const prov = await fetch(`${bare.url}/api/provenance`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text: 'Invites Member States to contribute.' }) });
      expect(await prov.json()).toMatchObject({ agreedShare: 0 });
      expect(await (await fetch(`${bare.url}/api/corpus`)).json()).toEqual({ documents: [] });
    } finally {
      await bare.close();
      empty.remove();
    }
  });
});
