/**
 * For the secretariat: once the resolution is adopted, add it to the corpus
 * of agreed language (POST /api/corpus), with its adoption date and symbol.
 */
import { useState } from 'react';

export function AddToCorpus({ documentId }: { documentId: string }) {
  const [date, setDate] = useState(() => new Date().toISOString().slice(0, 10));
  const [symbol, setSymbol] = useState('');
  const [state, setState] = useState<{ kind: 'idle' | 'busy' } | { kind: 'done' | 'error'; message: string }>({ kind: 'idle' });
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setState({ kind: 'busy' });
    try {
      const res = await fetch('/api/corpus', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ documentId, kind: 'resolution', date, symbol: symbol.trim() || undefined }),
      });
      const body = (await res.json()) as { error?: string; paragraphs?: number };
      if (!res.ok) throw new Error(body.error ?? `HTTP ${res.status}`);
      setState({ kind: 'done', message: `Added to the corpus: ${body.paragraphs} paragraphs are now agreed language.` });
    } catch (err) {
      setState({ kind: 'error', message: (err as Error).message });
    }
  };
  return (
    <details className="add-to-corpus">
      <summary>Add this resolution to the corpus (adopted)</summary>
      <form onSubmit={submit}>
        <label>
          Adopted on <input type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
        <label>
          Symbol <input type="text" placeholder="resolution 12/3" value={symbol} onChange={(e) => setSymbol(e.target.value)} />
        </label>
        <button type="submit" disabled={state.kind === 'busy'}>
          {state.kind === 'busy' ? 'Adding…' : 'Add to corpus'}
        </button>
        {(state.kind === 'done' || state.kind === 'error') && (
          <p role="status" className={state.kind === 'error' ? 'error' : 'muted'}>
            {state.message}
          </p>
        )}
      </form>
    </details>
  );
}
