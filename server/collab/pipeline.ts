/**
 * THE path of every change to a document:
 *
 *   decode → authorize → attribute → apply → persist → broadcast → after-apply hooks
 *
 * Nothing else writes to an open document. Later concerns hang off the
 * named hooks: authorization rules (roles, client-id ownership), validation
 * after apply, relaying to other nodes after broadcast.
 *
 * The one other entry point is `applyRelayedUpdate`: in scale-out mode, an
 * update that another node accepted (see server/scale/). That node already
 * ran it through this path — authorized, attributed, logged it durably in the
 * shared store — so this node only applies it to its copy and broadcasts it
 * to its own peers: authorizing again would judge it against a copy that may
 * lag behind, and logging again would record the change twice.
 */
import * as Y from 'yjs';
import type { Logger } from '../log';
import type { AppendEntry, Attribution, DocumentStore } from '../storage/document-store';
import { AppendBatch } from './append-batch';
import type { ConnectionContext } from './context';
import type { CollabDocument } from './document';
import { MalformedMessage } from './protocol';
import { assertWellFormedUpdate } from './update-check';
import type { Peer } from './peer';

/** A change the pipeline refuses; the connection is told why. */
export class RefusedUpdate extends Error {
  constructor(
    message: string,
    readonly closeCode?: number,
    /** Keep the connection open (an observer's edit: it may still take part in presence). */
    readonly keepConnection = false,
  ) {
    super(message);
  }
}

export interface PipelineHooks {
  /** Throw (or reject with) RefusedUpdate to refuse. Run in order, before anything is applied. */
  authorize?: Array<(ctx: ConnectionContext, doc: CollabDocument, update: Uint8Array) => void | Promise<void>>;
  /** Called after the change is durable and broadcast, with its seq in the log. */
  afterApply?: Array<(doc: CollabDocument, update: Uint8Array, ctx: ConnectionContext, seq: number) => void>;
  /** Called after an update relayed from another node is applied and broadcast (validation, not relaying). */
  afterRelayed?: Array<(doc: CollabDocument, update: Uint8Array) => void>;
}

/** What the pipeline reports as it goes (the metrics); every method is cheap and never throws. */
export interface PipelineObserver {
  /** An update is durable and broadcast, `seconds` after its message arrived. */
  accepted(seconds: number): void;
  /** The store appended an update in `seconds`. */
  persisted(seconds: number): void;
  /** An update was refused: `malformed` (does not decode) or `forbidden` (an authorize hook said no). */
  refused(reason: 'malformed' | 'forbidden'): void;
}

/** The origin of changes relayed from other nodes, in Y.Doc and awareness events. */
export const RELAYED = Symbol('relayed from another node');

export interface PipelineDeps {
  store: DocumentStore;
  log: Logger;
  hooks?: PipelineHooks;
  /** Called after persisting; used to schedule compaction. */
  onPersisted?: (doc: CollabDocument) => void;
  /**
   * Called when the store could not log an update that the copy already holds
   * (Yjs cannot take it back): the copy must go, see DocumentRegistry.discard.
   */
  onPersistFailed?: (doc: CollabDocument, err: Error) => void;
  observer?: PipelineObserver;
}

export function attributionOf(ctx: ConnectionContext): Attribution {
  return { connectionId: ctx.connectionId, delegation: ctx.identity.delegation, name: ctx.identity.name, role: ctx.role };
}

interface Accepted extends AppendEntry {
  from: Peer;
}

export class UpdatePipeline {
  private appends = new WeakMap<CollabDocument, AppendBatch<Accepted>>();

  constructor(private readonly deps: PipelineDeps) {}

  /** The document's group commit: durable in the log, then broadcast, in apply order. */
  private appendsOf(doc: CollabDocument): AppendBatch<Accepted> {
    let batch = this.appends.get(doc);
    if (!batch) {
      const { store, observer } = this.deps;
      batch = new AppendBatch<Accepted>({
        enqueue: (task) => doc.enqueue(task),
        write: async (entries) => {
          const started = performance.now();
          const seqs = await store.appendUpdates(doc.id, entries);
          observer?.persisted((performance.now() - started) / 1000);
          return seqs;
        },
        written: (entry, seq) => {
          doc.seqs.applied(seq);
          doc.broadcastUpdate(entry.update, entry.from);
        },
      });
      this.appends.set(doc, batch);
    }
    return batch;
  }

