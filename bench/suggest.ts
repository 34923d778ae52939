/**
 * npm run bench:suggest — speed of agreed-language suggestions at 100,000
 * paragraphs, against MiniSearch (a plain full-text search library) on the
 * same corpus and queries, in the same process.
 *
 * Prints index build time, heap memory, median and p95 latency of
 * as-you-type and whole-paragraph queries, how often each engine returns
 * the paragraph the query came from (hit@5), and the provenance map of a
 * 30-paragraph draft.
 */
import MiniSearch from 'minisearch';
import { seedCorpusDocuments } from '../server/corpus/seeds';
import { LanguageIndex } from '../server/language/index';
import { documentProvenance } from '../server/language/provenance';
import { suggest } from '../server/language/suggest';
import { prng, syntheticCorpus } from './synthetic-corpus';

const PARAGRAPHS = Number(process.env.BENCH_PARAGRAPHS ?? 100_000);
const QUERIES = 300;
const TARGETS = { typing: 10, whole: 30, provenance: 200 };

const gc = (globalThis as { gc?: () => void }).gc;
/** JS heap plus array buffers (the index keeps its postings in typed arrays, outside the heap). */
const heapMb = () => {
  gc?.();
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 2 ** 20;
};
const stats = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], p95: s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] };
};
const time = <T>(f: () => T): [T, number] => {
  const t = performance.now();
  const r = f();
  return [r, performance.now() - t];
};

const seeds = seedCorpusDocuments();
const corpus = syntheticCorpus(seeds, PARAGRAPHS);
const flat = corpus.flatMap((d) => d.paragraphs.map((p) => ({ doc: d, ...p })));
console.log(`bench:suggest — ${flat.length.toLocaleString('en')} synthetic paragraphs in ${corpus.length} documents (seed paragraphs recombined and perturbed), Node ${process.version}${gc ? '' : ' (run with --expose-gc for exact memory)'}`);

// Queries: the opening words of a paragraph (the last one half-typed), and whole paragraphs with a typo or two.
const rand = prng(7);
const sample = Array.from({ length: QUERIES }, () => Math.floor(rand() * flat.length));
const typing = sample.map((i) => {
  const words = flat[i].text.split(' ');
  const n = Math.min(words.length, 6 + Math.floor(rand() * 7));
  const q = words.slice(0, n);
  const last = q[n - 1];
  if (last.length > 4) q[n - 1] = last.slice(0, 2 + Math.floor(rand() * (last.length - 2)));
  return { source: i, q: q.join(' ') };
});
const whole = sample.map((i) => {
  const chars = [...flat[i].text];
  for (let k = 0; k < chars.length / 60; k++) {
    const at = Math.floor(rand() * chars.length);
    if (/[a-z]/.test(chars[at])) chars[at] = String.fromCharCode(97 + Math.floor(rand() * 26));
  }
  return { source: i, q: chars.join('') };
});

// Penholder's index.
let before = heapMb();
const [index, buildMs] = time(() => LanguageIndex.build(corpus));
const ownMb = heapMb() - before;

// MiniSearch on the same paragraphs.
before = heapMb();
const [mini, miniBuildMs] = time(() => {
  const m = new MiniSearch<{ id: number; text: string }>({ fields: ['text'], storeFields: [] });
  m.addAll(flat.map((p, id) => ({ id, text: p.text })));
  return m;
});
const miniMb = heapMb() - before;

const sameText = (i: number, text: string) => flat[i].text === text;

function run(name: string, queries: Array<{ source: number; q: string }>, ours: (q: string) => string[], theirs: (q: string) => number[]) {
  // Warm up both (JIT), then measure.
  for (const { q } of queries.slice(0, 20)) {
    ours(q);
    theirs(q);
  }
  const oursMs: number[] = [];
  const theirsMs: number[] = [];
  let oursHits = 0;
  let theirsHits = 0;
  for (const { source, q } of queries) {
    const [a, ta] = time(() => ours(q));
    const [b, tb] = time(() => theirs(q));
    oursMs.push(ta);
    theirsMs.push(tb);
    if (a.some((text) => sameText(source, text))) oursHits++;
    if (b.some((i) => sameText(source, flat[i].text))) theirsHits++;
  }
  return { name, ours: { ...stats(oursMs), hit5: oursHits / queries.length }, theirs: { ...stats(theirsMs), hit5: theirsHits / queries.length } };
}

const typingResult = run(
  'as-you-type',
  typing,
  (q) => suggest(index, q, { limit: 5 }).map((s) => s.text),
  (q) => mini.search(q, { prefix: (term, i, terms) => i === terms.length - 1, fuzzy: 0.2, combineWith: 'OR' }).slice(0, 5).map((r) => r.id as number),
);
const wholeResult = run(
  'whole paragraph',
  whole,
  (q) => suggest(index, q, { limit: 5 }).map((s) => s.text),
  (q) => mini.search(q, { fuzzy: 0.2, combineWith: 'OR' }).slice(0, 5).map((r) => r.id as number),
);

// Provenance map of a 30-paragraph draft: the 2024 Mexico draft's first 30 paragraphs.
const draft = seeds.find((d) => d.kind === 'draft')!.paragraphs.slice(0, 30).map((p) => ({ label: p.label, text: p.text }));
const provenanceMs: number[] = [];
for (let k = 0; k < 12; k++) provenanceMs.push(time(() => documentProvenance(index, draft))[1]);
const provenance = stats(provenanceMs.slice(2));

const f = (x: number) => x.toFixed(2).padStart(8);
const pct = (x: number) => `${(x * 100).toFixed(0)}%`.padStart(5);
console.log('');
console.log(`index build          Penholder ${(buildMs / 1000).toFixed(2)} s, memory ${ownMb.toFixed(0)} MB   |   MiniSearch ${(miniBuildMs / 1000).toFixed(2)} s, memory ${miniMb.toFixed(0)} MB`);
console.log('');
console.log('queries (ms)            Penholder: median      p95  hit@5  |  MiniSearch: median      p95  hit@5  | target p95');
for (const [r, target] of [[typingResult, TARGETS.typing], [wholeResult, TARGETS.whole]] as const) {
  const met = r.ours.p95 < target ? 'met' : 'MISSED';
  console.log(`${r.name.padEnd(22)}   ${f(r.ours.median)} ${f(r.ours.p95)}  ${pct(r.ours.hit5)}  |          ${f(r.theirs.median)} ${f(r.theirs.p95)}  ${pct(r.theirs.hit5)}  | < ${target} ms ${met}`);
}
console.log('');
console.log(`provenance map, ${draft.length} paragraphs: median ${provenance.median.toFixed(1)} ms, p95 ${provenance.p95.toFixed(1)} ms (target < ${TARGETS.provenance} ms ${provenance.p95 < TARGETS.provenance ? 'met' : 'MISSED'})`);
console.log(`(${QUERIES} queries of each kind; hit@5 = the paragraph the query was made from, or one with the same text, is in the top 5)`);
