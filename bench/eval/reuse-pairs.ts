/**
 * The evaluation set for agreed-language suggestions: pairs (later paragraph
 * → the prior paragraph it reuses) among the seeds. Two sources:
 *  - the hand-checked examples (reuse-examples.json, from ../shared/eval/);
 *  - the rest found here by a method independent of the index under test:
 *    shared word 5-grams ("shingles"). A later paragraph whose 5-grams are at
 *    least half found in one earlier paragraph reuses it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CorpusDocument } from '../../server/language/corpus';
import { words } from '../../server/language/tokens';

export interface ReusePair {
  query: { document: string; label: string; text: string; date: string };
  /** Accepted answers: the source paragraph, and any earlier paragraph with the same words. */
  sources: Array<{ document: string; label: string }>;
  origin: 'examples' | 'shingles';
}

const SHINGLE = 5;
const MIN_COVERAGE = 0.5;
/** A copy of ../shared/eval/reuse-examples.json, kept in the repository so that the evaluation runs anywhere. */
const EXAMPLES = fileURLToPath(new URL('./reuse-examples.json', import.meta.url));

const shingles = (text: string): Set<string> => {
  const w = words(text);
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE <= w.length; i++) out.add(w.slice(i, i + SHINGLE).join(' '));
  return out;
};

/** "MEX_rev_draft_2024 (001_014e89af0195ae54.txt)" → "seed-001"; "OP 23" → "OP23". */
const seedId = (name: string) => `seed-${/\((\d{3})_/.exec(name)?.[1] ?? '???'}`;
const label = (l: string) => l.replace(/^(PP|OP|DP) (\d+)$/, '$1$2').replace(/^para(\d)/, 'para $1');

interface Example {
  query_doc: string;
  query_para: string;
  source_doc: string;
  source_para: string;
}

export function reusePairs(corpus: CorpusDocument[]): ReusePair[] {
  const byId = new Map(corpus.map((d) => [d.id, d]));
  const find = (doc: string, l: string) => byId.get(doc)?.paragraphs.find((p) => p.label === l);
  const sameWords = (text: string) => {
    const key = words(text).join(' ');
    return corpus.flatMap((d) => d.paragraphs.filter((p) => words(p.text).join(' ') === key).map((p) => ({ document: d.id, label: p.label })));
  };
  const pairs: ReusePair[] = [];
  const taken = new Set<string>();
  const examples: Example[] = JSON.parse(readFileSync(EXAMPLES, 'utf8'));
  for (const e of examples) {
    const q = find(seedId(e.query_doc), label(e.query_para));
    const s = find(seedId(e.source_doc), label(e.source_para));
    if (!q || !s) throw new Error(`reuse example not found in the seeds: ${e.query_doc} ${e.query_para} → ${e.source_doc} ${e.source_para}`);
    const doc = byId.get(seedId(e.query_doc))!;
    pairs.push({ query: { document: doc.id, label: q.label, text: q.text, date: doc.date }, sources: [{ document: seedId(e.source_doc), label: s.label }, ...sameWords(s.text)], origin: 'examples' });
    taken.add(`${doc.id} ${q.label}`);
  }
  for (const later of corpus) {
    const earlier = corpus.filter((d) => d.date < later.date);
    for (const p of later.paragraphs) {
      if (taken.has(`${later.id} ${p.label}`)) continue;
      const mine = shingles(p.text);
      if (mine.size < 3) continue;
      const scored = earlier.flatMap((d) =>
        d.paragraphs.map((s) => {
          let shared = 0;
          for (const sh of shingles(s.text)) if (mine.has(sh)) shared++;
          return { document: d.id, label: s.label, coverage: shared / mine.size };
        }),
      );
      const best = Math.max(0, ...scored.map((s) => s.coverage));
      if (best < MIN_COVERAGE) continue;
      const sources = scored.filter((s) => s.coverage >= best - 0.05).map(({ document, label }) => ({ document, label }));
      pairs.push({ query: { document: later.id, label: p.label, text: p.text, date: later.date }, sources, origin: 'shingles' });
    }
  }
  return pairs;
}
