/**
 * The server's map of Yjs client id → delegation (GET /api/documents/:id/authors),
 * refreshed when text by a client id the map does not know yet arrives.
 */
import * as Y from 'yjs';
import type { EditingSession } from '../session';

export interface Author {
  delegation: string | null;
  name: string | null;
  role: string;
}

/** What a client id is shown as: its delegation, or "Penholder" for the server's initial text. */
export const authorLabel = (a: Author | undefined) => (a ? (a.delegation ?? (a.role === 'system' ? 'Penholder' : a.role)) : 'unknown');

export class AuthorsStore {
  authors = new Map<number, Author>();
  private listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private destroyed = false;

  constructor(private readonly session: EditingSession) {
    session.doc.on('update', this.onUpdate);
    void this.refresh();
  }

  /** Unknown client ids in the document: fetch again (debounced: typing makes many updates). */
  private onUpdate = () => {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      const clients = Y.decodeStateVector(Y.encodeStateVector(this.session.doc)).keys();
      if ([...clients].some((c) => !this.authors.has(c))) void this.refresh();
    }, 400);
  };

  async refresh(): Promise<void> {
    try {
      const res = await fetch(`/api/documents/${this.session.documentId}/authors`, { credentials: 'same-origin' });
      if (!res.ok || this.destroyed) return;
      const body = (await res.json()) as { authors: Record<string, Author> };
      this.authors = new Map(Object.entries(body.authors).map(([id, a]) => [Number(id), a]));
      for (const l of this.listeners) l();
    } catch {
      // Offline: the next change tries again.
    }
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy() {
    this.destroyed = true;
    if (this.timer) clearTimeout(this.timer);
    this.session.doc.off('update', this.onUpdate);
  }
}
