/**
 * One open document: the authoritative Y.Doc (gc off: history is kept), its
 * awareness, and the peers connected to it.
 *
 * Awareness changes are broadcast in batches: within a window of 1 ms per
 * peer (at most 200 ms), the changed clients go out in one message. A
 * y-websocket client sends back every awareness message it receives, so one
 * message per caret move means N² messages a second in a document with N
 * delegations (37,000/s at 193, measured by bench:sync); batched, it is a few
 * per peer. Carets arrive at most 200 ms later. Edits are coalesced under
 * load too, in a much shorter window (see UpdateFanout).
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { encodeAwareness } from './protocol';
import type { Peer } from './peer';
import { SeqWatermark } from './seq-watermark';
import { UpdateFanout } from './update-fanout';

const MAX_AWARENESS_WINDOW_MS = 200;

export class CollabDocument {
  readonly ydoc = new Y.Doc({ gc: false });
  readonly awareness = new awarenessProtocol.Awareness(this.ydoc);
  /** Each peer and the awareness client ids it controls. */
  readonly peers = new Map<Peer, Set<number>>();
  /** Which entries of the store's update log this copy holds (see SeqWatermark). */
  readonly seqs = new SeqWatermark();
  /** Sequence number covered by the latest snapshot. */
  snapshotSeq = 0;
  /** Set when the copy holds an update the store could not log: never saved, never served again. */
  discarded = false;
  private queue: Promise<unknown> = Promise.resolve();
  private awarenessChanged = new Set<number>();
  private awarenessTimer: ReturnType<typeof setTimeout> | null = null;
  private updates = new UpdateFanout(() => this.peers.keys(), () => this.peers.size);

  /** Sequence number up to which this copy holds the whole update log. */
  get lastSeq(): number {
    return this.seqs.contiguous;
  }

  constructor(readonly id: string) {
    // The server is not a participant: it has no presence of its own.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  /** Runs tasks one after another: the log order is the apply order. */
  enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Resolves when all queued work is done. */
  idle(): Promise<unknown> {
    return this.queue;
  }

  broadcast(message: Uint8Array, except?: Peer): void {
    for (const peer of this.peers.keys()) if (peer !== except) peer.send(message);
  }

  /** Sends an accepted (durable) update to every peer but `from`, coalesced under load. */
  broadcastUpdate(update: Uint8Array, from?: Peer): void {
    this.updates.send(update, from);
  }

  join(peer: Peer): void {
    this.peers.set(peer, new Set());
  }

  /** Removes a peer and the presence of the clients it controlled. */
  leave(peer: Peer): void {
    const clients = this.peers.get(peer);
    this.peers.delete(peer);
    if (clients?.size) awarenessProtocol.removeAwarenessStates(this.awareness, [...clients], null);
  }

  destroy(): void {
    this.updates.flush();
    this.updates.destroy();
    if (this.awarenessTimer) clearTimeout(this.awarenessTimer);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.ydoc.destroy();
  }

  private onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    const changed = [...added, ...updated, ...removed];
    const owned = this.peers.get(origin as Peer);
    if (owned) {
      for (const id of [...added, ...updated]) {
        if (owned.has(id)) continue;
        owned.add(id);
        // A reconnect may arrive before the old socket is known dead: the client id moves to the new connection, whose leave alone removes it.
        for (const other of this.peers.values()) if (other !== owned) other.delete(id);
      }
      for (const id of removed) owned.delete(id);
    }
    if (!changed.length) return;
    for (const id of changed) this.awarenessChanged.add(id);
    this.awarenessTimer ??= setTimeout(this.flushAwareness, Math.min(MAX_AWARENESS_WINDOW_MS, this.peers.size));
  };

  private flushAwareness = () => {
    this.awarenessTimer = null;
    const changed = [...this.awarenessChanged];
    this.awarenessChanged.clear();
    if (changed.length) this.broadcast(encodeAwareness(this.awareness, changed));
  };
}
