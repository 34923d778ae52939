/**
 * A stable, readable colour per delegation, so a delegation's carets, text
 * and swatches share a hue. Shared: the server attests presence with it
 * (server/collab/presence-attestation.ts), the editor draws with it.
 */
function hue(delegation: string): number {
  let hash = 0;
  for (const ch of delegation) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return hash % 360;
}

export function delegationColor(delegation: string): string {
  return `hsl(${hue(delegation)}, 70%, 38%)`;
}

/** The same hue, light enough to sit behind text. */
export function delegationTint(delegation: string): string {
  return `hsla(${hue(delegation)}, 75%, 55%, 0.28)`;
}
