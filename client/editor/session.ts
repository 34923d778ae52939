/**
 * One editing session: the local Y.Doc, the y-websocket provider, a copy of
 * the document kept in this browser (so edits made offline survive a reload
 * and merge on reconnect), and the connection state the status bar shows.
 */
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { fromBase64, toBase64 } from 'lib0/buffer';
import type { Identity } from '../app/identity';
import { loadSession } from '../app/identity';
import { presenceUser } from '../../shared/presence/user';
import { BODY_FIELD } from '../../shared/editor/schema';
import type { ServerNotice } from '../../shared/protocol/messages';
import { onServerNotice } from '../../shared/protocol/notices';
import { rotateServersOnClose } from './failover';

type DiagnosticsNotice = Extract<ServerNotice, { type: 'diagnostics' }>;
type PlainNotice = Extract<ServerNotice, { type: 'notice' }>;

export type ConnectionStatus =
  | { kind: 'connecting' }
  | { kind: 'syncing' }
  | { kind: 'connected' }
  | { kind: 'offline'; unsentEdits: number }
  | { kind: 'closed'; code: number; reason: string };

/** Per participant: a copy left by someone else signed in earlier in this browser must not be sent under this session. */
const cacheKey = (documentId: string, identity: Identity) => `penholder:doc:${documentId}:${identity.participantId ?? 'admin'}`;
const CLOSE_MESSAGES: Record<number, string> = {
  4400: 'The server refused a malformed message from this browser.',
  4404: 'This document does not exist.',
  4429: 'The server closed the connection: this browser went over a limit',
};
/** 4401/4403 carry the server's reason (expired, revoked, not a participant), said plainly. */
const AUTH_CLOSES = new Set([4401, 4403]);

export class EditingSession {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  private listeners = new Set<() => void>();
  private unsent = 0;
  private everConnected = false;
  /** The server's latest verdict on this document. */
  serverDiagnostics: DiagnosticsNotice | null = null;
  private diagnosticsListeners = new Set<(notice: DiagnosticsNotice) => void>();

  onDiagnostics(listener: (notice: DiagnosticsNotice) => void): () => void {
    this.diagnosticsListeners.add(listener);
    return () => this.diagnosticsListeners.delete(listener);
  }
  private closed: { code: number; reason: string } | null = null;
  private noticeListeners = new Set<(notice: PlainNotice) => void>();

  /** Plain notices from the server (e.g. a change it refused). */
  onNotice(listener: (notice: PlainNotice) => void): () => void {
    this.noticeListeners.add(listener);
    return () => this.noticeListeners.delete(listener);
  }
  private discarded = false;

