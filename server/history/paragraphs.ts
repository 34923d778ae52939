/** Finding paragraphs in a Y.Doc: by id, and the paragraph a Y.Item belongs to. */
import * as Y from 'yjs';
import { MASTHEAD_MAP, NODE, PARAGRAPH_NODES } from '../../shared/editor/schema';

/** A place in the document a change touched: a paragraph (with id), the title, the authority line or the masthead. */
export interface Place {
  id: string | null;
  /** The node name: operative_paragraph, title, masthead, … */
  kind: string;
}

const UNLABELLED_BLOCKS: readonly string[] = [NODE.title, NODE.authority];

/** The paragraph (or title/authority/masthead) that contains a struct. */
export function placeOf(item: Y.Item): Place | null {
  let type: Y.AbstractType<unknown> | null = item.parent as Y.AbstractType<unknown> | null;
  while (type) {
    if (type instanceof Y.XmlElement) {
      if (PARAGRAPH_NODES.includes(type.nodeName)) return { id: (type.getAttribute('id') as string | undefined) ?? null, kind: type.nodeName };
      if (UNLABELLED_BLOCKS.includes(type.nodeName)) return { id: null, kind: type.nodeName };
    }
    if (type instanceof Y.Map && type.doc && type === (type.doc.getMap(MASTHEAD_MAP) as unknown)) return { id: null, kind: 'masthead' };
    type = (type._item?.parent as Y.AbstractType<unknown> | undefined) ?? null;
  }
  return null;
}

export { findParagraph } from '../../shared/editor/find-paragraph';
