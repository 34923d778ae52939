/**
 * The print view: a standalone HTML page in UN layout (A4, Times 10/12 pt,
 * the masthead, numbered paragraphs, footnotes) with print CSS and no app
 * chrome, so that the browser's "Print → Save as PDF" gives a clean document.
 * Insertions are bold and deletions struck through when changes are marked.
 */
import type { LaidParagraph, Layout, Run } from './layout';

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function runs(list: readonly Run[]): string {
  return list
    .map((r) => {
      if (r.footnote !== undefined) return `<sup class="fn-ref"><a href="#fn${r.footnote}">${r.footnote}</a></sup>`;
      let html = escape(r.text);
      if (r.italic) html = `<i>${html}</i>`;
      if (r.bold) html = `<b class="ins">${html}</b>`;
      if (r.strike) html = `<s class="del">${html}</s>`;
      return html;
    })
    .join('');
}

function paragraph(p: LaidParagraph): string {
  const cls = [p.kind === 'preambular' ? 'pp' : p.kind === 'operative' ? 'op' : `sub sub${p.level}`, p.deleted ? 'deleted' : ''].filter(Boolean).join(' ');
  const marker = p.marker ? `<span class="marker">${escape(p.marker)}</span>` : '';
  return `<p class="${cls}">${marker}${runs(p.runs)}</p>`;
}

const CSS = `
@page { size: A4; margin: 2cm; }
* { box-sizing: border-box; }
body { font-family: "Times New Roman", "Liberation Serif", Times, serif; font-size: 10pt; line-height: 12pt; margin: 0 auto; max-width: 17cm; color: #000; background: #fff; }
.top { display: flex; justify-content: space-between; align-items: baseline; border-bottom: 2.25pt solid #000; padding-bottom: 2pt; font-weight: bold; font-size: 14pt; line-height: 16pt; }
.head { display: flex; justify-content: space-between; margin: 6pt 0 12pt; }
.body-name { font-weight: bold; font-size: 14pt; line-height: 16pt; max-width: 62%; }
.distr p, .session p { margin: 0; }
.session p:first-child { font-weight: bold; }
.main { margin-left: 2.2cm; }
.sponsors { margin: 12pt 0; }
h1 { font-size: 10pt; font-weight: bold; margin: 12pt 0; }
p { margin: 0 0 6pt; text-align: justify; }
.pp, .op, .authority { text-indent: 1cm; }
.op .marker { display: inline-block; width: 1cm; text-indent: 0; }
.sub { padding-left: calc(2cm + var(--level, 1) * 1cm - 1cm); text-indent: -1cm; }
.sub1 { --level: 1; } .sub2 { --level: 2; } .sub3 { --level: 3; }
.sub .marker { display: inline-block; width: 1cm; text-indent: 0; }
.deleted, .deleted .marker { text-decoration: line-through; }
b.ins { font-weight: bold; }
.footnotes { border-top: 0.5pt solid #000; width: 5cm; margin-top: 18pt; padding-top: 4pt; }
.footnotes p { width: 17cm; font-size: 9pt; line-height: 11pt; }
.legend { font-family: system-ui, sans-serif; font-size: 9pt; color: #444; margin: 0 0 12pt; }
@media print { .legend { display: none; } a { color: inherit; text-decoration: none; } }
`;

export function layoutToHtml(layout: Layout, caption: string): string {
  const m = layout.masthead;
  const distr = [`Distr.: ${m.distribution || 'Limited'}`, layout.date, `Original: ${m.originalLanguage || 'English'}`].filter(Boolean);
  const session = [m.session, m.place, m.agendaItem].filter(Boolean);
  const notes = layout.footnotes.map((f) => `<p id="fn${f.number}"${f.deleted ? ' class="deleted"' : ''}><sup>${f.number}</sup> ${runs(f.runs)}</p>`).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(m.symbol || 'Draft resolution')}</title><style>${CSS}</style></head>
<body>
<p class="legend">${escape(caption)}${layout.marked ? ' — insertions in bold, deletions struck through' : ''}. Print with Ctrl-P (Save as PDF).</p>
<div class="top"><span>United Nations</span><span class="symbol">${escape(m.symbol)}</span></div>
<div class="head"><div class="body-name">${escape(m.body)}</div><div class="distr">${distr.map((d) => `<p>${escape(d)}</p>`).join('')}</div></div>
<div class="session">${session.map((s) => `<p>${escape(s)}</p>`).join('')}</div>
<div class="main">
<p class="sponsors">${escape(layout.sponsorsLine)}</p>
${layout.title.length ? `<h1>${runs(layout.title)}</h1>` : ''}
${layout.authority.length ? `<p class="authority">${runs(layout.authority)}</p>` : ''}
${layout.preamble.map(paragraph).join('\n')}
${layout.operative.map(paragraph).join('\n')}
${notes ? `<div class="footnotes">${notes}</div>` : ''}
</div>
</body></html>
`;
}
