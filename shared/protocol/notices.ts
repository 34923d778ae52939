/**
 * The client side of server notices (message type 100): registers a handler
 * on a y-websocket provider. Used by the editor and by the tests' Node clients.
 */
import * as decoding from 'lib0/decoding';
import type { WebsocketProvider } from 'y-websocket';
import { MESSAGE_SERVER_NOTICE, type ServerNotice } from './messages';

export function onServerNotice(provider: WebsocketProvider, listener: (notice: ServerNotice) => void): void {
  provider.messageHandlers[MESSAGE_SERVER_NOTICE] = (_encoder, decoder) => {
    try {
      listener(JSON.parse(decoding.readVarString(decoder)) as ServerNotice);
    } catch (err) {
      console.error('Penholder: unreadable server notice', err);
    }
  };
}
