/**
 * Scale-out: the nodes of one deployment share the store (PostgreSQL) and
 * relay every document's updates and presence to each other through Redis,
 * one channel per open document, so that clients of one document may sit on
 * different nodes.
 *
 * - A node publishes an update after it is durable and broadcast locally
 *   (pipeline after-apply hook), with its log seq and the node's id.
 * - A node receiving one applies it through `pipeline.applyRelayedUpdate`
 *   (not authorized or logged again: see pipeline.ts) and broadcasts it to
 *   its own clients.
 * - Opening a document subscribes BEFORE reading the store and buffers what
 *   arrives meanwhile; applying the buffer after the load closes the window.
 * - A message can still be lost (Redis restarted, a node died between its
 *   append and its publish). The seqs say so: on a gap, after Redis comes
 *   back, and every `catchUpEveryMs`, the node reads the log after the last
 *   seq it holds from the store. Applying an update twice is harmless.
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import type { Revocation } from '../auth/participants';
import type { CollabDocument } from '../collab/document';
import { RELAYED, type UpdatePipeline } from '../collab/pipeline';
import type { DocumentLifecycle } from '../collab/registry';
import type { Logger } from '../log';
import type { DocumentStore } from '../storage/document-store';
import { controlChannel, decodeRelayMessage, documentChannel, encodeRelayMessage, type RelayMessage } from './messages';
import type { RedisBus } from './redis-bus';

export interface RelayOptions {
  nodeId: string;
  /** Prefix of the channel names (several deployments, or tests, on one Redis). */
  prefix: string;
  store: DocumentStore;
  log: Logger;
  /** Read the store's log for every open document this often (default 5 s). */
  catchUpEveryMs?: number;
  /** Wait this long for a missing seq to arrive before reading the store (default 250 ms). */
  gapWaitMs?: number;
  /** Told the delay of every message from another node (publish to receipt), for metrics. */
  onLag?: (ms: number) => void;
}


interface OpenEntry {
  doc: CollabDocument | null;
  /** Messages that arrived while the document was loading. */
  buffer: RelayMessage[];
  gapTimer: ReturnType<typeof setTimeout> | null;
  catchingUp: Promise<void> | null;
  detach: (() => void) | null;
}

export class DocumentRelay implements DocumentLifecycle {
  private bus: RedisBus | null = null;
  private pipeline: UpdatePipeline | null = null;
  private readonly open = new Map<string, OpenEntry>();
  private timer: ReturnType<typeof setInterval> | null = null;
  /** Publish-to-receipt delay of the latest message from another node. */
  lastLagMs = 0;
  /** Told of revocations made through other nodes (drop the connections here). */
  onRevocation: ((revocation: Revocation) => void) | null = null;
  /** Told the publish-to-receipt delay of every message from another node (e.g. a metrics gauge). */
  onLag: ((ms: number) => void) | null;

  constructor(private readonly options: RelayOptions) {
    this.onLag = options.onLag ?? null;
  }

  /** Wires the bus and the pipeline (they are built after the relay: it is a registry lifecycle and a pipeline hook). */
  async start(bus: RedisBus, pipeline: UpdatePipeline): Promise<void> {
    this.bus = bus;
    this.pipeline = pipeline;
    await bus.subscribe(controlChannel(this.options.prefix));
    this.timer = setInterval(() => this.catchUpAll('periodic'), this.options.catchUpEveryMs ?? 5000);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    for (const entry of this.open.values()) this.detach(entry);
    this.open.clear();
  }

  get nodeId(): string {
    return this.options.nodeId;
  }

  // --- registry lifecycle -------------------------------------------------

  async opening(id: string): Promise<void> {
    this.open.set(id, { doc: null, buffer: [], gapTimer: null, catchingUp: null, detach: null });
    await this.requireBus().subscribe(this.channel(id));
  }

  async opened(doc: CollabDocument): Promise<void> {
    const entry = this.open.get(doc.id);
    if (!entry) throw new Error(`relay: ${doc.id} opened without opening`);
    entry.doc = doc;
    for (const m of entry.buffer.splice(0)) this.handle(entry, m);
    await this.catchUp(entry, 'open');
    entry.detach = this.relayAwareness(doc);
    this.send(doc.id, { kind: 'hello', node: this.nodeId, sentAt: Date.now() });
  }

  closed(id: string): void {
    const entry = this.open.get(id);
    if (!entry) return;
    this.detach(entry);
    this.open.delete(id);
    this.bus?.unsubscribe(this.channel(id));
  }

  // --- pipeline hook --------------------------------------------------------

  /** After-apply hook: the update is durable and broadcast here; tell the other nodes. */
  published = (doc: CollabDocument, update: Uint8Array, _ctx: unknown, seq: number): void => {
    this.send(doc.id, { kind: 'update', node: this.nodeId, sentAt: Date.now(), seq, update });
  };

  /** A participant or session was revoked through this node: the others drop their connections of it. */
  revoked = (revocation: Revocation): void => {
    this.bus?.publish(controlChannel(this.options.prefix), encodeRelayMessage({ kind: 'revoke', node: this.nodeId, sentAt: Date.now(), revocation }));
  };

  /** Reads the store's log after what this copy holds, now (authorization hooks: see CatchUp). */
  catchUpNow = async (doc: CollabDocument): Promise<void> => {
    const entry = this.open.get(doc.id);
    if (entry?.doc !== doc) return;
    // One running now may have read the log before what the client brings was written: read again after it.
    await entry.catchingUp;
    await this.catchUp(entry, 'before refusing an update');
  };

