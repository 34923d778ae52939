/**
 * The agreed-language index: every prior paragraph as a sequence of word
 * numbers, an inverted index from word to paragraphs, and a search that
 *   1. gathers candidates by the rarer words of the query (weighted by IDF),
 *   2. aligns each candidate with the query word by word (align.ts), and
 *   3. ranks by match quality, then authority, then recency.
 * Pure: built from plain corpus documents, no I/O.
 */
import { align, type Alignment, type QueryWord } from './align';
import { authorityRank, normalizeBodyName } from './authority';
import type { CorpusDocument, CorpusMeta } from './corpus';
import { tokenize, type Token } from './tokens';
import { Vocabulary } from './vocabulary';

export interface SearchOptions {
  limit?: number;
  /** ISO date: only documents issued before it count. */
  before?: string;
  /** The drafting body, for authority ("same body first"). */
  body?: string;
  /** How many candidates to align (precision vs speed). */
  candidates?: number;
  /**
   * Treat the last word as possibly half-typed (as-you-type). Default: when
   * the query does not end with a space or punctuation.
   */
  partialLastWord?: boolean;
}

export interface Match {
  paragraph: number;
  /** 0…1; 1 only for the same words in the same order. */
  quality: number;
  alignment: Alignment;
}

export interface PreparedQuery {
  text: string;
  tokens: Token[];
  words: QueryWord[];
  weight: number;
}

/** Quality granularity: differences below it are ties, decided by authority and recency. */
const QUALITY_STEP = 0.02;
const MAX_QUERY_WORDS = 400;
/** Words in more than this share of paragraphs ("the", "States") do not gather candidates. */
const COMMON_SHARE = 0.2;
const START_PENALTY = 0.8;

export class LanguageIndex {
  readonly documents: CorpusMeta[] = [];
  private paraDoc: number[] = [];
  private paraLabel: string[] = [];
  private paraText: string[] = [];
  private paraStart: number[] = [0];
  private terms: Int32Array = new Int32Array(0);
  private postingStart = new Int32Array(1);
  private postings = new Int32Array(0);
  private idf = new Float64Array(0);
  private maxIdf = 1;
  readonly vocabulary = new Vocabulary();
  private scores = new Float64Array(0);

  static build(documents: readonly CorpusDocument[]): LanguageIndex {
    const index = new LanguageIndex();
    index.add(documents);
    return index;
  }

  get paragraphCount(): number {
    return this.paraText.length;
  }

  paragraph(p: number): { document: CorpusMeta; label: string; text: string } {
    return { document: this.documents[this.paraDoc[p]], label: this.paraLabel[p], text: this.paraText[p] };
  }

  termsOf(p: number): Int32Array {
    return this.terms.subarray(this.paraStart[p], this.paraStart[p + 1]);
  }

  weight = (term: number): number => this.idf[term] ?? this.maxIdf;

  private add(documents: readonly CorpusDocument[]): void {
    const seq: number[] = [];
    for (const doc of documents) {
      const { paragraphs, ...meta } = doc;
      const d = this.documents.push(meta) - 1;
      for (const para of paragraphs) {
        for (const t of tokenize(para.text)) seq.push(this.vocabulary.intern(t.norm));
        this.paraDoc.push(d);
        this.paraLabel.push(para.label);
        this.paraText.push(para.text);
        this.paraStart.push(seq.length);
      }
    }
    this.terms = Int32Array.from(seq);
    const n = this.paraText.length;
    const v = this.vocabulary.size;
    // Inverted index by counting sort: document frequency, then offsets, then fill.
    const df = new Int32Array(v);
    const seen = new Int32Array(v).fill(-1);
    for (let p = 0; p < n; p++) {
      for (let k = this.paraStart[p]; k < this.paraStart[p + 1]; k++) {
        const t = this.terms[k];
        if (seen[t] !== p) {
          seen[t] = p;
          df[t]++;
        }
      }
    }
    this.postingStart = new Int32Array(v + 1);
    for (let t = 0; t < v; t++) this.postingStart[t + 1] = this.postingStart[t] + df[t];
    this.postings = new Int32Array(this.postingStart[v]);
    const fill = this.postingStart.slice(0, v);
    seen.fill(-1);
    for (let p = 0; p < n; p++) {
      for (let k = this.paraStart[p]; k < this.paraStart[p + 1]; k++) {
        const t = this.terms[k];
        if (seen[t] !== p) {
          seen[t] = p;
          this.postings[fill[t]++] = p;
        }
      }
    }
    this.idf = new Float64Array(v);
    for (let t = 0; t < v; t++) this.idf[t] = Math.log(1 + (n - df[t] + 0.5) / (df[t] + 0.5));
    this.maxIdf = Math.log(1 + (n + 0.5) / 0.5);
    this.scores = new Float64Array(n);
  }

  private documentFrequency(term: number): number {
    return this.postingStart[term + 1] - this.postingStart[term];
  }

  prepare(text: string, partialLastWord?: boolean): PreparedQuery {
    const tokens = tokenize(text).slice(0, MAX_QUERY_WORDS);
    const partial = partialLastWord ?? /[\p{L}\p{N}]$/u.test(text);
    const words = tokens.map((tok, i): QueryWord => {
      const exact = this.vocabulary.id(tok.norm) ?? -1;
      // A typo can make another real word ("stated" for "states"): long words also match their neighbours.
      const near = exact < 0 || tok.norm.length >= 5 ? this.vocabulary.near(tok.norm) : [];
      if (partial && i === tokens.length - 1 && tok.norm.length >= 2) near.push(...this.vocabulary.completions(tok.norm).filter((t) => t !== exact));
      const weight = exact >= 0 ? this.idf[exact] : near.length ? Math.max(...near.map((t) => this.idf[t])) : this.maxIdf;
      return { exact, near, weight };
    });
    return { text, tokens, words, weight: words.reduce((s, w) => s + w.weight, 0) };
  }

