/**
 * A word-level diff of two paragraph texts: the exact words (no stemming,
 * unlike the agreed-language alignment in server/language/), punctuation as
 * tokens of its own, spaces kept, so that the parts concatenate back to
 * both texts: equal + delete = old text, equal + insert = new text.
 */

export type DiffOp = 'equal' | 'insert' | 'delete';

export interface WordPart {
  op: DiffOp;
  text: string;
}

// A word (with inner apostrophes, hyphens, slashes and dots: "States’", "follow-up", "7/1"), a run of spaces, or one other character.
const TOKEN = /[\p{L}\p{N}]+(?:['’\-/.][\p{L}\p{N}]+)*|\s+|[^\s\p{L}\p{N}]/gu;

export function wordTokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Above this many DP cells the diff gives up on alignment: the whole text is replaced. */
const MAX_CELLS = 4_000_000;

export function wordDiff(from: string, to: string): WordPart[] {
  if (from === to) return from ? [{ op: 'equal', text: from }] : [];
  return tidy(diffTokens(wordTokens(from), wordTokens(to)));
}

/**
 * The LCS alignment of two token lists (words here; characters for the
 * server's change tracking): one op per token, common head and tail trimmed first.
 */
export function diffTokens(a: readonly string[], b: readonly string[]): Array<[DiffOp, string]> {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const ops: Array<[DiffOp, string]> = a.slice(0, head).map((t) => ['equal', t] as [DiffOp, string]);
  ops.push(...middle(a.slice(head, a.length - tail), b.slice(head, b.length - tail)));
  ops.push(...a.slice(a.length - tail).map((t) => ['equal', t] as [DiffOp, string]));
  return ops;
}

/** LCS of two token lists. */
function middle(a: readonly string[], b: readonly string[]): Array<[DiffOp, string]> {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0 || n * m > MAX_CELLS) return [...a.map((t) => ['delete', t] as [DiffOp, string]), ...b.map((t) => ['insert', t] as [DiffOp, string])];
  // lcs[i][j] = LCS length of a[i..] and b[j..]
  const lcs = new Uint32Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => i * (m + 1) + j;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) lcs[at(i, j)] = a[i] === b[j] ? lcs[at(i + 1, j + 1)] + 1 : Math.max(lcs[at(i + 1, j)], lcs[at(i, j + 1)]);
  }
  const out: Array<[DiffOp, string]> = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push(['equal', a[i]]);
      i++;
      j++;
    } else if (lcs[at(i + 1, j)] >= lcs[at(i, j + 1)]) out.push(['delete', a[i++]]);
    else out.push(['insert', b[j++]]);
  }
  while (i < n) out.push(['delete', a[i++]]);
  while (j < m) out.push(['insert', b[j++]]);
  return out;
}

/**
 * Readable parts: a lone space (or punctuation-free separator) kept equal
 * between two changes is folded into them, so "requests the" → "urges all"
 * reads as one replacement rather than two; then deletions come before
 * insertions and neighbours with the same op merge.
 */
function tidy(ops: Array<[DiffOp, string]>): WordPart[] {
  const folded: Array<[DiffOp, string]> = [];
  for (let k = 0; k < ops.length; k++) {
    const [op, text] = ops[k];
    const prev = ops[k - 1];
    const next = ops[k + 1];
    if (op === 'equal' && /^\s+$/.test(text) && prev && next && prev[0] !== 'equal' && next[0] !== 'equal') {
      folded.push(['delete', text], ['insert', text]);
    } else folded.push([op, text]);
  }
  // Within each run of changes: all deletions, then all insertions.
  const parts: WordPart[] = [];
  const push = (op: DiffOp, text: string) => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.text += text;
    else parts.push({ op, text });
  };
  let del = '';
  let ins = '';
  const flush = () => {
    push('delete', del);
    push('insert', ins);
    del = ins = '';
  };
  for (const [op, text] of folded) {
    if (op === 'delete') del += text;
    else if (op === 'insert') ins += text;
    else {
      flush();
      push('equal', text);
    }
  }
  flush();
  return slideToWordStarts(parts);
}

/**
 * A lone insertion or deletion " whole" between "the" and " matter" reads
 * better as "whole " between "the " and "matter": shift it so that it
 * starts on a word, as a reader marks it.
 */
function slideToWordStarts(parts: WordPart[]): WordPart[] {
  for (let k = 1; k + 1 < parts.length; k++) {
    const [prev, change, next] = [parts[k - 1], parts[k], parts[k + 1]];
    if (prev.op !== 'equal' || next.op !== 'equal' || change.op === 'equal') continue;
    const ws = /^\s+/.exec(change.text)?.[0];
    if (!ws || !next.text.startsWith(ws) || change.text.length === ws.length) continue;
    prev.text += ws;
    change.text = change.text.slice(ws.length) + ws;
    next.text = next.text.slice(ws.length);
  }
  return parts.filter((p) => p.text);
}

/** The old text (equal + delete) and the new text (equal + insert) of a diff. */
export function sidesOf(parts: readonly WordPart[]): { from: string; to: string } {
  let from = '';
  let to = '';
  for (const p of parts) {
    if (p.op !== 'insert') from += p.text;
    if (p.op !== 'delete') to += p.text;
  }
  return { from, to };
}
