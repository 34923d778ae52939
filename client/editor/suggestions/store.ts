/**
 * Agreed language while typing. Watches the paragraph at the caret; when
 * its opening words are typed (or a citation number), asks the server for
 * suggestions without blocking input: requests are debounced, aborted when
 * the text moves on, and answers for text that is no longer there are dropped.
 */
import type { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { yUndoPluginKey } from '@tiptap/y-tiptap';
import { isParagraph } from '../structure';

export interface DiffPart {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

export interface LanguageSuggestion {
  text: string;
  score: number;
  source: { document: string; paragraph: string; date: string; kind: string; citation: string };
  diff: DiffPart[];
  changes: number;
}

export interface CitationCompletion {
  text: string;
  completion: string;
  act: { number: string; source: string };
}

export type SuggestionsState =
  | { kind: 'none' }
  | { kind: 'language'; query: string; paragraphPos: number; items: LanguageSuggestion[]; selected: number; at: { left: number; top: number } }
  | { kind: 'citation'; query: string; items: CitationCompletion[]; selected: number; at: { left: number; top: number } };

const DEBOUNCE_MS = 150;
/** Suggest while the paragraph is being opened: from 3 words, up to this many characters. */
const MIN_WORDS = 3;
const MAX_CHARS = 240;
const CITATION = /\b(?:resolution|decision)s?\s+\d{1,3}(?:\/\d{0,4})?$/i;

export class SuggestionsStore {
  state: SuggestionsState = { kind: 'none' };
  private listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inflight: AbortController | null = null;
  /** The query the popup was dismissed for (Escape): not offered again until the text changes. */
  private dismissed: string | null = null;
  /** The text suggestions were last requested for. */
  private asked = '';

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get open(): boolean {
    return this.state.kind !== 'none' && this.state.items.length > 0;
  }

  private set(state: SuggestionsState) {
    this.state = state;
    for (const l of this.listeners) l();
  }

  /** Called on every transaction: decides whether the caret's paragraph wants suggestions. */
  update(editor: Editor): void {
    const { selection } = editor.state;
    const $from = selection.$from;
    const parent = $from.parent;
    const atEnd = selection.empty && isParagraph(parent) && $from.parentOffset === parent.content.size;
    const text = atEnd ? parent.textContent : '';
    const citation = atEnd && CITATION.test(text);
    const words = text.trim().split(/\s+/).filter(Boolean).length;
    // A paragraph that ends with its punctuation is written: no more offers (and Tab indents again).
    const finished = /[;,.:]\s*$/.test(text);
    const wanted = citation || (atEnd && !finished && words >= MIN_WORDS && text.length <= MAX_CHARS);
    if (!wanted || text === this.dismissed) {
      if (text !== this.dismissed) this.dismissed = null;
      this.cancel();
      if (this.state.kind !== 'none') this.set({ kind: 'none' });
      return;
    }
    // Already asked (or asking) for exactly this text: other transactions (carets, diagnostics) change nothing.
    if (text === this.asked) return;
    this.cancel();
    this.asked = text;
    this.dismissed = null;
    const paragraphPos = $from.before();
    this.timer = setTimeout(() => void this.fetch(editor, text, citation ? 'citation' : 'language', paragraphPos), DEBOUNCE_MS);
  }

  private cancel() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.inflight?.abort();
    this.inflight = null;
    this.asked = '';
  }

  private async fetch(editor: Editor, query: string, kind: 'language' | 'citation', paragraphPos: number): Promise<void> {
    const controller = new AbortController();
    this.inflight = controller;
    try {
      const path = kind === 'citation' ? `/api/citations?limit=5&q=${encodeURIComponent(query)}` : `/api/suggest?limit=3&q=${encodeURIComponent(query)}`;
      const res = await fetch(path, { signal: controller.signal, credentials: 'same-origin' });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const body = (await res.json()) as { suggestions?: LanguageSuggestion[]; completions?: CitationCompletion[] };
      // Stale: the caret's paragraph no longer reads what was asked.
      if (controller.signal.aborted || editor.isDestroyed || editor.state.selection.$from.parent.textContent !== query) return;
      const coords = editor.view.coordsAtPos(editor.state.selection.from);
      const at = { left: coords.left, top: coords.bottom + 6 };
      if (kind === 'citation') this.set({ kind, query, items: body.completions ?? [], selected: 0, at });
      else this.set({ kind, query, paragraphPos, items: (body.suggestions ?? []).filter((s) => s.text !== query), selected: 0, at });
    } catch (err) {
      if ((err as Error).name === 'AbortError') return;
      // Flaky network: ask again on the next keystroke or caret move instead of giving up on this text.
      if (this.asked === query) this.asked = '';
      console.warn('suggestions unavailable', (err as Error).message);
    } finally {
      if (this.inflight === controller) this.inflight = null;
    }
  }

  move(delta: number): void {
    if (!this.open || this.state.kind === 'none') return;
    const n = this.state.items.length;
    this.set({ ...this.state, selected: (this.state.selected + delta + n) % n } as SuggestionsState);
  }

  dismiss(): void {
    if (this.state.kind !== 'none') this.dismissed = this.state.query;
    this.cancel();
    this.set({ kind: 'none' });
  }

  /** Inserts the selected (or given) suggestion; a language suggestion records its source on the paragraph. */
  accept(editor: Editor, index = this.state.kind === 'none' ? 0 : this.state.selected): boolean {
    const s = this.state;
    if (s.kind === 'none' || !s.items[index]) return false;
    const { state } = editor;
    const tr = state.tr;
    if (s.kind === 'citation') {
      tr.insertText(s.items[index].completion);
    } else {
      const item = s.items[index];
      // The popup may still show the answer for a few keystrokes ago: accept into the caret's paragraph all the same.
      const node = state.doc.nodeAt(s.paragraphPos);
      if (!node || !isParagraph(node) || state.selection.$from.before() !== s.paragraphPos) return false;
      const start = s.paragraphPos + 1;
      tr.replaceWith(start, start + node.content.size, state.schema.text(item.text));
      tr.setNodeMarkup(s.paragraphPos, undefined, { ...node.attrs, provenance: item.source.citation });
      tr.setSelection(TextSelection.create(tr.doc, start + item.text.length));
    }
    this.dismissed = null;
    this.cancel();
    this.set({ kind: 'none' });
    // Accepting is one undo step of its own, apart from the typing before and after it.
    const undo = yUndoPluginKey.getState(editor.state)?.undoManager;
    undo?.stopCapturing();
    editor.view.dispatch(tr.scrollIntoView());
    undo?.stopCapturing();
    editor.view.focus();
    return true;
  }

  destroy(): void {
    this.cancel();
    this.listeners.clear();
  }
}
