/** Loads the seed documents of the default corpus with their metadata (corpus/seeds.json). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ImportedDocument } from '../../shared/model/types';
import { parseDocumentText } from '../../shared/text/parse';

export interface SeedMeta {
  file: string;
  kind: 'resolution' | 'chair-summary' | 'recommendations';
  status: 'adopted' | 'draft' | 'working-group';
  /** "resolution 10/2" for adopted acts. */
  act?: string;
  date: string;
  description: string;
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
