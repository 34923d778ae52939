/** Signing in: with the invitation link (/join/<token>), or by pasting it. Also what a 401/403 shows. */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { invitationFrom, signIn, type Identity } from './identity';

/** The page an invitation link opens: redeems it once, then goes on. */
export function JoinPage({ token, onSignedIn }: { token: string; onSignedIn: (identity: Identity) => void }) {
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false);
  useEffect(() => {
    // Once only (StrictMode runs effects twice): an invitation is single-use.
    if (started.current) return;
    started.current = true;
    signIn(token).then(onSignedIn, (err: Error) => setError(err.message));
  }, [token, onSignedIn]);
  if (error) return <SignInPage message={error} onSignedIn={onSignedIn} />;
  return (
    <main className="join" role="status">
      <h1>Penholder</h1>
      <p className="muted">Signing in…</p>
    </main>
  );
}

export function SignInPage({ message, onSignedIn }: { message?: string; onSignedIn: (identity: Identity) => void }) {
  const [link, setLink] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    signIn(invitationFrom(link)).then(onSignedIn, (err: Error) => {
      setError(err.message);
      setBusy(false);
    });
  };
  return (
    <main className="join">
      <h1>Penholder</h1>
      {message && (
        <p role="alert" className="error">
          {message}
        </p>
      )}
      <p>Sign in with the invitation link the secretariat sent you: open it in this browser, or paste it here. Every change you make is attributed to your delegation.</p>
      <form onSubmit={submit} aria-label="Sign in">
        <label>
          Invitation link
          <input name="invitation" required value={link} onChange={(e) => setLink(e.target.value)} placeholder="https://…/join/…" autoFocus />
        </label>
        {error && <p className="error">{error}</p>}
        <button type="submit" disabled={busy}>
          Sign in
        </button>
      </form>
    </main>
  );
}
