/**
 * A word diff for proposals: what a proposed text inserts, deletes or
 * replaces in a paragraph. Words, spaces and punctuation are tokens; the
 * longest common subsequence of tokens gives the parts. Pure.
 */
export interface DiffPart {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

/** A change in character offsets of the old text: [from, to) is replaced by `text`. */
export interface Hunk {
  from: number;
  to: number;
  text: string;
}

export function tokenize(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+|\s+|[^\p{L}\p{N}\s]/gu) ?? [];
}

/** Above this many token pairs, the middle is treated as one replacement (keeps it fast on huge paragraphs). */
const MAX_CELLS = 4_000_000;

export function wordDiff(before: string, after: string): DiffPart[] {
  const a = tokenize(before);
  const b = tokenize(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const parts: DiffPart[] = [];
  const push = (op: DiffPart['op'], text: string) => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.text += text;
    else parts.push({ op, text });
  };
  push('equal', a.slice(0, start).join(''));
  const n = endA - start;
  const m = endB - start;
  if (n * m > MAX_CELLS) {
    push('delete', a.slice(start, endA).join(''));
    push('insert', b.slice(start, endB).join(''));
  } else {
    // lcs[i][j]: length of the LCS of a[start+i..endA) and b[start+j..endB).
    const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--)
      for (let j = m - 1; j >= 0; j--)
        lcs[i][j] = a[start + i] === b[start + j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    let i = 0;
    let j = 0;
    // Deletions before insertions within a change, so a replacement reads "old → new".
    let del = '';
    let ins = '';
    const flush = () => {
      push('delete', del);
      push('insert', ins);
      del = ins = '';
    };
    while (i < n || j < m) {
      if (i < n && j < m && a[start + i] === b[start + j]) {
        flush();
        push('equal', a[start + i]);
        i++;
        j++;
      } else if (j >= m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1])) del += a[start + i++];
      else ins += b[start + j++];
    }
    flush();
  }
  push('equal', a.slice(endA).join(''));
  return parts;
}

/** The changes of a diff as hunks in offsets of the old text. */
export function hunksOf(parts: DiffPart[]): Hunk[] {
  const hunks: Hunk[] = [];
  let pos = 0;
  let open: Hunk | null = null;
  for (const part of parts) {
    if (part.op === 'equal') {
      if (open) hunks.push(open);
      open = null;
      pos += part.text.length;
      continue;
    }
    open ??= { from: pos, to: pos, text: '' };
    if (part.op === 'delete') {
      pos += part.text.length;
      open.to = pos;
    } else open.text += part.text;
  }
  if (open) hunks.push(open);
  return hunks;
}

export const hunks = (before: string, after: string) => hunksOf(wordDiff(before, after));

/** Applies hunks (in offsets of `text`, in order, not overlapping). */
export function applyHunks(text: string, list: Hunk[]): string {
  let out = '';
  let pos = 0;
  for (const h of list) {
    out += text.slice(pos, h.from) + h.text;
    pos = h.to;
  }
  return out + text.slice(pos);
}

export type TextChangeKind = 'insertion' | 'deletion' | 'replacement' | 'none';

/** What a proposed wording does to the paragraph: derived from the diff. */
export function changeKind(parts: DiffPart[]): TextChangeKind {
  const ins = parts.some((p) => p.op === 'insert' && p.text.trim());
  const del = parts.some((p) => p.op === 'delete' && p.text.trim());
  if (ins && del) return 'replacement';
  if (ins) return 'insertion';
  if (del) return 'deletion';
  return parts.some((p) => p.op !== 'equal') ? 'replacement' : 'none';
}
