import type { ReactNode } from 'react';
import type { Identity } from './identity';
import { delegationColor, ROLE_NAMES } from './identity';
import { navigate } from './router';

/** The app bar: who is signed in (delegation, person, role, as the server says) and signing out. */
export function Header({ identity, onChangeIdentity, children }: { identity: Identity; onChangeIdentity: () => void; children?: ReactNode }) {
  return (
    <header className="app-header">
      <a
        className="brand"
        href="/"
        onClick={(e) => {
          e.preventDefault();
          navigate('/');
        }}
      >
        Penholder
      </a>
      <div className="header-middle">{children}</div>
      <div className="me" aria-label="Signed in as">
        <span className="swatch" style={{ background: delegationColor(identity.delegation) }} aria-hidden />
        <span>
          {identity.name && identity.name !== identity.delegation ? `${identity.name} · ` : ''}
          <strong>{identity.delegation}</strong> · <span className="role" data-role={identity.role}>{ROLE_NAMES[identity.role]}</span>
        </span>
        <button type="button" className="link" onClick={onChangeIdentity}>
          sign out
        </button>
      </div>
    </header>
  );
}
