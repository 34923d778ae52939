/**
 * Turns a text (or a document of the app) plus the metadata the importer
 * cannot know into a corpus document. Pure: no I/O.
 */
import { createHash } from 'node:crypto';
import type { Resolution } from '../../shared/model/types';
import { parseDocumentText } from '../../shared/text/parse';
import { corpusParagraphs, statedMeta, type CorpusDocument, type CorpusKind } from '../language/corpus';

export interface CorpusMetaInput {
  kind: CorpusKind;
  /** ISO date YYYY-MM-DD. */
  date: string;
  symbol?: string;
  body?: string;
  title?: string;
  id?: string;
}

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

const idOf = (text: string) => `c-${createHash('sha256').update(text).digest('hex').slice(0, 12)}`;

/** Throws ImportError (shared/text) when the text cannot be read. */
export function corpusDocumentFromText(text: string, meta: CorpusMetaInput): CorpusDocument {
  const imported = parseDocumentText(text);
  const stated = statedMeta(imported);
  return {
    id: meta.id ?? idOf(text),
    symbol: meta.symbol ?? '',
    body: meta.body ?? stated.body,
    title: meta.title ?? stated.title,
    kind: meta.kind,
    date: meta.date,
    paragraphs: corpusParagraphs(imported, meta.kind),
  };
}

export function corpusDocumentFromResolution(resolution: Resolution, meta: CorpusMetaInput & { id: string }): CorpusDocument {
  const imported = { kind: 'resolution' as const, resolution };
  const stated = statedMeta(imported);
  return {
    id: meta.id,
    symbol: meta.symbol || resolution.masthead.symbol,
    body: meta.body ?? stated.body,
    title: meta.title ?? stated.title,
    kind: meta.kind,
    date: meta.date,
    paragraphs: corpusParagraphs(imported, meta.kind),
  };
}
