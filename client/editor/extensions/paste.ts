/**
 * Paste of several paragraphs keeps them as paragraphs of the kind under the
 * cursor. Numbers and letters typed in the pasted text ("3.", "(b)") are
 * dropped (they are derived) and "(a)"/"(i)" lines become subparagraphs in
 * the operative part. Paste from Penholder itself keeps its structure; the
 * id plugin then gives pasted copies fresh ids.
 */
import { Extension } from '@tiptap/core';
import { Fragment, Slice, type Node as PMNode, type Schema } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { NODE } from '../../../shared/editor/schema';
import { newParagraphId } from '../../../shared/model/ids';
import { selectionBlock } from '../structure';

const NUMBER = /^\s*\d{1,3}\.\s+/;
const LETTER = /^\s*\(([a-z]{1,2})\)\s+/;
const ROMAN = /^\s*\((i{1,3}|iv|v|vi{0,3}|ix|x{1,2})\)\s+/;

export interface PastedLine {
  text: string;
  /** 0 = paragraph, 1 = (a), 2 = (i) */
  level: number;
}

/**
 * Pure: splits pasted text into paragraphs and strips typed markers. A line
 * break at the very start or end of the text is kept as an empty line, so
 * the pasted paragraphs do not run into the text before or after the cursor.
 */
export function pastedLines(text: string): PastedLine[] {
  const normal = text.replace(/\r\n?/g, '\n');
  const lines = normal
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line): PastedLine => {
      if (ROMAN.test(line)) return { text: line.replace(ROMAN, ''), level: 2 };
      if (LETTER.test(line)) return { text: line.replace(LETTER, ''), level: 1 };
      return { text: line.replace(NUMBER, ''), level: 0 };
    });
  if (/^[ \t]*\n/.test(normal)) lines.unshift({ text: '', level: 0 });
  if (/\n[ \t]*$/.test(normal)) lines.push({ text: '', level: 0 });
  return lines;
}

function nodesFor(schema: Schema, lines: PastedLine[], context: string): PMNode[] {
  return lines.map(({ text, level }) => {
    const content = text ? schema.text(text) : undefined;
    const inOperative = context === NODE.operativeParagraph || context === NODE.subparagraph;
    if (inOperative && level > 0) return schema.nodes[NODE.subparagraph].create({ id: newParagraphId(), level }, content);
    const type = inOperative ? NODE.operativeParagraph : context;
    return schema.nodes[type].create({ id: newParagraphId() }, content);
  });
}

export const StructuredPaste = Extension.create({
  name: 'structuredPaste',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('structuredPaste'),
        props: {
          handlePaste(view, event) {
            const html = event.clipboardData?.getData('text/html') ?? '';
            if (html.includes('data-id=') || html.includes('res-op') || html.includes('res-pp')) return false; // our own structure
            const text = event.clipboardData?.getData('text/plain') ?? '';
            if (!/\n/.test(text.trim())) return false; // a single line: ordinary inline paste
            const block = selectionBlock(view.state);
            if (!block) return false;
            const context = block.node.type.name;
            const lines = pastedLines(text);
            if (context === NODE.title || context === NODE.authority) {
              view.dispatch(view.state.tr.insertText(lines.map((l) => l.text).join(' ')));
              return true;
            }
            const nodes = nodesFor(view.state.schema, lines, context);
            // Open on both sides: the first line joins the text before the cursor, the last the text after it.
            view.dispatch(view.state.tr.replaceSelection(new Slice(Fragment.from(nodes), 1, 1)).scrollIntoView());
            return true;
          },
        },
      }),
    ];
  },
});
