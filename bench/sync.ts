/**
 * npm run bench:sync — the load benchmark (a script, not a timed test).
 *
 * Starts a Penholder node (child process, temporary data dir, SQLite), opens
 * one 300-paragraph document, invites N participants (default 193) and
 * connects N real y-websocket providers spread over worker threads. Each
 * client types ~5 characters per second while active (a quarter of the
 * clients at a time, rotating every 4 s) and moves its caret once per
 * second. It measures the latency from an edit to its arrival at every other
 * client (p50/p95/p99 over all edit × receiver pairs), the server's CPU and
 * memory, and the join time of a new client on a document with 10,000
 * updates of history. Then it runs the same clients against the stock
 * @y/websocket-server 0.1.1 and prints both with the ratio.
 *
 *   --clients N     clients (default 193)
 *   --seconds S     measured seconds of typing (default 30)
 *   --workers W     worker threads holding the clients (default 4)
 *   --history H     updates of history for the join measurement (default 10000)
 *   --joins J       joins measured (median; default 7)
 *   --scale-out     Penholder as 3 nodes sharing PostgreSQL (DATABASE_URL, default
 *                   postgres://postgres@127.0.0.1:5432/postgres: a fresh database is
 *                   created in it) and Redis (REDIS_URL, default redis://127.0.0.1:6379);
 *                   clients are spread over the nodes round-robin. `--nodes K` for K nodes.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { BODY_FIELD } from '../shared/editor/schema';
import { onServerNotice } from '../shared/protocol/notices';
import { resolutionToText } from '../shared/text/serialize';
import { bigResolution } from './big-resolution';
import { wallClock, type FromWorker, type ToWorker, type WorkerSetup } from './sync/protocol';
import { startPenholder, startStock, usage, type BenchServer } from './sync/servers';
import { median, mib, ms, percentile, ratio } from './sync/stats';

const { values: args } = parseArgs({
  options: {
    clients: { type: 'string', default: '193' },
    seconds: { type: 'string', default: '30' },
    workers: { type: 'string', default: '4' },
    history: { type: 'string', default: '10000' },
    joins: { type: 'string', default: '7' },
    'scale-out': { type: 'boolean', default: false },
    nodes: { type: 'string' },
  },
});
const CLIENTS = Number(args.clients);
const SECONDS = Number(args.seconds);
const WORKERS = Math.max(1, Math.min(Number(args.workers), CLIENTS));
const HISTORY = Number(args.history);
const JOINS = Number(args.joins);
const NODES = args.nodes ? Number(args.nodes) : args['scale-out'] ? 3 : 1;
const CHARS_PER_SECOND = 5;
const ACTIVE_SHARE = 4;
const CLIENT_ID_BASE = 1_000_000;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'penholder-bench-'));

// Every y-websocket provider adds a process 'exit' listener; the history writers are 20.
process.setMaxListeners(0);

const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

interface LoadResult {
  latencies: Float64Array;
  edits: number;
  awareness: number;
  closes: Record<string, number>;
  clientCpuPercent: number;
  joinMs: number;
  cpuPercent: number;
  rssPeak: number;
  seconds: number;
}

interface JoinResult {
  /** The document open on the server (another client is in it). */
  open: number;
  /** The document not in the server's memory (Penholder loads it from storage); NaN for the stock server. */
  fromStorage: number;
}

// ---------------------------------------------------------------- the load

