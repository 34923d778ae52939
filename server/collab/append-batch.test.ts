import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppendEntry } from '../storage/document-store';
import { SqliteDocumentStore } from '../storage/sqlite';
import { AppendBatch } from './append-batch';
import { CollabDocument } from './document';

const dir = mkdtempSync(join(tmpdir(), 'penholder-batch-'));
let store: SqliteDocumentStore;
const WHO = { connectionId: 'c', delegation: 'Kenya', name: 'Wanjiru', role: 'delegation' };
const entry = (n: number): AppendEntry => ({ update: Uint8Array.of(n), attribution: WHO });

beforeAll(() => {
  store = new SqliteDocumentStore(dir);
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A batch on a real document queue and the real SQLite store; `gate` holds writes back, `fail` makes the next one throw. */
async function setup(max?: number) {
  const id = `d${Math.random().toString(36).slice(2)}`;
  await store.create({ id, title: 't', symbol: 's', template: null }, Uint8Array.of(0), WHO);
  const doc = new CollabDocument(id);
  const writes: number[][] = [];
  const seen: [number, number][] = [];
  let gate: Promise<void> = Promise.resolve();
  let fail = false;
  const batch = new AppendBatch<AppendEntry>({
    enqueue: (task) => doc.enqueue(task),
    write: async (entries) => {
      writes.push(entries.map((e) => e.update[0]));
      await gate;
      if (fail) {
        fail = false;
        throw new Error('disk full');
      }
      return store.appendUpdates(id, entries);
    },
    written: (e, seq) => seen.push([e.update[0], seq]),
    max,
  });
  return { id, doc, batch, writes, seen, hold: () => { let open!: () => void; gate = new Promise((r) => (open = r)); return () => { gate = Promise.resolve(); open(); }; }, failNext: () => (fail = true) };
}

describe('AppendBatch', () => {
  it('writes updates added together in one write, in order, each resolved with its seq', async () => {
    const { id, batch, writes, seen } = await setup();
    const seqs = await Promise.all([1, 2, 3].map((n) => batch.add(entry(n))));
    expect(seqs).toEqual([2, 3, 4]);
    expect(writes).toEqual([[1, 2, 3]]);
    expect(seen).toEqual([[1, 2], [2, 3], [3, 4]]);
    expect((await store.history(id, 1)).map((u) => u.update[0])).toEqual([1, 2, 3]);
  });

  it('an update added during a write goes in the next one; a lone update is written at once', async () => {
    const { batch, writes, hold } = await setup();
    expect(await batch.add(entry(1))).toBe(2);
    const release = hold();
    const first = batch.add(entry(2));
    await new Promise((r) => setTimeout(r, 5)); // the write of 2 has started and waits
    const later = [3, 4, 5].map((n) => batch.add(entry(n)));
    release();
    expect(await first).toBe(3);
    expect(await Promise.all(later)).toEqual([4, 5, 6]);
    expect(writes).toEqual([[1], [2], [3, 4, 5]]);
  });

  it('a failed write rejects its updates and those behind it; the next update is written normally', async () => {
    const { id, batch, writes, hold, failNext } = await setup();
    const release = hold();
    failNext();
    const failed = batch.add(entry(1));
    await new Promise((r) => setTimeout(r, 5));
    const behind = batch.add(entry(2));
    release();
    await expect(failed).rejects.toThrow('disk full');
    await expect(behind).rejects.toThrow('disk full');
    expect(await batch.add(entry(3))).toBe(2);
    expect(writes).toEqual([[1], [3]]);
    expect((await store.history(id, 1)).map((u) => u.update[0])).toEqual([3]);
  });

  it('splits a long wait into writes of at most `max`', async () => {
    const { batch, writes } = await setup(2);
    expect(await Promise.all([1, 2, 3, 4, 5].map((n) => batch.add(entry(n))))).toEqual([2, 3, 4, 5, 6]);
    expect(writes).toEqual([[1, 2], [3, 4], [5]]);
  });
});
