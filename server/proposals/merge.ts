/**
 * Merging an accepted proposal into the body of a Y.Doc (the private copy
 * changeOnBehalf hands over), and undoing a merge. Text is changed as minimal
 * Y.XmlText edits; paragraphs are inserted, removed or moved with their
 * subparagraphs. A proposal that no longer applies cleanly throws
 * ProposalConflict (the API answers 409; "force" accepts anyway).
 */
import * as Y from 'yjs';
import { BODY_FIELD, NODE } from '../../shared/editor/schema';
import { hunks } from '../../shared/proposals/diff';
import { rebase } from '../../shared/proposals/rebase';
import type { Proposal } from '../../shared/proposals/types';
import { findParagraph } from '../history/paragraphs';
import { restoreParagraph } from '../history/restore';
import { editParagraph, paragraphText } from './paragraph-text';

export class ProposalConflict extends Error {}

function section(ydoc: Y.Doc, name: string): Y.XmlElement {
  for (const child of ydoc.getXmlFragment(BODY_FIELD).toArray()) if (child instanceof Y.XmlElement && child.nodeName === name) return child;
  throw new ProposalConflict(`the document has no ${name} section`);
}

const level = (el: Y.XmlElement) => Number(el.getAttribute('level') ?? 1);

/** The paragraph and the subparagraphs that belong to it (an OP's, or a subparagraph's deeper ones). */
function unitOf(el: Y.XmlElement): Y.XmlElement[] {
  const unit = [el];
  if (el.nodeName !== NODE.operativeParagraph && el.nodeName !== NODE.subparagraph) return unit;
  for (let next = el.nextSibling; next instanceof Y.XmlElement && next.nodeName === NODE.subparagraph; next = next.nextSibling) {
    if (el.nodeName === NODE.subparagraph && level(next) <= level(el)) break;
    unit.push(next);
  }
  return unit;
}

/** Index in `sec` right after the paragraph `afterId` and its subparagraphs (0 for null). */
function insertionIndex(sec: Y.XmlElement, afterId: string | null, ydoc: Y.Doc, what: string): number {
  if (afterId === null) return 0;
  const anchor = findParagraph(ydoc, afterId);
  if (!anchor || anchor.parent !== sec) throw new ProposalConflict(`the paragraph ${what} was to follow is no longer in that part of the text`);
  const children = sec.toArray();
  let index = children.indexOf(anchor) + 1;
  // A new OP goes after all the subparagraphs that follow its anchor.
  if (sec.nodeName === NODE.operative) while (index < children.length && (children[index] as Y.XmlElement).nodeName === NODE.subparagraph) index++;
  return index;
}

function target(ydoc: Y.Doc, p: Proposal, label: string): Y.XmlElement {
  const el = p.paragraph ? findParagraph(ydoc, p.paragraph) : null;
  if (!el) throw new ProposalConflict(`${label} is no longer in the text`);
  return el;
}

