/**
 * Diagnostics in the text: an underline on the range (by severity) and a
 * marker on the paragraph. The list comes from the DiagnosticsStore through
 * a transaction meta; positions are found from paragraph ids each time.
 */
import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { NODE } from '../../../shared/editor/schema';
import type { Diagnostic, Fix } from '../../../shared/validation/types';
import { isParagraph } from '../structure';
import { textWithPositions } from './derived-marks';

export const diagnosticsKey = new PluginKey<{ list: Diagnostic[]; decorations: DecorationSet }>('diagnostics');

/** Position of the paragraph a diagnostic is about. */
export function paragraphPos(doc: PMNode, paragraphId: string): { node: PMNode; pos: number } | null {
  let found: { node: PMNode; pos: number } | null = null;
  doc.descendants((node, pos) => {
    if (found) return false;
    if ((paragraphId === 'authority' && node.type.name === NODE.authority) || (isParagraph(node) && node.attrs.id === paragraphId)) {
      found = { node, pos };
      return false;
    }
    return !node.isTextblock;
  });
  return found;
}

/** Document positions of a text range of a paragraph. */
export function rangePositions(node: PMNode, pos: number, start: number, end: number): { from: number; to: number } | null {
  const { positions } = textWithPositions(node, pos + 1);
  if (!positions.length) return { from: pos + 1, to: pos + 1 };
  if (start > positions.length) return null;
  const from = start < positions.length ? positions[start] : positions[positions.length - 1] + 1;
  const to = end > start ? positions[Math.min(end, positions.length) - 1] + 1 : from;
  return { from, to };
}

function build(doc: PMNode, list: Diagnostic[]): DecorationSet {
  const decorations: Decoration[] = [];
  const worst = new Map<string, string>();
  for (const d of list) {
    const at = paragraphPos(doc, d.paragraphId);
    if (!at) continue;
    const prev = worst.get(d.paragraphId);
    if (!prev || (prev !== 'error' && (d.severity === 'error' || prev === 'info'))) worst.set(d.paragraphId, d.severity);
    if (!d.range) continue;
    const r = rangePositions(at.node, at.pos, d.range.start, d.range.end);
    if (r && r.to > r.from) decorations.push(Decoration.inline(r.from, r.to, { class: `diag diag-${d.severity}`, title: `${d.rule}: ${d.message}` }));
  }
  for (const [id, severity] of worst) {
    const at = paragraphPos(doc, id);
    if (at) decorations.push(Decoration.node(at.pos, at.pos + at.node.nodeSize, { 'data-diagnostic': severity }));
  }
  return DecorationSet.create(doc, decorations);
}

export const Diagnostics = Extension.create({
  name: 'diagnostics',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: diagnosticsKey,
        state: {
          init: (_, state) => ({ list: [] as Diagnostic[], decorations: DecorationSet.create(state.doc, []) }),
          apply: (tr, old, _o, newState) => {
            const list = (tr.getMeta(diagnosticsKey) as Diagnostic[] | undefined) ?? old.list;
            if (list === old.list && !tr.docChanged) return old;
            return { list, decorations: list === old.list ? old.decorations.map(tr.mapping, tr.doc) : build(newState.doc, list) };
          },
        },
        props: { decorations: (state) => diagnosticsKey.getState(state)?.decorations },
      }),
    ];
  },
});

export function setDiagnostics(state: EditorState, list: Diagnostic[]): Transaction {
  return state.tr.setMeta(diagnosticsKey, list).setMeta('addToHistory', false);
}

/** Selects the diagnostic's range (or the paragraph start) and scrolls to it. */
export function jumpTo(state: EditorState, d: Diagnostic): Transaction | null {
  const at = paragraphPos(state.doc, d.paragraphId);
  if (!at) return null;
  const r = d.range ? rangePositions(at.node, at.pos, d.range.start, d.range.end) : null;
  const from = r?.from ?? at.pos + 1;
  const to = r?.to ?? from;
  return state.tr.setSelection(TextSelection.create(state.doc, from, to)).scrollIntoView();
}

/** Applies a suggested fix as one change (one undo step). */
export function applyFix(state: EditorState, d: Diagnostic, fix: Fix): Transaction | null {
  const at = paragraphPos(state.doc, d.paragraphId);
  if (!at) return null;
  const tr = state.tr;
  // Last edit first, so earlier offsets stay valid.
  for (const e of [...fix.edits].sort((a, b) => b.start - a.start)) {
    const r = rangePositions(at.node, at.pos, e.start, e.end);
    if (!r) return null;
    if (e.kind === 'replace') {
      if (e.text) tr.insertText(e.text, r.from, r.to);
      else tr.delete(r.from, r.to);
    } else tr.addMark(r.from, r.to, state.schema.marks.italic.create());
  }
  return tr.scrollIntoView();
}
