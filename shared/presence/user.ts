/**
 * What a participant's presence (awareness state `user`) shows the others.
 * The server writes it from the authenticated identity; the client's own
 * values are only a first guess until the server's copy comes back.
 */
import { delegationColor } from './colour';

export interface PresenceUser {
  /** "Ana (Mexico)": the caret label. */
  name: string;
  displayName: string;
  delegation: string;
  color: string;
}

export function presenceUser(identity: { name: string; delegation: string }): PresenceUser {
  return {
    name: `${identity.name} (${identity.delegation})`,
    displayName: identity.name,
    delegation: identity.delegation,
    color: delegationColor(identity.delegation),
  };
}
