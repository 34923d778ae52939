/**
 * npm run bench:validate — full validation of a 300-paragraph resolution built
 * from the seeds, and incremental re-validation after a one-character edit.
 * Prints median and p95 and compares with the targets (full < 20 ms,
 * incremental < 2 ms) and with a full run as the in-run reference.
 */
import { bigResolution } from './big-resolution';
import { createValidator } from '../shared/validation/validate';
import { buildCitationCorpus } from '../server/validation/corpus';

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], p95: s[Math.floor(s.length * 0.95)] };
};
const ms = (x: number) => `${x.toFixed(3)} ms`;

const corpus = buildCitationCorpus();
const res = bigResolution();
const paragraphs = res.preamble.length + res.operative.reduce((n, p) => n + 1 + p.subparagraphs.length, 0);
console.log(`resolution: ${res.preamble.length} preambular + ${res.operative.length} operative paragraphs (${paragraphs} with subparagraphs)`);

// Warm up the JIT.
for (let i = 0; i < 20; i++) createValidator({ corpus }).validate(res);

const full: number[] = [];
for (let i = 0; i < 100; i++) {
  const v = createValidator({ corpus });
  const t = performance.now();
  v.validate(res);
  full.push(performance.now() - t);
}

const incremental: number[] = [];
const validator = createValidator({ corpus });
validator.validate(res);
const target = res.operative[40];
for (let i = 0; i < 200; i++) {
  const run = target.content.find((c) => c.type === 'text');
  if (run?.type === 'text') run.text = i % 2 ? run.text.slice(0, -1) : run.text + 'x';
  const t = performance.now();
  validator.validate(res);
  incremental.push(performance.now() - t);
  if (validator.lastChecked !== 1) throw new Error(`incremental run re-checked ${validator.lastChecked} paragraphs`);
}

const f = stats(full);
const inc = stats(incremental);
console.log(`full validation         median ${ms(f.median)}  p95 ${ms(f.p95)}  target < 20 ms   ${f.p95 < 20 ? 'OK' : 'OVER'}`);
console.log(`incremental (1 char)    median ${ms(inc.median)}  p95 ${ms(inc.p95)}  target < 2 ms    ${inc.p95 < 2 ? 'OK' : 'OVER'}`);
console.log(`reference: incremental is ${(f.median / inc.median).toFixed(1)}× faster than a full run in this process`);
