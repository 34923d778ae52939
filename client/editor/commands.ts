/**
 * Structural editing commands, ProseMirror style: (state, dispatch) → boolean.
 * Each keeps the schema's structure and gives new paragraphs fresh ids, so
 * ids stay stable for the paragraphs that already existed.
 */
import { Fragment, type Node as PMNode } from '@tiptap/pm/model';
import { TextSelection, type Command, type EditorState, type Transaction } from '@tiptap/pm/state';
import { NODE } from '../../shared/editor/schema';
import { newParagraphId } from '../../shared/model/ids';
import { childPos, selectionBlock, textblockAt, unitRange } from './structure';

const cursorInto = (tr: Transaction, pos: number) => tr.setSelection(TextSelection.create(tr.doc, pos)).scrollIntoView();

/** First position inside the first textblock of a section (creating a paragraph if the section is empty). */
function enterSection(state: EditorState, tr: Transaction, sectionType: string, paragraphType: string): boolean {
  let found = -1;
  tr.doc.forEach((node, offset) => {
    if (node.type.name === sectionType) found = offset;
  });
  if (found < 0) return false;
  const section = tr.doc.nodeAt(found)!;
  if (section.childCount === 0) {
    tr.insert(found + 1, state.schema.nodes[paragraphType].create({ id: newParagraphId() }));
  }
  cursorInto(tr, found + 2);
  return true;
}

/**
 * Enter: a new paragraph of the same kind. At the start of a non-empty
 * paragraph the new one goes before it, so the existing text keeps its id.
 * In the title and authority line the cursor moves on. Enter on an empty
 * last preambular paragraph turns it into the first operative paragraph;
 * on an empty subparagraph it outdents, as in a list.
 */
export const splitParagraph: Command = (state, dispatch) => {
  const block = selectionBlock(state);
  if (!block) return false;
  const type = block.node.type.name;
  const tr = state.tr;
  if (type === NODE.title) {
    if (dispatch) dispatch(cursorInto(tr, block.pos + block.node.nodeSize + 1));
    return true;
  }
  if (type === NODE.authority) {
    if (dispatch && enterSection(state, tr, NODE.preamble, NODE.preambular)) dispatch(tr);
    return true;
  }
  const empty = block.node.content.size === 0;
  if (empty && type === NODE.subparagraph) return outdent(state, dispatch);
  if (empty && type === NODE.preambular && block.index === block.parent.childCount - 1) {
    if (!dispatch) return true;
    tr.delete(block.pos, block.pos + block.node.nodeSize);
    let opSection = -1;
    tr.doc.forEach((node, offset) => {
      if (node.type.name === NODE.operative) opSection = offset;
    });
    tr.insert(opSection + 1, state.schema.nodes[NODE.operativeParagraph].create({ id: newParagraphId() }));
    dispatch(cursorInto(tr, opSection + 2));
    return true;
  }
  if (!dispatch) return true;
  if (!state.selection.empty) tr.deleteSelection();
  const $from = tr.selection.$from;
  const current = textblockAt($from)!;
  const attrs = { ...current.node.attrs, id: newParagraphId() };
  if ($from.parentOffset === 0 && current.node.content.size > 0) {
    tr.insert(current.pos, current.node.type.create(attrs));
    dispatch(cursorInto(tr, current.pos + current.node.nodeSize + 2).setMeta('paragraph', 'insert-before'));
    return true;
  }
  // Marks at the cursor do not carry over: the opening phrase's italics are derived, not typed.
  tr.split($from.pos, 1, [{ type: current.node.type, attrs }]);
  dispatch(tr.scrollIntoView());
  return true;
};

