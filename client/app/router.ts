/** Three screens, addressed by path: / (documents), /documents/:id (editor), /join/:token (sign in with an invitation link). */
import { useEffect, useState } from 'react';

export type Route = { screen: 'documents' } | { screen: 'editor'; documentId: string } | { screen: 'join'; token: string };

export function parseRoute(pathname: string): Route {
  const join = /^\/join\/([^/]+)\/?$/.exec(pathname);
  if (join) return { screen: 'join', token: decodeURIComponent(join[1]) };
  const m = /^\/documents\/([A-Za-z0-9_-]+)\/?$/.exec(pathname);
  return m ? { screen: 'editor', documentId: m[1] } : { screen: 'documents' };
}

export function navigate(path: string, replace = false): void {
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.pathname));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.pathname));
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);
  return route;
}
