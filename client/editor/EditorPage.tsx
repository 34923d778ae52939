/** The editor screen: masthead, the live document, presence and connection state. */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import { readMasthead } from '../../shared/editor/ydoc';
import { MASTHEAD_MAP } from '../../shared/editor/schema';
import type { Masthead as MastheadData } from '../../shared/model/types';
import { Header } from '../app/Header';
import type { Identity } from '../app/identity';
import { canWrite } from '../../shared/auth/roles';
import { AuthorsStore } from './history/authors';
import { HistoryPanel } from './history/HistoryPanel';
import { indent, moveParagraph, outdent } from './commands';
import { DiagnosticsStore, type DiagnosticsView } from './diagnostics';
import { editorExtensions } from './extensions';
import { setDiagnostics } from './extensions/diagnostics';
import { DiagnosticsPanel } from './ui/DiagnosticsPanel';
import { EditingSession } from './session';
import { Masthead } from './ui/Masthead';
import { Presence, type PresentUser } from './ui/Presence';
import { Shortcuts } from './ui/Shortcuts';
import { StatusBar } from './ui/StatusBar';
import { LanguagePanel } from './provenance/LanguagePanel';
import { RevisionsPanel } from './revisions/RevisionsPanel';
import { SuggestionsStore } from './suggestions/store';
import { SuggestionsPopup } from './suggestions/SuggestionsPopup';
import { DraftBox } from './proposals/DraftBox';
import { ProposalsPanel } from './proposals/ProposalsPanel';
import { ProposalsStore } from './proposals/store';
import { NegotiationPanel } from './negotiation/NegotiationPanel';

interface Props {
  documentId: string;
  identity: Identity;
  onChangeIdentity: () => void;
  /** The session ended (expired, revoked): the app goes back to sign-in, saying why. */
  onSessionLost?: (message: string) => void;
}

export function EditorPage({ documentId, identity, onChangeIdentity, onSessionLost }: Props) {
  const [session, setSession] = useState<EditingSession | null>(null);
  useEffect(() => {
    const s = new EditingSession(documentId, identity);
    setSession(s);
    return () => s.destroy();
  }, [documentId, identity]);
  return (
    <>
      <Header identity={identity} onChangeIdentity={onChangeIdentity}>
        {session && <SessionStatus session={session} />}
      </Header>
      {session ? <Loaded session={session} onSessionLost={onSessionLost} /> : <main className="loading muted">Opening…</main>}
    </>
  );
}

/** Shows the editor only once the document's content is here (see EditingSession.hasContent). */
function Loaded({ session, onSessionLost }: { session: EditingSession; onSessionLost?: (message: string) => void }) {
  const ready = useSyncExternalStore(
    (cb) => session.subscribe(cb),
    () => session.hasContent(),
  );
  const lost = useSyncExternalStore(
    (cb) => session.subscribe(cb),
    () => session.sessionLost(),
  );
  const status = session.status();
  if (lost) return <SessionLost reason={lost} onSignIn={() => onSessionLost?.(lost)} />;
  if (ready) return <Workspace session={session} />;
  return (
    <main className="loading" role="status">
      {status.kind === 'closed' ? <p className="error">{status.reason}</p> : <p className="muted">Loading the document…</p>}
    </main>
  );
}

/** 401/403 on the connection: say why, and offer to sign in again. */
function SessionLost({ reason, onSignIn }: { reason: string; onSignIn: () => void }) {
  return (
    <main className="loading" role="alert">
      <p className="error">{reason}</p>
      <button type="button" onClick={onSignIn}>
        Sign in again
      </button>
    </main>
  );
}

function SessionStatus({ session }: { session: EditingSession }) {
  const status = useSyncExternalStore(
    (cb) => session.subscribe(cb),
    () => JSON.stringify(session.status()),
  );
  return <StatusBar status={JSON.parse(status)} />;
}

function usePresence(session: EditingSession): PresentUser[] {
  const [users, setUsers] = useState<PresentUser[]>([]);
  useEffect(() => {
    const awareness = session.provider.awareness;
    const update = () => {
      const list: PresentUser[] = [];
      for (const [clientId, state] of awareness.getStates()) {
        const u = state.user as { displayName?: string; delegation?: string; color?: string } | undefined;
        if (!u?.delegation) continue;
        list.push({ clientId, displayName: u.displayName ?? '', delegation: u.delegation, color: u.color ?? '#777', self: clientId === awareness.clientID });
      }
      list.sort((a, b) => Number(b.self) - Number(a.self) || a.delegation.localeCompare(b.delegation));
      setUsers(list);
    };
    update();
    awareness.on('change', update);
    return () => awareness.off('change', update);
  }, [session]);
  return users;
}

