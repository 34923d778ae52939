/**
 * Validation over HTTP: the current diagnostics of a document, validation of
 * a text or a model sent by a client, and the citation corpus the editor
 * needs to run the same checks in the browser.
 */
import { Hono } from 'hono';
import { validator } from 'hono/validator';
import type { Resolution } from '../../shared/model/types';
import { ImportError, parseResolutionText } from '../../shared/text/parse';
import { asResolution, ShapeError } from '../../shared/validation/resolution-shape';
import { validateResolution } from '../../shared/validation/validate';
import { requireDocumentAccess } from '../auth/middleware';
import type { DocumentRegistry } from '../collab/registry';
import { DOCUMENT_ID } from '../collab/upgrade';
import type { DocumentService } from '../documents/service';
import type { LiveDiagnostics } from '../validation/live';
import { apiError } from './errors';

export type ValidateBody = { text: string } | { document: unknown };

export const documentDiagnosticsRoute = (registry: DocumentRegistry, documents: DocumentService, live: LiveDiagnostics) =>
  new Hono().get('/:id/diagnostics', requireDocumentAccess, async (c) => {
    const id = c.req.param('id');
    if (!DOCUMENT_ID.test(id)) throw apiError(404, `No document with id "${id}"`);
    const open = await registry.peek(id);
    if (open) return c.json({ diagnostics: live.current(open).diagnostics });
    const resolution = await documents.resolution(id);
    if (!resolution) throw apiError(404, `No document with id "${id}"`);
    return c.json({ diagnostics: validateResolution(resolution, { corpus: live.corpus }) });
  });

export const validationRoutes = (live: LiveDiagnostics) =>
  new Hono()
    .post(
      '/validate',
      validator('json', (value) => value as ValidateBody),
      (c) => {
        const body: unknown = c.req.valid('json');
        if (typeof body !== 'object' || body === null || Array.isArray(body)) throw apiError(400, 'The request body must be a JSON object: {"text": "…"} or {"document": {…}}');
        const req = body as Record<string, unknown>;
        if ((req.text === undefined) === (req.document === undefined)) throw apiError(400, 'Give exactly one of "text" (a resolution in plain text) or "document" (the resolution model)');
        let resolution: Resolution;
        if (req.text !== undefined) {
          if (typeof req.text !== 'string') throw apiError(400, '"text" must be a string');
          try {
            resolution = parseResolutionText(req.text);
          } catch (err) {
            if (err instanceof ImportError) throw apiError(400, `The text could not be read as a resolution: ${err.message}`);
            throw err;
          }
        } else {
          try {
            resolution = asResolution(req.document);
          } catch (err) {
            if (err instanceof ShapeError) throw apiError(400, `Malformed document: ${err.message}`);
            throw err;
          }
        }
        return c.json({ diagnostics: validateResolution(resolution, { corpus: live.corpus }) });
      },
    )
    .get('/validation/corpus', (c) => c.json(live.corpus));
