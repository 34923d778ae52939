export interface PresentUser {
  clientId: number;
  displayName: string;
  delegation: string;
  color: string;
  self: boolean;
}

/** Who is in the document, by delegation, in their caret colour. */
export function Presence({ users }: { users: PresentUser[] }) {
  return (
    <ul className="presence" aria-label="People in this document">
      {users.map((u) => (
        <li key={u.clientId} title={`${u.displayName} (${u.delegation})`} className={u.self ? 'self' : ''}>
          <span className="swatch" style={{ background: u.color }} aria-hidden />
          <span className="who">
            {u.displayName}
            {u.self ? ' (you)' : ''}
          </span>{' '}
          <span className="delegation">{u.delegation}</span>
        </li>
      ))}
    </ul>
  );
}
