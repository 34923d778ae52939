/**
 * Where a position sits in the resolution structure, and the "blocks" the
 * structural commands work on. Plain functions on ProseMirror state.
 */
import type { Node as PMNode, ResolvedPos } from '@tiptap/pm/model';
import type { EditorState } from '@tiptap/pm/state';
import { NODE, PARAGRAPH_NODES } from '../../shared/editor/schema';

export interface TextblockAt {
  node: PMNode;
  /** Position before the textblock. */
  pos: number;
  /** The section node (preamble, operative, footnotes) or the doc for title/authority. */
  parent: PMNode;
  /** Position before the parent (−1 for the doc). */
  parentPos: number;
  /** Index of the textblock in its parent. */
  index: number;
}

export function textblockAt($pos: ResolvedPos): TextblockAt | null {
  for (let d = $pos.depth; d > 0; d--) {
    const node = $pos.node(d);
    if (node.isTextblock) {
      return { node, pos: $pos.before(d), parent: $pos.node(d - 1), parentPos: d - 1 > 0 ? $pos.before(d - 1) : -1, index: $pos.index(d - 1) };
    }
  }
  return null;
}

export const selectionBlock = (state: EditorState) => textblockAt(state.selection.$from);

export const isParagraph = (node: PMNode) => PARAGRAPH_NODES.includes(node.type.name);

/** Start and end index (exclusive) of the movable unit at `index`: an OP with its subparagraphs, or one paragraph. */
export function unitRange(section: PMNode, index: number): [number, number] {
  const node = section.child(index);
  if (node.type.name !== NODE.operativeParagraph) {
    if (node.type.name !== NODE.subparagraph) return [index, index + 1];
    // A subparagraph moves with its deeper items.
    const level = Number(node.attrs.level ?? 1);
    let end = index + 1;
    while (end < section.childCount && section.child(end).type.name === NODE.subparagraph && Number(section.child(end).attrs.level ?? 1) > level) end++;
    return [index, end];
  }
  let end = index + 1;
  while (end < section.childCount && section.child(end).type.name === NODE.subparagraph) end++;
  return [index, end];
}

/** Position of the child at `index` inside a section that starts at `sectionPos`. */
export function childPos(section: PMNode, sectionPos: number, index: number): number {
  let pos = sectionPos + 1;
  for (let i = 0; i < index; i++) pos += section.child(i).nodeSize;
  return pos;
}
