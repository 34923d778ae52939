import { useState } from 'react';
import { DocumentsPage } from '../documents/DocumentsPage';
import { EditorPage } from '../editor/EditorPage';
import { forgetIdentity, loadIdentity, saveIdentity, type Identity } from './identity';
import { JoinForm } from './JoinForm';
import { useRoute } from './router';

export function App() {
  const route = useRoute();
  const [identity, setIdentity] = useState<Identity | null>(loadIdentity);
  const [changing, setChanging] = useState(false);

  if (!identity || changing) {
    return (
      <JoinForm
        initial={identity}
        onJoin={(id) => {
          saveIdentity(id);
          setIdentity(id);
          setChanging(false);
        }}
      />
    );
  }
  const signOut = () => {
    forgetIdentity();
    setChanging(true);
  };
  return route.screen === 'editor' ? (
    <EditorPage key={route.documentId} documentId={route.documentId} identity={identity} onChangeIdentity={signOut} />
  ) : (
    <DocumentsPage identity={identity} onChangeIdentity={signOut} />
  );
}
