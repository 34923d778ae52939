/**
 * Scale-out mode, assembled: the relay (a registry lifecycle and a pipeline
 * hook) and its Redis bus. `startServer` builds this when REDIS_URL is set.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { UpdatePipeline } from '../collab/pipeline';
import type { Logger } from '../log';
import type { DocumentStore } from '../storage/document-store';
import { RedisBus } from './redis-bus';
import { DocumentRelay } from './relay';

export interface ScaleOutOptions {
  redisUrl: string;
  /** Channel prefix (REDIS_PREFIX, default `penholder:`). */
  prefix?: string;
  /** This node's id (NODE_ID; default host name, process id and a random suffix). */
  nodeId?: string;
  store: DocumentStore;
  log: Logger;
  catchUpEveryMs?: number;
  onLag?: (ms: number) => void;
}

export interface ScaleOut {
  relay: DocumentRelay;
  /** Connects to Redis (rejects with a clear message when it cannot) and starts relaying through `pipeline`. */
  start(pipeline: UpdatePipeline): Promise<void>;
  close(): void;
}

export const defaultNodeId = () => `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;

export function createScaleOut(options: ScaleOutOptions): ScaleOut {
  const relay = new DocumentRelay({
    nodeId: options.nodeId || defaultNodeId(),
    prefix: options.prefix ?? 'penholder:',
    store: options.store,
    log: options.log,
    catchUpEveryMs: options.catchUpEveryMs,
    onLag: options.onLag,
  });
  const bus = new RedisBus({ url: options.redisUrl, log: options.log, onMessage: relay.received, onResubscribed: relay.resubscribed });
  return {
    relay,
    async start(pipeline) {
      await bus.start();
      await relay.start(bus, pipeline);
      options.log.info('scale-out: relaying through Redis', { node: relay.nodeId, prefix: options.prefix ?? 'penholder:' });
    },
    close() {
      relay.stop();
      bus.close();
    },
  };
}
