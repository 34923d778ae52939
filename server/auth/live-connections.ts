/**
 * The open WebSocket connections of each session, so that revoking a
 * participant or a session — or the session simply expiring — drops them at
 * once instead of at the next reconnect.
 */
import { CLOSE } from '../../shared/protocol/messages';

export interface Closable {
  close(code: number, reason: string): void;
}

interface Entry {
  sessionId: string | null;
  participantId: string | null;
  timer: ReturnType<typeof setTimeout> | null;
}

/** setTimeout cannot wait longer than ~24.8 days; longer expiries are re-armed. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export class LiveConnections {
  private entries = new Map<Closable, Entry>();

  /** Tracks a connection until `forget`; closes it with 4401 when `expiresAt` passes. */
  add(conn: Closable, who: { sessionId: string | null; participantId: string | null; expiresAt: string | null }): void {
    const entry: Entry = { sessionId: who.sessionId, participantId: who.participantId, timer: null };
    this.entries.set(conn, entry);
    if (who.expiresAt) this.arm(conn, entry, Date.parse(who.expiresAt));
  }

  private arm(conn: Closable, entry: Entry, at: number) {
    const wait = Math.max(0, at - Date.now());
    entry.timer = setTimeout(() => {
      if (at > Date.now()) return this.arm(conn, entry, at);
      this.drop(conn, CLOSE.unauthorized, 'session expired: sign in again');
    }, Math.min(wait, MAX_TIMER_MS));
    entry.timer.unref?.();
  }

  forget(conn: Closable): void {
    const entry = this.entries.get(conn);
    if (entry?.timer) clearTimeout(entry.timer);
    this.entries.delete(conn);
  }

  dropParticipant(participantId: string, reason: string): number {
    return this.dropWhere((e) => e.participantId === participantId, reason);
  }

  dropSession(sessionId: string, reason: string): number {
    return this.dropWhere((e) => e.sessionId === sessionId, reason);
  }

  get size(): number {
    return this.entries.size;
  }

  private dropWhere(match: (e: Entry) => boolean, reason: string): number {
    let n = 0;
    for (const [conn, entry] of [...this.entries]) {
      if (!match(entry)) continue;
      this.drop(conn, CLOSE.unauthorized, reason);
      n++;
    }
    return n;
  }

  private drop(conn: Closable, code: number, reason: string) {
    this.forget(conn);
    conn.close(code, reason);
  }
}
