/**
 * Writes the plain-text form: the seed files' markdown-like form, which the
 * importer reads back to the same model. Numbers, letters and the italics of
 * opening phrases are derived here, as they are in the editor.
 */
import { paragraphLabels, subparagraphMarker } from '../model/labels';
import { openingPhrase, type OpeningKind } from '../model/opening';
import type { Footnote, Inline, NumberedDocument, Resolution, Subparagraph } from '../model/types';
import { serializeInline } from './inline';
import { serializeMasthead } from './masthead';

/** Footnote numbers in order of first reference; unreferenced ones follow. */
export function footnoteNumbers(contents: Inline[][], footnotes: Footnote[]): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const content of contents) {
    for (const node of content) if (node.type === 'footnoteRef' && !numbers.has(node.footnoteId)) numbers.set(node.footnoteId, numbers.size + 1);
  }
  for (const f of footnotes) if (!numbers.has(f.id)) numbers.set(f.id, numbers.size + 1);
  return numbers;
}

/** Inline content with the derived opening phrase made italic. */
export function withItalicOpening(content: Inline[], kind: OpeningKind): Inline[] {
  const first = content[0];
  if (!first || first.type !== 'text') return content;
  const { end } = openingPhrase(first.text, kind);
  if (end <= 0) return content;
  const marks = [...new Set([...(first.marks ?? []), 'italic' as const])];
  const head: Inline = { type: 'text', text: first.text.slice(0, end), marks };
  const tail: Inline[] = end < first.text.length ? [{ ...first, text: first.text.slice(end) }] : [];
  return [head, ...tail, ...content.slice(1)];
}

export function resolutionToText(res: Resolution): string {
  const all: Inline[][] = [
    res.title,
    ...res.preamble.map((p) => p.content),
    ...res.operative.flatMap((p) => [p.content, ...flattenSubs(p.subparagraphs).map((s) => s.content)]),
  ];
  const numbers = footnoteNumbers(all, res.footnotes);
  const ref = (id: string) => String(numbers.get(id) ?? '?');
  const blocks: string[] = [...serializeMasthead(res.masthead)];
  if (res.title.length) blocks.push(`## ${serializeInline(res.title, ref)}`);
  blocks.push(res.authority);
  for (const pp of res.preamble) blocks.push(serializeInline(withItalicOpening(pp.content, 'preambular'), ref));
  const markers = new Map(paragraphLabels(res).map((l) => [l.id, l.marker]));
  for (const op of res.operative) {
    const marker = markers.get(op.id);
    blocks.push(`${marker ? marker + ' ' : ''}${serializeInline(withItalicOpening(op.content, 'operative'), ref)}`);
    writeSubs(blocks, op.subparagraphs, 1, ref);
  }
  const notes = [...res.footnotes].sort((a, b) => (numbers.get(a.id) ?? 0) - (numbers.get(b.id) ?? 0));
  if (notes.length) {
    blocks.push('---');
    for (const f of notes) blocks.push(`<sup>${ref(f.id)}</sup> ${serializeInline(f.content, ref)}`);
  }
  return blocks.join('\n\n') + '\n';
}

function writeSubs(blocks: string[], subs: Subparagraph[], level: number, ref: (id: string) => string) {
  subs.forEach((s, i) => {
    blocks.push(`${subparagraphMarker(level, i)} ${serializeInline(s.content, ref)}`);
    writeSubs(blocks, s.subparagraphs, level + 1, ref);
  });
}

export function flattenSubs(subs: Subparagraph[]): Subparagraph[] {
  return subs.flatMap((s) => [s, ...flattenSubs(s.subparagraphs)]);
}

export function numberedToText(doc: NumberedDocument): string {
  const all = doc.sections.flatMap((s) => s.paragraphs.map((p) => p.content));
  const numbers = footnoteNumbers(all, doc.footnotes);
  const ref = (id: string) => String(numbers.get(id) ?? '?');
  const blocks: string[] = [];
  if (doc.preface) blocks.push(...doc.preface.split('\n'));
  for (const section of doc.sections) {
    if (section.heading) blocks.push(`## ${section.heading}`);
    for (const p of section.paragraphs) blocks.push(`${p.number}. ${serializeInline(p.content, ref)}`);
  }
  if (doc.footnotes.length) {
    blocks.push('---');
    for (const f of doc.footnotes) blocks.push(`<sup>${ref(f.id)}</sup> ${serializeInline(f.content, ref)}`);
  }
  return blocks.join('\n\n') + '\n';
}
