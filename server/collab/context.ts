/** Who is on the other end of a connection. Issue 5 replaces the interim identity with tokens. */
export type Role = 'secretariat' | 'facilitator' | 'delegation' | 'observer' | 'system';

export interface Identity {
  delegation: string;
  name: string;
}

export interface ConnectionContext {
  connectionId: string;
  documentId: string;
  identity: Identity;
  role: Role;
}
