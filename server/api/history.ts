/**
 * Who wrote what: the client id → author map, the per-delegation history,
 * and (secretariat) earlier versions and restoring a paragraph from one.
 */
import { Hono } from 'hono';
import { validator } from 'hono/validator';
import { requireDocumentAccess, requireRole, type AuthEnv } from '../auth/middleware';
import { apiContext } from '../auth/api-context';
import type { UpdatePipeline } from '../collab/pipeline';
import type { DocumentRegistry } from '../collab/registry';
import { changeOnBehalf } from '../collab/server-peer';
import type { DocumentService } from '../documents/service';
import { findParagraph } from '../history/paragraphs';
import { restoreParagraph } from '../history/restore';
import type { HistoryService } from '../history/service';
import type { ParticipantStore } from '../storage/participant-store';
import { apiError } from './errors';

export interface HistoryDeps {
  documents: DocumentService;
  history: HistoryService;
  participants: ParticipantStore;
  registry: DocumentRegistry;
  pipeline: UpdatePipeline;
}

export type RestoreBody = { paragraph: string };

export const historyRoutes = (deps: HistoryDeps) => {
  const existing = async (id: string) => {
    if (!(await deps.documents.meta(id))) throw apiError(404, `No document with id "${id}"`);
    return id;
  };
  const seqParam = (raw: string) => {
    const seq = Number(raw);
    if (!Number.isInteger(seq) || seq < 1) throw apiError(400, `"${raw}" is not a version number (a positive integer from the history)`);
    return seq;
  };

  return new Hono<AuthEnv>()
    .get('/:id/authors', requireDocumentAccess, async (c) => {
      const id = await existing(c.req.param('id'));
      const authors: Record<string, { delegation: string | null; name: string | null; role: string }> = {};
      for (const a of await deps.participants.clientAuthors(id)) authors[a.clientId] = { delegation: a.delegation, name: a.name, role: a.role };
      return c.json({ authors });
    })
    .get('/:id/history', requireDocumentAccess, async (c) => {
      const id = await existing(c.req.param('id'));
      const since = c.req.query('since');
      if (since !== undefined && Number.isNaN(Date.parse(since))) throw apiError(400, '"since" must be an ISO date-time, e.g. 2026-05-01T09:00:00Z');
      const delegation = c.req.query('delegation') || undefined;
      return c.json(await deps.history.changes(id, { delegation, since }));
    })
    .get('/:id/versions/:seq', requireRole('secretariat'), async (c) => {
      const id = await existing(c.req.param('id'));
      const version = await deps.history.version(id, seqParam(c.req.param('seq')));
      if (!version) throw apiError(404, `No version ${c.req.param('seq')} in the history of "${id}"`);
      version.ydoc.destroy();
      return c.json({ seq: version.seq, time: version.time, resolution: version.resolution, text: version.text });
    })
    .post(
      '/:id/versions/:seq/restore',
      requireRole('secretariat'),
      validator('json', (value) => value as RestoreBody),
      async (c) => {
        const id = await existing(c.req.param('id'));
        const body: unknown = c.req.valid('json');
        const paragraph = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).paragraph : undefined;
        if (typeof paragraph !== 'string' || !paragraph) throw apiError(400, 'Give {"paragraph": "<paragraph id>"}');
        const version = await deps.history.version(id, seqParam(c.req.param('seq')));
        if (!version) throw apiError(404, `No version ${c.req.param('seq')} in the history of "${id}"`);
        try {
          const old = findParagraph(version.ydoc, paragraph);
          if (!old) throw apiError(404, `Paragraph "${paragraph}" is not in version ${version.seq}`);
          const context = apiContext(c, id);
          const result = await changeOnBehalf(deps, context, restoreParagraph(old, paragraph));
          if (result === null) throw apiError(404, `No document with id "${id}"`);
          return c.json({ restored: paragraph, from: version.seq, seq: result === 'unchanged' ? null : result, unchanged: result === 'unchanged' });
        } finally {
          version.ydoc.destroy();
        }
      },
    );
};
