import { useCallback, useEffect, useState } from 'react';
import { DocumentsPage } from '../documents/DocumentsPage';
import { EditorPage } from '../editor/EditorPage';
import { loadSession, signOut, type Identity } from './identity';
import { navigate, useRoute } from './router';
import { JoinPage, SignInPage } from './SignIn';

type SessionState = { kind: 'loading' } | { kind: 'signed-in'; identity: Identity } | { kind: 'signed-out'; message?: string };

export function App() {
  const route = useRoute();
  const [state, setState] = useState<SessionState>({ kind: 'loading' });

  useEffect(() => {
    if (route.screen === 'join') return;
    loadSession().then(
      (identity) => setState({ kind: 'signed-in', identity }),
      (err: Error & { status?: number }) => setState({ kind: 'signed-out', message: err.status === 401 && /Not signed in/.test(err.message) ? undefined : err.message }),
    );
    // Only on load: afterwards the session changes by signing in or out here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const signedIn = useCallback((identity: Identity) => {
    setState({ kind: 'signed-in', identity });
    navigate(identity.documentId ? `/documents/${identity.documentId}` : '/', true);
  }, []);
  const leave = () => {
    void signOut().finally(() => {
      setState({ kind: 'signed-out', message: 'You are signed out.' });
      navigate('/', true);
    });
  };
  /** A page learnt that the session is gone (expired, revoked): back to sign-in, saying why. */
  const lost = useCallback((message: string) => setState({ kind: 'signed-out', message }), []);

  if (route.screen === 'join') return <JoinPage token={route.token} onSignedIn={signedIn} />;
  if (state.kind === 'loading') return <main className="loading muted">Opening…</main>;
  if (state.kind === 'signed-out') return <SignInPage message={state.message} onSignedIn={signedIn} />;
  return route.screen === 'editor' ? (
    <EditorPage key={route.documentId} documentId={route.documentId} identity={state.identity} onChangeIdentity={leave} onSessionLost={lost} />
  ) : (
    <DocumentsPage identity={state.identity} onChangeIdentity={leave} />
  );
}
