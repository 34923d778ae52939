/**
 * Comparing two versions of a resolution, paragraph by paragraph and word by
 * word. Paragraphs are aligned by their stable ids: an id only in the new
 * version was added, one only in the old was deleted, and one in both has
 * its text compared word by word. The order of the common paragraphs is
 * aligned with a longest common subsequence: those off it were moved.
 *
 * Pure: the server adds who made each change (server/revisions/attribution.ts).
 */
import type { Resolution } from '../model/types';
import { unitsOf, type Unit, type UnitKind } from './units';
import { wordDiff, type DiffOp } from './words';

export type ParagraphStatus = 'unchanged' | 'changed' | 'added' | 'deleted' | 'moved';

export interface ComparedPart {
  op: DiffOp;
  text: string;
  /** Delegations that inserted (insert) or deleted (delete) these words; filled by the server. */
  by?: string[];
}

export interface ComparedParagraph {
  id: string;
  kind: UnitKind;
  status: ParagraphStatus;
  /** Moved paragraphs may also have changed words. */
  textChanged: boolean;
  /** Label and marker in the old version (absent when added) and the new one (absent when deleted). */
  from?: { label: string; marker: string; level: number; footnoteRefs: string[] };
  to?: { label: string; marker: string; level: number; footnoteRefs: string[] };
  parts: ComparedPart[];
  /** Who added, deleted or moved the paragraph; filled by the server. */
  by?: string[];
}

export interface Comparison {
  /** Every paragraph of either version: the new version's order, deleted ones where they stood. */
  paragraphs: ComparedParagraph[];
  summary: { added: number; deleted: number; moved: number; changed: number };
}

/** Longest common subsequence of two id lists (ids unique in each). */
function lcsIds(a: string[], b: string[]): Set<string> {
  const n = a.length;
  const m = b.length;
  const table = new Uint32Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => i * (m + 1) + j;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) table[at(i, j)] = a[i] === b[j] ? table[at(i + 1, j + 1)] + 1 : Math.max(table[at(i + 1, j)], table[at(i, j + 1)]);
  }
  const out = new Set<string>();
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.add(a[i]);
      i++;
      j++;
    } else if (table[at(i + 1, j)] >= table[at(i, j + 1)]) i++;
    else j++;
  }
  return out;
}

const side = (u: Unit) => ({ label: u.label, marker: u.marker, level: u.level, footnoteRefs: u.footnoteRefs });

export function compareUnits(fromUnits: Unit[], toUnits: Unit[]): Comparison {
  const fromById = new Map(fromUnits.map((u) => [u.id, u]));
  const toById = new Map(toUnits.map((u) => [u.id, u]));
  const common = (units: Unit[], other: Map<string, Unit>) => units.filter((u) => other.has(u.id)).map((u) => u.id);
  const inOrder = lcsIds(common(fromUnits, toById), common(toUnits, fromById));

  const paragraphs: ComparedParagraph[] = [];
  const summary = { added: 0, deleted: 0, moved: 0, changed: 0 };
  const deleted = (u: Unit): ComparedParagraph => {
    summary.deleted++;
    return { id: u.id, kind: u.kind, status: 'deleted', textChanged: true, from: side(u), parts: u.text ? [{ op: 'delete', text: u.text }] : [] };
  };
  // Old paragraphs not yet placed, in old order; deleted ones are emitted before the next anchor that followed them.
  let fromIndex = 0;
  const emitDeletedUntil = (anchor: string | null) => {
    for (; fromIndex < fromUnits.length; fromIndex++) {
      const u = fromUnits[fromIndex];
      if (u.id === anchor) {
        fromIndex++;
        return;
      }
      if (!toById.has(u.id)) paragraphs.push(deleted(u));
    }
  };
  for (const u of toUnits) {
    const old = fromById.get(u.id);
    if (!old) {
      summary.added++;
      paragraphs.push({ id: u.id, kind: u.kind, status: 'added', textChanged: true, to: side(u), parts: u.text ? [{ op: 'insert', text: u.text }] : [] });
      continue;
    }
    const anchored = inOrder.has(u.id);
    if (anchored) emitDeletedUntil(u.id);
    const parts = wordDiff(old.text, u.text);
    const textChanged = old.text !== u.text;
    const status: ParagraphStatus = !anchored ? 'moved' : textChanged ? 'changed' : 'unchanged';
    if (status === 'moved') summary.moved++;
    if (textChanged) summary.changed++;
    paragraphs.push({ id: u.id, kind: u.kind, status, textChanged, from: side(old), to: side(u), parts });
  }
  emitDeletedUntil(null);
  return { paragraphs, summary };
}

export function compareResolutions(from: Resolution, to: Resolution): Comparison {
  // Title, authority, paragraphs and footnotes are aligned separately: a footnote never "moves" into the body.
  const fromUnits = unitsOf(from);
  const toUnits = unitsOf(to);
  const isNote = (u: Unit) => u.kind === 'footnote';
  const body = compareUnits(fromUnits.filter((u) => !isNote(u)), toUnits.filter((u) => !isNote(u)));
  const notes = compareUnits(fromUnits.filter(isNote), toUnits.filter(isNote));
  const summary = { ...body.summary };
  for (const k of Object.keys(summary) as (keyof typeof summary)[]) summary[k] += notes.summary[k];
  return { paragraphs: [...body.paragraphs, ...notes.paragraphs], summary };
}
