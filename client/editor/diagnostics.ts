/**
 * The diagnostics the editor shows. The same rules engine runs here on every
 * change for instant feedback; the server pushes its verdict, which is shown
 * whenever it is about exactly the state this browser has (same state vector).
 */
import { toBase64 } from 'lib0/buffer';
import * as Y from 'yjs';
import { readResolutionFromYDoc } from '../../shared/editor/ydoc';
import { emptyCorpus, type CitationCorpus } from '../../shared/validation/citations';
import type { Diagnostic } from '../../shared/validation/types';
import { createValidator, type Validator } from '../../shared/validation/validate';
import type { EditingSession } from './session';

export interface DiagnosticsView {
  diagnostics: Diagnostic[];
  /** True when the list is the server's verdict on this exact state. */
  confirmed: boolean;
}

export class DiagnosticsStore {
  private validator: Validator = createValidator();
  private local: Diagnostic[] = [];
  private server: { stateVector: string; diagnostics: Diagnostic[] } | null = null;
  private view: DiagnosticsView = { diagnostics: [], confirmed: false };
  private listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private unsubscribe: () => void;

  constructor(private readonly session: EditingSession) {
    const take = (notice: { stateVector: string; diagnostics: Diagnostic[] }) => {
      this.server = { stateVector: notice.stateVector, diagnostics: notice.diagnostics };
      this.refresh();
    };
    if (session.serverDiagnostics) this.server = session.serverDiagnostics;
    this.unsubscribe = session.onDiagnostics(take);
    session.doc.on('update', this.schedule);
    // The citation corpus makes the local checks the same as the server's.
    fetch('/api/validation/corpus')
      .then((r) => (r.ok ? (r.json() as Promise<CitationCorpus>) : emptyCorpus()))
      .then((corpus) => {
        this.validator = createValidator({ corpus });
        this.runLocal();
      })
      .catch(() => undefined);
    this.runLocal();
  }

  private schedule = () => {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.runLocal();
    }, 30);
  };

  private runLocal() {
    if (this.session.doc.getXmlFragment('resolution').length === 0) return;
    try {
      this.local = this.validator.validate(readResolutionFromYDoc(this.session.doc));
    } catch {
      // A transient state mid-sync; the next change validates again.
    }
    this.refresh();
  }

  private refresh() {
    const sv = toBase64(Y.encodeStateVector(this.session.doc));
    const confirmed = this.server !== null && this.server.stateVector === sv;
    this.view = { diagnostics: confirmed ? this.server!.diagnostics : this.local, confirmed };
    for (const l of this.listeners) l();
  }

  get current(): DiagnosticsView {
    return this.view;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy() {
    if (this.timer) clearTimeout(this.timer);
    this.session.doc.off('update', this.schedule);
    this.unsubscribe();
  }
}