async function runLoad(server: BenchServer, docName: string, tokens: Array<string | null>): Promise<LoadResult> {
  const maxEdits = SECONDS * CHARS_PER_SECOND + 100;
  const sentAt = new SharedArrayBuffer(CLIENTS * maxEdits * 8);
  const specs = tokens.map((token, index) => ({ index, token, url: server.wsUrls[index % server.wsUrls.length] }));
  const workers = Array.from({ length: WORKERS }, (_, w) => {
    const setup: WorkerSetup = {
      clients: specs.filter((s) => s.index % WORKERS === w),
      docName,
      sentAt,
      maxEdits,
      clientIdBase: CLIENT_ID_BASE,
      charsPerSecond: CHARS_PER_SECOND,
      activeShare: ACTIVE_SHARE,
      rotateMs: 4000,
      joinBatch: 16,
    };
    return new Worker(new URL('./sync/worker-entry.mjs', import.meta.url), { workerData: setup });
  });
  const next = (w: Worker, type: FromWorker['type']) =>
    new Promise<FromWorker>((resolve, reject) => {
      const onMessage = (m: FromWorker) => {
        if (m.type === 'error') reject(new Error(`worker: ${m.message}`));
        else if (m.type === type) {
          w.off('message', onMessage);
          resolve(m);
        }
      };
      w.on('message', onMessage);
      w.once('error', reject);
    });

  const ready = await Promise.all(workers.map((w) => next(w, 'ready')));
  const joinMs = Math.max(...ready.map((r) => (r as { joinMs: number }).joinMs));
  log(`${server.kind}: ${CLIENTS} clients synced in ${joinMs.toFixed(0)} ms; typing for ${SECONDS} s`);

  const before = usage(server);
  const clientCpu = process.cpuUsage();
  const t0 = performance.now();
  let rssPeak = before.rssBytes;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, usage(server).rssBytes)), 1000);
  const done = workers.map((w) => next(w, 'done'));
  const start: ToWorker = { type: 'start', at: wallClock() + 200, seconds: SECONDS };
  for (const w of workers) w.postMessage(start);
  const results = (await Promise.all(done)) as Array<Extract<FromWorker, { type: 'done' }>>;
  clearInterval(sampler);
  const after = usage(server);
  const seconds = (performance.now() - t0) / 1000;
  const clientCpuUsed = process.cpuUsage(clientCpu);
  for (const w of workers) w.postMessage({ type: 'close' } satisfies ToWorker);
  await Promise.all(workers.map((w) => new Promise((r) => w.once('exit', r))));

  const total = results.reduce((n, r) => n + r.latencies.length, 0);
  const latencies = new Float64Array(total);
  let at = 0;
  for (const r of results) {
    latencies.set(r.latencies, at);
    at += r.latencies.length;
  }
  latencies.sort();
  return {
    latencies,
    edits: results.reduce((n, r) => n + r.edits, 0),
    awareness: results.reduce((n, r) => n + r.awareness, 0),
    closes: results.reduce<Record<string, number>>((all, r) => {
      for (const [k, v] of Object.entries(r.closes)) all[k] = (all[k] ?? 0) + v;
      return all;
    }, {}),
    clientCpuPercent: ((clientCpuUsed.user + clientCpuUsed.system) / 1e6 / seconds) * 100,
    joinMs,
    cpuPercent: ((after.cpuSeconds - before.cpuSeconds) / seconds) * 100,
    rssPeak: Math.max(rssPeak, after.rssBytes),
    seconds,
  };
}

// ---------------------------------------------------------------- joining a long history

function provider(server: BenchServer, docName: string, doc: Y.Doc, node = 0): WebsocketProvider {
  const p = new WebsocketProvider(server.wsUrls[node % server.wsUrls.length], docName, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: server.adminToken ? { token: server.adminToken } : {},
  });
  onServerNotice(p, () => undefined);
  return p;
}

const whenSynced = (p: WebsocketProvider) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('a client did not sync within 60 s')), 60_000);
    const done = () => (clearTimeout(timer), resolve());
    if (p.synced) done();
    else p.once('sync', done);
    p.once('closed', ({ code, reason }) => (clearTimeout(timer), reject(new Error(`a client was closed by the server: ${code} ${reason}`))));
  });

