import type { Diagnostic } from '../validation/types';

/**
 * Message types of the sync protocol. 0–3 are y-websocket's own
 * (y-protocols); 100 is ours: a JSON notice from the server (diagnostics,
 * warnings), which the client registers in `provider.messageHandlers`.
 */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;
export const MESSAGE_SERVER_NOTICE = 100;

/** WebSocket close codes. 44xx: the client must not reconnect (the reason says why). */
export const CLOSE = {
  tooLarge: 1009,
  internalError: 1011,
  malformed: 4400,
  unauthorized: 4401,
  forbidden: 4403,
  unknownDocument: 4404,
  /** An abuse limit: too many messages on this connection, or too many open documents in this session. */
  tooMany: 4429,
  serverShutdown: 4503,
} as const;

/** Close codes after which reconnecting cannot help. */
export const isFinalClose = (code: number) => code >= 4400 && code < 4500;

export type ServerNotice =
  | { type: 'notice'; level: 'info' | 'warning' | 'error'; message: string }
  | {
      type: 'diagnostics';
      documentId: string;
      /** Base64 state vector of the document that was validated: a client whose state matches shows this verdict. */
      stateVector: string;
      diagnostics: Diagnostic[];
    };
