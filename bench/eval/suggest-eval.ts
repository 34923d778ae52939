/**
 * Runs the reuse pairs against the index: for each later paragraph, query
 * with (a) its opening words and (b) the whole paragraph, with `before` set
 * to the later document's date, and count how often a true source is in
 * the top 1 and the top 5. Each query also runs with typos (one wrong
 * letter per 20 characters).
 */
import type { CorpusDocument } from '../../server/language/corpus';
import { LanguageIndex } from '../../server/language/index';
import { reusePairs, type ReusePair } from './reuse-pairs';

export const OPENING_WORDS = 12;

export interface HitRates {
  queries: number;
  hit1: number;
  hit5: number;
}

export interface EvalResult {
  pairs: number;
  fromExamples: number;
  opening: HitRates;
  whole: HitRates;
  openingTypos: HitRates;
  wholeTypos: HitRates;
  misses: Array<{ kind: string; query: string; expected: string; got: string[] }>;
}

/** A deterministic pseudo-random generator, so that the typos are the same each run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** One letter replaced by another per 20 characters. */
export function withTypos(text: string, rand: () => number): string {
  const chars = [...text];
  const letters = chars.map((c, i) => (/\p{L}/u.test(c) ? i : -1)).filter((i) => i >= 0);
  const count = Math.max(1, Math.floor(text.length / 20));
  for (let k = 0; k < count && letters.length; k++) {
    const at = letters[Math.floor(rand() * letters.length)];
    const was = chars[at].toLowerCase();
    let to = was;
    while (to === was) to = String.fromCharCode(97 + Math.floor(rand() * 26));
    chars[at] = to;
  }
  return chars.join('');
}

export const openingOf = (text: string, n = OPENING_WORDS) => text.split(/\s+/).slice(0, n).join(' ');

export function evaluate(corpus: CorpusDocument[], index = LanguageIndex.build(corpus)): EvalResult {
  const pairs = reusePairs(corpus);
  const rand = random(20261123);
  const rates = () => ({ queries: 0, hit1: 0, hit5: 0 });
  const result: EvalResult = { pairs: pairs.length, fromExamples: pairs.filter((p) => p.origin === 'examples').length, opening: rates(), whole: rates(), openingTypos: rates(), wholeTypos: rates(), misses: [] };
  const run = (kind: keyof Pick<EvalResult, 'opening' | 'whole' | 'openingTypos' | 'wholeTypos'>, pair: ReusePair, query: string) => {
    const top = index.search(query, { limit: 5, before: pair.query.date, partialLastWord: kind.startsWith('opening') });
    const got = top.map((m) => {
      const p = index.paragraph(m.paragraph);
      return `${p.document.id} ${p.label}`;
    });
    const ok = (g: string) => pair.sources.some((s) => `${s.document} ${s.label}` === g);
    const r = result[kind];
    r.queries++;
    if (got.slice(0, 1).some(ok)) r.hit1++;
    if (got.some(ok)) r.hit5++;
    else result.misses.push({ kind, query: `${pair.query.document} ${pair.query.label}`, expected: pair.sources.map((s) => `${s.document} ${s.label}`).join(' | '), got });
  };
  for (const pair of pairs) {
    const opening = openingOf(pair.query.text);
    run('opening', pair, opening);
    run('whole', pair, pair.query.text);
    run('openingTypos', pair, withTypos(opening, rand));
    run('wholeTypos', pair, withTypos(pair.query.text, rand));
  }
  return result;
}

export const rate = (r: HitRates, k: 'hit1' | 'hit5') => (r.queries ? r[k] / r.queries : 0);
