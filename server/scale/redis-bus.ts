/**
 * The Redis side of the relay: one connection to publish, one to subscribe
 * (a subscribed Redis connection can do nothing else). ioredis reconnects by
 * itself; after a reconnect this bus subscribes again to every channel and
 * only then says so (`onResubscribed`), so that what the node reads from the
 * store afterwards and what arrives on the channels overlap: nothing
 * published while Redis was away is lost, it is caught up from the store.
 */
import { Redis } from 'ioredis';
import type { Logger } from '../log';

const SUBSCRIBE_WAIT_MS = 2000;

export interface RedisBusOptions {
  url: string;
  log: Logger;
  onMessage(channel: string, data: Uint8Array): void;
  /** Redis came back and every channel is subscribed again. */
  onResubscribed(): void;
  /** How long start() waits for Redis (default 10 s). */
  connectTimeoutMs?: number;
}

export class RedisBus {
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly channels = new Set<string>();
  private started = false;
  private closing = false;
  private failedPublishes = 0;
  private lastFailureLog = 0;

  constructor(private readonly options: RedisBusOptions) {
    const common = {
      lazyConnect: true,
      // Back off up to 1 s between attempts, forever: a node keeps serving its own clients while Redis is away.
      retryStrategy: (times: number) => Math.min(times * 100, 1000),
      connectTimeout: options.connectTimeoutMs ?? 10_000,
    };
    // A publish while Redis is away fails fast instead of piling up: the receivers catch up from the store.
    this.pub = new Redis(options.url, { ...common, maxRetriesPerRequest: 1 });
    this.sub = new Redis(options.url, { ...common, autoResubscribe: false, maxRetriesPerRequest: null });
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) => {
      options.onMessage(channel.toString(), new Uint8Array(message.buffer, message.byteOffset, message.byteLength));
    });
    for (const [name, conn] of [['publisher', this.pub], ['subscriber', this.sub]] as const) {
      conn.on('error', (err: Error) => {
        if (!this.closing) options.log.warn('redis error', { connection: name, error: err.message });
      });
      conn.on('end', () => this.started && !this.closing && options.log.warn('redis connection ended', { connection: name }));
    }
    this.sub.on('ready', () => {
      if (!this.started || this.closing) return;
      options.log.info('redis reconnected: subscribing again', { channels: this.channels.size });
      this.resubscribe();
    });
  }

  /** Connects both connections; rejects with a clear message when Redis cannot be reached. */
  async start(): Promise<void> {
    // The first 'error' says why (ECONNREFUSED, auth…); connect() itself only says "Connection is closed".
    const ready = (conn: Redis) =>
      new Promise<void>((resolve, reject) => {
        conn.once('ready', () => resolve());
        conn.once('error', reject);
        conn.connect().catch(reject);
      });
    try {
      await Promise.all([ready(this.pub), ready(this.sub)]);
    } catch (err) {
      this.close();
      throw new Error(`cannot reach Redis at ${redactUrl(this.options.url)}: ${(err as Error).message}`);
    }
    this.started = true;
  }

  /**
   * Subscribes; while Redis is away, only remembers the channel: opening a
   * document must not wait for Redis. The resubscription on reconnect covers
   * it, and the catch-up that follows (`onResubscribed`) fills the gap.
   */
  async subscribe(channel: string): Promise<void> {
    this.channels.add(channel);
    if (this.sub.status !== 'ready') return;
    // Redis may go away during the command: wait a little, not forever.
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      this.sub.subscribe(channel).catch(() => undefined),
      new Promise((resolve) => (timer = setTimeout(resolve, SUBSCRIBE_WAIT_MS))),
    ]);
    clearTimeout(timer);
  }

  unsubscribe(channel: string): void {
    this.channels.delete(channel);
    this.sub.unsubscribe(channel).catch(() => undefined); // gone with the connection anyway
  }

  /** Fire and forget: a lost message is caught up from the store by the receivers. */
  publish(channel: string, data: Uint8Array): void {
    this.pub.publish(channel, Buffer.from(data.buffer, data.byteOffset, data.byteLength)).catch((err: Error) => {
      if (this.closing) return;
      // One line per 5 s while Redis is away, not one per keystroke.
      this.failedPublishes++;
      if (Date.now() - this.lastFailureLog < 5000) return;
      this.lastFailureLog = Date.now();
      this.options.log.warn('redis publish failed (receivers will catch up from the store)', { channel, failed: this.failedPublishes, error: err.message });
      this.failedPublishes = 0;
    });
  }

  close(): void {
    this.closing = true;
    this.pub.disconnect();
    this.sub.disconnect();
  }

  private resubscribe() {
    const channels = [...this.channels];
    (channels.length ? this.sub.subscribe(...channels) : Promise.resolve()).then(
      () => this.options.onResubscribed(),
      (err: Error) => this.options.log.error('redis resubscribe failed', { error: err.message }),
    );
  }
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparsable URL)';
  }
}
