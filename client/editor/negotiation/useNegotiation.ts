/** React bindings of the negotiation store: its view, and the paragraph at the caret. */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Editor } from '@tiptap/core';
import { isParagraph, selectionBlock } from '../structure';
import type { NegotiationStore, NegotiationView } from './store';

export function useNegotiationView(store: NegotiationStore): NegotiationView {
  return useSyncExternalStore(
    (cb) => store.subscribe(cb),
    () => store.current,
  );
}

/** The id of the paragraph at the caret, or null. */
export function useCaretParagraphId(editor: Editor | null): string | null {
  const [id, setId] = useState<string | null>(null);
  useEffect(() => {
    if (!editor) return;
    const update = () => {
      const block = selectionBlock(editor.state);
      setId(block && isParagraph(block.node) ? ((block.node.attrs.id as string | null) ?? null) : null);
    };
    update();
    editor.on('transaction', update);
    return () => void editor.off('transaction', update);
  }, [editor]);
  return id;
}
