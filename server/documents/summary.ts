/** Cheap summaries of a live document for listings (no full conversion). */
import type * as Y from 'yjs';
import { BODY_FIELD, MASTHEAD_MAP, NODE } from '../../shared/editor/schema';

export function plainTextOfTitle(ydoc: Y.Doc): string {
  const body = ydoc.getXmlFragment(BODY_FIELD);
  for (const child of body.toArray()) {
    if ((child as Y.XmlElement).nodeName === NODE.title) {
      return (child as Y.XmlElement)
        .toArray()
        .map((t) => ('toJSON' in t && typeof (t as Y.XmlText).toJSON === 'function' ? (t as Y.XmlText).toJSON() : ''))
        .join('')
        .replace(/<[^>]+>/g, '');
    }
  }
  return '';
}

export function symbolOf(ydoc: Y.Doc): string {
  const value = ydoc.getMap(MASTHEAD_MAP).get('symbol');
  return typeof value === 'string' ? value : '';
}
