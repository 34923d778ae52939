/**
 * Several servers for one provider: when the connection to one node closes
 * (the node died, restarts, or refuses to answer), the next attempt goes to
 * the next node in the list. y-websocket's provider stays as it is: it reads
 * `serverUrl` on every (re)connect, so rotating it is all it takes. Closes
 * that reconnecting cannot fix (4400–4499: unknown document, no access) stop
 * the rotation like they stop the provider.
 *
 * Behind a WebSocket-capable proxy the list has one entry and the proxy
 * does the same job.
 */
import type { WebsocketProvider } from 'y-websocket';
import { isFinalClose } from '../../shared/protocol/messages';

/** Starts on `urls[start]` and moves on at each close; returns a function that stops rotating. */
export function rotateServersOnClose(provider: WebsocketProvider, urls: string[], start = 0): () => void {
  if (urls.length === 0) throw new Error('rotateServersOnClose: no server URL');
  let index = start % urls.length;
  provider.serverUrl = urls[index].replace(/\/+$/, '');
  if (urls.length === 1) return () => undefined;
  const onClose = (event: CloseEvent | null) => {
    if (event && isFinalClose(event.code)) return;
    index = (index + 1) % urls.length;
    provider.serverUrl = urls[index].replace(/\/+$/, '');
  };
  provider.on('connection-close', onClose);
  return () => provider.off('connection-close', onClose);
}
