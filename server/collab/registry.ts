/**
 * Open documents. A document is loaded from the store once, before any
 * message of any connection is answered; it is compacted and unloaded when
 * its last peer leaves.
 */
import * as Y from 'yjs';
import { plainTextOfTitle, symbolOf } from '../documents/summary';
import { CLOSE } from '../../shared/protocol/messages';
import type { Logger } from '../log';
import type { DocumentStore } from '../storage/document-store';
import { CollabDocument } from './document';
import type { Peer } from './peer';

export interface RegistryOptions {
  store: DocumentStore;
  log: Logger;
  /** Compact after this many updates since the last snapshot. */
  compactEvery?: number;
  /** Told when a document opens and closes (scale-out: the relay's subscription). */
  lifecycle?: DocumentLifecycle;
}

/**
 * Around loading: `opening` runs before the store is read (subscribe to the
 * relay, buffering), `opened` before any connection is answered (apply what
 * was buffered, catch up), `closed` once the document is unloaded or unknown.
 */
export interface DocumentLifecycle {
  opening(id: string): Promise<void>;
  opened(doc: CollabDocument): Promise<void>;
  closed(id: string): void;
}

export class DocumentRegistry {
  private open = new Map<string, Promise<CollabDocument | null>>();
  /** The copy each open entry resolved to. */
  private loaded = new Map<string, CollabDocument>();
  private unloading = new Map<string, Promise<void>>();
  private compacting = new Map<string, Promise<void>>();
  private readonly compactEvery: number;

  constructor(private readonly options: RegistryOptions) {
    this.compactEvery = options.compactEvery ?? 500;
  }

  /** The open document, loading it if needed; null for an unknown id. */
  async acquire(id: string, peer: Peer): Promise<CollabDocument | null> {
    await this.unloading.get(id);
    let loading = this.open.get(id);
    if (!loading) {
      loading = this.load(id);
      this.open.set(id, loading);
    }
    let doc: CollabDocument | null;
    try {
      doc = await loading;
    } catch (err) {
      // A failed load (store or relay unreachable) must not stay cached: the next connection tries again.
      if (this.open.get(id) === loading) this.open.delete(id);
      throw err;
    }
    if (!doc) {
      if (this.open.get(id) === loading) this.open.delete(id);
      return null;
    }
    if (doc.discarded) return this.acquire(id, peer); // dropped while this connection waited: load it again
    doc.join(peer);
    return doc;
  }

  /** The document if it is open right now (for reads by the API). */
  async peek(id: string): Promise<CollabDocument | null> {
    return (await this.open.get(id)) ?? null;
  }

  release(doc: CollabDocument, peer: Peer): void {
    doc.leave(peer);
    if (doc.peers.size > 0) return;
    // A discarded copy is not saved (see discard) and no longer listed: it only goes away.
    if (doc.discarded) void doc.idle().then(() => doc.destroy());
    else void this.unload(doc);
  }

  /**
   * Writes a snapshot if the log grew since the last one, under the store's
   * compaction lock (one node at a time; skipped when another node holds it).
   *
   * When several nodes write the log (store.sharedLog), this node may not
   * have received another node's update yet, and a snapshot of its own copy
   * claiming to cover that update would lose it on the next load. So there
   * the snapshot is built from the store: stored snapshot + every logged
   * update after it (up to seq M) + this node's state (re-applying known
   * updates is a no-op in Yjs), saved as covering M. Alone on its log, the
   * node's own copy is complete up to its last append: that is the snapshot.
   * Runs beside the document's queue: appends go on meanwhile.
   */
  async compact(doc: CollabDocument): Promise<void> {
    // A compaction already running may not cover the latest updates: let it finish, then look again.
    await this.compacting.get(doc.id)?.catch(() => undefined);
    const started = this.compacting.get(doc.id); // another caller got there first meanwhile
    if (started) return started;
    if (doc.lastSeq <= doc.snapshotSeq) return;
    const run = this.compactNow(doc).finally(() => this.compacting.delete(doc.id));
    this.compacting.set(doc.id, run);
    return run;
  }

