/** A 300-paragraph resolution built from the seeds (bench:validate, bench:sync). */
import { readFileSync, readdirSync } from 'node:fs';
import { newParagraphId } from '../shared/model/ids';
import type { Resolution } from '../shared/model/types';
import { parseResolutionText } from '../shared/text/parse';

const dir = new URL('../server/corpus/seeds/', import.meta.url);
const seeds = ['000', '001', '002'].map((p) => parseResolutionText(readFileSync(new URL(readdirSync(dir).find((f) => f.startsWith(p))!, dir), 'utf8')));

/** 300 paragraphs: 100 preambular, then operative paragraphs (with their subparagraphs) from the seeds, with fresh ids. */
export function bigResolution(): Resolution {
  const res = structuredClone(seeds[0]);
  const pps = seeds.flatMap((s) => s.preamble);
  const ops = seeds.flatMap((s) => s.operative);
  res.preamble = Array.from({ length: 100 }, (_, i) => ({ ...structuredClone(pps[i % pps.length]), id: newParagraphId() }));
  res.operative = [];
  let count = 100;
  for (let i = 0; count < 300; i++) {
    const p = structuredClone(ops[i % ops.length]);
    res.operative.push({ ...p, id: newParagraphId(), subparagraphs: p.subparagraphs.map((x) => ({ ...x, id: newParagraphId() })) });
    count += 1 + p.subparagraphs.length;
  }
  return res;
}
