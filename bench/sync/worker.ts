/**
 * A worker thread of bench:sync holding many real y-websocket clients of one
 * document. While active, each types at human pace into its own paragraph;
 * each moves its caret (awareness) once per second. Every update that
 * arrives from the server is matched to its edits' send times (from the
 * Yjs client ids and clocks it carries) to get the latency.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { BODY_FIELD } from '../../shared/editor/schema';
import { onServerNotice } from '../../shared/protocol/notices';
import { wallClock, type FromWorker, type ToWorker, type WorkerSetup } from './protocol';

const setup = workerData as WorkerSetup;
// Every y-websocket provider adds a process 'exit' listener; a worker holds dozens.
process.setMaxListeners(0);
const sentAt = new Float64Array(setup.sentAt);
const post = (m: FromWorker, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(m, transfer);

interface BenchClient {
  index: number;
  url: string;
  doc: Y.Doc;
  provider: WebsocketProvider;
  text: Y.XmlText | null;
  nextEdit: number;
  nextCaret: number;
  edits: number;
}

let measuring = false;
let latencies = new Float64Array(1 << 16);
let samples = 0;
/** Connections closed by the server or the network during the run, by "code reason". */
const closes: Record<string, number> = {};

function record(update: Uint8Array) {
  if (!measuring) return;
  // Every edit is one character: the clocks an update carries, per client, are the edits it delivers
  // (one, or several when a server merges updates before sending them).
  const { from, to } = Y.parseUpdateMeta(update);
  const now = wallClock();
  for (const [client, start] of from) {
    const index = client - setup.clientIdBase;
    if (index < 0 || (index + 1) * setup.maxEdits > sentAt.length) continue;
    const end = Math.min(to.get(client) ?? start, setup.maxEdits);
    for (let clock = start; clock < end; clock++) {
      const sent = sentAt[index * setup.maxEdits + clock];
      if (!sent) continue;
      if (samples === latencies.length) {
        const grown = new Float64Array(latencies.length * 2);
        grown.set(latencies);
        latencies = grown;
      }
      latencies[samples++] = now - sent;
    }
  }
}

/** Paragraph texts (preambular, operative, subparagraphs) of the body, in order. */
function paragraphTexts(doc: Y.Doc): Y.XmlText[] {
  const texts: Y.XmlText[] = [];
  for (const section of doc.getXmlFragment(BODY_FIELD).toArray()) {
    if (!(section instanceof Y.XmlElement)) continue;
    for (const p of section.toArray()) {
      if (p instanceof Y.XmlElement && p.length > 0 && p.get(0) instanceof Y.XmlText) texts.push(p.get(0) as Y.XmlText);
    }
  }
  return texts;
}

function connect(spec: WorkerSetup['clients'][number]): BenchClient {
  const doc = new Y.Doc();
  doc.clientID = setup.clientIdBase + spec.index;
  const provider = new WebsocketProvider(spec.url, setup.docName, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: spec.token ? { token: spec.token } : {},
  });
  // Penholder pushes diagnostics (message type 100): read them as the app does.
  let notices = 0;
  onServerNotice(provider, () => notices++);
  provider.on('connection-close', (event) => {
    if (!event || !measuring) return;
    const key = `${event.code} ${event.reason}`.trim();
    closes[key] = (closes[key] ?? 0) + 1;
  });
  provider.awareness.setLocalState({ user: { name: `Delegate ${spec.index}`, delegation: `Delegation ${spec.index}` }, cursor: null });
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === provider) record(update);
  });
  return { index: spec.index, url: spec.url, doc, provider, text: null, nextEdit: 0, nextCaret: 0, edits: 0 };
}

const clients: BenchClient[] = [];

async function join() {
  const started = wallClock();
  for (let i = 0; i < setup.clients.length; i += setup.joinBatch) {
    const batch = setup.clients.slice(i, i + setup.joinBatch).map(connect);
    clients.push(...batch);
    await Promise.all(
      batch.map(
        (c) =>
          new Promise<void>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`client ${c.index} did not sync within 60 s at ${c.url} (a refused upgrade is retried silently: does that node know the session? in scale-out mode the nodes must share PostgreSQL)`)), 60_000);
            const done = () => (clearTimeout(timer), resolve());
            if (c.provider.synced) done();
            else c.provider.once('sync', done);
            // A final close (44xx: unknown document, refused, a limit) will not be retried: say why.
            c.provider.once('closed', ({ code, reason }) => (clearTimeout(timer), reject(new Error(`client ${c.index} was closed by the server: ${code} ${reason}`))));
          }),
      ),
    );
  }
  for (const c of clients) {
    const texts = paragraphTexts(c.doc);
    if (texts.length === 0) throw new Error(`client ${c.index} sees no paragraphs`);
    c.text = texts[c.index % texts.length];
  }
  post({ type: 'ready', joinMs: wallClock() - started });
}

const LETTERS = 'etaoinshrdlucmfwypvbgkqjxz ';
let awarenessSent = 0;

function run(at: number, seconds: number) {
  const interval = 1000 / setup.charsPerSecond;
  for (const c of clients) {
    // Spread the clients over the interval, so that they do not type in lockstep.
    c.nextEdit = at + Math.random() * interval;
    c.nextCaret = at + Math.random() * 1000;
  }
  const end = at + seconds * 1000;
  measuring = true;
  const tick = setInterval(() => {
    const now = wallClock();
    if (now >= end) {
      clearInterval(tick);
      drain();
      return;
    }
    const slot = Math.floor((now - at) / setup.rotateMs);
    for (const c of clients) {
      const active = (c.index + slot) % setup.activeShare === 0;
      while (c.nextEdit <= now) {
        c.nextEdit += interval;
        if (!active || !c.text) continue;
        const clock = Y.getState(c.doc.store, c.doc.clientID);
        if (clock >= setup.maxEdits) continue;
        sentAt[c.index * setup.maxEdits + clock] = wallClock();
        c.text.insert(c.text.length, LETTERS[c.edits++ % LETTERS.length]);
      }
      if (c.nextCaret <= now) {
        c.nextCaret += 1000;
        const length = c.text?.length ?? 0;
        c.provider.awareness.setLocalStateField('cursor', { anchor: length, head: length });
        awarenessSent++;
      }
    }
  }, 20);
}

/** After the last edit: wait until nothing has arrived for a second (at most 60 s), so late deliveries count too. */
function drain() {
  const deadline = wallClock() + 60_000;
  let seen = samples;
  const check = setInterval(() => {
    if (samples === seen || wallClock() > deadline) {
      clearInterval(check);
      finish();
    }
    seen = samples;
  }, 1000);
}

function finish() {
  measuring = false;
  const out = latencies.slice(0, samples);
  post({ type: 'done', latencies: out, edits: clients.reduce((n, c) => n + c.edits, 0), awareness: awarenessSent, closes }, [out.buffer]);
}

parentPort!.on('message', (m: ToWorker) => {
  if (m.type === 'start') run(m.at, m.seconds);
  if (m.type === 'close') {
    for (const c of clients) {
      c.provider.destroy();
      c.doc.destroy();
    }
    setTimeout(() => process.exit(0), 100);
  }
});

join().catch((err: Error) => post({ type: 'error', message: err.stack ?? err.message }));