  private async compactNow(doc: CollabDocument): Promise<void> {
    const { store, log } = this.options;
    const upTo = await store.withCompactionLock(doc.id, async () => {
      if (!store.sharedLog) {
        const seq = doc.lastSeq; // read together with the state: nothing can append in between (no await)
        await store.saveSnapshot(doc.id, Y.encodeStateAsUpdate(doc.ydoc), seq, { title: plainTextOfTitle(doc.ydoc), symbol: symbolOf(doc.ydoc) });
        return seq;
      }
      const stored = await store.load(doc.id);
      if (!stored) return null;
      const merged = new Y.Doc({ gc: false });
      merged.transact(() => {
        if (stored.snapshot) Y.applyUpdate(merged, stored.snapshot);
        for (const update of stored.updates) Y.applyUpdate(merged, update);
        Y.applyUpdate(merged, Y.encodeStateAsUpdate(doc.ydoc));
      });
      await store.saveSnapshot(doc.id, Y.encodeStateAsUpdate(merged), stored.lastSeq, { title: plainTextOfTitle(merged), symbol: symbolOf(merged) });
      merged.destroy();
      return stored.lastSeq;
    });
    if (upTo === null) {
      log.debug('compaction skipped: another holder has the lock', { doc: doc.id });
      return;
    }
    doc.snapshotSeq = Math.max(doc.snapshotSeq, upTo);
    log.debug('compacted', { doc: doc.id, upTo });
  }

  /** Compaction when the log has grown enough since the last snapshot. */
  maybeCompact(doc: CollabDocument): void {
    if (this.compacting.has(doc.id)) return; // the next update after it finishes will ask again
    if (doc.lastSeq - doc.snapshotSeq >= this.compactEvery) {
      this.compact(doc).catch((err) => this.options.log.error('compaction failed', { doc: doc.id, error: (err as Error).message }));
    }
  }

  /**
   * Drops a copy that holds an update the store could not log. Kept, it would
   * serve that update to every new joiner while a restart loses it, and the
   * sender's client, seeing it in the server's state, would never send it
   * again. So every peer is closed with a code that reconnects; the next
   * connection loads the document again from the store, and the y-websocket
   * sync of each reconnecting client sends back what the log lacks, through
   * the pipeline, attributed as before.
   */
  discard(doc: CollabDocument, err: Error): void {
    if (doc.discarded) return;
    doc.discarded = true;
    this.options.log.error('could not log an update; the copy is dropped and its clients reconnect', { doc: doc.id, peers: doc.peers.size, error: err.message });
    if (this.loaded.get(doc.id) === doc) {
      this.loaded.delete(doc.id);
      this.open.delete(doc.id);
      this.options.lifecycle?.closed(doc.id);
    }
    for (const peer of [...doc.peers.keys()]) peer.close(CLOSE.internalError, 'the server could not save the last change; reconnecting sends it again');
  }

  /** Flushes and unloads every document (shutdown). */
  async closeAll(): Promise<void> {
    const settled = await Promise.allSettled([...this.open.values()]);
    const docs = settled.flatMap((r) => (r.status === 'fulfilled' && r.value ? [r.value] : []));
    await Promise.all(docs.map((d) => this.unload(d, true)));
  }

  get openCount(): number {
    return this.open.size;
  }

  private async load(id: string): Promise<CollabDocument | null> {
    const lifecycle = this.options.lifecycle;
    if (!lifecycle) {
      const doc = await this.loadFromStore(id);
      if (doc) this.loaded.set(id, doc);
      return doc;
    }
    try {
      await lifecycle.opening(id);
      const doc = await this.loadFromStore(id);
      if (doc) await lifecycle.opened(doc);
      else lifecycle.closed(id);
      if (doc) this.loaded.set(id, doc);
      return doc;
    } catch (err) {
      lifecycle.closed(id);
      throw err;
    }
  }

  private async loadFromStore(id: string): Promise<CollabDocument | null> {
    const stored = await this.options.store.load(id);
    if (!stored) return null;
    const doc = new CollabDocument(id);
    doc.ydoc.transact(() => {
      if (stored.snapshot) Y.applyUpdate(doc.ydoc, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(doc.ydoc, update);
    });
    doc.seqs.reset(stored.lastSeq);
    doc.snapshotSeq = stored.updates.length ? stored.lastSeq - stored.updates.length : stored.lastSeq;
    this.options.log.info('document loaded', { doc: id, replayed: stored.updates.length });
    return doc;
  }

  private unload(doc: CollabDocument, force = false): Promise<void> {
    const existing = this.unloading.get(doc.id);
    if (existing) return existing;
    const run = (async () => {
      await doc.idle();
      if (!force && doc.peers.size > 0) return; // someone joined meanwhile
      await this.compact(doc);
      if (!force && doc.peers.size > 0) return;
      this.loaded.delete(doc.id);
      this.open.delete(doc.id);
      this.options.lifecycle?.closed(doc.id);
      doc.destroy();
      this.options.log.info('document unloaded', { doc: doc.id });
    })()
      .catch((err) => this.options.log.error('unload failed', { doc: doc.id, error: (err as Error).message }))
      .finally(() => this.unloading.delete(doc.id));
    this.unloading.set(doc.id, run);
    return run;
  }
}
