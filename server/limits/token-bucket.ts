/**
 * A token bucket: `capacity` tokens at most, refilled continuously at
 * `perSecond`. Each event takes one token; an empty bucket says no. Pure
 * apart from the clock, which is injected so tests can drive it.
 */
export type Clock = () => number;

export const monotonicMs: Clock = () => performance.now();

export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    readonly capacity: number,
    readonly perSecond: number,
    private readonly now: Clock = monotonicMs,
  ) {
    this.tokens = capacity;
    this.last = now();
  }

  /** Takes one token if there is one. */
  take(): boolean {
    const now = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Gives back part of a token taken for an event that turned out cheap. */
  refund(amount: number): void {
    this.tokens = Math.min(this.capacity, this.tokens + amount);
  }

  /** True when the bucket has refilled completely (nothing to remember about this key). */
  full(): boolean {
    return this.tokens + ((this.now() - this.last) / 1000) * this.perSecond >= this.capacity;
  }
}
