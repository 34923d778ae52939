/**
 * The editor's document schema, as TipTap extensions. Shared so that the
 * server builds exactly the same ProseMirror schema (via getSchema) when it
 * writes a new document into a Y.XmlFragment, and reads it back.
 *
 *   doc         title authority preamble operative footnotes
 *   preamble    preambular*
 *   operative   operative_paragraph (operative_paragraph | subparagraph)*
 *   footnotes   footnote*
 *
 * Subparagraphs are flat siblings after their operative paragraph with a
 * `level` (1 = (a), 2 = (i)); the model nests them. Flat is what makes
 * Enter, Tab, move and paste simple in the editor.
 *
 * Only content and ids are stored. Numbers, letters and the italics of the
 * opening phrase are decorations computed from the text.
 */
import { Node, Mark, mergeAttributes, type Extensions } from '@tiptap/core';

/** The Y.XmlFragment name that holds the resolution body in every Y.Doc. */
export const BODY_FIELD = 'resolution';
/** The Y.Map name that holds the masthead (string values; sponsors as string[]). */
export const MASTHEAD_MAP = 'masthead';

export const NODE = {
  doc: 'doc',
  title: 'title',
  authority: 'authority',
  preamble: 'preamble',
  preambular: 'preambular',
  operative: 'operative',
  operativeParagraph: 'operative_paragraph',
  subparagraph: 'subparagraph',
  footnotes: 'footnotes',
  footnote: 'footnote',
  footnoteRef: 'footnote_ref',
  text: 'text',
} as const;

/** Node types that carry a stable paragraph id. */
export const PARAGRAPH_NODES: readonly string[] = [
  NODE.preambular,
  NODE.operativeParagraph,
  NODE.subparagraph,
  NODE.footnote,
];

const idAttribute = {
  id: {
    default: null as string | null,
    parseHTML: (el: HTMLElement) => el.getAttribute('data-id'),
    renderHTML: (attrs: Record<string, unknown>) => (attrs.id ? { 'data-id': attrs.id } : {}),
  },
  /**
   * Where the paragraph's text was taken from, when a delegate accepted an
   * agreed-language suggestion: "Conference resolution 10/2, OP11, 2020".
   * A fact about the text's history, so it is stored (unlike numbering).
   */
  provenance: {
    default: null as string | null,
    parseHTML: (el: HTMLElement) => el.getAttribute('data-provenance'),
    renderHTML: (attrs: Record<string, unknown>) => (attrs.provenance ? { 'data-provenance': attrs.provenance, title: `Agreed language from ${attrs.provenance}` } : {}),
  },
};

const ResolutionDoc = Node.create({
  name: NODE.doc,
  topNode: true,
  content: `${NODE.title} ${NODE.authority} ${NODE.preamble} ${NODE.operative} ${NODE.footnotes}`,
});

function textBlock(name: string, tag: string, cls: string, withId: boolean, extra: Record<string, unknown> = {}) {
  return Node.create({
    name,
    content: 'inline*',
    defining: true,
    addAttributes: () => (withId ? { ...idAttribute, ...extra } : { ...extra }),
    parseHTML: () => [{ tag: `${tag}.${cls}` }],
    renderHTML: ({ HTMLAttributes }) => [tag, mergeAttributes(HTMLAttributes, { class: cls }), 0],
  });
}

function section(name: string, content: string, cls: string) {
  return Node.create({
    name,
    content,
    isolating: true,
    parseHTML: () => [{ tag: `section.${cls}` }],
    renderHTML: ({ HTMLAttributes }) => ['section', mergeAttributes(HTMLAttributes, { class: cls }), 0],
  });
}

const Title = textBlock(NODE.title, 'h1', 'res-title', false);
const Authority = textBlock(NODE.authority, 'p', 'res-authority', false);
const Preambular = textBlock(NODE.preambular, 'p', 'res-pp', true);
const OperativeParagraph = textBlock(NODE.operativeParagraph, 'p', 'res-op', true);
const Subparagraph = textBlock(NODE.subparagraph, 'p', 'res-sub', true, {
  level: {
    default: 1,
    parseHTML: (el: HTMLElement) => Number(el.getAttribute('data-level') ?? '1') || 1,
    renderHTML: (attrs: Record<string, unknown>) => ({ 'data-level': String(attrs.level ?? 1) }),
  },
});
const Footnote = textBlock(NODE.footnote, 'p', 'res-footnote', true);

const Preamble = section(NODE.preamble, `${NODE.preambular}*`, 'res-preamble');
const Operative = section(
  NODE.operative,
  `${NODE.operativeParagraph} (${NODE.operativeParagraph} | ${NODE.subparagraph})*`,
  'res-operative',
);
const Footnotes = section(NODE.footnotes, `${NODE.footnote}*`, 'res-footnotes');

const FootnoteRef = Node.create({
  name: NODE.footnoteRef,
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  addAttributes: () => ({
    footnoteId: {
      default: null as string | null,
      parseHTML: (el: HTMLElement) => el.getAttribute('data-footnote'),
      renderHTML: (attrs: Record<string, unknown>) => ({ 'data-footnote': attrs.footnoteId }),
    },
  }),
  parseHTML: () => [{ tag: 'sup.res-fnref' }],
  // The visible number is a decoration (derived from document order).
  renderHTML: ({ HTMLAttributes }) => ['sup', mergeAttributes(HTMLAttributes, { class: 'res-fnref' })],
});

const Text = Node.create({ name: NODE.text, group: 'inline' });

const Italic = Mark.create({
  name: 'italic',
  parseHTML: () => [{ tag: 'em' }, { tag: 'i' }],
  renderHTML: () => ['em', 0],
});

const Bold = Mark.create({
  name: 'bold',
  parseHTML: () => [{ tag: 'strong' }, { tag: 'b' }],
  renderHTML: () => ['strong', 0],
});

/** The schema extensions. The editor adds behaviour (keys, decorations, collaboration) on top. */
export const resolutionSchemaExtensions: Extensions = [
  ResolutionDoc,
  Title,
  Authority,
  Preamble,
  Preambular,
  Operative,
  OperativeParagraph,
  Subparagraph,
  Footnotes,
  Footnote,
  FootnoteRef,
  Text,
  Italic,
  Bold,
];
