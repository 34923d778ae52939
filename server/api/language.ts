/**
 * Agreed language over HTTP: suggestions as you type, similar paragraphs,
 * citation completion and the provenance map. These read only the public
 * corpus of prior documents (and, for a document's provenance, that document).
 */
import { Hono } from 'hono';
import { validator } from 'hono/validator';
import type { Resolution } from '../../shared/model/types';
import { ImportError, parseResolutionText } from '../../shared/text/parse';
import { flattenParagraphs } from '../../shared/validation/paragraphs';
import { DOCUMENT_ID } from '../collab/upgrade';
import { isIsoDate } from '../corpus/import';
import type { CorpusService } from '../corpus/service';
import type { DocumentService } from '../documents/service';
import { completeCitation } from '../language/acts';
import { documentProvenance, type DraftParagraph } from '../language/provenance';
import { suggest } from '../language/suggest';
import { principalOf, roleIn } from '../auth/middleware';
import { apiError } from './errors';

export const MAX_QUERY_CHARS = 10_000;
const MAX_LIMIT = 20;

function dateParam(value: string | undefined, name = 'before'): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!isIsoDate(value)) throw apiError(400, `"${name}" must be a date written YYYY-MM-DD, e.g. 2020-10-16`);
  return value;
}

function queryParam(value: string | undefined): string {
  if (value === undefined) throw apiError(400, 'Give the text to match as "q", e.g. /api/suggest?q=Invites Member States');
  if (!/[\p{L}\p{N}]/u.test(value)) throw apiError(400, '"q" has no words to match');
  if (value.length > MAX_QUERY_CHARS) throw apiError(400, `"q" is longer than ${MAX_QUERY_CHARS} characters`);
  return value;
}

function limitParam(value: string | undefined, fallback = 5): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > MAX_LIMIT) throw apiError(400, `"limit" must be a whole number from 1 to ${MAX_LIMIT}`);
  return n;
}

export type ProvenanceBody = { text: string; before?: string } | { documentId: string; before?: string };

/** Paragraphs of a plain text: a resolution if it reads as one, else one paragraph per block. */
function draftParagraphsOfText(text: string): { paragraphs: DraftParagraph[]; body?: string } {
  try {
    const resolution = parseResolutionText(text);
    return { paragraphs: draftParagraphs(resolution), body: resolution.masthead.body || undefined };
  } catch (err) {
    if (!(err instanceof ImportError)) throw err;
    const blocks = text.split(/\n\s*\n|\n(?=\s*\d+\.\s)/).map((b) => b.replace(/\s+/g, ' ').trim()).filter(Boolean);
    return { paragraphs: blocks.map((b, i) => ({ label: `P${i + 1}`, text: b })) };
  }
}

const draftParagraphs = (resolution: Resolution): DraftParagraph[] => flattenParagraphs(resolution).map((p) => ({ id: p.id, label: p.label, text: p.text }));

export const languageRoutes = (corpus: CorpusService, documents: DocumentService) =>
  new Hono()
    .get('/suggest', async (c) => {
      const q = queryParam(c.req.query('q'));
      const limit = limitParam(c.req.query('limit'));
      const before = dateParam(c.req.query('before'));
      const { index } = await corpus.current();
      const suggestions = suggest(index, q, { limit, before, body: c.req.query('body') || undefined });
      return c.json({ suggestions });
    })
    .get('/citations', async (c) => {
      const q = c.req.query('q');
      if (!q) throw apiError(400, 'Give the typed text as "q", e.g. /api/citations?q=its resolution 7/');
      if (q.length > MAX_QUERY_CHARS) throw apiError(400, `"q" is longer than ${MAX_QUERY_CHARS} characters`);
      const { acts } = await corpus.current();
      const completions = completeCitation(acts, q, { body: c.req.query('body') || undefined, limit: limitParam(c.req.query('limit'), 8) });
      return c.json({ completions: completions.map(({ act, ...rest }) => ({ ...rest, act: { number: act.number, kind: act.kind, body: act.body, date: act.date ?? null, title: act.title ?? null, source: act.source } })) });
    })
    .post(
      '/provenance',
      validator('json', (value) => value as ProvenanceBody),
      async (c) => {
        const body: unknown = c.req.valid('json');
        if (typeof body !== 'object' || body === null || Array.isArray(body)) throw apiError(400, 'The request body must be a JSON object: {"text": "…"} or {"documentId": "…"}, with an optional "before"');
        const req = body as Record<string, unknown>;
        if ((req.text === undefined) === (req.documentId === undefined)) throw apiError(400, 'Give exactly one of "text" or "documentId"');
        if (req.before !== undefined && typeof req.before !== 'string') throw apiError(400, '"before" must be a date written YYYY-MM-DD');
        const before = dateParam(req.before as string | undefined);
        let draft: { paragraphs: DraftParagraph[]; body?: string };
        if (req.text !== undefined) {
          if (typeof req.text !== 'string' || !req.text.trim()) throw apiError(400, '"text" must be a non-empty string');
          draft = draftParagraphsOfText(req.text);
        } else {
          const id = req.documentId;
          if (typeof id !== 'string' || !DOCUMENT_ID.test(id)) throw apiError(404, `No document with id "${String(id)}"`);
          // The corpus is public; a document is not: only its participants see its provenance.
          if (roleIn(principalOf(c), id) === null) throw apiError(403, `You are not a participant of document "${id}"`);
          const resolution = await documents.resolution(id);
          if (!resolution) throw apiError(404, `No document with id "${id}"`);
          draft = { paragraphs: draftParagraphs(resolution), body: resolution.masthead.body || undefined };
        }
        const { index } = await corpus.current();
        return c.json(documentProvenance(index, draft.paragraphs, { before, body: draft.body }));
      },
    );
