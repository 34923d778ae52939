import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The seed texts ship with the server as its default corpus (server/corpus/seeds). */
export const SEEDS_DIR = fileURLToPath(new URL('../../server/corpus/seeds/', import.meta.url));

/** Reads a seed by its number prefix: readSeed('001') → the 2024 Mexico draft. */
export function readSeed(prefix: string): string {
  const file = readdirSync(SEEDS_DIR).find((f) => f.startsWith(prefix + '_'));
  if (!file) throw new Error(`no seed file starting with ${prefix}_ in ${SEEDS_DIR}`);
  return readFileSync(path.join(SEEDS_DIR, file), 'utf8');
}
