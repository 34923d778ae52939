/**
 * Revisions issued by the secretariat, comparisons of versions, and the
 * outputs: Word (UN layout, optionally with changes marked), the print view
 * and the plain text of any version.
 *
 *   GET  /:id/revisions                        the issued revisions
 *   POST /:id/revisions                        secretariat, admin: issue the next one
 *   GET  /:id/compare?from=…&to=…              paragraph and word changes, attributed
 *   GET  /:id/export.docx?version=…&changesSince=…
 *   GET  /:id/print?version=…&changesSince=…
 *   GET  /:id/text?version=…                   (without version: the documents route)
 */
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { validator } from 'hono/validator';
import { requireDocumentAccess, requireRole, type AuthEnv } from '../auth/middleware';
import { apiContext } from '../auth/api-context';
import type { DocumentService } from '../documents/service';
import { resolutionToDocx } from '../export/docx';
import { markedLayout, plainLayout, type Layout } from '../export/layout';
import { layoutToHtml } from '../export/print';
import { RevisionError, type IssueRequest, type RevisionService } from '../revisions/service';
import { isIsoDate } from '../../shared/revisions/symbols';
import { BadVersion, parseVersionRef, type VersionRef } from '../revisions/versions';
import { resolutionToText } from '../../shared/text/serialize';
import { apiError } from './errors';

export interface RevisionRouteDeps {
  documents: DocumentService;
  revisions: RevisionService;
}

export type IssueBody = IssueRequest;

function versionParam(c: Context, name: string, fallback?: string): VersionRef {
  const raw = c.req.query(name) ?? fallback;
  if (raw === undefined) throw apiError(400, `Give "${name}": rev:<n>, seq:<n>, current or the symbol of an issued revision`);
  try {
    return parseVersionRef(raw);
  } catch (err) {
    if (err instanceof BadVersion) throw apiError(400, `"${name}": ${err.message}`);
    throw err;
  }
}

/** Runs a revision-service call, turning its refusals into API errors. */
async function answer<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof RevisionError) {
      if (!err.diagnostics) throw apiError(err.status, err.message);
      // A refusal for validation errors lists them, so the secretariat can see why.
      throw new HTTPException(err.status, { res: Response.json({ error: err.message, diagnostics: err.diagnostics }, { status: err.status }) });
    }
    throw err;
  }
}

function issueRequest(body: unknown): IssueRequest {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw apiError(400, 'The request body must be a JSON object');
  const b = body as Record<string, unknown>;
  const req: IssueRequest = {};
  if (b.symbol !== undefined) {
    if (typeof b.symbol !== 'string' || !b.symbol.trim()) throw apiError(400, '"symbol" must be a non-empty string, e.g. "CTOC/COP/2024/L.5/Rev.1"');
    req.symbol = b.symbol.trim();
  }
  if (b.date !== undefined) {
    if (typeof b.date !== 'string' || !isIsoDate(b.date)) throw apiError(400, `"date" must be a date as YYYY-MM-DD, not ${JSON.stringify(b.date)}`);
    req.date = b.date;
  }
  if (b.sponsors !== undefined) {
    if (!Array.isArray(b.sponsors) || !b.sponsors.every((s) => typeof s === 'string' && s.trim())) throw apiError(400, '"sponsors" must be an array of delegation names');
    req.sponsors = (b.sponsors as string[]).map((s) => s.trim());
  }
  if (b.override !== undefined) {
    const reason = typeof b.override === 'object' && b.override !== null ? (b.override as Record<string, unknown>).reason : undefined;
    if (typeof reason !== 'string' || !reason.trim()) throw apiError(400, '"override" must be {"reason": "<why the text is issued despite the errors>"}');
    req.override = { reason: reason.trim() };
  }
  return req;
}

const fileName = (symbol: string, suffix = '') => `${(symbol || 'draft').replace(/[^A-Za-z0-9.]+/g, '_')}${suffix}`;

export const revisionRoutes = (deps: RevisionRouteDeps) => {
  const existing = async (id: string) => {
    if (!(await deps.documents.meta(id))) throw apiError(404, `No document with id "${id}"`);
    return id;
  };

  /** The layout of `version`, with the changes since `changesSince` marked when given. */
  const layoutFor = async (c: Context, id: string): Promise<{ layout: Layout; caption: string; symbol: string }> => {
    const version = versionParam(c, 'version', 'current');
    const since = c.req.query('changesSince');
    const to = await answer(() => deps.revisions.model(id, version));
    if (since === undefined) return { layout: plainLayout(to.resolution), caption: to.label, symbol: to.resolution.masthead.symbol };
    const from = await answer(() => deps.revisions.model(id, versionParam(c, 'changesSince')));
    if (from.seq > to.seq) throw apiError(400, `"changesSince" (${from.label}) is later than "version" (${to.label})`);
    return { layout: markedLayout(from.resolution, to.resolution), caption: `${to.label}, changes since ${from.label}`, symbol: to.resolution.masthead.symbol };
  };

  return new Hono<AuthEnv>()
    .get('/:id/revisions', requireDocumentAccess, async (c) => {
      const id = await existing(c.req.param('id'));
      return c.json({ revisions: await deps.revisions.list(id) });
    })
    .post(
      '/:id/revisions',
      requireRole('secretariat'),
      validator('json', (value) => value as IssueBody),
      async (c) => {
        const id = await existing(c.req.param('id'));
        const req = issueRequest(c.req.valid('json'));
        const context = apiContext(c, id);
        const revision = await answer(() => deps.revisions.issue(id, context, req));
        return c.json({ revision }, 201);
      },
    )
    .get('/:id/compare', requireDocumentAccess, async (c) => {
      const id = await existing(c.req.param('id'));
      const from = versionParam(c, 'from');
      const to = versionParam(c, 'to', 'current');
      const result = await answer(() => deps.revisions.compare(id, from, to));
      return c.json({ from: { label: result.from.label, seq: result.from.seq, revision: result.from.revision?.number ?? null }, to: { label: result.to.label, seq: result.to.seq, revision: result.to.revision?.number ?? null }, ...result.comparison });
    })
    .get('/:id/export.docx', requireDocumentAccess, async (c) => {
      const id = await existing(c.req.param('id'));
      const { layout, symbol } = await layoutFor(c, id);
      const docx = await resolutionToDocx(layout);
      const name = fileName(symbol, c.req.query('changesSince') ? '_marked.docx' : '.docx');
      return c.body(new Uint8Array(docx), 200, {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'Content-Disposition': `attachment; filename="${name}"`,
      });
    })
    .get('/:id/print', requireDocumentAccess, async (c) => {
      const id = await existing(c.req.param('id'));
      const { layout, caption } = await layoutFor(c, id);
      return c.html(layoutToHtml(layout, caption));
    })
    .get('/:id/text', requireDocumentAccess, async (c, next) => {
      // Without a version, the current text is the documents route's.
      if (c.req.query('version') === undefined) return next();
      const id = await existing(c.req.param('id'));
      const model = await answer(() => deps.revisions.model(id, versionParam(c, 'version')));
      return c.text(resolutionToText(model.resolution), 200, { 'Content-Type': 'text/plain; charset=utf-8' });
    });
};

