/**
 * npm run eval:suggest — quality of agreed-language suggestions on the seeds.
 * Prints hit@1 and hit@5 for opening-word and whole-paragraph queries, with
 * and without typos, and whether the aims are met (server/language/eval.test.ts
 * guards these figures against regressions).
 */
import { seedCorpusDocuments } from '../server/corpus/seeds';
import { evaluate, OPENING_WORDS, rate } from './eval/suggest-eval';

const AIMS = { whole: 0.9, opening: 0.8 };

const started = performance.now();
const result = evaluate(seedCorpusDocuments());
const ms = performance.now() - started;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

console.log(`agreed-language evaluation: ${result.pairs} reuse pairs (${result.fromExamples} from bench/eval/reuse-examples.json, ${result.pairs - result.fromExamples} found by shared 5-grams), before = the later document's date`);
console.log('');
console.log('query                          queries  hit@1   hit@5   aim (hit@5)');
const row = (name: string, r: typeof result.opening, aim?: number) =>
  console.log(`${name.padEnd(30)} ${String(r.queries).padStart(7)}  ${pct(rate(r, 'hit1')).padStart(6)}  ${pct(rate(r, 'hit5')).padStart(6)}  ${aim ? `≥ ${pct(aim)} ${rate(r, 'hit5') >= aim ? 'met' : 'MISSED'}` : ''}`);
row(`opening (${OPENING_WORDS} words)`, result.opening, AIMS.opening);
row('whole paragraph', result.whole, AIMS.whole);
row(`opening + typos (1 per 20 ch)`, result.openingTypos);
row('whole + typos (1 per 20 ch)', result.wholeTypos);
console.log('');
if (result.misses.length) {
  console.log(`misses (not in the top 5): ${result.misses.length}`);
  for (const m of result.misses) console.log(`  ${m.kind.padEnd(13)} ${m.query.padEnd(18)} expected ${m.expected}; got ${m.got.join(', ') || 'nothing'}`);
}
console.log(`(${ms.toFixed(0)} ms)`);
