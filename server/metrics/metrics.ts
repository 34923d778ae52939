/**
 * The server's Prometheus metrics (prom-client), in one registry of their
 * own so that several servers in one process (tests) do not mix. Other
 * modules never import prom-client: they call the small observer methods
 * below, or — like the Redis relay — are handed `redisLag` to set.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { PipelineObserver } from '../collab/pipeline';
import type { LimitName } from '../limits/collab-limits';

/** Seconds; from a keystroke's round trip (~1 ms) to a slow disk (~1 s). */
const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

export interface MetricsSources {
  /** Open WebSocket connections right now. */
  connections: () => number;
  /** Documents loaded in memory right now. */
  openDocuments: () => number;
}

export class ServerMetrics implements PipelineObserver {
  readonly registry = new Registry();
  private readonly updatesAccepted: Counter;
  private readonly updatesRefused: Counter<'reason'>;
  private readonly closedByLimit: Counter<'limit'>;
  private readonly updateLatency: Histogram;
  private readonly persistLatency: Histogram;
  /** Set by the Redis relay: how far behind the other nodes' updates this node is. */
  readonly redisLag: Gauge;

  constructor(sources: MetricsSources) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: 'penholder_' });
    new Gauge({
      name: 'penholder_connections',
      help: 'Open collaboration (WebSocket) connections',
      registers,
      collect() {
        this.set(sources.connections());
      },
    });
    new Gauge({
      name: 'penholder_open_documents',
      help: 'Documents loaded in memory',
      registers,
      collect() {
        this.set(sources.openDocuments());
      },
    });
    this.updatesAccepted = new Counter({ name: 'penholder_updates_accepted_total', help: 'Document updates accepted (durable and broadcast)', registers });
    this.updatesRefused = new Counter({ name: 'penholder_updates_refused_total', help: 'Document updates refused, by reason', labelNames: ['reason'], registers });
    this.closedByLimit = new Counter({ name: 'penholder_closed_by_limit_total', help: 'Connections closed or upgrades refused by an abuse limit', labelNames: ['limit'], registers });
    this.updateLatency = new Histogram({
      name: 'penholder_update_latency_seconds',
      help: 'From the arrival of an update message to the update being durable and broadcast',
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.persistLatency = new Histogram({ name: 'penholder_persist_latency_seconds', help: 'Appending one update to the store', buckets: LATENCY_BUCKETS, registers });
    this.redisLag = new Gauge({ name: 'penholder_redis_lag_seconds', help: 'Age of the latest update relayed from another node through Redis when it arrived', registers });
  }

  accepted(seconds: number): void {
    this.updatesAccepted.inc();
    this.updateLatency.observe(seconds);
  }

  persisted(seconds: number): void {
    this.persistLatency.observe(seconds);
  }

  refused(reason: 'malformed' | 'forbidden'): void {
    this.updatesRefused.inc({ reason });
  }

  limitHit = (limit: LimitName): void => {
    this.closedByLimit.inc({ limit });
  };

  /** The Prometheus text exposition. */
  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
