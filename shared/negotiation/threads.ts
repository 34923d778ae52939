/**
 * Comment threads from the flat comments map: a thread is a first comment
 * (parentId null) and every reply below it, in time order. A reply whose
 * parent is missing (deleted) hangs from the thread root it can still reach,
 * or becomes a thread of its own, so no comment is ever hidden.
 */
import type { Comment, Resolution } from './types';

export interface Thread {
  root: Comment;
  /** Every reply in the thread (replies to replies included), oldest first. */
  replies: Comment[];
  paragraphId: string;
  resolved: boolean;
  resolution: Resolution | null;
}

const byTime = (a: Comment, b: Comment) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id);

/** The id of the first comment of the thread `id` belongs to. */
export function threadRootId(comments: ReadonlyMap<string, Comment>, id: string): string {
  let current = comments.get(id);
  const seen = new Set<string>();
  while (current?.parentId && comments.has(current.parentId) && !seen.has(current.id)) {
    seen.add(current.id);
    current = comments.get(current.parentId);
  }
  return current?.id ?? id;
}

export function threadsOf(comments: ReadonlyMap<string, Comment>, resolutions: ReadonlyMap<string, Resolution> = new Map()): Thread[] {
  const threads = new Map<string, Thread>();
  const all = [...comments.values()].sort(byTime);
  for (const c of all) {
    const rootId = threadRootId(comments, c.id);
    if (rootId !== c.id) continue;
    const resolution = resolutions.get(c.id) ?? null;
    threads.set(c.id, { root: c, replies: [], paragraphId: c.paragraphId, resolved: resolution !== null, resolution });
  }
  for (const c of all) {
    const rootId = threadRootId(comments, c.id);
    if (rootId !== c.id) threads.get(rootId)?.replies.push(c);
  }
  return [...threads.values()];
}

/** Threads per paragraph id. */
export function threadsByParagraph(comments: ReadonlyMap<string, Comment>, resolutions: ReadonlyMap<string, Resolution> = new Map()): Map<string, Thread[]> {
  const out = new Map<string, Thread[]>();
  for (const t of threadsOf(comments, resolutions)) (out.get(t.paragraphId) ?? out.set(t.paragraphId, []).get(t.paragraphId)!).push(t);
  return out;
}
