import { sponsorsLine } from '../../../shared/model/sponsors';
import type { Masthead as MastheadData } from '../../../shared/model/types';

/** The masthead as the document shows it: body and symbol, distribution, date, sponsors. */
export function Masthead({ masthead }: { masthead: MastheadData }) {
  const date = masthead.date ? new Date(`${masthead.date}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }) : '';
  return (
    <div className="masthead" aria-label="Masthead">
      <div className="masthead-row">
        <span className="body">{masthead.body || 'Body not set'}</span>
        <span className="symbol">{masthead.symbol || 'Symbol not set'}</span>
      </div>
      <div className="masthead-row small">
        <span>
          {[masthead.session, masthead.agendaItem && (/^agenda item/i.test(masthead.agendaItem) ? masthead.agendaItem : `Agenda item ${masthead.agendaItem}`)].filter(Boolean).join(' · ')}
        </span>
        <span>{[masthead.distribution, date, masthead.originalLanguage && `Original: ${masthead.originalLanguage}`].filter(Boolean).join(' · ')}</span>
      </div>
      {masthead.sponsors.length > 0 && <div className="sponsors small">{sponsorsLine(masthead)}</div>}
    </div>
  );
}
