/**
 * Model ⇄ editor document (ProseMirror JSON). The editor keeps subparagraphs
 * as flat siblings with a level; the model nests them.
 */
import type { JSONContent } from '@tiptap/core';
import { newFootnoteId, newParagraphId } from '../model/ids';
import type { Footnote, Inline, MarkName, Masthead, OperativeParagraph, Resolution, Subparagraph } from '../model/types';
import { NODE } from './schema';

function inlineToJSON(content: Inline[]): JSONContent[] {
  return content.map((n): JSONContent => {
    if (n.type === 'footnoteRef') return { type: NODE.footnoteRef, attrs: { footnoteId: n.footnoteId } };
    const node: JSONContent = { type: 'text', text: n.text };
    if (n.marks?.length) node.marks = n.marks.map((m) => ({ type: m }));
    return node;
  });
}

function block(type: string, content: Inline[], attrs?: Record<string, unknown>): JSONContent {
  const node: JSONContent = { type };
  if (attrs) node.attrs = attrs;
  const inline = inlineToJSON(content).filter((n) => n.type !== 'text' || n.text);
  if (inline.length) node.content = inline;
  return node;
}

function subsToJSON(subs: Subparagraph[], level: number): JSONContent[] {
  return subs.flatMap((s) => [block(NODE.subparagraph, s.content, { id: s.id, level }), ...subsToJSON(s.subparagraphs, level + 1)]);
}

export function resolutionToProsemirrorJSON(res: Resolution): JSONContent {
  const operative = res.operative.flatMap((op) => [block(NODE.operativeParagraph, op.content, { id: op.id }), ...subsToJSON(op.subparagraphs, 1)]);
  return {
    type: NODE.doc,
    content: [
      block(NODE.title, res.title),
      block(NODE.authority, res.authority ? [{ type: 'text', text: res.authority }] : []),
      { type: NODE.preamble, content: res.preamble.map((p) => block(NODE.preambular, p.content, { id: p.id })) },
      // The schema needs at least one operative paragraph.
      { type: NODE.operative, content: operative.length ? operative : [block(NODE.operativeParagraph, [], { id: newParagraphId() })] },
      { type: NODE.footnotes, content: res.footnotes.map((f) => block(NODE.footnote, f.content, { id: f.id })) },
    ],
  };
}

function inlineFromJSON(nodes: JSONContent[] | undefined): Inline[] {
  const out: Inline[] = [];
  for (const n of nodes ?? []) {
    if (n.type === NODE.footnoteRef && n.attrs?.footnoteId) out.push({ type: 'footnoteRef', footnoteId: String(n.attrs.footnoteId) });
    else if (n.type === 'text' && n.text) {
      const marks = (n.marks ?? []).map((m) => m.type).filter((m): m is MarkName => m === 'italic' || m === 'bold');
      const prev = out[out.length - 1];
      if (prev?.type === 'text' && (prev.marks ?? []).join() === marks.join()) prev.text += n.text;
      else out.push(marks.length ? { type: 'text', text: n.text, marks } : { type: 'text', text: n.text });
    }
  }
  return out;
}

const idOf = (n: JSONContent): string => (typeof n.attrs?.id === 'string' && n.attrs.id ? n.attrs.id : newParagraphId());
const textOf = (n: JSONContent | undefined): string => inlineFromJSON(n?.content).map((i) => (i.type === 'text' ? i.text : '')).join('');

export function prosemirrorJSONToResolution(json: JSONContent, masthead: Masthead): Resolution {
  const section = (type: string) => json.content?.find((n) => n.type === type);
  const res: Resolution = {
    masthead,
    title: inlineFromJSON(section(NODE.title)?.content),
    authority: textOf(section(NODE.authority)),
    preamble: (section(NODE.preamble)?.content ?? [])
      .filter((n) => n.type === NODE.preambular)
      .map((n) => ({ kind: 'preambular' as const, id: idOf(n), content: inlineFromJSON(n.content) })),
    operative: [],
    footnotes: (section(NODE.footnotes)?.content ?? []).map((n): Footnote => ({ id: typeof n.attrs?.id === 'string' ? n.attrs.id : newFootnoteId(), content: inlineFromJSON(n.content) })),
  };
  // Rebuild the nesting: level-1 items under the last OP, level-2 under the last level-1 item.
  let op: OperativeParagraph | null = null;
  let parents: Subparagraph[] = [];
  for (const n of section(NODE.operative)?.content ?? []) {
    if (n.type === NODE.operativeParagraph) {
      op = { kind: 'operative', id: idOf(n), content: inlineFromJSON(n.content), subparagraphs: [] };
      res.operative.push(op);
      parents = [];
    } else if (n.type === NODE.subparagraph) {
      const sub: Subparagraph = { kind: 'subparagraph', id: idOf(n), content: inlineFromJSON(n.content), subparagraphs: [] };
      if (!op) {
        // An item with no operative paragraph before it becomes one.
        op = { kind: 'operative', id: sub.id, content: sub.content, subparagraphs: [] };
        res.operative.push(op);
        continue;
      }
      const level = Math.max(1, Math.min(Number(n.attrs?.level ?? 1) || 1, parents.length + 1));
      parents = parents.slice(0, level - 1);
      (level === 1 ? op.subparagraphs : parents[level - 2].subparagraphs).push(sub);
      parents.push(sub);
    }
  }
  return res;
}
