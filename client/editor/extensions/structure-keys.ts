/** The keyboard of the resolution editor. See the shortcuts panel in the UI. */
import { Extension } from '@tiptap/core';
import { indent, moveParagraph, outdent, splitParagraph } from '../commands';

export const SHORTCUTS: [string, string][] = [
  ['Enter', 'New paragraph of the same kind'],
  ['Enter on an empty last preambular paragraph', 'Start the operative part'],
  ['Tab / Shift-Tab', 'Make a subparagraph (a) → (i) / back'],
  ['Alt-↑ / Alt-↓', 'Move the paragraph (with its subparagraphs)'],
  ['Ctrl-Z / Ctrl-Shift-Z', 'Undo / redo your own changes'],
  ['Ctrl-I / Ctrl-B', 'Italic / bold'],
];

export const StructureKeys = Extension.create({
  name: 'structureKeys',
  priority: 1000,
  addKeyboardShortcuts() {
    const run = (command: typeof indent) => () => command(this.editor.state, this.editor.view.dispatch);
    return {
      Enter: run(splitParagraph),
      Tab: run(indent),
      'Shift-Tab': run(outdent),
      'Alt-ArrowUp': run(moveParagraph(-1)),
      'Alt-ArrowDown': run(moveParagraph(1)),
      'Mod-i': () => this.editor.commands.toggleMark('italic'),
      'Mod-b': () => this.editor.commands.toggleMark('bold'),
    };
  },
});
