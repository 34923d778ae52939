/**
 * Reading paragraphs straight from the Y.Doc while the log is replayed:
 * which paragraphs an update touched (from its new and deleted items), and
 * a paragraph's current text in the form of shared/compare/units.ts (a
 * footnote reference counts as one FOOTNOTE_MARK).
 */
import * as Y from 'yjs';
import { AUTHORITY_ID, FOOTNOTE_MARK, TITLE_ID } from '../../shared/compare/units';
import { BODY_FIELD, NODE, PARAGRAPH_NODES } from '../../shared/editor/schema';

/** A paragraph's id even when its element is deleted (the attribute item keeps its content with gc off). */
function rawId(el: Y.XmlElement): string | null {
  const item = el._map.get('id');
  const value = item ? item.content.getContent()[0] : undefined;
  return typeof value === 'string' ? value : null;
}

/** The unit id of the paragraph (or title / authority line) an item belongs to, if any. */
function unitOf(item: Y.Item): string | null {
  let type: Y.AbstractType<unknown> | null = item.content instanceof Y.ContentType ? (item.content.type as Y.AbstractType<unknown>) : (item.parent as Y.AbstractType<unknown> | null);
  while (type) {
    if (type instanceof Y.XmlElement) {
      if (PARAGRAPH_NODES.includes(type.nodeName)) return rawId(type);
      if (type.nodeName === NODE.title) return TITLE_ID;
      if (type.nodeName === NODE.authority) return AUTHORITY_ID;
    }
    type = (type._item?.parent as Y.AbstractType<unknown> | undefined) ?? null;
  }
  return null;
}

function structsBetween(ydoc: Y.Doc, client: number, from: number, to: number): Y.Item[] {
  const structs = ydoc.store.clients.get(client);
  const out: Y.Item[] = [];
  if (!structs || from >= to) return out;
  for (let i = Y.findIndexSS(structs, from); i < structs.length; i++) {
    const s = structs[i];
    if (s.id.clock >= to) break;
    if (s instanceof Y.Item) out.push(s);
  }
  return out;
}

/** Unit ids whose content one transaction changed (created or deleted items in them). */
export function touchedUnits(tr: Y.Transaction): Set<string> {
  const ids = new Set<string>();
  const add = (item: Y.Item) => {
    const id = unitOf(item);
    if (id) ids.add(id);
  };
  for (const [client, after] of tr.afterState) for (const item of structsBetween(tr.doc, client, tr.beforeState.get(client) ?? 0, after)) add(item);
  for (const [client, ranges] of tr.deleteSet.clients) for (const r of ranges) for (const item of structsBetween(tr.doc, client, r.clock, r.clock + r.len)) add(item);
  return ids;
}

/** Every unit's current element: paragraphs by id, the title and the authority line. */
export function currentElements(ydoc: Y.Doc, only?: Set<string>): Map<string, Y.XmlElement> {
  const out = new Map<string, Y.XmlElement>();
  const visit = (type: Y.XmlFragment | Y.XmlElement) => {
    for (const child of type.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      let id: string | null = null;
      if (PARAGRAPH_NODES.includes(child.nodeName)) id = (child.getAttribute('id') as string | undefined) ?? null;
      else if (child.nodeName === NODE.title) id = TITLE_ID;
      else if (child.nodeName === NODE.authority) id = AUTHORITY_ID;
      else {
        visit(child);
        continue;
      }
      if (id && !out.has(id) && (!only || only.has(id))) out.set(id, child);
    }
  };
  visit(ydoc.getXmlFragment(BODY_FIELD));
  return out;
}

export function elementText(el: Y.XmlElement): string {
  let text = '';
  for (const child of el.toArray()) {
    if (child instanceof Y.XmlText) {
      for (const op of child.toDelta() as Array<{ insert?: unknown }>) if (typeof op.insert === 'string') text += op.insert;
    } else if (child instanceof Y.XmlElement && child.nodeName === NODE.footnoteRef) text += FOOTNOTE_MARK;
  }
  return text;
}
