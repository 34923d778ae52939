/**
 * Per-connection message rate: a token bucket per WebSocket. A client that
 * floods the server (a bug or an attack) is closed with 4429 and a reason,
 * instead of queueing work for everyone else on the document.
 *
 * Awareness echoes are nearly free: y-websocket's client sends back every
 * awareness update it receives (its handler ignores the origin), so in a
 * document with N delegations moving their carets each client sends ~N
 * messages per second that change nothing. Those cost ECHO_COST of a token.
 */
import { TokenBucket, type Clock } from './token-bucket';

/** What an awareness echo costs, in tokens: 1/20 of a message (193 delegations' echoes ≈ 10 messages per second). */
export const ECHO_COST = 0.05;

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

  /** The message was an awareness update that changed nothing: charge only ECHO_COST for it. */
  echo(): void {
    this.bucket.refund(1 - ECHO_COST);
  }

  get reason(): string {
    return `too many messages: more than ${this.perSecond} per second`;
  }
}
