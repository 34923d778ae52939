import { SHORTCUTS } from '../extensions/structure-keys';
import { NEGOTIATION_SHORTCUTS } from '../negotiation/extension';

export function Shortcuts() {
  return (
    <details className="shortcuts">
      <summary>Keyboard</summary>
      <dl>
        {[...SHORTCUTS, ...NEGOTIATION_SHORTCUTS].map(([keys, what]) => (
          <div key={keys}>
            <dt>{keys}</dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