  /** Forgets this browser's copy (after the server refused a change of it): the next load takes the server's state. */
  discardLocalCopy() {
    this.discarded = true;
    localStorage.removeItem(cacheKey(this.documentId, this.identity));
  }
  private saveTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    readonly documentId: string,
    readonly identity: Identity,
  ) {
    this.restoreLocalCopy();
    const base = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`;
    // The session cookie authenticates the upgrade. No BroadcastChannel: another tab may be signed in as someone else.
    this.provider = new WebsocketProvider(base, documentId, this.doc, { maxBackoffTime: 5000, disableBc: true });
    // Scale-out without a proxy: several nodes, a random one first (spread), the next one when a node goes away.
    const nodes = collabUrls();
    if (nodes.length) rotateServersOnClose(this.provider, nodes, Math.floor(Math.random() * nodes.length));
    // The server overwrites this with the identity it authenticated (server/collab/presence-attestation.ts).
    this.provider.awareness.setLocalStateField('user', presenceUser(identity));
    this.provider.on('status', ({ status }: { status: string }) => {
      if (status === 'connected') this.everConnected = true;
      this.changed();
    });
    this.provider.on('sync', (isSynced: boolean) => {
      if (isSynced) this.unsent = 0;
      this.changed();
    });
    this.provider.on('closed', (event: { code: number; reason: string }) => {
      this.closed = event;
      this.changed();
    });
    // A refused upgrade (401/403 before the WebSocket opens) looks like a network error to a browser:
    // ask the server why, and stop retrying when it is the session.
    this.provider.on('connection-close', (event: CloseEvent | null) => {
      if (event && event.code === 1006 && !this.closed) void this.checkSession();
    });
    this.doc.on('update', this.onUpdate);
    this.doc.on('update', this.notifyContent);
    // Registered at once: the server sends its verdict right after the first sync.
    onServerNotice(this.provider, (notice) => {
      if (notice.type === 'notice') for (const l of this.noticeListeners) l(notice);
      if (notice.type !== 'diagnostics' || notice.documentId !== documentId) return;
      this.serverDiagnostics = notice;
      for (const l of this.diagnosticsListeners) l(notice);
    });
    window.addEventListener('online', this.reconnectNow);
  }

  private checking = false;
  private async checkSession() {
    if (this.checking) return;
    this.checking = true;
    try {
      await loadSession(this.documentId);
    } catch (err) {
      const status = (err as { status?: number }).status;
      if (status === 401 || status === 403) {
        this.provider.disconnect();
        this.closed = { code: status === 401 ? 4401 : 4403, reason: (err as Error).message };
        this.changed();
      }
    } finally {
      this.checking = false;
    }
  }

  /** True when the connection ended because of the session (sign in again). */
  sessionLost(): string | null {
    return this.closed && AUTH_CLOSES.has(this.closed.code) ? this.closed.reason : null;
  }

  private notifyContent = () => {
    if (this.hasContent()) {
      this.doc.off('update', this.notifyContent);
      this.changed();
    }
  };

  private onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin !== this.provider && !this.provider.synced) {
      this.unsent += 1;
      this.changed();
    }
    this.scheduleSave();
  };

  /** The browser says the network is back: do not wait for the backoff. */
  private reconnectNow = () => {
    if (!this.closed && !this.provider.wsconnected) {
      this.provider.disconnect();
      this.provider.connect();
    }
  };

  /**
   * True once there is a document to show: the server's (first sync) or the
   * copy kept in this browser. The editor must not start on an empty body:
   * it would fill in a blank skeleton and send it, duplicating the structure.
   */
  hasContent(): boolean {
    return this.doc.getXmlFragment(BODY_FIELD).length > 0;
  }

  status(): ConnectionStatus {
    if (this.closed) return { kind: 'closed', code: this.closed.code, reason: closeMessage(this.closed) };
    if (this.provider.wsconnected && this.provider.synced) return { kind: 'connected' };
    if (this.provider.wsconnected) return { kind: 'syncing' };
    if (this.everConnected) return { kind: 'offline', unsentEdits: this.unsent };
    return { kind: 'connecting' };
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed() {
    for (const l of this.listeners) l();
  }

  private restoreLocalCopy() {
    try {
      const saved = localStorage.getItem(cacheKey(this.documentId, this.identity));
      if (saved) Y.applyUpdate(this.doc, fromBase64(saved), 'local-copy');
    } catch {
      localStorage.removeItem(cacheKey(this.documentId, this.identity));
    }
  }

  private scheduleSave() {
    if (this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      this.saveLocalCopy();
    }, 500);
  }

  private saveLocalCopy() {
    if (this.discarded) return;
    try {
      localStorage.setItem(cacheKey(this.documentId, this.identity), toBase64(Y.encodeStateAsUpdate(this.doc)));
    } catch {
      // Storage full: the server still has everything that was synced.
    }
  }

  destroy() {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveLocalCopy();
    window.removeEventListener('online', this.reconnectNow);
    this.doc.off('update', this.onUpdate);
    this.provider.destroy();
    this.doc.destroy();
  }
}

function closeMessage({ code, reason }: { code: number; reason: string }): string {
  // An abuse limit (too many messages, too many open documents): say which, and what to do. Edits are kept in this browser.
  if (code === 4429) return `${CLOSE_MESSAGES[code]} (${reason || 'too many requests'}). Close other tabs of this document, then reload the page: your edits are kept.`;
  return CLOSE_MESSAGES[code] ?? explain(reason);
}

/** Close reasons are terse (123 bytes); make them a sentence for the status bar. */
function explain(reason: string): string {
  if (!reason) return 'The connection was closed.';
  return reason.charAt(0).toUpperCase() + reason.slice(1) + (/[.!]$/.test(reason) ? '' : '.');
}

/** VITE_COLLAB_URLS (at build time): the nodes' `wss://…/collab` URLs, comma-separated; empty: this origin (or its proxy). */
function collabUrls(): string[] {
  const raw = (import.meta.env.VITE_COLLAB_URLS as string | undefined) ?? '';
  return raw
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
}
