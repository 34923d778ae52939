import type { ConnectionContext } from './context';

/** One connected client, whatever the transport. */
export interface Peer {
  readonly context: ConnectionContext;
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
}
