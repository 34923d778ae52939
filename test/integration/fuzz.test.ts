/**
 * Fuzzing the collaboration endpoint: at least 10,000 random and mutated
 * frames over real, signed-in WebSockets, against the server running as its
 * own process, while two real y-websocket clients edit the same document.
 *
 * The frames: valid sync and awareness messages (some sent as they are),
 * the same with flipped bytes, truncated, with trailing bytes, with an
 * oversized varint length prefix, unknown message types, random bytes,
 * text frames, and frames over the size limit. Each connection sends a frame
 * and then a probe (sync step 1), and goes on until the server closes it.
 *
 * Asserted: the process never exits and logs no error; every connection the
 * server closes is closed with 4400 (malformed) or 1009 (too large); the
 * real clients are never disconnected and still sync afterwards; the
 * server's memory after the run is within a stated bound of its memory
 * after warm-up. FUZZ_SEED and FUZZ_FRAMES override the seed and count.
 */
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_FIELD } from '../../shared/editor/schema';
import { CLOSE } from '../../shared/protocol/messages';
import { appendOperative, connectClient, operativeTexts, synced, waitFor, type Client } from '../support/clients';
import { seededRandom, type Random } from '../support/prng';
import { startServerProcess, processUsage, type ServerProcess } from '../support/server-process';
import { createDocument, invite, tempDataDir } from '../support/server';

const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const FRAMES = Number(process.env.FUZZ_FRAMES ?? 10_000);
const PARALLEL = 8;
const MAX_MESSAGE_BYTES = 64 * 1024;
/** RSS after the run may exceed RSS after warm-up by at most this much. */
const RSS_GROWTH_BOUND = 96 * 1024 * 1024;

let server: ServerProcess;
const data = tempDataDir();
let docId: string;
let a: Client;
let b: Client;
let fuzzToken: string;

beforeAll(async () => {
  server = await startServerProcess({
    dataDir: data.dir,
    // All fuzz connections come from 127.0.0.1: the per-address upgrade limit has its own test (limits.test.ts).
    env: { MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES), MAX_UPGRADES_PER_SECOND: '100000', MAX_UPGRADE_BURST: '100000', DATABASE_URL: '', REDIS_URL: '' },
  });
  docId = await createDocument(server, { template: 'ga-main-committee' });
  a = connectClient(server, docId, 'Brazil');
  b = connectClient(server, docId, 'India');
  await Promise.all([synced(a), synced(b)]);
  fuzzToken = (await invite(server, docId, { delegation: 'Fuzzer' })).token;
}, 60_000);
afterAll(async () => {
  a?.destroy();
  b?.destroy();
  await server?.stop();
  data.remove();
});

/** Valid protocol frames, made by a Y.Doc that starts from the document's state (as a real client would). */
function validFrames(base: Y.Doc): Uint8Array[] {
  const doc = new Y.Doc();
  doc.clientID = SEED % 2 ** 31; // the frames depend on the seed only (and on the document's state)
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < 6; i++) appendOperative(doc, `Fuzz paragraph ${i} with some words`, `fz${i}`);
  const body = doc.getXmlFragment(BODY_FIELD);
  doc.transact(() => body.delete(body.length - 1, 1));
  const frame = (write: (e: encoding.Encoder) => void) => {
    const e = encoding.createEncoder();
    write(e);
    return encoding.toUint8Array(e);
  };
  const frames = updates.flatMap((u) => [
    frame((e) => (encoding.writeVarUint(e, 0), syncProtocol.writeUpdate(e, u))),
    frame((e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep2), encoding.writeVarUint8Array(e, u))),
  ]);
  frames.push(frame((e) => (encoding.writeVarUint(e, 0), syncProtocol.writeSyncStep1(e, doc))));
  const awareness = new awarenessProtocol.Awareness(doc);
  for (let i = 0; i < 4; i++) {
    awareness.setLocalState({ user: { name: `Fuzzer ${i}`, color: '#123456' }, cursor: { anchor: i, head: i + 3 } });
    frames.push(frame((e) => (encoding.writeVarUint(e, 1), encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID])))));
  }
  frames.push(Uint8Array.of(3), Uint8Array.of(2, 0));
  awareness.destroy();
  doc.destroy();
  return frames;
}

