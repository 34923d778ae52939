/**
 * A word-level diff read off an alignment: what the prior paragraph has
 * that the typed text lacks (insert), what the typed text has that the prior
 * paragraph lacks (delete), and what they share (equal). Equal and insert
 * parts concatenate to the prior paragraph's text exactly.
 */
import type { Token } from './tokens';

export interface DiffPart {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

/** The text of token k with what follows it up to the next token (spaces, punctuation). */
function slice(text: string, tokens: Token[], k: number): string {
  const from = k === 0 ? 0 : tokens[k].start;
  const to = k + 1 < tokens.length ? tokens[k + 1].start : text.length;
  return text.slice(from, to);
}

export function wordDiff(query: { text: string; tokens: Token[] }, prior: { text: string; tokens: Token[] }, pairs: Array<[number, number]>): DiffPart[] {
  const parts: DiffPart[] = [];
  const push = (op: DiffPart['op'], text: string) => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.text += text;
    else parts.push({ op, text });
  };
  let qi = 0;
  let pi = 0;
  const gap = (qTo: number, pTo: number) => {
    for (; qi < qTo; qi++) push('delete', slice(query.text, query.tokens, qi));
    for (; pi < pTo; pi++) push('insert', slice(prior.text, prior.tokens, pi));
  };
  for (const [q, p] of pairs) {
    gap(q, p);
    // A word matched through a typo or a half-typed word shows as replaced.
    if (query.tokens[q].norm === prior.tokens[p].norm) push('equal', slice(prior.text, prior.tokens, p));
    else {
      push('delete', slice(query.text, query.tokens, q));
      push('insert', slice(prior.text, prior.tokens, p));
    }
    qi = q + 1;
    pi = p + 1;
  }
  gap(query.tokens.length, prior.tokens.length);
  if (!prior.tokens.length) push('insert', prior.text);
  return parts;
}

/** Places where the texts differ: runs of changes between shared words. */
export function countChanges(diff: DiffPart[]): number {
  let changes = 0;
  let inChange = false;
  for (const part of diff) {
    if (part.op === 'equal') inChange = false;
    else if (!inChange) {
      changes++;
      inChange = true;
    }
  }
  return changes;
}
