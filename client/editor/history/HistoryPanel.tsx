/**
 * The history panel: changes per delegation (GET /api/documents/:id/history),
 * the authorship view's switch and legend, and the filter "one delegation's
 * changes since a time", which also narrows the colours in the text. The
 * secretariat can open the version after any change and restore a paragraph
 * from it (the server applies it as the secretariat's own change).
 */
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { Editor } from '@tiptap/react';
import { fromBase64 } from 'lib0/buffer';
import * as Y from 'yjs';
import { delegationColor, delegationTint, type Identity } from '../../app/identity';
import { setAuthorship } from '../extensions/authorship';
import type { EditingSession } from '../session';
import { authorLabel, type AuthorsStore } from './authors';
import { STATUS_LABELS, type ParagraphStatus } from '../../../shared/negotiation/types';

interface Change {
  seq: number;
  time: string;
  delegation: string | null;
  name: string | null;
  role: string;
  paragraph: { id: string | null; label: string };
  inserted: string;
  deleted: string;
  status?: { status: string; reason: string | null };
}

/** Consecutive changes of one person in one paragraph within a minute read as one (typing is one update per keystroke). */
function coalesce(changes: Change[]): Change[] {
  const out: Change[] = [];
  for (const c of changes) {
    const last = out.at(-1);
    if (last && !last.status && !c.status && last.delegation === c.delegation && last.name === c.name && last.paragraph.id === c.paragraph.id && last.paragraph.label === c.paragraph.label && Date.parse(c.time) - Date.parse(last.time) < 60_000) {
      out[out.length - 1] = { ...c, inserted: last.inserted + c.inserted, deleted: last.deleted + c.deleted };
    } else out.push(c);
  }
  return out;
}

const who = (c: Change) => c.delegation ?? (c.role === 'system' ? 'Penholder' : c.role);

export function HistoryPanel({ session, editor, authors, identity }: { session: EditingSession; editor: Editor | null; authors: AuthorsStore; identity: Identity }) {
  const [showAuthors, setShowAuthors] = useState(false);
  const [delegation, setDelegation] = useState('');
  const [since, setSince] = useState('');
  const [changes, setChanges] = useState<Change[] | null>(null);
  const [stateVector, setStateVector] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState<Change | null>(null);
  const [tick, setTick] = useState(0);
  const authorMap = useSyncExternalStore(
    (cb) => authors.subscribe(cb),
    () => authors.authors,
  );

  // Reload the history a moment after the document changes (others' typing included).
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const changed = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        setTick((t) => t + 1);
      }, 800);
    };
    session.doc.on('update', changed);
    return () => {
      if (timer) clearTimeout(timer);
      session.doc.off('update', changed);
    };
  }, [session]);

  useEffect(() => {
    let live = true;
    const params = new URLSearchParams();
    if (delegation) params.set('delegation', delegation);
    if (since) params.set('since', new Date(since).toISOString());
    fetch(`/api/documents/${session.documentId}/history?${params}`, { credentials: 'same-origin' })
      .then(async (res) => {
        const body = (await res.json()) as { changes?: Change[]; stateVector?: string | null; error?: string };
        if (!res.ok) throw new Error(body.error ?? `${res.status}`);
        if (!live) return;
        setChanges(body.changes ?? []);
        setStateVector(body.stateVector ?? null);
        setError(null);
      })
      .catch((err: Error) => live && setError(`Could not load the history: ${err.message}`));
    return () => {
      live = false;
    };
  }, [session, delegation, since, tick]);

  const delegations = useMemo(() => {
    const set = new Set<string>();
    for (const a of authorMap.values()) if (a.delegation) set.add(a.delegation);
    for (const c of changes ?? []) if (c.delegation) set.add(c.delegation);
    return [...set].sort();
  }, [authorMap, changes]);

  // The editor's colours follow the switch, the server's map and the filter.
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const labels = new Map([...authorMap].map(([id, a]) => [id, authorLabel(a)]));
    const filter = delegation ? { delegation, before: since && stateVector ? Y.decodeStateVector(fromBase64(stateVector)) : new Map<number, number>() } : null;
    editor.view.dispatch(setAuthorship(editor.state, { enabled: showAuthors || Boolean(delegation), authors: labels, filter }));
  }, [editor, authorMap, showAuthors, delegation, since, stateVector]);

  const grouped = useMemo(() => {
    const groups = new Map<string, Change[]>();
    // The server's own changes are the document's creation (not listed) and status resets (listed).
    for (const c of coalesce((changes ?? []).filter((c) => c.role !== 'system' || c.status))) {
      const key = who(c);
      groups.set(key, [...(groups.get(key) ?? []), c]);
    }
    return [...groups].sort(([a], [b]) => a.localeCompare(b));
  }, [changes]);

  const legend = useMemo(() => [...new Set([...authorMap.values()].map(authorLabel))].sort(), [authorMap]);

  return (
    <section className="history" aria-label="History">
      <h2>History</h2>
      <label className="inline">
        <input type="checkbox" name="authorship" checked={showAuthors} onChange={(e) => setShowAuthors(e.target.checked)} /> Colour text by delegation
      </label>
      {(showAuthors || delegation) && (
        <ul className="legend" aria-label="Authorship legend">
          {legend.map((d) => (
            <li key={d} data-delegation={d}>
              <span className="swatch" style={{ background: delegationTint(d), borderColor: delegationColor(d) }} aria-hidden /> {d}
            </li>
          ))}
        </ul>
      )}
      <div className="history-filter">
        <label>
          Delegation
          <select name="history-delegation" value={delegation} onChange={(e) => setDelegation(e.target.value)}>
            <option value="">All delegations</option>
            {delegations.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
        <label>
          Since
          <input type="datetime-local" name="history-since" value={since} onChange={(e) => setSince(e.target.value)} />
        </label>
      </div>
      {error && <p className="error small">{error}</p>}
      {changes && grouped.length === 0 && <p className="muted small">No changes{delegation ? ` by ${delegation}` : ''}{since ? ' since then' : ''}.</p>}
      {grouped.map(([name, list]) => (
        <div key={name} className="history-group" data-delegation={name}>
          <h3>
            <span className="swatch" style={{ background: delegationColor(name) }} aria-hidden /> {name}
          </h3>
          <ol className="history-list">
            {list
              .slice()
              .reverse()
              .map((c) => (
                <li key={`${c.seq}:${c.paragraph.id}:${c.paragraph.label}${c.status ? ':status' : ''}`} className="history-item">
                  <span className="muted small">
                    {new Date(c.time).toLocaleTimeString()} · <strong>{c.paragraph.label}</strong>
                    {c.name ? ` · ${c.name}` : ''}
                  </span>
                  {c.inserted && <ins>{c.inserted}</ins>}
                  {c.deleted && <del>{c.deleted}</del>}
                  {c.status && (
                    <span className="history-status">
                      status: {STATUS_LABELS[c.status.status as ParagraphStatus] ?? c.status.status}
                      {c.status.reason ? ` (${c.status.reason})` : ''}
                    </span>
                  )}
                  {(identity.role === 'secretariat' || identity.admin) && c.paragraph.id && (
                    <button type="button" className="link small" onClick={() => setVersion(c)}>
                      version after this
                    </button>
                  )}
                </li>
              ))}
          </ol>
        </div>
      ))}
      {version && <VersionView session={session} change={version} onClose={() => setVersion(null)} />}
    </section>
  );
}

