import { useState, type FormEvent } from 'react';
import type { Identity } from './identity';

/** Asks for a delegation and a display name; every change is attributed to them. */
export function JoinForm({ initial, onJoin }: { initial: Identity | null; onJoin: (identity: Identity) => void }) {
  const [delegation, setDelegation] = useState(initial?.delegation ?? '');
  const [name, setName] = useState(initial?.name ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (delegation.trim() && name.trim()) onJoin({ delegation: delegation.trim(), name: name.trim() });
  };
  return (
    <main className="join">
      <h1>Penholder</h1>
      <p>Collaborative drafting of resolutions. Your changes are attributed to your delegation.</p>
      <form onSubmit={submit} aria-label="Join">
        <label>
          Delegation
          <input name="delegation" autoFocus required maxLength={100} value={delegation} onChange={(e) => setDelegation(e.target.value)} placeholder="e.g. Mexico" />
        </label>
        <label>
          Your name
          <input name="name" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Ana García" />
        </label>
        <button type="submit">Continue</button>
      </form>
    </main>
  );
}