/** Tab: an operative paragraph becomes a subparagraph of the one before; (a) becomes (i). */
export const indent: Command = (state, dispatch) => {
  const block = selectionBlock(state);
  if (!block) return false;
  const type = block.node.type.name;
  if (type === NODE.operativeParagraph) {
    if (block.index === 0) return false; // the operative part must start with a paragraph
    if (dispatch) dispatch(state.tr.setNodeMarkup(block.pos, state.schema.nodes[NODE.subparagraph], { id: block.node.attrs.id, level: 1 }));
    return true;
  }
  if (type === NODE.subparagraph) {
    const level = Number(block.node.attrs.level ?? 1);
    const prev = block.parent.child(block.index - 1);
    const prevLevel = prev.type.name === NODE.subparagraph ? Number(prev.attrs.level ?? 1) : 0;
    if (level >= 2 || prevLevel < level) return false; // no skipping levels
    if (dispatch) dispatch(state.tr.setNodeAttribute(block.pos, 'level', level + 1));
    return true;
  }
  return false;
};

/** Shift-Tab: (i) becomes (a); (a) becomes an operative paragraph. */
export const outdent: Command = (state, dispatch) => {
  const block = selectionBlock(state);
  if (!block || block.node.type.name !== NODE.subparagraph) return false;
  const level = Number(block.node.attrs.level ?? 1);
  if (!dispatch) return true;
  if (level > 1) dispatch(state.tr.setNodeAttribute(block.pos, 'level', level - 1));
  else dispatch(state.tr.setNodeMarkup(block.pos, state.schema.nodes[NODE.operativeParagraph], { id: block.node.attrs.id }));
  return true;
};

/**
 * Alt-Up / Alt-Down: moves the paragraph (an operative paragraph with its
 * subparagraphs) past its neighbour of the same kind. Ids travel with it.
 */
export const moveParagraph =
  (direction: -1 | 1): Command =>
  (state, dispatch) => {
    const block = selectionBlock(state);
    if (!block || block.parentPos < 0) return false;
    const section = block.parent;
    const index = block.index;
    // In the operative part, a subparagraph moves among its siblings; an OP moves with its items.
    const [start, end] = unitRange(section, index);
    const kind = section.child(start).type.name;
    const level = Number(section.child(start).attrs.level ?? 0);
    let otherStart: number;
    let otherEnd: number;
    if (direction < 0) {
      // The neighbour unit before: walk back to a node of the same kind and level.
      otherStart = start - 1;
      while (otherStart >= 0 && !sameKind(section.child(otherStart), kind, level)) {
        if (kind === NODE.subparagraph && !deeper(section.child(otherStart), level)) return false;
        otherStart--;
      }
      if (otherStart < 0) return false;
      otherEnd = start;
    } else {
      otherStart = end;
      if (otherStart >= section.childCount || !sameKind(section.child(otherStart), kind, level)) return false;
      otherEnd = unitRange(section, otherStart)[1];
    }
    if (!dispatch) return true;
    const first = Math.min(start, otherStart);
    const last = Math.max(end, otherEnd);
    const moving: PMNode[] = [];
    const other: PMNode[] = [];
    for (let i = start; i < end; i++) moving.push(section.child(i));
    for (let i = otherStart; i < otherEnd; i++) other.push(section.child(i));
    const from = childPos(section, block.parentPos, first);
    const to = childPos(section, block.parentPos, last);
    const offsetInBlock = state.selection.from - block.pos;
    const reordered = direction < 0 ? [...moving, ...other] : [...other, ...moving];
    const tr = state.tr.replaceWith(from, to, Fragment.from(reordered));
    // Keep the cursor in the moved paragraph.
    let newPos = from;
    const before = direction < 0 ? 0 : other.length;
    for (let i = 0; i < before; i++) newPos += reordered[i].nodeSize;
    for (let i = start; i < index; i++) newPos += section.child(i).nodeSize;
    dispatch(cursorInto(tr, newPos + offsetInBlock));
    return true;
  };

function sameKind(node: PMNode, kind: string, level: number) {
  return node.type.name === kind && (kind !== NODE.subparagraph || Number(node.attrs.level ?? 1) === level);
}

function deeper(node: PMNode, level: number) {
  return node.type.name === NODE.subparagraph && Number(node.attrs.level ?? 1) > level;
}
