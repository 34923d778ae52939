import { SHORTCUTS } from '../extensions/structure-keys';

export function Shortcuts() {
  return (
    <details className="shortcuts">
      <summary>Keyboard</summary>
      <dl>
        {SHORTCUTS.map(([keys, what]) => (
          <div key={keys}>
            <dt>{keys}</dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
