/** /api/documents: create (administrator; from a template or an imported text), list, read (participants). */
import { Hono } from 'hono';
import { validator } from 'hono/validator';
import { emptyMasthead, type Masthead } from '../../shared/model/types';
import { ImportError, parseResolutionText } from '../../shared/text/parse';
import { resolutionToText } from '../../shared/text/serialize';
import type { Template } from '../../shared/text/templates';
import { DOCUMENT_ID } from '../collab/upgrade';
import { principalOf, requireAdmin, requireDocumentAccess, type AuthEnv } from '../auth/middleware';
import type { DocumentService } from '../documents/service';
import { apiError } from './errors';

const MASTHEAD_FIELDS = Object.keys(emptyMasthead()) as (keyof Masthead)[];

/** Optional metadata in a create request: masthead fields, and "title" as an alias of nothing else. */
function mastheadOverrides(body: Record<string, unknown>): Partial<Masthead> {
  const out: Partial<Masthead> = {};
  const source = (typeof body.metadata === 'object' && body.metadata ? body.metadata : body) as Record<string, unknown>;
  for (const key of MASTHEAD_FIELDS) {
    const value = source[key];
    if (value === undefined) continue;
    if (key === 'sponsors') {
      if (!Array.isArray(value) || !value.every((s) => typeof s === 'string')) throw apiError(400, '"sponsors" must be an array of strings');
      out.sponsors = value;
    } else if (typeof value === 'string') out[key] = value;
    else throw apiError(400, `"${key}" must be a string`);
  }
  return out;
}

/** What a client sends: a template id or a text, and optionally masthead fields (or them under "metadata"). */
export type CreateBody = ({ template: string } | { text: string }) & Partial<Masthead> & { metadata?: Partial<Masthead> };
export type CreateRequest = ({ template: string } | { text: string }) & { masthead: Partial<Masthead> };

/** Checks a create request: exactly one of template or text, plus optional masthead fields. */
function createRequest(body: unknown): CreateRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw apiError(400, 'The request body must be a JSON object');
  const req = body as Record<string, unknown>;
  const hasTemplate = req.template !== undefined;
  if (hasTemplate === (req.text !== undefined)) throw apiError(400, 'Give exactly one of "template" (a template id) or "text" (a resolution in plain text)');
  const masthead = mastheadOverrides(req);
  if (hasTemplate) {
    if (typeof req.template !== 'string') throw apiError(400, '"template" must be a string');
    return { template: req.template, masthead };
  }
  if (typeof req.text !== 'string') throw apiError(400, '"text" must be a string');
  return { text: req.text, masthead };
}

export const documentRoutes = (service: DocumentService, templates: Map<string, Template>) =>
  new Hono<AuthEnv>()
    // The documents the caller takes part in (the administrator: all of them).
    .get('/', async (c) => {
      const principal = principalOf(c);
      const docs = (await service.list()).filter((d) => principal.kind === 'admin' || d.id === principal.participant.documentId);
      return c.json({ documents: docs.map((d) => ({ id: d.id, title: d.title, symbol: d.symbol, updated: d.updatedAt })) });
    })
    .post(
      '/',
      requireAdmin,
      // The validator only declares the body's type for hono/client; createRequest checks it.
      validator('json', (value) => value as CreateBody),
      async (c) => {
        const req = createRequest(c.req.valid('json'));
        if ('template' in req) {
          const template = templates.get(req.template);
          if (!template) throw apiError(400, `Unknown template "${req.template}"; GET /api/templates lists them`);
          const meta = await service.create(structuredClone(template.resolution), template.id, req.masthead);
          return c.json({ id: meta.id }, 201);
        }
        let resolution;
        try {
          resolution = parseResolutionText(req.text);
        } catch (err) {
          if (err instanceof ImportError) throw apiError(422, `The text could not be imported as a resolution: ${err.message}`);
          throw err;
        }
        const meta = await service.create(resolution, null, req.masthead);
        return c.json({ id: meta.id }, 201);
      },
    )
    .get('/:id', requireDocumentAccess, async (c) => {
      const id = c.req.param('id');
      const meta = DOCUMENT_ID.test(id) ? await service.meta(id) : null;
      if (!meta) throw apiError(404, `No document with id "${id}"`);
      const resolution = await service.resolution(id);
      return c.json({ id: meta.id, title: meta.title, symbol: meta.symbol, template: meta.template, created: meta.createdAt, updated: meta.updatedAt, resolution });
    })
    .get('/:id/text', requireDocumentAccess, async (c) => {
      const id = c.req.param('id');
      const resolution = DOCUMENT_ID.test(id) ? await service.resolution(id) : null;
      if (!resolution) throw apiError(404, `No document with id "${id}"`);
      return c.text(resolutionToText(resolution), 200, { 'Content-Type': 'text/plain; charset=utf-8' });
    });