  search(query: string | PreparedQuery, options: SearchOptions = {}): Match[] {
    const q = typeof query === 'string' ? this.prepare(query, options.partialLastWord) : query;
    if (!q.words.length || !this.paraText.length) return [];
    const allowed = this.documents.map((d) => !options.before || d.date < options.before);
    const candidates = this.gather(q, allowed, options.candidates ?? 64);
    const body = options.body ? normalizeBodyName(options.body) : undefined;
    const ranked = candidates.map((p) => {
      const alignment = align(q.words, this.termsOf(p), this.weight);
      const doc = this.documents[this.paraDoc[p]];
      return { paragraph: p, quality: this.quality(q, p, alignment), alignment, authority: authorityRank(doc, body), date: doc.date };
    });
    ranked.sort(
      (a, b) =>
        Math.floor(b.quality / QUALITY_STEP) - Math.floor(a.quality / QUALITY_STEP) ||
        a.authority - b.authority ||
        (a.date < b.date ? 1 : a.date > b.date ? -1 : 0) ||
        b.quality - a.quality,
    );
    // The same words issued twice (a draft copying a resolution): keep the one ranked first.
    const seen = new Set<string>();
    const out: Match[] = [];
    for (const r of ranked) {
      if (r.quality <= 0) continue;
      const key = this.termsOf(r.paragraph).join(',');
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ paragraph: r.paragraph, quality: r.quality, alignment: r.alignment });
      if (out.length >= (options.limit ?? 5)) break;
    }
    return out;
  }

  /**
   * Match quality: the F-measure of how much of the query is matched and how
   * much of the matched stretch of the prior paragraph is matched — so that a
   * prior paragraph that *continues* the typed words scores as high as one
   * that equals them. Only the same words in the same order score 1.
   */
  private quality(q: PreparedQuery, p: number, a: Alignment): number {
    if (!a.pairs.length || q.weight <= 0) return 0;
    const terms = this.termsOf(p);
    const first = a.pairs[0][1];
    const last = a.pairs[a.pairs.length - 1][1];
    let span = 0;
    for (let k = first; k <= last; k++) span += this.weight(terms[k]);
    const recall = a.weight / q.weight;
    const precision = span > 0 ? a.weight / span : 0;
    const f = recall + precision > 0 ? (2 * recall * precision) / (recall + precision) : 0;
    // Reuse usually keeps the opening; a match that starts mid-paragraph counts a little less.
    const opening = first <= 2 ? 1 : START_PENALTY;
    const identical = terms.length === q.words.length && q.words.every((w, k) => w.exact === terms[k]);
    return identical ? 1 : Math.min(f * opening, 0.99);
  }

  /** Candidate paragraphs: those sharing the query's rarer words, best IDF overlap first. */
  private gather(q: PreparedQuery, allowed: boolean[], limit: number): number[] {
    const n = this.paraText.length;
    const weights = new Map<number, number>();
    for (const w of q.words) {
      if (w.exact >= 0) weights.set(w.exact, Math.max(weights.get(w.exact) ?? 0, this.idf[w.exact]));
      for (const t of w.near) weights.set(t, Math.max(weights.get(t) ?? 0, this.idf[t] * 0.85));
    }
    const terms = [...weights.keys()].sort((a, b) => weights.get(b)! - weights.get(a)!);
    const rare = terms.filter((t) => this.documentFrequency(t) <= n * COMMON_SHARE).slice(0, 24);
    const common = terms.filter((t) => this.documentFrequency(t) > n * COMMON_SHARE);
    const scores = this.scores;
    const touched: number[] = [];
    // Rare words first; common words ("the", "States") only while candidates are scarce.
    const ordered = [...rare, ...common];
    for (let i = 0; i < ordered.length; i++) {
      if (i >= rare.length && touched.length >= limit) break;
      const t = ordered[i];
      const w = weights.get(t)!;
      for (let k = this.postingStart[t]; k < this.postingStart[t + 1]; k++) {
        const p = this.postings[k];
        if (!allowed[this.paraDoc[p]]) continue;
        if (scores[p] === 0) touched.push(p);
        scores[p] += w;
      }
    }
    const best = topK(touched, scores, limit);
    for (const p of touched) scores[p] = 0;
    return best;
  }
}

/** The `k` items with the highest score, via a small min-heap. */
function topK(items: number[], score: Float64Array, k: number): number[] {
  if (items.length <= k) return items.slice();
  const heap: number[] = [];
  const less = (a: number, b: number) => score[a] < score[b];
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && less(heap[l], heap[m])) m = l;
      if (r < heap.length && less(heap[r], heap[m])) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m], heap[i]];
      i = m;
    }
  };
  const up = (i: number) => {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!less(heap[i], heap[parent])) return;
      [heap[i], heap[parent]] = [heap[parent], heap[i]];
      i = parent;
    }
  };
  for (const it of items) {
    if (heap.length < k) {
      heap.push(it);
      up(heap.length - 1);
    } else if (less(heap[0], it)) {
      heap[0] = it;
      down(0);
    }
  }
  return heap;
}
