/**
 * npm run lint -- <file>...  Validates resolution texts (the plain-text form)
 * and prints `file:line:col severity rule message`, the form editors read.
 * Exits 1 when there are errors, 2 when a file cannot be read.
 */
import { readFileSync } from 'node:fs';
import { plainText } from '../shared/model/text';
import type { Resolution } from '../shared/model/types';
import { ImportError, parseResolutionText } from '../shared/text/parse';
import { validateResolution } from '../shared/validation/validate';
import { flattenParagraphs } from '../shared/validation/paragraphs';
import { buildCitationCorpus } from '../server/validation/corpus';

/** Line and column of a diagnostic: the paragraph's line in the file, and the offset within the line where it can be found. */
function position(source: string, res: Resolution, paragraphId: string, offset: number): { line: number; col: number } {
  const p = flattenParagraphs(res).find((x) => x.id === paragraphId);
  const line = p?.imported?.line ?? 1;
  const lineText = source.split('\n')[line - 1] ?? '';
  // The line holds the text with markup; find the paragraph's words there for a useful column.
  const words = p ? plainText(p.content).slice(offset, offset + 12) : '';
  const at = words ? lineText.indexOf(words) : -1;
  return { line, col: at >= 0 ? at + 1 : 1 };
}

export function lintText(file: string, source: string, corpus = buildCitationCorpus()): { lines: string[]; errors: number } {
  const res = parseResolutionText(source);
  const diagnostics = validateResolution(res, { corpus });
  const lines = diagnostics.map((d) => {
    const { line, col } = position(source, res, d.paragraphId, d.range?.start ?? 0);
    return `${file}:${line}:${col} ${d.severity} ${d.rule} ${d.label}: ${d.message}`;
  });
  return { lines, errors: diagnostics.filter((d) => d.severity === 'error').length };
}

function main(files: string[]): number {
  if (!files.length) {
    console.error('usage: npm run lint -- <resolution.txt>...');
    return 2;
  }
  const corpus = buildCitationCorpus();
  let errors = 0;
  let unreadable = 0;
  for (const file of files) {
    let source: string;
    try {
      source = readFileSync(file, 'utf8');
    } catch (err) {
      console.error(`${file}: cannot read: ${(err as Error).message}`);
      unreadable++;
      continue;
    }
    try {
      const result = lintText(file, source, corpus);
      for (const line of result.lines) console.log(line);
      errors += result.errors;
    } catch (err) {
      if (!(err instanceof ImportError)) throw err;
      console.error(`${file}:1:1 error IMPORT ${err.message}`);
      unreadable++;
    }
  }
  return unreadable ? 2 : errors ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main(process.argv.slice(2));