async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 120_000) {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Writes `HISTORY` single-character updates from 20 writers (each under the message burst limit), seen by a watcher. */
async function buildHistory(server: BenchServer, docName: string) {
  const watcherDoc = new Y.Doc();
  const watcher = provider(server, docName, watcherDoc);
  await whenSynced(watcher);
  const writers = Array.from({ length: 20 }, (_, i) => {
    const doc = new Y.Doc();
    doc.clientID = 2_000_000 + i;
    return { doc, provider: provider(server, docName, doc, i) };
  });
  await Promise.all(writers.map((w) => whenSynced(w.provider)));
  const per = Math.ceil(HISTORY / writers.length);
  writers.forEach((w, i) => {
    const texts = paragraphTexts(w.doc);
    const text = texts[i % texts.length];
    for (let k = 0; k < per; k++) text.insert(Math.min(text.length, 3 + (k % 7)), 'abcdefghij'[k % 10]);
  });
  await waitFor(() => writers.every((w) => Y.getState(watcherDoc.store, w.doc.clientID) === per), 'the watcher to receive the whole history');
  for (const w of writers) {
    w.provider.destroy();
    w.doc.destroy();
  }
  watcher.destroy();
  watcherDoc.destroy();
  return per * writers.length;
}

async function timeJoin(server: BenchServer, docName: string): Promise<number> {
  const doc = new Y.Doc();
  const t0 = performance.now();
  const p = provider(server, docName, doc);
  await whenSynced(p);
  const elapsed = performance.now() - t0;
  if (doc.getXmlFragment(BODY_FIELD).length === 0) throw new Error('joined an empty document');
  p.destroy();
  doc.destroy();
  return elapsed;
}

async function openDocuments(server: BenchServer): Promise<number> {
  const res = await fetch(`${server.url}/api/health`);
  return ((await res.json()) as { openDocuments: number }).openDocuments;
}

async function measureJoins(server: BenchServer, docName: string): Promise<JoinResult> {
  const fromStorage: number[] = [];
  if (server.kind === 'penholder') {
    for (let i = 0; i < JOINS; i++) {
      await waitFor(async () => (await openDocuments(server)) === 0, 'the document to be unloaded');
      fromStorage.push(await timeJoin(server, docName));
    }
  }
  // With another client in the document: it is open on the server.
  const residentDoc = new Y.Doc();
  const resident = provider(server, docName, residentDoc);
  await whenSynced(resident);
  const open: number[] = [];
  for (let i = 0; i < JOINS; i++) open.push(await timeJoin(server, docName));
  resident.destroy();
  residentDoc.destroy();
  return { open: median(open), fromStorage: fromStorage.length ? median(fromStorage) : NaN };
}

function paragraphTexts(doc: Y.Doc): Y.XmlText[] {
  const texts: Y.XmlText[] = [];
  for (const section of doc.getXmlFragment(BODY_FIELD).toArray()) {
    if (!(section instanceof Y.XmlElement)) continue;
    for (const p of section.toArray()) if (p instanceof Y.XmlElement && p.get(0) instanceof Y.XmlText) texts.push(p.get(0) as Y.XmlText);
  }
  return texts;
}

// ---------------------------------------------------------------- Penholder setup

async function api<T>(server: BenchServer, route: string, body: unknown, token = server.adminToken): Promise<T> {
  const res = await fetch(`${server.url}${route}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`${route}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function inviteAll(server: BenchServer, docId: string): Promise<string[]> {
  const tokens: string[] = new Array(CLIENTS);
  for (let i = 0; i < CLIENTS; i += 16) {
    await Promise.all(
      Array.from({ length: Math.min(16, CLIENTS - i) }, async (_, k) => {
        const index = i + k;
        const inv = await api<{ token: string }>(server, `/api/documents/${docId}/invitations`, { delegation: `Delegation ${index + 1}`, role: 'delegation', name: `Delegate ${index + 1}` });
        tokens[index] = (await api<{ token: string }>(server, '/api/session', { invitation: inv.token }, null)).token;
      }),
    );
  }
  return tokens;
}

/** The document's state as a client sees it (written to a file for the stock server). */
async function snapshotOf(server: BenchServer, docName: string, file: string) {
  const doc = new Y.Doc();
  const p = provider(server, docName, doc);
  await whenSynced(p);
  writeFileSync(file, Y.encodeStateAsUpdate(doc));
  p.destroy();
  doc.destroy();
}

/** A fresh PostgreSQL database for a scale-out run; dropped afterwards. */
async function freshDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const { default: pg } = await import('pg');
  const name = `penholder_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Percentiles (as bucket bounds) of the server's update and persistence latency histograms, from /api/metrics. */
async function serverLatencies(server: BenchServer): Promise<string> {
  const text = await (await fetch(`${server.url}/api/metrics`)).text();
  const quantile = (name: string, q: number) => {
    const buckets = [...text.matchAll(new RegExp(`^${name}_bucket\\{le="([^"]+)"\\} (\\d+)`, 'gm'))].map((m) => ({ le: m[1], count: Number(m[2]) }));
    const total = buckets.at(-1)?.count ?? 0;
    const hit = buckets.find((b) => b.count >= total * q);
    return hit ? (hit.le === '+Inf' ? '> 2.5 s' : `≤ ${Number(hit.le) * 1000} ms`) : 'n/a';
  };
  const count = /^penholder_updates_accepted_total (\d+)/m.exec(text)?.[1] ?? '?';
  return `${count} updates accepted; receive → durable + broadcast p50 ${quantile('penholder_update_latency_seconds', 0.5)}, p99 ${quantile('penholder_update_latency_seconds', 0.99)}; store append p99 ${quantile('penholder_persist_latency_seconds', 0.99)}`;
}

