/**
 * Derived, never stored: operative numbers, subparagraph letters, footnote
 * numbers and the italics of each paragraph's opening phrase, drawn as
 * decorations recomputed from the text on every change.
 */
import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { footnoteNumbers, operativeMarkers } from '../../../shared/editor/markers';
import { NODE } from '../../../shared/editor/schema';
import { openingPhrase, type OpeningKind } from '../../../shared/model/opening';

export const derivedMarksKey = new PluginKey<DecorationSet>('derivedMarks');

/** The paragraph's text with, for each character, its document position. */
export function textWithPositions(node: PMNode, start: number): { text: string; positions: number[] } {
  let text = '';
  const positions: number[] = [];
  node.forEach((child, offset) => {
    if (!child.isText) return;
    for (let i = 0; i < child.text!.length; i++) positions.push(start + offset + i);
    text += child.text;
  });
  return { text, positions };
}

function openingDecoration(node: PMNode, pos: number, kind: OpeningKind): Decoration | null {
  const { text, positions } = textWithPositions(node, pos + 1);
  if (!text.trim()) return null;
  const { end } = openingPhrase(text, kind);
  const lead = text.length - text.trimStart().length;
  if (end <= lead) return null;
  return Decoration.inline(positions[lead], positions[end - 1] + 1, { class: 'opening-phrase' });
}

export function derivedDecorations(doc: PMNode): DecorationSet {
  const decorations: Decoration[] = [];
  const refs: { pos: number; id: string | null }[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === NODE.footnoteRef) refs.push({ pos, id: node.attrs.footnoteId });
    return true;
  });
  const fnNumbers = footnoteNumbers(refs.map((r) => r.id));
  for (const ref of refs) {
    const n = ref.id ? fnNumbers.get(ref.id) : undefined;
    decorations.push(Decoration.node(ref.pos, ref.pos + 1, { 'data-n': n ? String(n) : '?' }));
  }

  doc.forEach((section, sectionOffset) => {
    const name = section.type.name;
    if (name === NODE.preamble) {
      section.forEach((p, offset) => {
        const pos = sectionOffset + 1 + offset;
        const d = openingDecoration(p, pos, 'preambular');
        if (d) decorations.push(d);
      });
    } else if (name === NODE.operative) {
      const blocks: { node: PMNode; pos: number }[] = [];
      section.forEach((p, offset) => blocks.push({ node: p, pos: sectionOffset + 1 + offset }));
      const markers = operativeMarkers(blocks.map((b) => ({ type: b.node.type.name, level: Number(b.node.attrs.level ?? 1) })));
      blocks.forEach(({ node, pos }, i) => {
        const level = node.type.name === NODE.subparagraph ? Math.min(2, Number(node.attrs.level ?? 1)) : 0;
        decorations.push(Decoration.node(pos, pos + node.nodeSize, { 'data-marker': markers[i], 'data-depth': String(level) }));
        if (node.type.name === NODE.operativeParagraph) {
          const d = openingDecoration(node, pos, 'operative');
          if (d) decorations.push(d);
        }
      });
    } else if (name === NODE.footnotes) {
      section.forEach((f, offset) => {
        const pos = sectionOffset + 1 + offset;
        const n = f.attrs.id ? fnNumbers.get(f.attrs.id) : undefined;
        decorations.push(Decoration.node(pos, pos + f.nodeSize, { 'data-marker': n ? String(n) : '–' }));
      });
    }
  });
  return DecorationSet.create(doc, decorations);
}

export const DerivedMarks = Extension.create({
  name: 'derivedMarks',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: derivedMarksKey,
        state: {
          init: (_, state) => derivedDecorations(state.doc),
          apply: (tr, old, _oldState, newState) => (tr.docChanged ? derivedDecorations(newState.doc) : old),
        },
        props: { decorations: (state) => derivedMarksKey.getState(state) },
      }),
    ];
  },
});
