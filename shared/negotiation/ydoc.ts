/**
 * Reading and writing the negotiation maps of a Y.Doc. The editor, the
 * server (API, reset on change) and the tests write with these same
 * functions, so everyone produces exactly the shapes the server accepts.
 */
import * as Y from 'yjs';
import { findParagraph } from '../editor/find-paragraph';
import { COMMENTS_MAP, RESOLVED_MAP, STATUS_MAP, type Actor, type Comment, type ParagraphStatus, type Resolution, type StatusEntry } from './types';

export const statusMap = (ydoc: Y.Doc) => ydoc.getMap<StatusEntry>(STATUS_MAP);
export const commentsMap = (ydoc: Y.Doc) => ydoc.getMap<Comment>(COMMENTS_MAP);

export const readStatuses = (ydoc: Y.Doc): Map<string, StatusEntry> => new Map(statusMap(ydoc).entries());
export const resolvedMap = (ydoc: Y.Doc) => ydoc.getMap<Resolution>(RESOLVED_MAP);
export const readComments = (ydoc: Y.Doc): Map<string, Comment> => new Map(commentsMap(ydoc).entries());
export const readResolutions = (ydoc: Y.Doc): Map<string, Resolution> => new Map(resolvedMap(ydoc).entries());

/** The paragraph element with this id in the body, or null. */
export const paragraphElement = findParagraph;

/**
 * The content of a paragraph as one string: text, formatting and footnote
 * references, without the paragraph's attributes (id, level, provenance).
 * Equal before and after a move; different after any edit of the text.
 */
export const paragraphFingerprint = (el: Y.XmlElement): string => el.toArray().map((child) => child.toString()).join('');

/** Sets a paragraph's status in `actor`'s name, recording the agreed content. */
export function setStatus(ydoc: Y.Doc, paragraphId: string, status: ParagraphStatus, actor: Actor, reason?: string, now = new Date()): void {
  const el = paragraphElement(ydoc, paragraphId);
  const entry: StatusEntry = { status, by: { delegation: actor.delegation, name: actor.name, role: actor.role }, at: now.toISOString() };
  if (reason) entry.reason = reason;
  if (status !== 'pending' && el) entry.text = paragraphFingerprint(el);
  statusMap(ydoc).set(paragraphId, entry);
}

const newId = () => `c-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/** Adds a comment (a reply when `parentId` is given); returns its id. */
export function addComment(ydoc: Y.Doc, author: Actor, paragraphId: string, text: string, parentId: string | null = null, now = new Date()): string {
  const id = newId();
  commentsMap(ydoc).set(id, { id, paragraphId, parentId, delegation: author.delegation, name: author.name, text, at: now.toISOString() });
  return id;
}

export function editComment(ydoc: Y.Doc, id: string, text: string, now = new Date()): void {
  const current = commentsMap(ydoc).get(id);
  if (current) commentsMap(ydoc).set(id, { ...current, text, edited: now.toISOString() });
}

/** Resolves (or with `resolved` false, reopens) the thread whose first comment is `rootId`. */
export function resolveThread(ydoc: Y.Doc, rootId: string, actor: Actor, resolved = true, now = new Date()): void {
  if (resolved) resolvedMap(ydoc).set(rootId, { by: { delegation: actor.delegation, name: actor.name, role: actor.role }, at: now.toISOString() });
  else if (resolvedMap(ydoc).has(rootId)) resolvedMap(ydoc).delete(rootId);
}

export function deleteComment(ydoc: Y.Doc, id: string): void {
  commentsMap(ydoc).delete(id);
}
