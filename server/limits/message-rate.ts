/**
 * Per-connection message rate: a token bucket per WebSocket. A client that
 * floods the server (a bug or an attack) is closed with 4429 and a reason,
 * instead of queueing work for everyone else on the document.
 */
import { TokenBucket, type Clock } from './token-bucket';

export class MessageRate {
  private readonly bucket: TokenBucket;

  constructor(
    readonly perSecond: number,
    burst: number,
    now?: Clock,
  ) {
    this.bucket = new TokenBucket(Math.max(burst, perSecond), perSecond, now);
  }

  /** Counts one message; false when the connection has gone over its rate. */
  allow(): boolean {
    return this.bucket.take();
  }

  get reason(): string {
    return `too many messages: more than ${this.perSecond} per second`;
  }
}