type Frame = { kind: string; data: Uint8Array | string };

function varuint(n: number): number[] {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push(0x80 | (n % 128));
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
}

function nextFrame(rng: Random, valid: Uint8Array[]): Frame {
  const base = rng.pick(valid);
  const r = rng.int(100);
  if (r < 6) return { kind: 'valid', data: base };
  if (r < 36) {
    const copy = base.slice();
    for (let i = 1 + rng.int(4); i > 0; i--) copy[rng.int(copy.length)] ^= 1 << rng.int(8);
    return { kind: 'flipped', data: copy };
  }
  if (r < 52) return { kind: 'truncated', data: base.slice(0, rng.int(base.length)) };
  if (r < 58) return { kind: 'trailing', data: Uint8Array.from([...base, ...rng.bytes(1 + rng.int(8))]) };
  if (r < 68) {
    // A length prefix far larger than the frame (up to 2^53): sync update, step 2, or awareness.
    const huge = rng.pick([2 ** 31, 2 ** 32 + 7, 2 ** 53 - 1, MAX_MESSAGE_BYTES * 4, 1_000_000]);
    const head = rng.pick([[0, 2], [0, 1], [0, 0], [1]]);
    return { kind: 'oversized-varint', data: Uint8Array.from([...head, ...varuint(huge), ...rng.bytes(rng.int(16))]) };
  }
  if (r < 76) return { kind: 'unknown-type', data: Uint8Array.from([...varuint(4 + rng.int(100_000)), ...rng.bytes(rng.int(32))]) };
  if (r < 92) return { kind: 'random', data: rng.bytes(rng.int(200)) };
  if (r < 98) return { kind: 'text', data: String.fromCharCode(...rng.bytes(1 + rng.int(40))) };
  return { kind: 'too-large', data: rng.bytes(MAX_MESSAGE_BYTES + 1 + rng.int(1024)) };
}

/** The probe: sync step 1 with an empty state vector; the server answers with sync step 2. */
const PROBE = Uint8Array.of(0, 0, 1, 0);
const isStep2Reply = (data: Buffer) => data.length >= 2 && data[0] === 0 && data[1] === 1;

interface Tally {
  frames: number;
  connections: number;
  closes: Map<number, number>;
  kinds: Map<string, number>;
  reasons: Set<string>;
  /** The frame sent last before each unexpected close, hex, to turn into a regression test. */
  suspects: string[];
}

/** One fuzzing lane: connections one after another, each sent frames until the server closes it. */
async function lane(rng: Random, valid: Uint8Array[], quota: number, tally: Tally): Promise<void> {
  let sent = 0;
  while (sent < quota) {
    const ws = new WebSocket(`${server.wsUrl}/${docId}?token=${fuzzToken}`, { maxPayload: 16 * 1024 * 1024 });
    tally.connections++;
    ws.on('error', () => undefined);
    let replies = 0;
    let last: Frame | null = null;
    let wake: (() => void) | null = null;
    ws.on('message', (data: Buffer) => {
      if (isStep2Reply(data)) replies++;
      wake?.();
    });
    const closed = new Promise<void>((resolve) =>
      ws.once('close', (code, reason) => {
        tally.closes.set(code, (tally.closes.get(code) ?? 0) + 1);
        if (code !== 1000 && code !== CLOSE.malformed && code !== CLOSE.tooLarge) {
          tally.reasons.add(`${code} ${reason}`);
          if (last && typeof last.data !== 'string') tally.suspects.push(`${code} ${last.kind} ${Buffer.from(last.data).toString('hex')}`);
        }
        resolve();
        wake?.();
      }),
    );
    await new Promise<void>((resolve) => {
      ws.once('open', () => resolve());
      ws.once('close', () => resolve());
    });
    while (ws.readyState === ws.OPEN && sent < quota) {
      const frame = nextFrame(rng, valid);
      last = frame;
      const before = replies;
      ws.send(frame.data, { binary: typeof frame.data !== 'string' });
      ws.send(PROBE);
      sent++;
      tally.frames++;
      tally.kinds.set(frame.kind, (tally.kinds.get(frame.kind) ?? 0) + 1);
      // Wait for the answer to the probe (the frame was fine) or the close (it was not).
      await new Promise<void>((resolve) => {
        wake = () => {
          if (replies > before || ws.readyState !== ws.OPEN) resolve();
        };
        wake();
      });
      wake = null;
    }
    if (ws.readyState === ws.OPEN) ws.close(1000);
    await closed;
  }
}

