/** The JSON API, mounted under /api. */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { Template } from '../../shared/text/templates';
import type { DocumentRegistry } from '../collab/registry';
import type { DocumentService } from '../documents/service';
import type { Logger } from '../log';
import { identify, requireAuth, type AuthEnv } from '../auth/middleware';
import type { AuthService } from '../auth/participants';
import type { UpdatePipeline } from '../collab/pipeline';
import type { HistoryService } from '../history/service';
import type { ParticipantStore } from '../storage/participant-store';
import { documentRoutes } from './documents';
import { historyRoutes } from './history';
import { participantRoutes } from './participants';
import { sessionRoutes } from './session';
import { apiError } from './errors';
import { healthRoutes } from './health';
import { templateRoutes } from './templates';
import { documentDiagnosticsRoute, validationRoutes } from './validation';
import type { LiveDiagnostics } from '../validation/live';
import type { CorpusService } from '../corpus/service';
import { corpusRoutes } from './corpus';
import { languageRoutes } from './language';
import { metricsRoutes } from './metrics';
import type { ServerMetrics } from '../metrics/metrics';
import type { RevisionService } from '../revisions/service';
import { revisionRoutes } from './revisions';
import { proposalRoutes } from './proposals';
import type { ProposalService } from '../proposals/service';
import { negotiationRoutes } from './negotiation';

export interface ApiDeps {
  registry: DocumentRegistry;
  documents: DocumentService;
  templates: Map<string, Template>;
  log: Logger;
  maxBodyBytes: number;
  diagnostics: LiveDiagnostics;
  auth: AuthService;
  participants: ParticipantStore;
  history: HistoryService;
  pipeline: UpdatePipeline;
  corpus: CorpusService;
  metrics: ServerMetrics;
  /** METRICS_TOKEN: when set, /metrics needs it. */
  metricsToken?: string;
  revisions: RevisionService;
  proposals: ProposalService;
}

export function createApi(deps: ApiDeps) {
  const api = new Hono<AuthEnv>()
    .use(
      bodyLimit({
        maxSize: deps.maxBodyBytes,
        onError: () => {
          // The rest of the body is never read, so the connection cannot be reused.
          throw apiError(413, `The request body is larger than ${deps.maxBodyBytes} bytes`, { Connection: 'close' });
        },
      }),
    )
    // Finds out who is calling (never refuses); each route group below requires what it needs (server/auth/middleware.ts).
    .use('*', identify(deps.auth))
    // Every document route needs a session at least; routes narrow it to the document's participants and roles.
    .use('/documents', requireAuth)
    .use('/documents/*', requireAuth)
    .route('/health', healthRoutes(deps.registry))
    .route('/metrics', metricsRoutes(deps.metrics, deps.metricsToken))
    .route('/session', sessionRoutes(deps.auth))
    .route('/templates', templateRoutes(deps.templates))
    // Before documentRoutes: its /:id/text?version=… answers versions and falls through without one.
    .route('/documents', revisionRoutes(deps))
    .route('/documents', documentRoutes(deps.documents, deps.templates))
    .route('/documents', documentDiagnosticsRoute(deps.registry, deps.documents, deps.diagnostics))
    .route('/documents', participantRoutes(deps.auth, deps.documents))
    .route('/documents', historyRoutes(deps))
    .route('/documents', proposalRoutes(deps.proposals))
    .route('/documents', negotiationRoutes(deps))
    .route('/', validationRoutes(deps.diagnostics))
    .route('/', languageRoutes(deps.corpus, deps.documents))
    .route('/corpus', corpusRoutes(deps.corpus, deps.documents));

  api.notFound((c) => c.json({ error: `No such API route: ${c.req.method} ${c.req.path}` }, 404));
  api.onError((err, c) => {
    if (err instanceof HTTPException) {
      // Our own errors carry a JSON response; Hono's (e.g. malformed JSON) only a message.
      if (err.res) return err.res;
      return c.json({ error: err.message || 'Bad request' }, err.status);
    }
    deps.log.error('API error', { path: c.req.path, error: err.message });
    return c.json({ error: 'Internal server error' }, 500);
  });
  return api;
}

export type PenholderApi = ReturnType<typeof createApi>;
