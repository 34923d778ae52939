/** The JSON API: creation from templates and text, listing, reading, and clear errors. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSeed } from '../support/seeds';
import { bearer, startTestServer, tempDataDir, type TestServer } from '../support/server';

let server: TestServer;
const data = tempDataDir();
beforeAll(async () => {
  server = await startTestServer({ dataDir: data.dir, maxMessageBytes: 1024 * 1024 });
});
afterAll(async () => {
  await server.close();
  data.remove();
});

const post = (body: unknown, raw = false) =>
  fetch(`${server.url}/api/documents`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...bearer() },
    body: raw ? (body as string) : JSON.stringify(body),
  });

describe('API', () => {
  it('health and templates', async () => {
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    expect(((await health.json()) as { status: string }).status).toBe('ok');
    const templates = (await (await fetch(`${server.url}/api/templates`)).json()) as { templates: { id: string; name: string }[] };
    expect(templates.templates.map((t) => t.id).sort()).toEqual(['cop-untoc', 'ecosoc', 'ga-main-committee', 'hrc', 'security-council']);
  });

  it('imports a seed text and returns the model and the text', async () => {
    const res = await post({ text: readSeed('000'), symbol: 'CTOC/COP/2020/L.5' });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const doc = (await (await fetch(`${server.url}/api/documents/${id}`, { headers: bearer() })).json()) as {
      symbol: string;
      resolution: { preamble: unknown[]; operative: unknown[]; masthead: { symbol: string } };
    };
    expect(doc.resolution.preamble).toHaveLength(17);
    expect(doc.resolution.operative).toHaveLength(27);
    expect(doc.symbol).toBe('CTOC/COP/2020/L.5');
    const text = await (await fetch(`${server.url}/api/documents/${id}/text`, { headers: bearer() })).text();
    expect(text).toContain('27. ');

    const list = (await (await fetch(`${server.url}/api/documents`, { headers: bearer() })).json()) as { documents: { id: string; title: string; symbol: string; updated: string }[] };
    const entry = list.documents.find((d) => d.id === id);
    expect(entry?.symbol).toBe('CTOC/COP/2020/L.5');
    expect(entry?.title).toMatch(/\S/);
    expect(Number.isNaN(Date.parse(entry!.updated))).toBe(false);
  });

  it('creates from a template with metadata', async () => {
    const res = await post({ template: 'security-council', sponsors: ['France', 'Ghana'] });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const doc = (await (await fetch(`${server.url}/api/documents/${id}`, { headers: bearer() })).json()) as { resolution: { masthead: { sponsors: string[] }; authority: unknown } };
    expect(doc.resolution.masthead.sponsors).toEqual(['France', 'Ghana']);
  });

  const bad: [string, () => Promise<Response>, number, RegExp][] = [
    ['non-JSON body', () => post('{not json', true), 400, /Malformed JSON/],
    ['neither template nor text', () => post({}), 400, /exactly one of "template"/],
    ['both template and text', () => post({ template: 'hrc', text: 'x' }), 400, /exactly one/],
    ['an unknown template', () => post({ template: 'nope' }), 400, /Unknown template "nope"/],
    ['text that is not a string', () => post({ text: 42 }), 400, /"text" must be a string/],
    ['sponsors that are not strings', () => post({ template: 'hrc', sponsors: [1] }), 400, /sponsors/],
    ['text that is not a resolution', () => post({ text: '' }), 422, /could not be imported/],
    ['an oversized body', () => post({ text: 'x'.repeat(2 * 1024 * 1024) }), 413, /larger than 1048576 bytes/],
    ['an unknown document', () => fetch(`${server.url}/api/documents/dnothere`, { headers: bearer() }), 404, /No document with id "dnothere"/],
    ['an unknown document text', () => fetch(`${server.url}/api/documents/dnothere/text`, { headers: bearer() }), 404, /No document/],
    ['an unknown API route', () => fetch(`${server.url}/api/nothing`), 404, /No such API route/],
  ];
  for (const [name, request, status, message] of bad) {
    it(`answers ${status} with a JSON error for ${name}`, async () => {
      const res = await request();
      expect(res.status).toBe(status);
      const body = (await res.json()) as { error: string };
      expect(body.error).toMatch(message);
    });
  }
});
