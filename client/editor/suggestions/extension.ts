/**
 * Keys of the suggestion popup. Registered before the structure keys, so
 * that Tab accepts a suggestion while one is shown (and indents otherwise).
 */
import { Extension } from '@tiptap/core';
import type { SuggestionsStore } from './store';

export const Suggestions = Extension.create<{ store: SuggestionsStore | null }>({
  name: 'suggestions',
  priority: 1000,
  addOptions: () => ({ store: null }),
  onTransaction({ editor }) {
    this.options.store?.update(editor);
  },
  addKeyboardShortcuts() {
    const store = () => this.options.store;
    // Handled only while the popup is open; a refused accept lets Tab indent as usual.
    const whenOpen = (run: () => boolean | void) => () => {
      if (!store()?.open) return false;
      return run() !== false;
    };
    return {
      Tab: whenOpen(() => store()!.accept(this.editor)),
      Escape: whenOpen(() => {
        store()!.dismiss();
      }),
      'Alt-]': whenOpen(() => {
        store()!.move(1);
      }),
      'Alt-[': whenOpen(() => {
        store()!.move(-1);
      }),
    };
  },
});
