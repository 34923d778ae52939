/**
 * The agreed-language panel: the share of agreed language in the document
 * with a switch that highlights new language, and the prior paragraphs
 * closest to the one at the caret, each with a word-level diff.
 */
import { useEffect, useState } from 'react';
import type { Editor } from '@tiptap/core';
import { isParagraph } from '../structure';
import { DiffText } from '../suggestions/DiffText';
import type { LanguageSuggestion } from '../suggestions/store';
import type { EditingSession } from '../session';
import { AddToCorpus } from './AddToCorpus';
import { setProvenance, type ParagraphProvenance } from './highlight';

const REFRESH_MS = 800;

function useCaretParagraph(editor: Editor | null): string {
  const [text, setText] = useState('');
  useEffect(() => {
    if (!editor) return;
    const update = () => {
      const parent = editor.state.selection.$from.parent;
      setText(isParagraph(parent) ? parent.textContent : '');
    };
    update();
    editor.on('transaction', update);
    return () => void editor.off('transaction', update);
  }, [editor]);
  return text;
}

export function LanguagePanel({ session, editor }: { session: EditingSession; editor: Editor | null }) {
  const [highlight, setHighlight] = useState(false);
  const [share, setShare] = useState<number | null>(null);
  const [similar, setSimilar] = useState<LanguageSuggestion[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const paragraph = useCaretParagraph(editor);

  // The provenance map, refreshed after edits while the highlight is on.
  useEffect(() => {
    if (!editor || !highlight) {
      if (editor && !editor.isDestroyed) editor.view.dispatch(setProvenance(editor.state, null));
      return;
    }
    let timer: ReturnType<typeof setTimeout> | null = null;
    let controller: AbortController | null = null;
    const load = async () => {
      controller?.abort();
      controller = new AbortController();
      try {
        const res = await fetch('/api/provenance', {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ documentId: session.documentId }),
          signal: controller.signal,
        });
        const body = (await res.json()) as { paragraphs?: ParagraphProvenance[]; agreedShare?: number; error?: string };
        if (!res.ok) throw new Error(body.error ?? `HTTP ${res.status}`);
        setShare(body.agreedShare ?? 0);
        setError(null);
        if (!editor.isDestroyed) editor.view.dispatch(setProvenance(editor.state, body.paragraphs ?? []));
      } catch (err) {
        if ((err as Error).name !== 'AbortError') setError(`Provenance unavailable: ${(err as Error).message}`);
      }
    };
    void load();
    // The server has the change once the update is synced; wait a moment after typing.
    const onUpdate = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void load(), REFRESH_MS);
    };
    session.doc.on('update', onUpdate);
    return () => {
      session.doc.off('update', onUpdate);
      if (timer) clearTimeout(timer);
      controller?.abort();
    };
  }, [editor, highlight, session]);

  // Similar prior paragraphs for the paragraph at the caret.
  useEffect(() => {
    if (paragraph.trim().split(/\s+/).length < 4) {
      setSimilar(null);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(`/api/suggest?limit=3&q=${encodeURIComponent(paragraph.replace(/[\p{L}\p{N}]$/u, '$& '))}`, { signal: controller.signal, credentials: 'same-origin' });
        if (res.ok) setSimilar(((await res.json()) as { suggestions: LanguageSuggestion[] }).suggestions);
      } catch {
        /* aborted or offline: keep the last list */
      }
    }, 400);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [paragraph]);

  return (
    <section className="panel language-panel" aria-label="Agreed language">
      <h3>Agreed language</h3>
      <label className="switch">
        <input type="checkbox" checked={highlight} onChange={(e) => setHighlight(e.target.checked)} /> Highlight new language
      </label>
      {highlight && share !== null && <p className="agreed-share">{Math.round(share * 100)}% of this draft is agreed language</p>}
      {error && <p className="error">{error}</p>}
      <h4>Similar paragraphs</h4>
      {!similar ? (
        <p className="muted">Place the caret in a paragraph to see the closest prior paragraphs.</p>
      ) : similar.length === 0 ? (
        <p className="muted">No prior paragraph is close to this one.</p>
      ) : (
        <ul className="similar">
          {similar.map((s) => (
            <li key={s.source.citation}>
              <div className="suggestion-source">
                {s.source.citation}{' '}
                <span className="muted">
                  · {s.changes === 0 ? 'same words' : `${s.changes} change${s.changes === 1 ? '' : 's'}`} · match {Math.round(s.score * 100)}%
                </span>
              </div>
              <DiffText diff={s.diff} />
            </li>
          ))}
        </ul>
      )}
      {(session.identity.role === 'secretariat' || session.identity.role === 'admin') && <AddToCorpus documentId={session.documentId} />}
    </section>
  );
}
