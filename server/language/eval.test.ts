/**
 * Guards the quality of suggestions on the seeds (npm run eval:suggest
 * prints the same figures). Thresholds are the aims where met, and
 * the level reached otherwise (openings: 5 of 23 pairs reuse only a later
 * clause, which no opening query can find).
 */
import { describe, expect, it } from 'vitest';
import { evaluate, rate } from '../../bench/eval/suggest-eval';
import { seedCorpusDocuments } from '../corpus/seeds';

describe('agreed-language evaluation on the seeds', () => {
  const result = evaluate(seedCorpusDocuments());

  it('uses the hand-checked examples and finds more pairs itself', () => {
    expect(result.fromExamples).toBe(12);
    expect(result.pairs).toBeGreaterThanOrEqual(20);
  });

  it('finds the source of whole paragraphs: hit@5 ≥ 0.9, also with typos', () => {
    expect(rate(result.whole, 'hit5')).toBeGreaterThanOrEqual(0.9);
    expect(rate(result.wholeTypos, 'hit5')).toBeGreaterThanOrEqual(0.9);
  });

  it('finds the source from the opening words: hit@5 ≥ 0.75, typos lose at most 0.1', () => {
    expect(rate(result.opening, 'hit5')).toBeGreaterThanOrEqual(0.75);
    expect(rate(result.opening, 'hit5') - rate(result.openingTypos, 'hit5')).toBeLessThanOrEqual(0.1);
  });
});
