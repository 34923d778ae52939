/**
 * GET /api/metrics: Prometheus text with the figures of the collaboration
 * endpoint, moved by real clients; and the optional METRICS_TOKEN.
 */
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendOperative, connectClient, operativeTexts, synced, waitFor, type Client } from '../support/clients';
import { apiFetch, createDocument, startTestServer, tempDataDir, TEST_ADMIN_TOKEN, type TestServer } from '../support/server';

let server: TestServer;
const data = tempDataDir();
let docId: string;
let a: Client;
let b: Client;

beforeAll(async () => {
  server = await startTestServer({ dataDir: data.dir, limits: { messagesPerSecond: 20, messageBurst: 20 } });
  docId = await createDocument(server, { template: 'ga-main-committee' });
  a = connectClient(server, docId, 'Brazil');
  b = connectClient(server, docId, 'India');
  await Promise.all([synced(a), synced(b)]);
});
afterAll(async () => {
  a.destroy();
  b.destroy();
  await server.close();
  data.remove();
});

async function scrape(url = server.url, headers: Record<string, string> = {}): Promise<Map<string, number>> {
  const res = await fetch(`${url}/api/metrics`, { headers });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const values = new Map<string, number>();
  for (const line of (await res.text()).split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const at = line.lastIndexOf(' ');
    values.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return values;
}

describe('GET /api/metrics', () => {
  it('counts connections, open documents, accepted updates and their latency', async () => {
    const before = await scrape();
    expect(before.get('penholder_connections')).toBe(2);
    expect(before.get('penholder_open_documents')).toBe(1);
    for (let i = 0; i < 5; i++) appendOperative(a.doc, `Requests a report, ${i}`, `m${i}`);
    await waitFor(() => operativeTexts(b.doc).includes('Requests a report, 4'), 'b has the edits');
    const after = await scrape();
    const accepted = (after.get('penholder_updates_accepted_total') ?? 0) - (before.get('penholder_updates_accepted_total') ?? 0);
    expect(accepted).toBe(5);
    expect(after.get('penholder_update_latency_seconds_count')! - (before.get('penholder_update_latency_seconds_count') ?? 0)).toBe(5);
    expect(after.get('penholder_persist_latency_seconds_count')! - (before.get('penholder_persist_latency_seconds_count') ?? 0)).toBe(5);
    expect(after.get('penholder_update_latency_seconds_sum')).toBeGreaterThan(0);
    // Every observation falls in some bucket up to +Inf.
    expect(after.get('penholder_update_latency_seconds_bucket{le="+Inf"}')).toBe(after.get('penholder_update_latency_seconds_count'));
    expect(after.has('penholder_redis_lag_seconds')).toBe(true);
    expect(after.get('penholder_process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('counts refused updates and connections closed by a limit', async () => {
    const observer = connectClient(server, docId, 'Observer State', 'o', { role: 'observer' });
    await synced(observer);
    appendOperative(observer.doc, 'An observer may not write this', 'obs1');
    const flood = new WebSocket(`${server.wsUrl}/${docId}?token=${TEST_ADMIN_TOKEN}`);
    flood.on('error', () => undefined);
    await new Promise((resolve) => flood.once('open', resolve));
    const closed = new Promise<number>((resolve) => flood.once('close', (code) => resolve(code)));
    for (let i = 0; i < 100 && flood.readyState === flood.OPEN; i++) flood.send(Buffer.from([3]));
    expect(await closed).toBe(4429);
    let values = await scrape();
    const deadline = Date.now() + 5000;
    while (!values.get('penholder_updates_refused_total{reason="forbidden"}') && Date.now() < deadline) values = await scrape();
    expect(values.get('penholder_updates_refused_total{reason="forbidden"}')).toBeGreaterThanOrEqual(1);
    expect(values.get('penholder_closed_by_limit_total{limit="message-rate"}')).toBe(1);
    observer.destroy();
  });

  it('the relay can set the Redis lag through the registry it is given', async () => {
    server.metrics.redisLag.set(0.042);
    expect((await scrape()).get('penholder_redis_lag_seconds')).toBe(0.042);
  });

  it('with METRICS_TOKEN set, the metrics need that token', async () => {
    const dir = tempDataDir();
    const guarded = await startTestServer({ dataDir: dir.dir, metricsToken: 'scrape-secret' });
    try {
      const none = await apiFetch(guarded, '/api/metrics', { token: null });
      expect(none.status).toBe(401);
      expect(((await none.json()) as { error: string }).error).toMatch(/METRICS_TOKEN/);
      const session = await apiFetch(guarded, '/api/metrics');
      expect(session.status).toBe(401);
      const values = await scrape(guarded.url, { Authorization: 'Bearer scrape-secret' });
      expect(values.get('penholder_connections')).toBe(0);
    } finally {
      await guarded.close();
      dir.remove();
    }
  });
});
