/** Everything the resolution editor is made of, on top of the shared schema. */
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import StarterKit from '@tiptap/starter-kit';
import type { Extensions } from '@tiptap/core';
import { BODY_FIELD, resolutionSchemaExtensions } from '../../../shared/editor/schema';
import type { EditingSession } from '../session';
import { Authorship } from './authorship';
import { DerivedMarks } from './derived-marks';
import { Diagnostics } from './diagnostics';
import { ParagraphIds } from './paragraph-ids';
import { StructuredPaste } from './paste';
import { StructureKeys } from './structure-keys';
import { ProvenanceHighlight } from '../provenance/highlight';
import { Suggestions } from '../suggestions/extension';
import type { SuggestionsStore } from '../suggestions/store';
import { Proposals } from '../proposals/extension';
import type { ProposalsStore } from '../proposals/store';
import { Negotiation } from '../negotiation/extension';
import { negotiationOf } from '../negotiation/store';

/** From StarterKit only the cursors: the schema is ours, and undo comes from Collaboration (per user). */
const cursorsOnly = StarterKit.configure({
  blockquote: false, bold: false, bulletList: false, code: false, codeBlock: false, document: false,
  hardBreak: false, heading: false, horizontalRule: false, italic: false, listItem: false, listKeymap: false,
  link: false, orderedList: false, paragraph: false, strike: false, text: false, underline: false,
  trailingNode: false, undoRedo: false,
});

export function editorExtensions(session: EditingSession, suggestions: SuggestionsStore | null = null, proposals: ProposalsStore | null = null): Extensions {
  const user = session.provider.awareness.getLocalState()?.user ?? { name: session.identity.name, color: '#444' };
  return [
    ...resolutionSchemaExtensions,
    cursorsOnly,
    // Undo/redo in Collaboration only tracks this client's changes: it never undoes another delegation's typing.
    Collaboration.configure({ document: session.doc, field: BODY_FIELD }),
    CollaborationCaret.configure({ provider: session.provider, user }),
    ParagraphIds,
    DerivedMarks,
    Diagnostics,
    StructureKeys,
    StructuredPaste,
    // Colours text by the delegation that wrote it, from the Y.Doc's items (off until switched on).
    Authorship.configure({ ydoc: session.doc }),
    // Agreed language as you type (Tab accepts), and the "new language" highlight.
    Suggestions.configure({ store: suggestions }),
    ProvenanceHighlight,
    // Pending proposals drawn in the text; in proposal mode a delegation's edits become drafts, never writes.
    Proposals.configure({ store: proposals }),
    // Paragraph status in the margin, brackets as not agreed, the filter; Alt-1/2/3 for the facilitator.
    Negotiation.configure({ store: negotiationOf(session) }),
  ];
}
