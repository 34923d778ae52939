/**
 * A synthetic corpus with a realistic vocabulary: the seed paragraphs cut
 * into clauses, recombined and perturbed (words swapped for other corpus
 * words, dropped, numbers changed), filed in documents of every kind and
 * date. Deterministic: the same seed gives the same corpus.
 */
import { CORPUS_KINDS, type CorpusDocument } from '../server/language/corpus';

export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PER_DOCUMENT = 50;

export function syntheticCorpus(seeds: CorpusDocument[], paragraphs: number, seed = 42): CorpusDocument[] {
  const rand = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const texts = seeds.flatMap((d) => d.paragraphs.map((p) => p.text));
  // Clauses: pieces ending at a comma or semicolon, as delegates splice them.
  const clauses = texts.flatMap((t) => t.split(/(?<=[,;])\s+/)).filter((c) => c.split(' ').length >= 3);
  const vocabulary = [...new Set(texts.flatMap((t) => t.split(/\s+/)).filter((w) => /^[a-z]{4,}$/.test(w)))];
  const perturb = (text: string): string =>
    text
      .split(' ')
      .flatMap((w) => {
        const r = rand();
        if (r < 0.04) return [pick(vocabulary)];
        if (r < 0.06) return [];
        if (/^\d+\/\d+$/.test(w)) return [`${1 + Math.floor(rand() * 12)}/${1 + Math.floor(rand() * 9)}`];
        return [w];
      })
      .join(' ');
  const docs: CorpusDocument[] = [];
  for (let made = 0; made < paragraphs; ) {
    const n = Math.min(PER_DOCUMENT, paragraphs - made);
    const d = docs.length;
    const year = 2000 + Math.floor(rand() * 25);
    const kind = pick(CORPUS_KINDS);
    const paras = [];
    for (let i = 0; i < n; i++) {
      // Start from a real paragraph's opening, continue with clauses from elsewhere.
      const base = pick(texts).split(/(?<=[,;])\s+/);
      const parts = [base[0]];
      const more = Math.floor(rand() * 3);
      for (let k = 0; k < more; k++) parts.push(rand() < 0.5 && base[k + 1] ? base[k + 1] : pick(clauses));
      paras.push({ label: kind === 'recommendations' ? `para ${i + 1}` : kind === 'chair-summary' ? `DP${i + 1}` : `OP${i + 1}`, text: perturb(parts.join(' ')) });
    }
    docs.push({
      id: `syn-${d}`,
      symbol: `resolution ${d % 20}/${d}`,
      body: rand() < 0.8 ? seeds[0].body : 'General Assembly',
      title: `Synthetic document ${d}`,
      kind,
      date: `${year}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`,
      paragraphs: paras,
    });
    made += n;
  }
  return docs;
}
