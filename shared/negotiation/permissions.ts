/**
 * Who may write what in the status and comments maps. Pure: the server's
 * authorize hook applies these to every write of an incoming update, and
 * the editor uses the same functions to offer only what the server accepts.
 *
 * - A status is set by the facilitator, the secretariat, the administrator
 *   or the server itself (system), in its own name (`by`).
 * - Anyone who may write adds comments in their own name (delegation and
 *   name), edits and deletes only their own, and cannot change who wrote a
 *   comment, where it is, or when.
 * - A thread is resolved or reopened (its entry in the resolved map) by the
 *   facilitator, the secretariat, the administrator or the thread's author,
 *   in their own name.
 */
import { isStatus, type Actor, type Comment } from './types';

/** The roles that set statuses and resolve any thread. */
const CHAIRS = new Set(['facilitator', 'secretariat', 'admin', 'system']);

export const canSetStatus = (role: string): boolean => CHAIRS.has(role);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isActor = (v: unknown): v is Actor => isObject(v) && typeof v.delegation === 'string' && typeof v.name === 'string' && typeof v.role === 'string';
const isTime = (v: unknown) => typeof v === 'string' && !Number.isNaN(Date.parse(v));
const sameActor = (a: { delegation: string; name: string }, b: { delegation: string; name: string }) => a.delegation === b.delegation && a.name === b.name;

export const MAX_COMMENT_LENGTH = 5000;

/** Why `actor` may not write `next` as the status of paragraph `key` (undefined: remove the entry); null when allowed. */
export function statusWriteError(actor: Actor, key: string, next: unknown): string | null {
  if (!canSetStatus(actor.role)) return `Only the facilitator or the secretariat sets the status of a paragraph; you are ${actor.role === 'observer' || actor.role === 'admin' ? 'an' : 'a'} ${actor.role}`;
  if (next === undefined) return actor.role === 'system' ? null : 'A paragraph status is set to pending, not removed';
  if (!isObject(next) || !isStatus(next.status) || !isActor(next.by) || !isTime(next.at)) return `The status of paragraph ${key} must be {status: pending|ad-ref|agreed, by, at}`;
  if (actor.role !== 'system' && !sameActor(next.by, actor)) return `A status is set in your own name (${actor.delegation}), not as ${next.by.delegation}`;
  return null;
}

function validComment(key: string, v: unknown): v is Comment {
  return (
    isObject(v) &&
    v.id === key &&
    typeof v.paragraphId === 'string' &&
    v.paragraphId !== '' &&
    (v.parentId === null || typeof v.parentId === 'string') &&
    typeof v.delegation === 'string' &&
    typeof v.name === 'string' &&
    typeof v.text === 'string' &&
    v.text.trim() !== '' &&
    v.text.length <= MAX_COMMENT_LENGTH &&
    isTime(v.at) &&
    (v.edited === undefined || isTime(v.edited))
  );
}

/**
 * Why `actor` may not write `next` as comment `key` (undefined: delete it),
 * given the comment as it is now (`current`, undefined when new); null when allowed.
 */
export function commentWriteError(actor: Actor, key: string, current: Comment | undefined, next: unknown): string | null {
  if (actor.role === 'observer') return 'Observers cannot comment';
  if (actor.role === 'system') return null;
  if (next === undefined) {
    if (current && !sameActor(current, actor)) return `Only its author (${current.delegation}) can delete this comment`;
    return null;
  }
  if (!validComment(key, next)) return `A comment must be {id, paragraphId, parentId, delegation, name, text (1–${MAX_COMMENT_LENGTH} characters), at}`;
  if (!current) {
    if (!sameActor(next, actor)) return `A comment is written in your own name (${actor.delegation}, ${actor.name}), not as ${next.delegation} (${next.name})`;
    return null;
  }
  for (const field of ['paragraphId', 'parentId', 'delegation', 'name', 'at'] as const) {
    if (current[field] !== next[field]) return `The ${field} of a comment cannot be changed`;
  }
  if (current.text !== next.text || current.edited !== next.edited) {
    if (!sameActor(current, actor)) return `Only its author (${current.delegation}) can edit this comment`;
  }
  return null;
}

/**
 * Why `actor` may not resolve (`next`, a Resolution) or reopen (undefined)
 * the thread whose first comment is `key` (`root`, undefined when it is gone
 * or not a first comment); null when allowed.
 */
export function resolutionWriteError(actor: Actor, key: string, root: Comment | undefined, next: unknown): string | null {
  if (actor.role === 'observer') return 'Observers cannot resolve threads';
  if (actor.role === 'system') return null;
  if (root && root.parentId !== null) return 'Only a thread (its first comment) is resolved';
  // A thread deleted meanwhile: only the chairs tidy its resolution up.
  if (!CHAIRS.has(actor.role) && !(root && sameActor(root, actor))) return 'Only the facilitator, the secretariat or the thread’s author resolves or reopens a thread';
  if (next === undefined) return null;
  if (!isObject(next) || !isActor(next.by) || !isTime(next.at)) return `The resolution of thread ${key} must be {by, at}`;
  if (!sameActor(next.by, actor)) return 'A thread is resolved in your own name';
  return null;
}

/** For the editor: may this person resolve/reopen this thread? */
export const canResolve = (actor: Actor, root: Comment): boolean => CHAIRS.has(actor.role) || sameActor(root, actor);
export const isOwnComment = (actor: Actor, c: Comment): boolean => sameActor(c, actor);