function useMasthead(session: EditingSession): MastheadData {
  const [masthead, setMasthead] = useState(() => readMasthead(session.doc));
  useEffect(() => {
    const map = session.doc.getMap(MASTHEAD_MAP);
    const update = () => setMasthead(readMasthead(session.doc));
    update();
    map.observe(update);
    return () => map.unobserve(update);
  }, [session]);
  return masthead;
}

function useDiagnostics(session: EditingSession, editor: Editor | null): DiagnosticsView {
  const [store, setStore] = useState<DiagnosticsStore | null>(null);
  useEffect(() => {
    const s = new DiagnosticsStore(session);
    setStore(s);
    return () => s.destroy();
  }, [session]);
  const view = useSyncExternalStore(
    (cb) => store?.subscribe(cb) ?? (() => undefined),
    () => store?.current ?? EMPTY_VIEW,
  );
  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.view.dispatch(setDiagnostics(editor.state, view.diagnostics));
  }, [editor, view]);
  return view;
}

const EMPTY_VIEW: DiagnosticsView = { diagnostics: [], confirmed: false };

function useAuthors(session: EditingSession): AuthorsStore | null {
  const [store, setStore] = useState<AuthorsStore | null>(null);
  useEffect(() => {
    const s = new AuthorsStore(session);
    setStore(s);
    return () => s.destroy();
  }, [session]);
  return store;
}

function Workspace({ session }: { session: EditingSession }) {
  const users = usePresence(session);
  const masthead = useMasthead(session);
  const authors = useAuthors(session);
  // Observers read only: the server would refuse their changes anyway.
  const writable = canWrite(session.identity.role);
  const [suggestions] = useState(() => new SuggestionsStore());
  useEffect(() => () => suggestions.destroy(), [suggestions]);
  const [proposals] = useState(() => new ProposalsStore(session));
  useEffect(() => () => proposals.destroy(), [proposals]);
  // In proposal mode a delegation's edits become proposals (drafts), not changes to the text.
  const proposing = useSyncExternalStore(
    (cb) => proposals.subscribe(cb),
    () => proposals.proposing(),
  );
  const editor = useEditor(
    {
      editable: writable,
      extensions: editorExtensions(session, writable ? suggestions : null, proposals),
      editorProps: { attributes: { class: 'resolution', 'aria-label': 'Resolution text', spellcheck: 'true' } },
    },
    [session],
  );
  const diagnostics = useDiagnostics(session, editor);
  return (
    <main className="workspace">
      <div className="page">
        <Masthead masthead={masthead} />
        {editor && writable && !proposing && <Toolbar editor={editor} />}
        <DraftBox store={proposals} session={session} editor={editor} />
        <EditorContent editor={editor} />
        {editor && writable && <SuggestionsPopup store={suggestions} editor={editor} />}
      </div>
      <aside className="side">
        <h2>In this document</h2>
        <Presence users={users} />
        <ProposalsPanel store={proposals} session={session} editor={editor} />
        <NegotiationPanel session={session} editor={editor} />
        <DiagnosticsPanel view={diagnostics} editor={editor} />
        <LanguagePanel session={session} editor={editor} />
        {authors && <HistoryPanel session={session} editor={editor} authors={authors} identity={session.identity} />}
        <RevisionsPanel session={session} masthead={masthead} />
        <Shortcuts />
      </aside>
    </main>
  );
}

function Toolbar({ editor }: { editor: Editor }) {
  const run = (command: typeof indent) => () => {
    command(editor.state, editor.view.dispatch);
    editor.view.focus();
  };
  return (
    <div className="toolbar" role="toolbar" aria-label="Paragraph">
      <button type="button" onClick={() => editor.chain().focus().undo().run()} title="Undo your last change (Ctrl-Z)">
        Undo
      </button>
      <button type="button" onClick={() => editor.chain().focus().redo().run()} title="Redo (Ctrl-Shift-Z)">
        Redo
      </button>
      <span className="sep" />
      <button type="button" onClick={run(moveParagraph(-1))} title="Move paragraph up (Alt-↑)">
        Move up
      </button>
      <button type="button" onClick={run(moveParagraph(1))} title="Move paragraph down (Alt-↓)">
        Move down
      </button>
      <button type="button" onClick={run(indent)} title="Make a subparagraph (Tab)">
        Indent
      </button>
      <button type="button" onClick={run(outdent)} title="Back one level (Shift-Tab)">
        Outdent
      </button>
    </div>
  );
}
