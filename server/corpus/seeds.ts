/** Loads the seed documents of the default corpus with their metadata (corpus/seeds.json). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ImportedDocument } from '../../shared/model/types';
import { corpusParagraphs, statedMeta, type CorpusDocument, type CorpusKind } from '../language/corpus';
import { parseDocumentText } from '../../shared/text/parse';

export interface SeedMeta {
  file: string;
  kind: 'resolution' | 'chair-summary' | 'recommendations';
  status: 'adopted' | 'draft' | 'working-group';
  /** "resolution 10/2" for adopted acts. */
  act?: string;
  date: string;
  description: string;
  /** How the agreed-language corpus files it (see server/language/corpus.ts). */
  corpusKind: CorpusKind;
  symbol: string;
  body: string;
  title?: string;
}

export interface Seed {
  meta: SeedMeta;
  document: ImportedDocument;
}

const dir = fileURLToPath(new URL('./seeds/', import.meta.url));

let cached: Seed[] | null = null;

export function loadSeeds(): Seed[] {
  if (cached) return cached;
  const { documents } = JSON.parse(readFileSync(`${dir}../seeds.json`, 'utf8')) as { documents: SeedMeta[] };
  cached = documents.map((meta) => ({ meta, document: parseDocumentText(readFileSync(dir + meta.file, 'utf8')) }));
  return cached;
}

/** The seeds as corpus documents: the default corpus of agreed language. */
export function seedCorpusDocuments(): CorpusDocument[] {
  return loadSeeds().map(({ meta, document }) => ({
    id: `seed-${meta.file.slice(0, 3)}`,
    symbol: meta.symbol,
    body: meta.body,
    title: meta.title ?? statedMeta(document).title,
    kind: meta.corpusKind,
    date: meta.date,
    paragraphs: corpusParagraphs(document, meta.corpusKind),
  }));
}

/** The text of a seed file, for storing it with the corpus. */
export const seedText = (file: string) => readFileSync(dir + file, 'utf8');
