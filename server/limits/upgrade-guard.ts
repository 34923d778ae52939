/**
 * Limits before authentication, where the server does not yet know who is
 * asking: upgrade attempts per remote address (a token bucket each, so a
 * whole delegation room behind one address still gets in at once), and a
 * cap on upgrades being authenticated at the same time. Refusals are HTTP
 * 429 with a JSON {error}, before any WebSocket exists.
 */
import { TokenBucket, type Clock, monotonicMs } from './token-bucket';

export type UpgradeVerdict = { ok: true; done: () => void } | { ok: false; limit: 'upgrade-rate' | 'pending-upgrades'; error: string };

export class UpgradeGuard {
  private buckets = new Map<string, TokenBucket>();
  private pending = 0;
  private lastSweep: number;

  constructor(
    private readonly options: { upgradesPerSecond: number; upgradeBurst: number; pendingUpgrades: number },
    private readonly now: Clock = monotonicMs,
  ) {
    this.lastSweep = now();
  }

  /** Admits one upgrade from `address`; call `done` once it is authenticated (or refused). */
  admit(address: string): UpgradeVerdict {
    this.sweep();
    let bucket = this.buckets.get(address);
    if (!bucket) {
      bucket = new TokenBucket(Math.max(this.options.upgradeBurst, 1), this.options.upgradesPerSecond, this.now);
      this.buckets.set(address, bucket);
    }
    if (!bucket.take()) {
      return { ok: false, limit: 'upgrade-rate', error: `Too many connection attempts from ${address}: at most ${this.options.upgradesPerSecond} per second; try again shortly` };
    }
    if (this.pending >= this.options.pendingUpgrades) {
      return { ok: false, limit: 'pending-upgrades', error: `The server is busy: ${this.options.pendingUpgrades} connections are being signed in; try again shortly` };
    }
    this.pending += 1;
    let finished = false;
    return {
      ok: true,
      done: () => {
        if (finished) return;
        finished = true;
        this.pending -= 1;
      },
    };
  }

  get inFlight(): number {
    return this.pending;
  }

  get addresses(): number {
    return this.buckets.size;
  }

  /** Forgets addresses whose bucket has refilled: memory stays proportional to recent callers. */
  private sweep() {
    const now = this.now();
    if (now - this.lastSweep < 10_000) return;
    this.lastSweep = now;
    for (const [address, bucket] of this.buckets) if (bucket.full()) this.buckets.delete(address);
  }
}
