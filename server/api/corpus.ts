/**
 * The corpus of prior documents: list it, and add a document to it — a
 * plain text with its metadata, or a document of the app once adopted.
 */
import { Hono, type Context } from 'hono';
import { validator } from 'hono/validator';
import { ImportError } from '../../shared/text/parse';
import { DOCUMENT_ID } from '../collab/upgrade';
import { corpusDocumentFromResolution, corpusDocumentFromText, isIsoDate, type CorpusMetaInput } from '../corpus/import';
import type { CorpusService } from '../corpus/service';
import type { DocumentService } from '../documents/service';
import { CORPUS_KINDS, isCorpusKind } from '../language/corpus';
import { principalOf } from '../auth/middleware';
import { apiError } from './errors';

export type AddToCorpusBody = ({ text: string } | { documentId: string }) & { kind: string; date: string; symbol?: string; body?: string; title?: string };

function metaOf(req: Record<string, unknown>): CorpusMetaInput {
  if (!isCorpusKind(req.kind)) throw apiError(400, `"kind" must be one of ${CORPUS_KINDS.join(', ')}`);
  if (!isIsoDate(req.date)) throw apiError(400, '"date" (the date it was adopted or issued) must be written YYYY-MM-DD');
  for (const key of ['symbol', 'body', 'title'] as const) {
    if (req[key] !== undefined && (typeof req[key] !== 'string' || (req[key] as string).length > 500)) throw apiError(400, `"${key}" must be a string of at most 500 characters`);
  }
  return { kind: req.kind, date: req.date, symbol: req.symbol as string | undefined, body: req.body as string | undefined, title: req.title as string | undefined };
}

/**
 * Who may change the corpus: the administrator, or the secretariat (of the
 * document being added, when it is one of ours). Returns who to record.
 */
function curator(c: Context, documentId?: string): string {
  const principal = principalOf(c);
  if (principal.kind === 'admin') return 'administrator';
  const { participant } = principal;
  if (participant.role !== 'secretariat' || (documentId && participant.documentId !== documentId)) {
    throw apiError(403, documentId ? 'Only the secretariat of this document can add it to the corpus' : 'Only the secretariat can change the corpus');
  }
  return `${participant.delegation}${participant.name ? ` (${participant.name})` : ''}`;
}

export const corpusRoutes = (corpus: CorpusService, documents: DocumentService) =>
  new Hono()
    .get('/', async (c) => {
      const entries = await corpus.list();
      return c.json({
        documents: entries.map(({ paragraphs, ...meta }) => ({ ...meta, paragraphs: paragraphs.length })),
      });
    })
    .post(
      '/',
      validator('json', (value) => value as AddToCorpusBody),
      async (c) => {
        const body: unknown = c.req.valid('json');
        if (typeof body !== 'object' || body === null || Array.isArray(body)) throw apiError(400, 'The request body must be a JSON object');
        const req = body as Record<string, unknown>;
        if ((req.text === undefined) === (req.documentId === undefined)) throw apiError(400, 'Give exactly one of "text" (a document in plain text) or "documentId" (a document of Penholder)');
        const addedBy = curator(c, typeof req.documentId === 'string' ? req.documentId : undefined);
        const meta = metaOf(req);
        let doc;
        if (req.text !== undefined) {
          if (typeof req.text !== 'string' || !req.text.trim()) throw apiError(400, '"text" must be a non-empty string');
          try {
            doc = corpusDocumentFromText(req.text, meta);
          } catch (err) {
            if (err instanceof ImportError) throw apiError(422, `The text could not be read: ${err.message}`);
            throw err;
          }
        } else {
          const id = req.documentId;
          if (typeof id !== 'string' || !DOCUMENT_ID.test(id)) throw apiError(404, `No document with id "${String(id)}"`);
          const resolution = await documents.resolution(id);
          if (!resolution) throw apiError(404, `No document with id "${id}"`);
          doc = corpusDocumentFromResolution(resolution, { ...meta, id: `doc-${id}` });
        }
        if (!doc.paragraphs.length) throw apiError(422, 'The document has no paragraphs to add');
        const entry = await corpus.add(doc, addedBy);
        const { paragraphs, ...rest } = entry;
        return c.json({ ...rest, paragraphs: paragraphs.length }, 201);
      },
    )
    .delete('/:id', async (c) => {
      curator(c);
      const removed = await corpus.remove(c.req.param('id'));
      if (!removed) throw apiError(404, `No corpus document with id "${c.req.param('id')}"`);
      return c.json({ removed: c.req.param('id') });
    });