/** The document as it was after one change, and restoring that change's paragraph from it (secretariat). */
function VersionView({ session, change, onClose }: { session: EditingSession; change: Change; onClose: () => void }) {
  const [text, setText] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    fetch(`/api/documents/${session.documentId}/versions/${change.seq}`, { credentials: 'same-origin' })
      .then(async (res) => {
        const body = (await res.json()) as { resolution?: { preamble: Para[]; operative: Para[] }; error?: string };
        if (!res.ok || !body.resolution) throw new Error(body.error ?? `${res.status}`);
        setText(paragraphText(body.resolution, change.paragraph.id!) ?? '(not in this version)');
      })
      .catch((err: Error) => setMessage(err.message));
  }, [session, change]);
  const restore = async () => {
    const res = await fetch(`/api/documents/${session.documentId}/versions/${change.seq}/restore`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ paragraph: change.paragraph.id }),
    });
    const body = (await res.json()) as { unchanged?: boolean; error?: string };
    setMessage(res.ok ? (body.unchanged ? 'The paragraph is already like this.' : `${change.paragraph.label} restored.`) : (body.error ?? `${res.status}`));
  };
  return (
    <div className="version card" role="dialog" aria-label={`Version ${change.seq}`}>
      <h3>
        {change.paragraph.label} after change {change.seq} ({new Date(change.time).toLocaleString()})
      </h3>
      <p className="version-text">{text ?? 'Loading…'}</p>
      {message && <p className="small">{message}</p>}
      <button type="button" onClick={restore} disabled={text === null}>
        Restore this paragraph
      </button>{' '}
      <button type="button" onClick={onClose}>
        Close
      </button>
    </div>
  );
}

interface Para {
  id: string;
  content: { type: string; text?: string }[];
  subparagraphs?: Para[];
}

function paragraphText(res: { preamble: Para[]; operative: Para[] }, id: string): string | null {
  const search = (list: Para[]): string | null => {
    for (const p of list) {
      if (p.id === id) return p.content.map((c) => c.text ?? '').join('');
      const found = search(p.subparagraphs ?? []);
      if (found !== null) return found;
    }
    return null;
  };
  return search(res.preamble) ?? search(res.operative);
}
