/** Finding paragraphs in a Y.Doc: by id, and the paragraph a Y.Item belongs to. */
import * as Y from 'yjs';
import { BODY_FIELD, MASTHEAD_MAP, NODE, PARAGRAPH_NODES } from '../../shared/editor/schema';

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

/** The paragraph element with this id, anywhere in the body. */
export function findParagraph(ydoc: Y.Doc, id: string): Y.XmlElement | null {
  const visit = (node: Y.XmlElement | Y.XmlFragment): Y.XmlElement | null => {
    for (const child of node.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      if (PARAGRAPH_NODES.includes(child.nodeName)) {
        if (child.getAttribute('id') === id) return child;
      } else {
        const found = visit(child);
        if (found) return found;
      }
    }
    return null;
  };
  return visit(ydoc.getXmlFragment(BODY_FIELD));
}
