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
import { ClientIdOwnership, refuseObserverWrites } from './collab/authorization';
import { UpdatePipeline } from './collab/pipeline';
import { DocumentRegistry } from './collab/registry';
import { attachCollabEndpoint } from './collab/upgrade';
import { DocumentService } from './documents/service';
import { createLogger, type Logger } from './log';
import { serveClient } from './static';
import { HistoryService } from './history/service';
import { SqliteDocumentStore } from './storage/sqlite';
import { SqliteParticipantStore } from './storage/sqlite-participants';
import { loadTemplates } from './templates';
import { buildCitationCorpus } from './validation/corpus';
import { CorpusService } from './corpus/service';
import { SqliteCorpusStore } from './storage/sqlite-corpus';
import { LiveDiagnostics } from './validation/live';
import { CollabLimits } from './limits/collab-limits';
import type { LimitOptions } from './limits/config';
import { ServerMetrics } from './metrics/metrics';

export interface ServerOptions {
  dataDir: string;
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
}

export interface RunningServer {
  url: string;
  port: number;
  /** The administrator's token (as configured, or the one generated at start). */
  adminToken: string;
  /** The Prometheus metrics (the Redis relay sets `metrics.redisLag`). */
  metrics: ServerMetrics;
  /** Flushes every open document to storage and stops. */
  close(): Promise<void>;
}

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
export const DEFAULT_MAX_MESSAGE_BYTES = 5 * 1024 * 1024;

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const log = options.logger ?? createLogger();
  const maxMessageBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  const store = new SqliteDocumentStore(options.dataDir);
  const registry = new DocumentRegistry({ store, log, compactEvery: options.compactEvery });
  const diagnostics = new LiveDiagnostics(buildCitationCorpus(), log);
  const corpusStore = new SqliteCorpusStore(options.dataDir);
  const corpus = new CorpusService(corpusStore, log, (citations) => diagnostics.setCorpus(citations));
  await corpus.start({ seed: options.seedCorpus ?? true });
  const participants = new SqliteParticipantStore(options.dataDir);
  const adminToken = options.adminToken ?? newToken('adm');
  const auth = new AuthService(participants, { adminToken, sessionTtlMs: options.sessionTtlMs, invitationTtlMs: options.invitationTtlMs });
  const ownership = new ClientIdOwnership(participants, log);
  let wss: { clients: Set<unknown> } | null = null;
  const metrics = new ServerMetrics({ connections: () => wss?.clients.size ?? 0, openDocuments: () => registry.openCount });
  const limits = new CollabLimits(options.limits);
  limits.onLimit(metrics.limitHit);
  const pipeline = new UpdatePipeline({
    store,
    log,
    onPersisted: (doc) => registry.maybeCompact(doc),
    observer: metrics,
    hooks: { authorize: [refuseObserverWrites(log), ownership.authorize], afterApply: [diagnostics.changed] },
  });
  const history = new HistoryService(store);
  const templates = loadTemplates(options.templatesDir ?? here('../templates'));
  const documents = new DocumentService({ store, registry, templates, participants });

  const app = new Hono();
  app.route('/api', createApi({ registry, documents, templates, log, maxBodyBytes: maxMessageBytes, diagnostics, corpus, auth, participants, history, pipeline, metrics, metricsToken: options.metricsToken }));
  app.all('/api/*', (c) => c.json({ error: `No such API route: ${c.req.method} ${c.req.path}` }, 404));
  app.get('*', serveClient(options.clientDir ?? here('../dist/client')));

  const server: Server = createServer(getRequestListener(app.fetch));
  const collab = attachCollabEndpoint(server, { registry, pipeline, log, maxMessageBytes, auth, limits, onJoin: [diagnostics.joined] });
  wss = collab;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      for (const ws of collab.clients) ws.close(CLOSE.serverShutdown, 'server shutting down');
      await registry.closeAll();
      for (const ws of collab.clients) ws.terminate();
      collab.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections?.();
      await store.close();
      await participants.close();
      await corpusStore.close();
      log.info('server stopped', { url });
    })());

  return { url, port, adminToken, metrics, close };
}
