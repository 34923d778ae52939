/** Two screens, addressed by path: / (documents) and /documents/:id (editor). */
import { useEffect, useState } from 'react';

export type Route = { screen: 'documents' } | { screen: 'editor'; documentId: string };

export function parseRoute(pathname: string): Route {
  const m = /^\/documents\/([A-Za-z0-9_-]+)\/?$/.exec(pathname);
  return m ? { screen: 'editor', documentId: m[1] } : { screen: 'documents' };
}

export function navigate(path: string): void {
  history.pushState(null, '', path);
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
