/**
 * Every paragraph has a unique, stable id. New paragraphs get one; when a
 * split, paste or concurrent edit leaves two paragraphs with the same id,
 * the one that was already there (by position mapping) keeps it and the
 * other gets a fresh one.
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import type { Node as PMNode } from '@tiptap/pm/model';
import { newParagraphId } from '../../../shared/model/ids';
import { isParagraph } from '../structure';

export const paragraphIdsKey = new PluginKey('paragraphIds');

/** Positions of paragraphs whose id is missing or duplicated, and which occurrence keeps it. */
export function idRepairs(doc: PMNode, keeperOf: (id: string) => number | undefined): number[] {
  const seen = new Map<string, number[]>();
  const missing: number[] = [];
  doc.descendants((node, pos) => {
    if (!isParagraph(node)) return node.isTextblock ? false : true;
    const id = node.attrs.id as string | null;
    if (!id) missing.push(pos);
    else seen.set(id, [...(seen.get(id) ?? []), pos]);
    return false;
  });
  const repairs = [...missing];
  for (const [id, positions] of seen) {
    if (positions.length < 2) continue;
    const keeper = keeperOf(id);
    const keep = keeper !== undefined && positions.includes(keeper) ? keeper : positions[0];
    repairs.push(...positions.filter((p) => p !== keep));
  }
  return repairs.sort((a, b) => a - b);
}

export const ParagraphIds = Extension.create({
  name: 'paragraphIds',
  addProseMirrorPlugins() {
    const editor = this.editor;
    return [
      new Plugin({
        key: paragraphIdsKey,
        appendTransaction(transactions: readonly Transaction[], oldState, newState) {
          if (!transactions.some((tr) => tr.docChanged)) return null;
          // An editor that may not write (an observer's) never repairs ids: a writer's editor or the server will.
          if (editor && !editor.isEditable) return null;
          const before = new Map<string, number>();
          oldState.doc.descendants((node, pos) => {
            if (isParagraph(node) && node.attrs.id) before.set(node.attrs.id, pos);
            return !node.isTextblock;
          });
          const mapThrough = (pos: number) => transactions.reduce((p, tr) => tr.mapping.map(p, 1), pos);
          const repairs = idRepairs(newState.doc, (id) => {
            const old = before.get(id);
            return old === undefined ? undefined : mapThrough(old);
          });
          if (!repairs.length) return null;
          const tr = newState.tr;
          for (const pos of repairs) tr.setNodeAttribute(pos, 'id', newParagraphId());
          return tr.setMeta('addToHistory', false);
        },
      }),
    ];
  },
});
