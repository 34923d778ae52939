/** What the rules engine says about a draft. Plain data, sent as JSON to every client. */
export type Severity = 'error' | 'warning' | 'info';

/** A change to one paragraph's plain text (offsets as in plainText(content)). */
export type FixEdit = { kind: 'replace'; start: number; end: number; text: string } | { kind: 'italic'; start: number; end: number };

export interface Fix {
  /** What the button says: "Replace with “Requests”". */
  title: string;
  edits: FixEdit[];
}

export interface Diagnostic {
  rule: string;
  severity: Severity;
  message: string;
  /** Stable id of the paragraph, or "title" / "authority". */
  paragraphId: string;
  /** Visible label: PP7, OP10, OP3(a). */
  label: string;
  /** Character range in the paragraph's plain text. */
  range?: { start: number; end: number };
  fix?: Fix;
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
