import type { ReactNode } from 'react';
import type { Identity } from './identity';
import { delegationColor } from './identity';
import { navigate } from './router';

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
      <div className="me">
        <span className="swatch" style={{ background: delegationColor(identity.delegation) }} aria-hidden />
        <span>
          {identity.name} · <strong>{identity.delegation}</strong>
        </span>
        <button type="button" className="link" onClick={onChangeIdentity}>
          change
        </button>
      </div>
    </header>
  );
}
