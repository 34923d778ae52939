/**
 * Live diagnostics: after every accepted change the document is validated
 * again (debounced; incremental per paragraph) and the verdict is pushed to
 * every connected client as a server notice. Nothing derived is stored in
 * the document. Hangs off the pipeline's after-apply hook.
 */
import { toBase64 } from 'lib0/buffer';
import * as Y from 'yjs';
import { readResolutionFromYDoc } from '../../shared/editor/ydoc';
import type { ServerNotice } from '../../shared/protocol/messages';
import type { CitationCorpus } from '../../shared/validation/citations';
import type { Diagnostic } from '../../shared/validation/types';
import { createValidator, type Validator } from '../../shared/validation/validate';
import type { CollabDocument } from '../collab/document';
import type { Peer } from '../collab/peer';
import { encodeNotice } from '../collab/protocol';
import type { Logger } from '../log';

interface State {
  validator: Validator;
  timer: ReturnType<typeof setTimeout> | null;
  latest: Extract<ServerNotice, { type: 'diagnostics' }> | null;
  /** Size of the last notice pushed to everyone: what the next push will roughly cost per peer. */
  lastBytes: number;
  /** `latest` encoded once for the wire: every join and push of the same verdict sends these bytes. */
  encoded: Uint8Array | null;
}

/**
 * Bytes of diagnostics per second a document may push to its peers. A
 * 300-paragraph draft can carry hundreds of diagnostics (~70 kB); pushed to
 * 193 delegations 25 times a second that is 330 MB/s, which starves the
 * edits themselves (bench:sync). So the wait after a change grows with the
 * notice's size × the number of peers, from `debounceMs` up to MAX_WAIT_MS.
 * At 2 MB/s a small committee on a short draft still gets its verdict after 40 ms;
 * every joining client gets the current one at once.
 */
const PUSH_BYTES_PER_SECOND = 2 * 1024 * 1024;
const MAX_WAIT_MS = 2000;

/** Peers sent a notice per turn of the event loop: edits that arrive meanwhile are not held up behind megabytes of diagnostics. */
const PEERS_PER_SLICE = 16;

function sendInSlices(doc: CollabDocument, notice: Uint8Array, peers = [...doc.peers.keys()]): void {
  for (const peer of peers.splice(0, PEERS_PER_SLICE)) peer.send(notice);
  if (peers.length) setImmediate(() => sendInSlices(doc, notice, peers));
}

/** How long to wait after a change before pushing diagnostics of `noticeBytes` to `peers` peers. */
export const pushWaitMs = (noticeBytes: number, peers: number, debounceMs: number) =>
  Math.min(MAX_WAIT_MS, Math.max(debounceMs, ((noticeBytes * peers) / PUSH_BYTES_PER_SECOND) * 1000));

export class LiveDiagnostics {
  private states = new WeakMap<CollabDocument, State>();

  constructor(
    private citationCorpus: CitationCorpus,
    private readonly log: Logger,
    /** Waits this long after a change for more changes (typing) before validating. */
    private readonly debounceMs = 40,
  ) {}

  get corpus(): CitationCorpus {
    return this.citationCorpus;
  }

  /** The corpus changed (a document was added): later verdicts use the new one. */
  setCorpus(corpus: CitationCorpus): void {
    this.citationCorpus = corpus;
    this.states = new WeakMap();
  }

  private state(doc: CollabDocument): State {
    let s = this.states.get(doc);
    if (!s) {
      s = { validator: createValidator({ corpus: this.corpus }), timer: null, latest: null, lastBytes: 0, encoded: null };
      this.states.set(doc, s);
    }
    return s;
  }

  /** The current verdict, computed now if the document changed since the last one. */
  current(doc: CollabDocument): Extract<ServerNotice, { type: 'diagnostics' }> {
    const s = this.state(doc);
    const stateVector = toBase64(Y.encodeStateVector(doc.ydoc));
    if (s.latest && s.latest.stateVector === stateVector) return s.latest;
    const started = performance.now();
    const diagnostics: Diagnostic[] = s.validator.validate(readResolutionFromYDoc(doc.ydoc));
    s.latest = { type: 'diagnostics', documentId: doc.id, stateVector, diagnostics };
    s.encoded = null;
    this.log.debug('validated', { doc: doc.id, ms: (performance.now() - started).toFixed(2), rechecked: s.validator.lastChecked, diagnostics: diagnostics.length });
    return s.latest;
  }

  /** The current verdict as a server notice on the wire (encoded once per verdict). */
  private currentNotice(doc: CollabDocument): Uint8Array {
    const s = this.state(doc);
    const latest = this.current(doc);
    return (s.encoded ??= encodeNotice(latest));
  }

  /** After-apply hook: schedule a validation and a push to everyone. */
  changed = (doc: CollabDocument): void => {
    const s = this.state(doc);
    if (s.timer) return;
    const wait = pushWaitMs(s.lastBytes, doc.peers.size, this.debounceMs);
    s.timer = setTimeout(() => {
      s.timer = null;
      if (doc.peers.size === 0) return; // unloaded or everyone left
      try {
        const notice = this.currentNotice(doc);
        s.lastBytes = notice.length;
        sendInSlices(doc, notice);
      } catch (err) {
        this.log.error('validation failed', { doc: doc.id, error: (err as Error).message });
      }
    }, wait);
  };

  /** Join hook: a client that joins gets the current verdict at once. */
  joined = (doc: CollabDocument, peer: Peer): void => {
    try {
      peer.send(this.currentNotice(doc));
    } catch (err) {
      this.log.error('validation failed', { doc: doc.id, error: (err as Error).message });
    }
  };
}
