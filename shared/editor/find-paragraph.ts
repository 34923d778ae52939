/** Finding a paragraph element of the body in a Y.Doc by its stable id. */
import * as Y from 'yjs';
import { BODY_FIELD, PARAGRAPH_NODES } from './schema';

/** The paragraph element with this id, anywhere in the body, or null. */
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
