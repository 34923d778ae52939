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
import { authorizeNegotiation } from './negotiation/authorize';
import { ResetOnChange } from './negotiation/reset';

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
}

export interface RunningServer {
  url: string;
  port: number;
  /** The administrator's token (as configured, or the one generated at start). */
  adminToken: string;
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
  // Agreed or ad-ref paragraphs whose text changes go back to pending (a change of the server's own, through the pipeline).
  const resetOnChange = new ResetOnChange(log);
  const pipeline = new UpdatePipeline({
    store,
    log,
    onPersisted: (doc) => registry.maybeCompact(doc),
    hooks: {
      authorize: [refuseObserverWrites(log), authorizeNegotiation(log), ownership.authorize],
      afterApply: [diagnostics.changed, resetOnChange.changed],
    },
  });
  resetOnChange.attach({ registry, pipeline });
  const history = new HistoryService(store);
  const templates = loadTemplates(options.templatesDir ?? here('../templates'));
  const documents = new DocumentService({ store, registry, templates, participants });

  const app = new Hono();
  app.route('/api', createApi({ registry, documents, templates, log, maxBodyBytes: maxMessageBytes, diagnostics, corpus, auth, participants, history, pipeline }));
  app.all('/api/*', (c) => c.json({ error: `No such API route: ${c.req.method} ${c.req.path}` }, 404));
  app.get('*', serveClient(options.clientDir ?? here('../dist/client')));

  const server: Server = createServer(getRequestListener(app.fetch));
  const wss = attachCollabEndpoint(server, { registry, pipeline, log, maxMessageBytes, auth, onJoin: [diagnostics.joined] });

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
      for (const ws of wss.clients) ws.close(CLOSE.serverShutdown, 'server shutting down');
      await registry.closeAll();
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections?.();
      await store.close();
      await participants.close();
      await corpusStore.close();
      log.info('server stopped', { url });
    })());

  return { url, port, adminToken, close };
}
