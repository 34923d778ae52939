/**
 * Model ⇄ Y.Doc: the body goes into the Y.XmlFragment the editor binds to,
 * the masthead into a Y.Map. Used by the server to write a new document's
 * initial content (clients never seed) and to read documents back.
 */
import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { emptyMasthead, type Masthead, type Resolution } from '../model/types';
import { prosemirrorJSONToResolution, resolutionToProsemirrorJSON } from './convert';
import { BODY_FIELD, MASTHEAD_MAP, resolutionSchemaExtensions } from './schema';

let schema: ReturnType<typeof getSchema> | null = null;
export const editorSchema = () => (schema ??= getSchema(resolutionSchemaExtensions));

export function writeResolutionToYDoc(res: Resolution, ydoc: Y.Doc): void {
  const json = resolutionToProsemirrorJSON(res);
  editorSchema().nodeFromJSON(json).check();
  ydoc.transact(() => {
    prosemirrorJSONToYXmlFragment(editorSchema(), json, ydoc.getXmlFragment(BODY_FIELD));
    writeMasthead(res.masthead, ydoc);
  });
}

export function writeMasthead(masthead: Masthead, ydoc: Y.Doc): void {
  const map = ydoc.getMap<unknown>(MASTHEAD_MAP);
  ydoc.transact(() => {
    for (const [key, value] of Object.entries(masthead)) map.set(key, Array.isArray(value) ? [...value] : value);
  });
}

export function readMasthead(ydoc: Y.Doc): Masthead {
  const map = ydoc.getMap<unknown>(MASTHEAD_MAP);
  const m = emptyMasthead();
  for (const key of Object.keys(m) as (keyof Masthead)[]) {
    const value = map.get(key);
    if (key === 'sponsors') m.sponsors = Array.isArray(value) ? value.map(String) : [];
    else if (typeof value === 'string') m[key] = value;
  }
  return m;
}

export function readResolutionFromYDoc(ydoc: Y.Doc): Resolution {
  const json = yXmlFragmentToProsemirrorJSON(ydoc.getXmlFragment(BODY_FIELD));
  return prosemirrorJSONToResolution(json, readMasthead(ydoc));
}
