/** The documents page: list, create from a template, import a text. */
import { useEffect, useState } from 'react';
import { api, failure } from '../app/api';
import { Header } from '../app/Header';
import type { Identity } from '../app/identity';
import { navigate } from '../app/router';
import { ImportForm } from './ImportForm';
import { NewFromTemplate } from './NewFromTemplate';

interface Listed {
  id: string;
  title: string;
  symbol: string;
  updated: string;
}

export function DocumentsPage({ identity, onChangeIdentity }: { identity: Identity; onChangeIdentity: () => void }) {
  const [documents, setDocuments] = useState<Listed[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api.documents
      .$get()
      .then(async (res) => {
        if (!res.ok) throw await failure(res);
        const body = await res.json();
        if (live) setDocuments(body.documents);
      })
      .catch((err: Error) => live && setError(`Could not load the documents: ${err.message}`));
    return () => {
      live = false;
    };
  }, []);

  const open = (id: string) => navigate(`/documents/${id}`);

  return (
    <>
      <Header identity={identity} onChangeIdentity={onChangeIdentity} />
      <main className="documents">
        <section aria-labelledby="list-heading">
          <h2 id="list-heading">Documents</h2>
          {error && <p role="alert" className="error">{error}</p>}
          {!documents && !error && <p className="muted">Loading…</p>}
          {documents?.length === 0 && (
            <p className="muted">{identity.admin ? 'No documents yet. Create one from a template or import a text.' : 'You take part in no document yet: open your invitation link.'}</p>
          )}
          {documents && documents.length > 0 && (
            <table className="doc-list">
              <thead>
                <tr>
                  <th>Symbol</th>
                  <th>Title</th>
                  <th>Last change</th>
                </tr>
              </thead>
              <tbody>
                {documents.map((d) => (
                  <tr key={d.id}>
                    <td>{d.symbol || '—'}</td>
                    <td>
                      <a
                        href={`/documents/${d.id}`}
                        onClick={(e) => {
                          e.preventDefault();
                          open(d.id);
                        }}
                      >
                        {d.title || '(untitled)'}
                      </a>
                    </td>
                    <td>{new Date(d.updated).toLocaleString()}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        {/* Only the administrator creates documents (the server refuses others with 403). */}
        {identity.admin && (
          <aside>
            <NewFromTemplate onCreated={open} />
            <ImportForm onCreated={open} />
          </aside>
        )}
      </main>
    </>
  );
}