describe('fuzzing the collaboration endpoint', () => {
  it(`survives ${FRAMES} random and mutated frames with real clients editing`, async () => {
    console.log(`fuzz seed ${SEED} (FUZZ_SEED=${SEED} to replay), ${FRAMES} frames, ${PARALLEL} lanes`);
    const rng = seededRandom(SEED);
    const valid = validFrames(a.doc);

    // The real clients keep editing while the fuzzing runs.
    let edits = 0;
    const typing = setInterval(() => {
      appendOperative(edits % 2 ? a.doc : b.doc, `Calls upon all States, edit ${edits}`, `live${edits}`);
      edits++;
    }, 100);

    const tally: Tally = { frames: 0, connections: 0, closes: new Map(), kinds: new Map(), reasons: new Set(), suspects: [] };
    const warmup = Math.min(1000, Math.floor(FRAMES / 10));
    try {
      // Warm-up first (JIT, caches, SQLite pages), then measure memory from there.
      await Promise.all(Array.from({ length: PARALLEL }, (_, i) => lane(seededRandom(SEED + 1 + i), valid, Math.ceil(warmup / PARALLEL), tally)));
      const warm = processUsage(server.pid);
      const started = Date.now();
      await Promise.all(Array.from({ length: PARALLEL }, (_, i) => lane(seededRandom(SEED + 100 + i + rng.int(1000)), valid, Math.ceil((FRAMES - warmup) / PARALLEL), tally)));
      const after = processUsage(server.pid);
      console.log(
        `fuzz: ${tally.frames} frames over ${tally.connections} connections in ${((Date.now() - started) / 1000).toFixed(1)} s;`,
        `closes ${JSON.stringify(Object.fromEntries(tally.closes))}; kinds ${JSON.stringify(Object.fromEntries(tally.kinds))};`,
        `RSS after warm-up ${(warm.rssBytes / 2 ** 20).toFixed(1)} MiB, after ${(after.rssBytes / 2 ** 20).toFixed(1)} MiB (bound: +${RSS_GROWTH_BOUND / 2 ** 20} MiB)`,
      );

      if (tally.suspects.length) console.log(`frames before unexpected closes:\n${tally.suspects.join('\n')}\nserver log:\n${server.lines.filter((l) => /code=1011|ERROR/.test(l)).join('\n')}`);
      expect(tally.frames).toBeGreaterThanOrEqual(FRAMES);
      expect(server.exited, 'the server process exited').toBeNull();
      expect([...tally.reasons], `closes other than 4400/1009/1000, after:\n${tally.suspects.slice(0, 5).join('\n')}`).toEqual([]);
      expect(server.counts.ERROR ?? 0, server.lines.filter((l) => l.includes(' ERROR ')).slice(0, 5).join('\n')).toBe(0);
      expect(after.rssBytes - warm.rssBytes).toBeLessThan(RSS_GROWTH_BOUND);
    } finally {
      clearInterval(typing);
    }

    // The real clients were never disconnected, and still sync.
    expect(a.closes).toEqual([]);
    expect(b.closes).toEqual([]);
    appendOperative(a.doc, 'Decides to remain actively seized of the matter after the fuzzing', 'after');
    await waitFor(() => operativeTexts(b.doc).includes('Decides to remain actively seized of the matter after the fuzzing'), 'b receives the change made after the fuzzing', 15_000);
    await waitFor(() => Y.encodeStateAsUpdate(a.doc).length === Y.encodeStateAsUpdate(b.doc).length, 'a and b converge', 15_000);
    expect(operativeTexts(a.doc)).toEqual(operativeTexts(b.doc));
    expect(operativeTexts(a.doc)).toContain(`Calls upon all States, edit ${edits - 1}`);
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
  }, 600_000);
});
