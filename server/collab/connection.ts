/**
 * One WebSocket connection to one document: buffers messages until the
 * document is loaded, answers the sync protocol, sends every change through
 * the pipeline, and closes this connection (only this one) on bad input.
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import { attestPresence, type AttestedPresence } from './presence-attestation';
import type { WebSocket } from 'ws';
import { CLOSE } from '../../shared/protocol/messages';
import type { CollabLimits } from '../limits/collab-limits';
import type { Logger } from '../log';
import type { ConnectionContext } from './context';
import type { CollabDocument } from './document';
import type { Peer } from './peer';
import { RefusedUpdate, type UpdatePipeline } from './pipeline';
import { decodeClientMessage, encodeAwareness, encodeNotice, encodeSyncStep1, encodeSyncStep2, MalformedMessage } from './protocol';
import type { DocumentRegistry } from './registry';

export interface ConnectionDeps {
  registry: DocumentRegistry;
  pipeline: UpdatePipeline;
  log: Logger;
  /** Called once a connection has joined its loaded document and received sync step 1. */
  onJoin?: Array<(doc: CollabDocument, peer: Peer) => void>;
  /** Abuse limits (message rate); none when absent. */
  limits?: CollabLimits;
}

/** A message as it arrived, with its arrival time (the pipeline's latency starts there). */
interface Received {
  data: Uint8Array;
  receivedAt: number;
}

class SocketPeer implements Peer {
  constructor(
    readonly context: ConnectionContext,
    private readonly ws: WebSocket,
  ) {}

  send(message: Uint8Array): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(message, { binary: true });
  }

  close(code: number, reason: string): void {
    // Close reasons are limited to 123 bytes by the WebSocket protocol.
    if (this.ws.readyState === this.ws.OPEN || this.ws.readyState === this.ws.CONNECTING) this.ws.close(code, reason.slice(0, 120));
  }
}

export function handleConnection(ws: WebSocket, context: ConnectionContext, deps: ConnectionDeps): Peer {
  const { registry, pipeline, log } = deps;
  const peer = new SocketPeer(context, ws);
  const pending: Received[] = [];
  let doc: CollabDocument | null = null;
  let closed = false;
  /** Set once this side has decided to close: later messages are not processed. */
  let stopped = false;
  const rate = deps.limits?.messageRate();
  let chain: Promise<void> = Promise.resolve();
  const fields = { conn: context.connectionId, doc: context.documentId, delegation: context.identity.delegation, role: context.role };

  const fail = (code: number, reason: string, err?: unknown) => {
    if (stopped) return;
    stopped = true;
    log.warn('closing connection', { ...fields, code, reason, error: err instanceof Error ? err.message : undefined, stack: code === CLOSE.internalError && err instanceof Error ? err.stack : undefined });
    peer.close(code, reason);
  };

  const handle = async ({ data, receivedAt }: Received) => {
    // A discarded copy (see DocumentRegistry.discard) takes nothing more: the client sends it again after reconnecting.
    if (!doc || closed || stopped || doc.discarded) return;
    const message = decodeClientMessage(data);
    switch (message.kind) {
      case 'sync-step-1':
        peer.send(encodeSyncStep2(doc.ydoc, message.stateVector));
        break;
      case 'sync-step-2':
      case 'update':
        await pipeline.applyClientUpdate(peer, doc, message.update, receivedAt);
        break;
      case 'awareness': {
        let attested: AttestedPresence;
        try {
          attested = attestPresence(doc.awareness, message.update, context.identity);
        } catch (err) {
          throw new MalformedMessage(`bad awareness update: ${(err as Error).message}`);
        }
        if (attested.refused) log.warn('refused presence entries of other participants', { ...fields, refused: attested.refused });
        // Nothing new: the echoes y-websocket clients send back (see limits/message-rate.ts).
        if (attested.update) awarenessProtocol.applyAwarenessUpdate(doc.awareness, attested.update, peer);
        else rate?.echo();
        break;
      }
      case 'query-awareness':
        peer.send(encodeAwareness(doc.awareness, [...doc.awareness.getStates().keys()]));
        break;
      case 'auth':
        break;
    }
  };

  const enqueue = (received: Received) => {
    chain = chain
      .then(() => handle(received))
      .catch((err) => {
        if (err instanceof MalformedMessage) fail(CLOSE.malformed, `malformed message: ${err.message}`, err);
        else if (err instanceof RefusedUpdate && err.keepConnection) peer.send(encodeNotice({ type: 'notice', level: 'error', message: err.message }));
        else if (err instanceof RefusedUpdate) fail(err.closeCode ?? CLOSE.forbidden, err.message, err);
        else fail(CLOSE.internalError, 'internal error while applying the message', err);
      });
  };

  ws.on('message', (data, isBinary) => {
    if (closed || stopped) return;
    if (rate && !rate.allow()) {
      deps.limits?.hit('message-rate');
      return fail(CLOSE.tooMany, rate.reason);
    }
    if (!isBinary) return fail(CLOSE.malformed, 'malformed message: text frames are not part of the protocol');
    const bytes = data instanceof Buffer ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data as ArrayBuffer);
    const received = { data: bytes, receivedAt: performance.now() };
    if (doc) enqueue(received);
    else pending.push(received);
  });

  ws.on('error', (err) => log.warn('socket error', { ...fields, error: err.message }));

  ws.on('close', (code) => {
    closed = true;
    if (code === CLOSE.tooLarge) log.warn('message too large, connection closed', fields);
    if (doc) {
      const d = doc;
      doc = null;
      void chain.finally(() => registry.release(d, peer));
    }
  });

  registry
    .acquire(context.documentId, peer)
    .then((loaded) => {
      if (!loaded) return fail(CLOSE.unknownDocument, `unknown document ${context.documentId}`);
      if (closed) return registry.release(loaded, peer);
      doc = loaded;
      log.info('connected', fields);
      peer.send(encodeSyncStep1(loaded.ydoc));
      const states = [...loaded.awareness.getStates().keys()];
      if (states.length) peer.send(encodeAwareness(loaded.awareness, states));
      for (const hook of deps.onJoin ?? []) hook(loaded, peer);
      for (const data of pending.splice(0)) enqueue(data);
    })
    .catch((err) => fail(CLOSE.internalError, 'could not load the document', err));
  return peer;
}