/** Returns an edit for changeOnBehalf that merges `p`; `changed` receives the ids of the paragraphs it changed. */
export function mergeProposal(p: Proposal, options: { force: boolean; label: string }, changed: string[]) {
  const { force, label } = options;
  const stale = (el: Y.XmlElement) => {
    if (!force && paragraphText(el) !== p.base) throw new ProposalConflict(`${label} changed since ${p.delegation}’s proposal was made; accept anyway with "force": true`);
  };
  return (copy: Y.Doc) => {
    copy.transact(() => {
      switch (p.kind) {
        case 'text': {
          const el = target(copy, p, label);
          const current = paragraphText(el);
          const rebased = rebase(p.base, p.text, current);
          if (!rebased.ok && !force) throw new ProposalConflict(`${label} changed since ${p.delegation}’s proposal was made and it no longer applies cleanly (${rebased.conflict}); accept anyway with "force": true to replace the paragraph with the proposed text`);
          editParagraph(el, rebased.ok ? rebased.edits : hunks(current, p.text));
          changed.push(el.getAttribute('id') as string);
          return;
        }
        case 'alternative': {
          const el = target(copy, p, label);
          stale(el);
          editParagraph(el, hunks(paragraphText(el), p.text));
          changed.push(el.getAttribute('id') as string);
          return;
        }
        case 'delete': {
          const el = target(copy, p, label);
          stale(el);
          const sec = el.parent as Y.XmlElement;
          const unit = unitOf(el);
          const children = sec.toArray();
          const start = children.indexOf(el);
          const rest = children.filter((c, i) => i < start || i >= start + unit.length) as Y.XmlElement[];
          if (sec.nodeName === NODE.operative && (rest.length === 0 || rest[0].nodeName !== NODE.operativeParagraph)) {
            throw new ProposalConflict(`${label} cannot be deleted: the operative part must start with an operative paragraph`);
          }
          for (const u of unit) changed.push(u.getAttribute('id') as string);
          sec.delete(start, unit.length);
          return;
        }
        case 'new': {
          if (findParagraph(copy, p.newId!)) throw new ProposalConflict(`${label} is in the text already`);
          const sec = section(copy, p.after!.section);
          const index = insertionIndex(sec, p.after!.paragraph, copy, label);
          const el = new Y.XmlElement(p.after!.section === 'operative' ? NODE.operativeParagraph : NODE.preambular);
          el.setAttribute('id', p.newId!);
          el.insert(0, [new Y.XmlText(p.text)]);
          sec.insert(index, [el]);
          changed.push(p.newId!);
          return;
        }
        case 'move': {
          const el = target(copy, p, label);
          const sec = el.parent as Y.XmlElement;
          if (el.nodeName === NODE.subparagraph) throw new ProposalConflict(`${label} is a subparagraph: it moves with its operative paragraph`);
          if (sec.nodeName !== (p.after!.section === 'operative' ? NODE.operative : NODE.preamble)) {
            throw new ProposalConflict(`${label} can only move among the paragraphs of its own part`);
          }
          const unit = unitOf(el);
          if (p.after!.paragraph && unit.some((u) => u.getAttribute('id') === p.after!.paragraph)) throw new ProposalConflict(`${label} cannot move after itself`);
          const clones = unit.map((u) => u.clone() as Y.XmlElement);
          for (const u of unit) changed.push(u.getAttribute('id') as string);
          sec.delete(sec.toArray().indexOf(el), unit.length);
          sec.insert(insertionIndex(sec, p.after!.paragraph, copy, label), clones);
          return;
        }
      }
    });
  };
}

const same = (a: Y.XmlElement | null, b: Y.XmlElement | null) => (a === null || b === null ? a === b : a.toString() === b.toString());

/**
 * Returns an edit that puts the paragraphs a merge changed back as they were
 * before it (`before` and `after` are the versions around the merge). Refuses
 * (ProposalConflict) when any of them changed since the merge.
 */
export function undoMerge(paragraphs: string[], before: Y.Doc, after: Y.Doc, labelOf: (id: string) => string) {
  return (copy: Y.Doc) => {
    copy.transact(() => {
      for (const id of paragraphs) {
        if (!same(findParagraph(after, id), findParagraph(copy, id))) throw new ProposalConflict(`${labelOf(id)} changed since the decision; undo would lose that change`);
      }
      // Paragraphs that were not there, or stood elsewhere, are taken out; then each is restored as it was, in order.
      const positionOf = (ydoc: Y.Doc, id: string) => {
        const el = findParagraph(ydoc, id);
        return el ? `${(el.parent as Y.XmlElement).nodeName}:${(el.parent as Y.XmlElement).toArray().indexOf(el)}` : null;
      };
      const ordered = [...paragraphs];
      for (const id of ordered) {
        const old = findParagraph(before, id);
        const current = findParagraph(copy, id);
        if (!current) continue;
        if (!old || positionOf(before, id) !== positionOf(after, id)) {
          const parent = current.parent as Y.XmlElement;
          parent.delete(parent.toArray().indexOf(current), 1);
        } else if (!same(old, current)) {
          const attrsEqual = JSON.stringify(old.getAttributes()) === JSON.stringify(current.getAttributes());
          if (attrsEqual) editParagraph(current, hunks(paragraphText(current), paragraphText(old)));
          else restoreParagraph(old, id)(copy);
        }
      }
      // Re-insert what is missing, in the order of the version before (each after its predecessor there).
      const inBefore = ordered.filter((id) => findParagraph(before, id));
      const orderIn = (id: string) => {
        const el = findParagraph(before, id)!;
        const parent = el.parent as Y.XmlElement;
        return [parent.nodeName, parent.toArray().indexOf(el)] as const;
      };
      inBefore.sort((a, b) => orderIn(a)[0].localeCompare(orderIn(b)[0]) || orderIn(a)[1] - orderIn(b)[1]);
      for (const id of inBefore) if (!findParagraph(copy, id)) restoreParagraph(findParagraph(before, id)!, id)(copy);
    });
  };
}
