/**
 * Word alignment of a query against a prior paragraph: the heaviest common
 * subsequence of words (a weighted LCS), where rare words weigh more than
 * "the" and "of", and a word one typo away counts a little less than the
 * word itself. The alignment drives the score, the diff and the provenance spans.
 */

export interface QueryWord {
  /** The word's number in the vocabulary, or -1 if the corpus never uses it. */
  exact: number;
  /** Vocabulary words that also match it (a typo's corrections, a half-typed word's completions). */
  near: readonly number[];
  weight: number;
}

export interface Alignment {
  /** Matched pairs [query index, candidate index], in order. */
  pairs: Array<[number, number]>;
  weight: number;
}

/** How much a near match (typo, completion) counts, relative to the exact word. */
export const NEAR_MATCH = 0.85;

// Reused across calls: alignment runs hundreds of times per query.
let table = new Float64Array(1024);

export function align(query: readonly QueryWord[], candidate: ArrayLike<number>, weightOf: (term: number) => number): Alignment {
  const m = query.length;
  const n = candidate.length;
  const width = n + 1;
  if (table.length < (m + 1) * width) table = new Float64Array(Math.max((m + 1) * width, table.length * 2));
  const t = table;
  for (let j = 0; j <= n; j++) t[j] = 0;
  for (let i = 1; i <= m; i++) {
    const q = query[i - 1];
    const row = i * width;
    const prev = row - width;
    t[row] = 0;
    for (let j = 1; j <= n; j++) {
      const c = candidate[j - 1];
      let best = t[prev + j] > t[row + j - 1] ? t[prev + j] : t[row + j - 1];
      const gain = c === q.exact ? weightOf(c) : q.near.length && q.near.includes(c) ? weightOf(c) * NEAR_MATCH : 0;
      if (gain > 0 && t[prev + j - 1] + gain > best) best = t[prev + j - 1] + gain;
      t[row + j] = best;
    }
  }
  // Walk back to recover the pairs.
  const pairs: Array<[number, number]> = [];
  let i = m;
  let j = n;
  while (i > 0 && j > 0) {
    const here = t[i * width + j];
    if (here === t[(i - 1) * width + j]) i--;
    else if (here === t[i * width + j - 1]) j--;
    else {
      pairs.push([i - 1, j - 1]);
      i--;
      j--;
    }
  }
  pairs.reverse();
  return { pairs, weight: t[m * width + n] };
}
