/**
 * Who is typing. For now a delegation name and a display name typed by the
 * user and remembered in this browser; real sign-in replaces it later.
 */
export interface Identity {
  delegation: string;
  name: string;
}

const KEY = 'penholder:identity';

export function loadIdentity(): Identity | null {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Identity | null;
    return value && value.delegation && value.name ? value : null;
  } catch {
    return null;
  }
}

export function saveIdentity(identity: Identity): void {
  localStorage.setItem(KEY, JSON.stringify(identity));
}

export function forgetIdentity(): void {
  localStorage.removeItem(KEY);
}

/** A stable, readable colour per delegation, so a delegation's carets share a hue. */
export function delegationColor(delegation: string): string {
  let hash = 0;
  for (const ch of delegation) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return `hsl(${hash % 360}, 70%, 38%)`;
}
