/**
 * Rebasing a text proposal onto the paragraph as it is now. The proposal was
 * written against `base`; if the paragraph has changed since, the proposal's
 * word changes are carried over where they do not touch the words changed
 * meanwhile. Overlapping changes are a conflict: the facilitator decides
 * (accept anyway replaces the paragraph with the proposed text). Pure.
 */
import { applyHunks, hunks, type Hunk } from './diff';

export type Rebased =
  | { ok: true; /** Edits in offsets of the current text, in order. */ edits: Hunk[]; text: string }
  | { ok: false; conflict: string };

function overlaps(m: Hunk, t: Hunk): boolean {
  const mEmpty = m.from === m.to;
  const tEmpty = t.from === t.to;
  if (mEmpty && tEmpty) return m.from === t.from;
  // An insertion touching words the other side replaced is a clash too ("interested Member" vs "all").
  if (mEmpty) return t.from <= m.from && m.from <= t.to;
  if (tEmpty) return m.from <= t.from && t.from <= m.to;
  return m.from < t.to && t.from < m.to;
}

export function rebase(base: string, proposed: string, current: string): Rebased {
  const mine = hunks(base, proposed);
  if (current === base) return { ok: true, edits: mine, text: proposed };
  const theirs = hunks(base, current);
  const edits: Hunk[] = [];
  for (const m of mine) {
    const clash = theirs.find((t) => overlaps(m, t));
    if (clash) {
      const words = base.slice(Math.min(m.from, clash.from), Math.max(m.to, clash.to)).trim();
      return { ok: false, conflict: words ? `the words “${words}” were changed since the proposal was made` : 'the same place was changed since the proposal was made' };
    }
    // Shift by what changed before this point meanwhile.
    let shift = 0;
    for (const t of theirs) if (t.to <= m.from) shift += t.text.length - (t.to - t.from);
    edits.push({ from: m.from + shift, to: m.to + shift, text: m.text });
  }
  edits.sort((x, y) => x.from - y.from);
  return { ok: true, edits, text: applyHunks(current, edits) };
}

/** Replacing the whole text with `proposed`, as minimal word edits (accept anyway, alternatives). */
export const replaceAll = (current: string, proposed: string): Hunk[] => hunks(current, proposed);