  /**
   * Applies a client's update. Resolves once the update is durable and
   * broadcast, with its seq in the log (null when it changed nothing);
   * rejects with MalformedMessage or RefusedUpdate.
   * `receivedAt` (performance.now() when the message arrived) times the whole path.
   */
  async applyClientUpdate(peer: Peer, doc: CollabDocument, update: Uint8Array, receivedAt = performance.now()): Promise<number | null> {
    const ctx = peer.context;
    const observer = this.deps.observer;
    try {
      assertWellFormedUpdate(update);
      for (const authorize of this.deps.hooks?.authorize ?? []) await authorize(ctx, doc, update);
    } catch (err) {
      if (err instanceof MalformedMessage) observer?.refused('malformed');
      else if (err instanceof RefusedUpdate) observer?.refused('forbidden');
      throw err;
    }

    // Apply, capturing only what was new to this document (a re-sent update is a no-op).
    let effective: Uint8Array | null = null;
    const capture = (u: Uint8Array, origin: unknown) => {
      if (origin === peer) effective = effective ? Y.mergeUpdates([effective, u]) : u;
    };
    doc.ydoc.on('update', capture);
    let failure: MalformedMessage | null = null;
    try {
      Y.applyUpdate(doc.ydoc, update, peer);
    } catch (err) {
      // Yjs does not roll back: what it integrated before throwing is in the document. That part
      // is still logged and broadcast below, so that the log, the document and the clients agree.
      failure = new MalformedMessage(`the update cannot be applied: ${(err as Error).message}`);
      this.deps.log.warn('update failed halfway', { doc: doc.id, conn: ctx.connectionId, applied: effective !== null, error: (err as Error).message });
    } finally {
      doc.ydoc.off('update', capture);
    }
    const accepted: Uint8Array | null = effective;
    if (!accepted) {
      if (failure) {
        observer?.refused('malformed');
        throw failure;
      }
      return null;
    }

    let seq: number;
    try {
      seq = await this.appendsOf(doc).add({ update: accepted, attribution: attributionOf(ctx), from: peer });
    } catch (err) {
      this.deps.onPersistFailed?.(doc, err as Error);
      throw err;
    }
    observer?.accepted((performance.now() - receivedAt) / 1000);
    this.deps.onPersisted?.(doc);
    for (const hook of this.deps.hooks?.afterApply ?? []) this.runHook(doc, () => hook(doc, accepted, ctx, seq));
    if (failure) {
      observer?.refused('malformed');
      throw failure;
    }
    return seq;
  }

  /**
   * Applies an update another node accepted and logged as `seq` (or that a
   * catch-up read back from the store's log): to the copy and to this node's
   * peers, only what is new. Not authorized or persisted again (see above).
   * Applying an update twice is harmless: Yjs ignores what it already has.
   */
  applyRelayedUpdate(doc: CollabDocument, update: Uint8Array, seq: number): void {
    let effective: Uint8Array | null = null;
    const capture = (u: Uint8Array, origin: unknown) => {
      if (origin === RELAYED) effective = effective ? Y.mergeUpdates([effective, u]) : u;
    };
    doc.ydoc.on('update', capture);
    try {
      Y.applyUpdate(doc.ydoc, update, RELAYED);
    } finally {
      doc.ydoc.off('update', capture);
    }
    doc.seqs.applied(seq);
    const applied: Uint8Array | null = effective;
    if (!applied) return;
    doc.broadcastUpdate(applied);
    for (const hook of this.deps.hooks?.afterRelayed ?? []) this.runHook(doc, () => hook(doc, applied));
  }

  private runHook(doc: CollabDocument, run: () => void) {
    try {
      run();
    } catch (err) {
      this.deps.log.error('after-apply hook failed', { doc: doc.id, error: (err as Error).message });
    }
  }
}
