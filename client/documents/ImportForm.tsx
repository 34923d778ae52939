import { useState, type FormEvent } from 'react';
import { api, failure } from '../app/api';

const MAX_FILE_BYTES = 4 * 1024 * 1024;

/** Import a resolution from a text file or pasted text (the plain-text form of the seeds). */
export function ImportForm({ onCreated }: { onCreated: (id: string) => void }) {
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const readFile = async (file: File | undefined) => {
    setError(null);
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) return setError(`${file.name} is larger than 4 MB; is it really a text file?`);
    const content = await file.text();
    if (content.includes('\u0000')) return setError(`${file.name} is not a text file. Save the resolution as plain text (.txt or .md) and try again.`);
    setText(content);
    setFileName(file.name);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await api.documents.$post({ json: { text } });
      if (!res.ok) throw await failure(res);
      onCreated((await res.json()).id);
    } catch (err) {
      setError((err as Error).message);
      setBusy(false);
    }
  };

  return (
    <form className="card" onSubmit={submit} aria-labelledby="import-heading">
      <h2 id="import-heading">Import a text</h2>
      <label>
        Text file
        <input type="file" name="file" accept=".txt,.md,text/plain,text/markdown" onChange={(e) => void readFile(e.target.files?.[0])} />
      </label>
      <label>
        …or paste the resolution
        <textarea name="text" rows={8} value={text} onChange={(e) => { setText(e.target.value); setFileName(null); }} placeholder={'The General Assembly,\n\nRecalling …\n\n1. Requests …'} />
      </label>
      {fileName && <p className="muted small">Loaded {fileName}</p>}
      {error && <p role="alert" className="error">{error}</p>}
      <button type="submit" disabled={busy || !text.trim()}>
        {busy ? 'Importing…' : 'Import'}
      </button>
    </form>
  );
}
