/**
 * Paragraph status and comments over HTTP: the statuses with their labels
 * and the summary, the comment threads, and (facilitator, secretariat,
 * administrator) setting a status, which goes through the pipeline.
 */
import { Hono } from 'hono';
import { validator } from 'hono/validator';
import { summaryLine, standingLabel } from '../../shared/negotiation/summary';
import { isStatus, STATUS_LABELS, STATUSES } from '../../shared/negotiation/types';
import { paragraphElement, setStatus } from '../../shared/negotiation/ydoc';
import { requireDocumentAccess, requireRole, type AuthEnv } from '../auth/middleware';
import { apiContext } from '../auth/api-context';
import type { UpdatePipeline } from '../collab/pipeline';
import type { DocumentRegistry } from '../collab/registry';
import { changeOnBehalf } from '../collab/server-peer';
import { DOCUMENT_ID } from '../collab/upgrade';
import { commentsOf, negotiationSummaryOf, readDocument } from '../negotiation/read';
import { apiError } from './errors';

export type StatusBody = { status: string; reason?: string };

export const negotiationRoutes = (deps: { registry: DocumentRegistry; pipeline: UpdatePipeline }) => {
  const documentId = (id: string) => {
    if (!DOCUMENT_ID.test(id)) throw apiError(404, `No document with id "${id}"`);
    return id;
  };
  const missing = (id: string) => apiError(404, `No document with id "${id}"`);

  return new Hono<AuthEnv>()
    .get('/:id/status', requireDocumentAccess, async (c) => {
      const id = documentId(c.req.param('id'));
      const summary = await readDocument(deps.registry, id, negotiationSummaryOf);
      if (!summary) throw missing(id);
      const { paragraphs, ...counts } = summary;
      return c.json({
        summary: { ...counts, line: summaryLine(counts) },
        paragraphs: paragraphs.map((p) => ({
          id: p.id,
          label: p.label,
          status: p.status,
          statusLabel: STATUS_LABELS[p.status],
          standing: p.standing,
          standingLabel: standingLabel(p.standing),
          by: p.entry?.by ?? null,
          at: p.entry?.at ?? null,
          reason: p.entry?.reason ?? null,
          brackets: p.brackets,
        })),
      });
    })
    .get('/:id/comments', requireDocumentAccess, async (c) => {
      const id = documentId(c.req.param('id'));
      const result = await readDocument(deps.registry, id, commentsOf);
      if (!result) throw missing(id);
      return c.json(result);
    })
    .put(
      '/:id/status/:paragraphId',
      requireRole('facilitator', 'secretariat'),
      validator('json', (value) => value as StatusBody),
      async (c) => {
        const id = documentId(c.req.param('id'));
        const paragraphId = c.req.param('paragraphId');
        const body: unknown = c.req.valid('json');
        const req = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
        if (!isStatus(req.status)) throw apiError(400, `Give {"status": "${STATUSES.join('" | "')}"}`);
        if (req.reason !== undefined && (typeof req.reason !== 'string' || req.reason.length > 500)) throw apiError(400, '"reason" must be a string of at most 500 characters');
        const status = req.status;
        const context = apiContext(c, id);
        let found = true;
        const result = await changeOnBehalf(deps, context, (copy) => {
          if (!paragraphElement(copy, paragraphId)) return void (found = false);
          setStatus(copy, paragraphId, status, { delegation: context.identity.delegation, name: context.identity.name, role: context.role }, req.reason as string | undefined);
        });
        if (result === null) throw missing(id);
        if (!found) throw apiError(404, `No paragraph with id "${paragraphId}" in document "${id}"`);
        return c.json({ paragraph: paragraphId, status, seq: result === 'unchanged' ? null : result });
      },
    );
};
