/**
 * "Highlight new language": marks the spans of each paragraph that match no
 * prior text, from the server's provenance map (POST /api/provenance).
 * Spans are offsets in a paragraph's plain text; positions are found from
 * paragraph ids, as for diagnostics.
 */
import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { paragraphPos, rangePositions } from '../extensions/diagnostics';

export interface ProvenanceSpan {
  start: number;
  end: number;
  text: string;
  source?: { citation: string };
}

export interface ParagraphProvenance {
  id?: string;
  label?: string;
  spans: ProvenanceSpan[];
  agreedShare: number;
}

const key = new PluginKey<{ map: ParagraphProvenance[] | null; decorations: DecorationSet }>('provenance');

function build(doc: PMNode, map: ParagraphProvenance[] | null): DecorationSet {
  if (!map) return DecorationSet.empty;
  const out: Decoration[] = [];
  for (const p of map) {
    if (!p.id) continue;
    const at = paragraphPos(doc, p.id);
    if (!at) continue;
    for (const s of p.spans) {
      const r = rangePositions(at.node, at.pos, s.start, s.end);
      if (!r || r.to <= r.from) continue;
      out.push(
        Decoration.inline(r.from, r.to, s.source ? { class: 'agreed-language', title: `Agreed language: ${s.source.citation}` } : { class: 'new-language', title: 'New language: no prior text has these words' }),
      );
    }
  }
  return DecorationSet.create(doc, out);
}

export const ProvenanceHighlight = Extension.create({
  name: 'provenanceHighlight',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key,
        state: {
          init: () => ({ map: null as ParagraphProvenance[] | null, decorations: DecorationSet.empty }),
          apply: (tr, old, _o, state) => {
            const next = tr.getMeta(key) as { map: ParagraphProvenance[] | null } | undefined;
            if (next) return { map: next.map, decorations: build(state.doc, next.map) };
            return tr.docChanged ? { map: old.map, decorations: old.decorations.map(tr.mapping, tr.doc) } : old;
          },
        },
        props: { decorations: (state) => key.getState(state)?.decorations },
      }),
    ];
  },
});

/** Shows a provenance map (null: highlighting off). */
export const setProvenance = (state: EditorState, map: ParagraphProvenance[] | null): Transaction => state.tr.setMeta(key, { map }).setMeta('addToHistory', false);
