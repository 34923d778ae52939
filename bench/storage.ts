/**
 * npm run bench:storage
 *
 * The document store under the pipeline's load, on both backends in the same
 * run: SQLite (the embedded default, the reference) and PostgreSQL (a fresh
 * database on PENHOLDER_TEST_PG, dropped afterwards).
 *
 *   append, one writer      latency of appendUpdate one after another (the pipeline's per-document queue)
 *   append, 4 nodes × 1 doc  throughput of 4 separate connections appending to ONE document at once
 *   load                    a document with a snapshot and 500 updates after it (opening it)
 *   catch-up                history(id, lastSeq - 20): what a node reads to catch up
 *
 * Prints both and the ratio. Figures on a loaded 2-core machine vary a lot from run to run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Attribution } from '../server/storage/document-store';
import { openStores, type Stores } from '../server/storage/index';
import { freshDatabase } from '../test/support/postgres';

const WHO: Attribution = { connectionId: 'bench', delegation: 'Italy', name: 'Ada', role: 'delegation' };
// About the size of one keystroke's Yjs update.
const update = (i: number) => new Uint8Array(40).map((_, j) => (i + j) & 0xff);

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

interface Figures {
  appendP50: number;
  appendP99: number;
  concurrentPerSec: number;
  loadMs: number;
  catchUpMs: number;
}

async function measure(open: () => Promise<Stores>): Promise<Figures> {
  const stores = await open();
  const { documents } = stores;
  const one = `bench-${Date.now()}`;
  await documents.create({ id: one, title: '', symbol: '', template: null }, update(0), WHO);
  for (let i = 0; i < 200; i++) await documents.appendUpdate(one, update(i), WHO); // warm up
  const latencies: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const t = performance.now();
    await documents.appendUpdate(one, update(i), WHO);
    latencies.push(performance.now() - t);
  }

  const nodes = await Promise.all([open(), open(), open(), open()]);
  const shared = `${one}-shared`;
  await documents.create({ id: shared, title: '', symbol: '', template: null }, update(0), WHO);
  const started = performance.now();
  // Each node appends one after another (its per-document queue), all four at once.
  await Promise.all(
    nodes.map(async (node) => {
      for (let i = 0; i < 250; i++) await node.documents.appendUpdate(shared, update(i), WHO);
    }),
  );
  const concurrentPerSec = 1000 / ((performance.now() - started) / 1000);
  const log = await documents.history(shared);
  if (log.length !== 1001 || log.some((u, i) => u.seq !== i + 1)) throw new Error('concurrent appends: the log is not 1..1001');

  const last = (await documents.load(one))!.lastSeq;
  await documents.saveSnapshot(one, update(1), last - 500, { title: '', symbol: '' });
  const loads: number[] = [];
  const catchUps: number[] = [];
  for (let i = 0; i < 30; i++) {
    let t = performance.now();
    await documents.load(one);
    loads.push(performance.now() - t);
    t = performance.now();
    await documents.history(one, last - 20);
    catchUps.push(performance.now() - t);
  }
  for (const s of [stores, ...nodes]) await s.close();
  return {
    appendP50: percentile(latencies, 0.5),
    appendP99: percentile(latencies, 0.99),
    concurrentPerSec,
    loadMs: percentile(loads, 0.5),
    catchUpMs: percentile(catchUps, 0.5),
  };
}

const dataDir = mkdtempSync(join(tmpdir(), 'penholder-bench-storage-'));
const db = await freshDatabase();
try {
  const sqlite = await measure(() => openStores({ dataDir }));
  const postgres = await measure(() => openStores({ dataDir, databaseUrl: db.url }));
  const row = (name: string, unit: string, a: number, b: number) =>
    console.log(`${name.padEnd(28)} ${a.toFixed(3).padStart(10)} ${b.toFixed(3).padStart(12)} ${unit.padEnd(10)} ×${(b / a).toFixed(2)}`);
  console.log(`${''.padEnd(28)} ${'SQLite'.padStart(10)} ${'PostgreSQL'.padStart(12)} ${''.padEnd(10)} PostgreSQL / SQLite`);
  row('append, one writer, p50', 'ms', sqlite.appendP50, postgres.appendP50);
  row('append, one writer, p99', 'ms', sqlite.appendP99, postgres.appendP99);
  row('append, 4 nodes × 1 doc', 'updates/s', sqlite.concurrentPerSec, postgres.concurrentPerSec);
  row('load (snapshot + 500)', 'ms', sqlite.loadMs, postgres.loadMs);
  row('catch-up (20 updates)', 'ms', sqlite.catchUpMs, postgres.catchUpMs);
  console.log('Durability differs: SQLite (WAL, synchronous=NORMAL) survives a process crash with no fsync per commit;');
  console.log('PostgreSQL fsyncs every commit (synchronous_commit=on), so an append also survives an OS crash, and is seen by every node.');
} finally {
  rmSync(dataDir, { recursive: true, force: true });
  await db.drop();
}
