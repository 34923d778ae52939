import { useEffect, useState, type FormEvent } from 'react';
import { api, failure } from '../app/api';

interface TemplateInfo {
  id: string;
  name: string;
  description: string;
}

export function NewFromTemplate({ onCreated }: { onCreated: (id: string) => void }) {
  const [templates, setTemplates] = useState<TemplateInfo[]>([]);
  const [choice, setChoice] = useState('');
  const [symbol, setSymbol] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.templates
      .$get()
      .then(async (res) => {
        if (!res.ok) throw await failure(res);
        const body = await res.json();
        setTemplates(body.templates);
        setChoice((c) => c || body.templates[0]?.id || '');
      })
      .catch((err: Error) => setError(`Could not load the templates: ${err.message}`));
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await api.documents.$post({ json: { template: choice, ...(symbol.trim() ? { symbol: symbol.trim() } : {}) } });
      if (!res.ok) throw await failure(res);
      onCreated((await res.json()).id);
    } catch (err) {
      setError((err as Error).message);
      setBusy(false);
    }
  };

  const selected = templates.find((t) => t.id === choice);
  return (
    <form className="card" onSubmit={submit} aria-labelledby="new-heading">
      <h2 id="new-heading">New draft</h2>
      <label>
        Template
        <select name="template" value={choice} onChange={(e) => setChoice(e.target.value)}>
          {templates.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      {selected?.description && <p className="muted small">{selected.description}</p>}
      <label>
        Symbol (optional)
        <input name="symbol" value={symbol} onChange={(e) => setSymbol(e.target.value)} placeholder="A/C.3/81/L.5" />
      </label>
      {error && <p role="alert" className="error">{error}</p>}
      <button type="submit" disabled={busy || !choice}>
        {busy ? 'Creating…' : 'Create draft'}
      </button>
    </form>
  );
}
