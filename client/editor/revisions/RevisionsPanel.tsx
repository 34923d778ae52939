/**
 * The Revisions panel: the versions issued by the secretariat with their
 * outputs (Word, Word with the changes since the previous revision marked,
 * print view, plain text), the secretariat's "Issue revision" form (refused
 * while the server reports errors, unless a reason is given), and a
 * comparison of any two versions.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Masthead } from '../../../shared/model/types';
import { nextSymbol, today } from '../../../shared/revisions/symbols';
import type { EditingSession } from '../session';
import { compareVersions, downloadDocx, IssueRefused, issueRevision, listRevisions, outputUrl, type CompareResult, type RefusalDiagnostic, type RevisionInfo } from './api';
import { CompareView } from './CompareView';
import './revisions.css';

const fileName = (symbol: string, marked: boolean) => `${symbol.replace(/[^A-Za-z0-9.]+/g, '_') || 'draft'}${marked ? '_marked' : ''}.docx`;
const versionName = (r: RevisionInfo) => (r.number === 0 ? 'Original' : `Rev.${r.number}`);

export function RevisionsPanel({ session, masthead }: { session: EditingSession; masthead: Masthead }) {
  const documentId = session.documentId;
  const canIssue = session.identity.admin || session.identity.role === 'secretariat';
  const [revisions, setRevisions] = useState<RevisionInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    listRevisions(documentId)
      .then((list) => {
        setRevisions(list);
        setError(null);
      })
      .catch((err: Error) => setError(`Could not load the revisions: ${err.message}`));
  }, [documentId]);
  // Issuing changes the masthead's symbol (through the pipeline): every open panel reloads then.
  useEffect(reload, [reload, masthead.symbol]);

  return (
    <section className="revisions-panel" aria-label="Revisions">
      <h2>Revisions</h2>
      {error && (
        <p className="error small" role="alert">
          {error}{' '}
          <button type="button" className="link small" onClick={reload}>
            Try again
          </button>
        </p>
      )}
      {revisions && revisions.length === 0 && <p className="muted small">No revision issued yet.</p>}
      {revisions && revisions.length > 0 && (
        <ol className="revision-list">
          {revisions.map((r, i) => (
            <RevisionItem key={r.number} documentId={documentId} revision={r} previous={i > 0 ? revisions[i - 1] : null} />
          ))}
        </ol>
      )}
      {canIssue && revisions && <IssueForm documentId={documentId} revisions={revisions} masthead={masthead} onIssued={reload} />}
      {revisions && <ComparePicker documentId={documentId} revisions={revisions} />}
    </section>
  );
}

function RevisionItem({ documentId, revision: r, previous }: { documentId: string; revision: RevisionInfo; previous: RevisionInfo | null }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const version = `rev:${r.number}`;
  const download = async (marked: boolean) => {
    setBusy(marked ? 'Preparing Word with changes…' : 'Preparing Word…');
    setError(null);
    try {
      await downloadDocx(outputUrl(documentId, 'export.docx', version, marked && previous ? `rev:${previous.number}` : undefined), fileName(r.symbol, marked));
    } catch (err) {
      setError(`Word export failed: ${(err as Error).message}`);
    } finally {
      setBusy(null);
    }
  };
  return (
    <li className="revision-item" data-number={r.number}>
      <div>
        <strong>{r.symbol}</strong> <span className="muted small">{r.date}</span>
      </div>
      <div className="muted small">
        {versionName(r)} · issued by {r.issuedBy.delegation ?? r.issuedBy.role} · {r.sponsors.join(', ') || 'no sponsors'}
      </div>
      {r.overrideReason && (
        <div className="small override" title={r.overriddenErrors.join('\n')}>
          Issued despite {r.overriddenErrors.length} error{r.overriddenErrors.length === 1 ? '' : 's'}: {r.overrideReason}
        </div>
      )}
      <div className="revision-outputs small">
        <button type="button" className="link small" onClick={() => download(false)} disabled={busy !== null}>
          Word
        </button>
        {previous && (
          <button type="button" className="link small" onClick={() => download(true)} disabled={busy !== null} title={`Insertions in bold, deletions struck through, since ${versionName(previous)}`}>
            Word, changes since {versionName(previous)}
          </button>
        )}
        <a href={outputUrl(documentId, 'print', version, previous ? `rev:${previous.number}` : undefined)} target="_blank" rel="noreferrer">
          Print{previous ? ' (marked)' : ''}
        </a>
        <a href={outputUrl(documentId, 'text', version)} target="_blank" rel="noreferrer">
          Text
        </a>
      </div>
      {busy && (
        <p className="small muted" role="status">
          {busy}
        </p>
      )}
      {error && (
        <p className="small error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

function IssueForm({ documentId, revisions, masthead, onIssued }: { documentId: string; revisions: RevisionInfo[]; masthead: Masthead; onIssued: () => void }) {
  const last = revisions.at(-1);
  const suggested = last ? nextSymbol(last.symbol) : masthead.symbol;
  const [open, setOpen] = useState(false);
  const [symbol, setSymbol] = useState(suggested);
  const [date, setDate] = useState(today());
  const [sponsors, setSponsors] = useState(masthead.sponsors.join(', '));
  const [reason, setReason] = useState('');
  const [refusal, setRefusal] = useState<{ message: string; diagnostics: RefusalDiagnostic[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  useEffect(() => setSymbol(suggested), [suggested]);

  const submit = async (override: boolean) => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const list = sponsors.split(',').map((s) => s.trim()).filter(Boolean);
      const issued = await issueRevision(documentId, { symbol: symbol.trim(), date, sponsors: list, ...(override ? { override: { reason: reason.trim() } } : {}) });
      setRefusal(null);
      setReason('');
      setOpen(false);
      setDone(`${issued.symbol} issued.`);
      onIssued();
    } catch (err) {
      if (err instanceof IssueRefused) setRefusal({ message: err.message, diagnostics: err.diagnostics });
      else setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  if (!open) {
    return (
      <div className="issue">
        <button type="button" onClick={() => setOpen(true)}>
          Issue revision…
        </button>
        {done && (
          <p className="small" role="status">
            {done}
          </p>
        )}
      </div>
    );
  }
  return (
    <form
      className="issue-form card"
      aria-label="Issue revision"
      onSubmit={(e) => {
        e.preventDefault();
        void submit(false);
      }}
      onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
    >
      <label>
        Symbol
        <input name="symbol" value={symbol} onChange={(e) => setSymbol(e.target.value)} required autoFocus />
      </label>
      <label>
        Date
        <input name="date" type="date" value={date} onChange={(e) => setDate(e.target.value)} required />
      </label>
      <label>
        Sponsors (comma-separated)
        <input name="sponsors" value={sponsors} onChange={(e) => setSponsors(e.target.value)} />
      </label>
      <div>
        <button type="submit" disabled={busy}>
          {busy ? 'Issuing…' : 'Issue'}
        </button>{' '}
        <button type="button" onClick={() => setOpen(false)} disabled={busy}>
          Cancel
        </button>
      </div>
      {error && (
        <p className="error small" role="alert">
          {error}
        </p>
      )}
      {refusal && (
        <div className="refusal" role="alert">
          <p className="error small">{refusal.message}</p>
          <ul className="small">
            {refusal.diagnostics.map((d, i) => (
              <li key={i}>
                <strong>{d.label}</strong> {d.message}
              </li>
            ))}
          </ul>
          <label>
            Reason for issuing anyway (recorded)
            <textarea name="override-reason" value={reason} onChange={(e) => setReason(e.target.value)} rows={2} />
          </label>
          <button type="button" onClick={() => submit(true)} disabled={busy || !reason.trim()}>
            Issue anyway
          </button>
        </div>
      )}
    </form>
  );
}

function ComparePicker({ documentId, revisions }: { documentId: string; revisions: RevisionInfo[] }) {
  const options = [...revisions.map((r) => ({ value: `rev:${r.number}`, label: `${versionName(r)} (${r.symbol})` })), { value: 'current', label: 'Current text' }];
  const [from, setFrom] = useState(revisions.length >= 2 ? `rev:${revisions[revisions.length - 2].number}` : (options[0]?.value ?? 'current'));
  const [to, setTo] = useState(revisions.length >= 2 ? `rev:${revisions[revisions.length - 1].number}` : 'current');
  const [result, setResult] = useState<CompareResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (revisions.length >= 2) {
      setFrom(`rev:${revisions[revisions.length - 2].number}`);
      setTo(`rev:${revisions[revisions.length - 1].number}`);
    } else if (revisions.length === 1) setFrom('rev:0');
  }, [revisions]);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await compareVersions(documentId, from, to));
    } catch (err) {
      setResult(null);
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="compare-picker">
      <h3>Compare</h3>
      <form
        className="compare-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <label>
          From
          <select name="compare-from" value={from} onChange={(e) => setFrom(e.target.value)}>
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          To
          <select name="compare-to" value={to} onChange={(e) => setTo(e.target.value)}>
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={busy}>
          {busy ? 'Comparing…' : 'Compare'}
        </button>
      </form>
      {error && (
        <p className="error small" role="alert">
          {error}
        </p>
      )}
      {result && <CompareView result={result} />}
    </div>
  );
}