  // --- from Redis -------------------------------------------------------------

  received = (channel: string, data: Uint8Array): void => {
    if (channel === controlChannel(this.options.prefix)) return this.receivedControl(data);
    const id = channel.startsWith(this.options.prefix + 'doc:') ? channel.slice(this.options.prefix.length + 4) : null;
    const entry = id === null ? undefined : this.open.get(id);
    if (!entry) return;
    let message: RelayMessage;
    try {
      message = decodeRelayMessage(data);
    } catch (err) {
      this.options.log.warn('ignored a malformed relay message', { channel, error: (err as Error).message });
      return;
    }
    if (message.node === this.nodeId) return;
    this.lastLagMs = Math.max(0, Date.now() - message.sentAt);
    this.onLag?.(this.lastLagMs);
    if (entry.doc) this.handle(entry, message);
    else entry.buffer.push(message);
  };

  /** Redis is back: whatever was published meanwhile is in the store. */
  resubscribed = (): void => this.catchUpAll('redis reconnected');

  // --- internals ------------------------------------------------------------

  private receivedControl(data: Uint8Array) {
    try {
      const m = decodeRelayMessage(data);
      if (m.node !== this.nodeId && m.kind === 'revoke') this.onRevocation?.(m.revocation);
    } catch (err) {
      this.options.log.warn('ignored a malformed control message', { error: (err as Error).message });
    }
  }

  private handle(entry: OpenEntry, m: RelayMessage) {
    const doc = entry.doc!;
    try {
      if (m.kind === 'update') {
        this.requirePipeline().applyRelayedUpdate(doc, m.update, m.seq);
        if (doc.seqs.hasGap) this.scheduleGapCatchUp(entry);
      } else if (m.kind === 'awareness') {
        awarenessProtocol.applyAwarenessUpdate(doc.awareness, m.update, RELAYED);
      } else {
        const local = [...doc.peers.values()].flatMap((ids) => [...ids]);
        if (local.length) this.send(doc.id, { kind: 'awareness', node: this.nodeId, sentAt: Date.now(), update: awarenessProtocol.encodeAwarenessUpdate(doc.awareness, local) });
      }
    } catch (err) {
      this.options.log.error('could not apply a relayed message', { doc: doc.id, kind: m.kind, from: m.node, error: (err as Error).message });
      this.scheduleGapCatchUp(entry);
    }
  }

  private scheduleGapCatchUp(entry: OpenEntry) {
    if (entry.gapTimer) return;
    entry.gapTimer = setTimeout(() => {
      entry.gapTimer = null;
      if (entry.doc?.seqs.hasGap) void this.catchUp(entry, 'gap');
    }, this.options.gapWaitMs ?? 250);
  }

  private catchUpAll(reason: string) {
    for (const entry of this.open.values()) if (entry.doc) void this.catchUp(entry, reason);
  }

  /**
   * Applies the store's log after the last seq this copy holds in full. The
   * store assigns seqs in commit order without gaps, so once this read is
   * applied the copy holds the whole log up to its last row.
   */
  private catchUp(entry: OpenEntry, reason: string): Promise<void> {
    if (entry.catchingUp) return entry.catchingUp;
    const doc = entry.doc!;
    const run = (async () => {
      const from = doc.lastSeq;
      const rows = await this.options.store.history(doc.id, from);
      if (this.open.get(doc.id) !== entry) return; // closed meanwhile
      let last = from;
      const before = doc.seqs.highest;
      for (const row of rows) {
        this.requirePipeline().applyRelayedUpdate(doc, row.update, row.seq);
        last = row.seq;
      }
      doc.seqs.reset(last);
      if (last > before) this.options.log.info('caught up from the store', { doc: doc.id, reason, from, to: last });
    })()
      .catch((err) => this.options.log.error('catch-up failed', { doc: doc.id, reason, error: (err as Error).message }))
      .finally(() => (entry.catchingUp = null));
    entry.catchingUp = run;
    return run;
  }

  /** Presence changes of this node's clients go to the other nodes (not those that came from them). */
  private relayAwareness(doc: CollabDocument): () => void {
    const onUpdate = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      // Timeouts happen on every node by itself; relayed changes are the other nodes' own.
      if (origin === RELAYED || origin === 'timeout') return;
      const changed = [...added, ...updated, ...removed];
      if (changed.length) this.send(doc.id, { kind: 'awareness', node: this.nodeId, sentAt: Date.now(), update: awarenessProtocol.encodeAwarenessUpdate(doc.awareness, changed) });
    };
    doc.awareness.on('update', onUpdate);
    return () => doc.awareness.off('update', onUpdate);
  }

  private detach(entry: OpenEntry) {
    if (entry.gapTimer) clearTimeout(entry.gapTimer);
    entry.gapTimer = null;
    entry.detach?.();
    entry.detach = null;
  }

  private send(id: string, message: RelayMessage) {
    this.bus?.publish(this.channel(id), encodeRelayMessage(message));
  }

  private channel(id: string) {
    return documentChannel(this.options.prefix, id);
  }

  private requireBus(): RedisBus {
    if (!this.bus) throw new Error('relay not started');
    return this.bus;
  }

  private requirePipeline(): UpdatePipeline {
    if (!this.pipeline) throw new Error('relay not started');
    return this.pipeline;
  }
}
