/**
 * Puts the delegations on a comparison, from the blame of the log between
 * its two versions: inserted words → the updates that wrote those
 * characters; deleted words → the updates that removed them; an added,
 * deleted or moved paragraph → the update that created, deleted or
 * re-created it.
 */
import type { ComparedParagraph, Comparison } from '../../shared/compare/compare';
import type { Attribution } from '../storage/document-store';
import type { Blame } from './blame';

/** The name a change is attributed to: the delegation, else the role ("system" is Penholder itself). */
export function whoOf(a: Attribution): string {
  return a.delegation ?? (a.role === 'system' ? 'Penholder' : a.role);
}

export function attribute(comparison: Comparison, b: Blame): Comparison {
  const names = (seqs: Iterable<number | undefined>) => {
    const out = new Set<string>();
    for (const seq of seqs) {
      const u = seq === undefined ? undefined : b.updates.get(seq);
      if (u) out.add(whoOf(u.attribution));
    }
    return [...out].sort();
  };
  const paragraphs = comparison.paragraphs.map((p): ComparedParagraph => {
    if (p.status === 'unchanged') return p;
    const origins = b.origins.get(p.id) ?? [];
    const removed = b.removedChars.get(p.id);
    let fromOff = 0;
    let toOff = 0;
    const parts = p.parts.map((part) => {
      const n = part.text.length;
      if (part.op === 'equal') {
        fromOff += n;
        toOff += n;
        return part;
      }
      if (part.op === 'insert') {
        const by = names(origins.slice(toOff, toOff + n).map((o) => (o < 0 ? -o : undefined)));
        toOff += n;
        return { ...part, by };
      }
      const seqs: Array<number | undefined> = [];
      for (let i = fromOff; i < fromOff + n; i++) seqs.push(removed?.get(i));
      fromOff += n;
      return { ...part, by: names(seqs) };
    });
    const by =
      p.status === 'added' ? names([b.created.get(p.id)]) : p.status === 'deleted' ? names([b.removed.get(p.id)]) : p.status === 'moved' ? names([b.recreated.get(p.id)]) : undefined;
    return by ? { ...p, parts, by } : { ...p, parts };
  });
  return { ...comparison, paragraphs };
}
