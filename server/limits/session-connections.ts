/**
 * At most N open collaboration connections (one document each) per session.
 * A leaked client that opens connection after connection runs out here
 * rather than in the server's memory.
 */
export class SessionConnections {
  private counts = new Map<string, number>();

  constructor(readonly max: number) {}

  /** Takes a place for `key`; returns its release, or null when the session is at its limit. */
  acquire(key: string): (() => void) | null {
    const count = this.counts.get(key) ?? 0;
    if (count >= this.max) return null;
    this.counts.set(key, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.counts.get(key) ?? 1) - 1;
      if (left <= 0) this.counts.delete(key);
      else this.counts.set(key, left);
    };
  }

  get reason(): string {
    return `too many open documents: at most ${this.max} connections per session`;
  }

  /** Number of sessions with open connections (for tests and metrics). */
  get sessions(): number {
    return this.counts.size;
  }
}
