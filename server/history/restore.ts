/**
 * Restoring one paragraph from an earlier version: its content (and
 * attributes, such as a subparagraph's level) replace the current ones. A
 * paragraph deleted since comes back after the paragraph that preceded it
 * then, if that one still exists, else at the start of its section.
 */
import * as Y from 'yjs';
import { BODY_FIELD } from '../../shared/editor/schema';
import { findParagraph } from './paragraphs';

function sameContent(a: Y.XmlElement, b: Y.XmlElement): boolean {
  return a.toString() === b.toString() && JSON.stringify(a.getAttributes()) === JSON.stringify(b.getAttributes());
}

function sectionNamed(ydoc: Y.Doc, name: string): Y.XmlElement | null {
  for (const child of ydoc.getXmlFragment(BODY_FIELD).toArray()) if (child instanceof Y.XmlElement && child.nodeName === name) return child;
  return null;
}

/** Returns an edit for changeOnBehalf. `old` lives in the version's Y.Doc. */
export function restoreParagraph(old: Y.XmlElement, paragraphId: string) {
  return (copy: Y.Doc) => {
    copy.transact(() => {
      const current = findParagraph(copy, paragraphId);
      if (current) {
        if (sameContent(current, old)) return;
        current.delete(0, current.length);
        current.insert(0, old.toArray().map((child) => child.clone() as Y.XmlElement | Y.XmlText));
        const oldAttrs = old.getAttributes();
        for (const [key, value] of Object.entries(oldAttrs)) if (current.getAttribute(key) !== value) current.setAttribute(key, value as string);
        for (const key of Object.keys(current.getAttributes())) if (!(key in oldAttrs)) current.removeAttribute(key);
        return;
      }
      const oldSection = old.parent as Y.XmlElement | null;
      const section = oldSection ? sectionNamed(copy, oldSection.nodeName) : null;
      if (!section) throw new Error('the paragraph’s section no longer exists');
      let index = 0;
      for (let prev = old.prevSibling; prev; prev = prev.prevSibling) {
        const id = prev instanceof Y.XmlElement ? prev.getAttribute('id') : undefined;
        const kept = id ? findParagraph(copy, id) : null;
        if (kept && kept.parent === section) {
          index = section.toArray().indexOf(kept) + 1;
          break;
        }
      }
      section.insert(index, [old.clone()]);
    });
  };
}