// ---------------------------------------------------------------- the run

function row(name: string, ours: string, stock: string, r: string, target = '') {
  console.log(`${name.padEnd(40)}${ours.padStart(16)}${stock.padStart(16)}${r.padStart(9)}  ${target}`);
}

async function main() {
  const cpus = os.cpus();
  console.log(`machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, ${os.type()} ${os.release()}; load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  console.log(`clients ${CLIENTS} over ${WORKERS} worker threads, ${SECONDS} s of typing (${CHARS_PER_SECOND} chars/s while active, 1 in ${ACTIVE_SHARE} active), caret once per second; Penholder on ${NODES} node(s)`);

  const text = resolutionToText(bigResolution());
  let db: { url: string; drop(): Promise<void> } | null = null;
  // One node: the embedded default (SQLite), whatever DATABASE_URL / REDIS_URL this shell has.
  const env: Record<string, string> = { DATABASE_URL: '', REDIS_URL: '' };
  if (NODES > 1) {
    db = await freshDatabase();
    env.DATABASE_URL = db.url;
    env.REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
  }

  // Penholder
  const ours = await startPenholder(
    Array.from({ length: NODES }, (_, i) => mkdtempSync(path.join(tmp, `node${i}-`))),
    env,
  );
  let oursLoad: LoadResult;
  let serverSide = '';
  let oursJoin: JoinResult;
  const loadState = path.join(tmp, 'load.yjs');
  const historyState = path.join(tmp, 'history.yjs');
  try {
    const { id } = await api<{ id: string }>(ours, '/api/documents', { text });
    const tokens = await inviteAll(ours, id);
    await snapshotOf(ours, id, loadState);
    oursLoad = await runLoad(ours, id, tokens);
    serverSide = await serverLatencies(ours);
    const warnings = ours.warnings();
    if (warnings.length) log(`penholder logged ${warnings.length} warnings during the load, e.g.:\n  ${warnings.slice(0, 5).join('\n  ')}`);
    const historyDoc = (await api<{ id: string }>(ours, '/api/documents', { template: 'ga-main-committee' })).id;
    await snapshotOf(ours, historyDoc, historyState);
    const written = await buildHistory(ours, historyDoc);
    log(`penholder: ${written} updates of history written; measuring joins`);
    oursJoin = await measureJoins(ours, historyDoc);
  } finally {
    await ours.stop();
    await db?.drop();
  }

  // The stock server, same clients, same documents.
  const stock = await startStock({ bench: loadState, history: historyState });
  let stockLoad: LoadResult;
  let stockJoin: JoinResult;
  try {
    stockLoad = await runLoad(stock, 'bench', new Array(CLIENTS).fill(null));
    await buildHistory(stock, 'history');
    stockJoin = await measureJoins(stock, 'history');
  } finally {
    await stock.stop();
  }

  const p = (r: LoadResult, q: number) => percentile(r.latencies, q);
  console.log('');
  row('', `Penholder${NODES > 1 ? ` ×${NODES}` : ''}`, 'stock 0.1.1', 'ratio', 'target');
  row('edits typed', String(oursLoad.edits), String(stockLoad.edits), '');
  const delivered = (r: LoadResult) => `${r.latencies.length} (${((r.latencies.length / Math.max(1, r.edits * (CLIENTS - 1))) * 100).toFixed(0)} %)`;
  row('deliveries measured (of edits×(N−1))', delivered(oursLoad), delivered(stockLoad), '');
  row('latency p50', ms(p(oursLoad, 0.5)), ms(p(stockLoad, 0.5)), ratio(p(oursLoad, 0.5), p(stockLoad, 0.5)));
  row('latency p95', ms(p(oursLoad, 0.95)), ms(p(stockLoad, 0.95)), ratio(p(oursLoad, 0.95), p(stockLoad, 0.95)));
  const p99ok = p(oursLoad, 0.99) < 100;
  const ratioOk = p(oursLoad, 0.99) / p(stockLoad, 0.99) <= 1.25;
  row('latency p99', ms(p(oursLoad, 0.99)), ms(p(stockLoad, 0.99)), ratio(p(oursLoad, 0.99), p(stockLoad, 0.99)), `< 100 ms ${p99ok ? 'OK' : 'MISSED'}; ratio ≤ 1.25 ${ratioOk ? 'OK' : 'MISSED'}`);
  row('latency max', ms(p(oursLoad, 1)), ms(p(stockLoad, 1)), '');
  row('server CPU (of one core)', `${oursLoad.cpuPercent.toFixed(0)} %`, `${stockLoad.cpuPercent.toFixed(0)} %`, ratio(oursLoad.cpuPercent, stockLoad.cpuPercent));
  row('clients CPU (all workers, of one core)', `${oursLoad.clientCpuPercent.toFixed(0)} %`, `${stockLoad.clientCpuPercent.toFixed(0)} %`, '', `${os.cpus().length} cores in all`);
  row('server RSS (peak)', mib(oursLoad.rssPeak), mib(stockLoad.rssPeak), ratio(oursLoad.rssPeak, stockLoad.rssPeak));
  row(`all ${CLIENTS} clients joined`, ms(oursLoad.joinMs), ms(stockLoad.joinMs), ratio(oursLoad.joinMs, stockLoad.joinMs));
  const joinOk = oursJoin.open < 300 && !(oursJoin.fromStorage >= 300);
  row(`join, ${HISTORY} updates, doc open`, ms(oursJoin.open), ms(stockJoin.open), ratio(oursJoin.open, stockJoin.open), `< 300 ms ${joinOk ? 'OK' : 'MISSED'}`);
  row(`join, ${HISTORY} updates, from storage`, ms(oursJoin.fromStorage), 'n/a (memory)', '', '(median of ' + JOINS + ')');
  console.log(`Penholder's own view (GET /api/metrics${NODES > 1 ? ' of the first node' : ''}): ${serverSide}`);
  const closes = (r: LoadResult) => Object.values(r.closes).reduce((n, v) => n + v, 0);
  row('connections closed during the run', String(closes(oursLoad)), String(closes(stockLoad)), '');
  for (const [name, r] of [['Penholder', oursLoad], ['stock', stockLoad]] as const) {
    if (closes(r)) console.log(`  ${name} closes: ${Object.entries(r.closes).map(([k, v]) => `${v}× ${k}`).join('; ')}`);
  }
  const saturated = [oursLoad, stockLoad].some((r) => r.clientCpuPercent > 90 * os.cpus().length * 0.5 || r.latencies.length < r.edits * (CLIENTS - 1) * 0.99);
  if (saturated) console.log('note: the clients were saturated (CPU or missing deliveries): the latencies measure the machine more than the server; use fewer --clients or a larger machine.');
  rmSync(tmp, { recursive: true, force: true });
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    console.error(err.stack ?? err.message);
    rmSync(tmp, { recursive: true, force: true });
    process.exit(1);
  },
);
