/** The JSON API, mounted under /api. */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { Template } from '../../shared/text/templates';
import type { DocumentRegistry } from '../collab/registry';
import type { DocumentService } from '../documents/service';
import type { Logger } from '../log';
import { documentRoutes } from './documents';
import { apiError } from './errors';
import { healthRoutes } from './health';
import { templateRoutes } from './templates';
import { documentDiagnosticsRoute, validationRoutes } from './validation';
import type { LiveDiagnostics } from '../validation/live';

export interface ApiDeps {
  registry: DocumentRegistry;
  documents: DocumentService;
  templates: Map<string, Template>;
  log: Logger;
  maxBodyBytes: number;
  diagnostics: LiveDiagnostics;
}

export function createApi(deps: ApiDeps) {
  const api = new Hono()
    .use(
      bodyLimit({
        maxSize: deps.maxBodyBytes,
        onError: () => {
          // The rest of the body is never read, so the connection cannot be reused.
          throw apiError(413, `The request body is larger than ${deps.maxBodyBytes} bytes`, { Connection: 'close' });
        },
      }),
    )
    .route('/health', healthRoutes(deps.registry))
    .route('/templates', templateRoutes(deps.templates))
    .route('/documents', documentRoutes(deps.documents, deps.templates))
    .route('/documents', documentDiagnosticsRoute(deps.registry, deps.documents, deps.diagnostics))
    .route('/', validationRoutes(deps.diagnostics));

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
