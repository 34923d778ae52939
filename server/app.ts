/**
 * Assembles the server: store → registry → pipeline → WebSocket endpoint,
 * and the HTTP side (API + built client) on one Node HTTP server.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { CLOSE } from '../shared/protocol/messages';
import { createApi } from './api/app';
import { AuthService } from './auth/participants';
import { newToken } from './auth/tokens';
import { ClientIdOwnership, judgedAfterCatchUp, refuseObserverWrites } from './collab/authorization';
import { UpdatePipeline } from './collab/pipeline';
import { DocumentRegistry } from './collab/registry';
import { attachCollabEndpoint } from './collab/upgrade';
import { DocumentService } from './documents/service';
import { createLogger, type Logger } from './log';
import { serveClient } from './static';
import { HistoryService } from './history/service';
import { openStores } from './storage/index';
import { loadTemplates } from './templates';
import { buildCitationCorpus } from './validation/corpus';
import { CorpusService } from './corpus/service';
import { LiveDiagnostics } from './validation/live';
import { CollabLimits } from './limits/collab-limits';
import type { LimitOptions } from './limits/config';
import { ServerMetrics } from './metrics/metrics';
import { RevisionService } from './revisions/service';
import { proposalRules } from './proposals/authorization';
import { ProposalService } from './proposals/service';
import { createScaleOut, type ScaleOut } from './scale';
import { authorizeNegotiation } from './negotiation/authorize';
import { ResetOnChange } from './negotiation/reset';

export interface ServerOptions {
  dataDir: string;
  /** postgres://… (DATABASE_URL): store everything in PostgreSQL instead of SQLite in dataDir. */
  databaseUrl?: string;
  port?: number;
  host?: string;
  maxMessageBytes?: number;
  clientDir?: string;
  templatesDir?: string;
  logger?: Logger;
  /** Compact a document's log after this many updates (default 500). */
  compactEvery?: number;
  /** Load the seeds as the default corpus of agreed language on first start (default true). */
  seedCorpus?: boolean;
  /** The administrator's token (PENHOLDER_ADMIN_TOKEN); a random one when absent. */
  adminToken?: string;
  /** How long a session lasts after sign-in (default 7 days). */
  sessionTtlMs?: number;
  /** How long an invitation link stays valid (default 14 days). */
  invitationTtlMs?: number;
  /** Abuse limits of the collaboration endpoint (server/limits/config.ts has the defaults). */
  limits?: Partial<LimitOptions>;
  /** When set, GET /api/metrics needs `Authorization: Bearer <metricsToken>` (METRICS_TOKEN). */
  metricsToken?: string;
  /** Scale-out (REDIS_URL): relay updates and presence to the other nodes through this Redis. */
  redisUrl?: string;
  /** Prefix of the Redis channels (REDIS_PREFIX, default `penholder:`). */
  redisPrefix?: string;
  /** This node's id in scale-out mode (NODE_ID). */
  nodeId?: string;
  /** Scale-out: read every open document's log from the store this often, in case a relay message was lost (default 5 s). */
  catchUpEveryMs?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  /** The administrator's token (as configured, or the one generated at start). */
  adminToken: string;
  /** The Prometheus metrics (the Redis relay sets `metrics.redisLag`). */
  metrics: ServerMetrics;
  /** Scale-out mode only: the relay (node id, `lastLagMs` for metrics). */
  scaleOut: ScaleOut | null;
  /** Flushes every open document to storage and stops. */
  close(): Promise<void>;
}

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
export const DEFAULT_MAX_MESSAGE_BYTES = 5 * 1024 * 1024;

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const log = options.logger ?? createLogger();
  const maxMessageBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  const stores = await openStores({
    dataDir: options.dataDir,
    databaseUrl: options.databaseUrl,
    onError: (err) => log.warn('storage connection error', { error: err.message }),
  });
  const { documents: store, participants, corpus: corpusStore } = stores;
  if (options.redisUrl && !options.databaseUrl) log.warn('REDIS_URL without DATABASE_URL: nodes relay through Redis but each keeps its own SQLite store; use PostgreSQL for several nodes');
  const scaleOut = options.redisUrl
    ? createScaleOut({ redisUrl: options.redisUrl, prefix: options.redisPrefix, nodeId: options.nodeId, store, log, catchUpEveryMs: options.catchUpEveryMs })
    : null;
  const registry = new DocumentRegistry({ store, log, compactEvery: options.compactEvery, lifecycle: scaleOut?.relay });
  const diagnostics = new LiveDiagnostics(buildCitationCorpus(), log);
  const corpus = new CorpusService(corpusStore, log, (citations) => diagnostics.setCorpus(citations));
  await corpus.start({ seed: options.seedCorpus ?? true }).catch(closeStoresAnd(stores));
  const adminToken = options.adminToken ?? newToken('adm');
  const auth = new AuthService(participants, { adminToken, sessionTtlMs: options.sessionTtlMs, invitationTtlMs: options.invitationTtlMs });
  if (scaleOut) {
    auth.onRevoked = scaleOut.relay.revoked;
    scaleOut.relay.onRevocation = (r) => auth.revokedElsewhere(r);
  }
  const catchUp = scaleOut?.relay.catchUpNow;
  const ownership = new ClientIdOwnership(participants, log, catchUp);
  // Agreed or ad-ref paragraphs whose text changes go back to pending (a change of the server's own, through the pipeline).
  const resetOnChange = new ResetOnChange(log);
  let wss: { clients: Set<unknown> } | null = null;
  const metrics = new ServerMetrics({ connections: () => wss?.clients.size ?? 0, openDocuments: () => registry.openCount });
  const limits = new CollabLimits(options.limits);
  limits.onLimit(metrics.limitHit);
  // The relay reports how old each update from another node is when it arrives.
  if (scaleOut) scaleOut.relay.onLag = (ms) => metrics.redisLag.set(ms / 1000);
  const pipeline = new UpdatePipeline({
    store,
    log,
    onPersisted: (doc) => registry.maybeCompact(doc),
    onPersistFailed: (doc, err) => registry.discard(doc, err),
    observer: metrics,
    hooks: {
      authorize: [
        refuseObserverWrites(log, catchUp),
        judgedAfterCatchUp(proposalRules(log), catchUp),
        judgedAfterCatchUp(authorizeNegotiation(log), catchUp),
        ownership.authorize,
      ],
      afterApply: [diagnostics.changed, resetOnChange.changed, ...(scaleOut ? [scaleOut.relay.published] : [])],
      afterRelayed: [diagnostics.changed],
    },
  });
  resetOnChange.attach({ registry, pipeline });
  try {
    await scaleOut?.start(pipeline);
  } catch (err) {
    await stores.close();
    throw err;
  }
  const history = new HistoryService(store);
  const proposals = new ProposalService({ registry, pipeline, history });
  const templates = loadTemplates(options.templatesDir ?? here('../templates'));
  const documents = new DocumentService({ store, registry, templates, participants });
  const revisions = new RevisionService({ store, revisions: stores.revisions, registry, pipeline, diagnostics });

  const app = new Hono();
  app.route('/api', createApi({ registry, documents, templates, log, maxBodyBytes: maxMessageBytes, diagnostics, corpus, auth, participants, history, pipeline, revisions, proposals, metrics, metricsToken: options.metricsToken }));
  app.all('/api/*', (c) => c.json({ error: `No such API route: ${c.req.method} ${c.req.path}` }, 404));
  app.get('*', serveClient(options.clientDir ?? here('../dist/client')));

  const server: Server = createServer(getRequestListener(app.fetch));
  const collab = attachCollabEndpoint(server, { registry, pipeline, log, maxMessageBytes, auth, limits, onJoin: [diagnostics.joined] });
  wss = collab;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, options.host ?? '127.0.0.1', () => resolve());
  }).catch(closeStoresAnd(stores));
  const { port } = server.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      for (const ws of collab.clients) ws.close(CLOSE.serverShutdown, 'server shutting down');
      await registry.closeAll();
      scaleOut?.close();
      for (const ws of collab.clients) ws.terminate();
      collab.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections?.();
      await stores.close();
      log.info('server stopped', { url });
    })());

  return { url, port, adminToken, metrics, scaleOut, close };
}

/** A start that fails after the stores opened closes them (a PostgreSQL pool would keep the process alive). */
const closeStoresAnd = (stores: { close(): Promise<void> }) => async (err: unknown): Promise<never> => {
  await stores.close().catch(() => undefined);
  throw err;
};
