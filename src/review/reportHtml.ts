import { xml } from './escape';
import type { Block, Cell, Report } from './reportModel';

/**
 * The report as one self-contained HTML file: inline CSS and SVG, no script, no external
 * reference. A Content-Security-Policy forbids scripts and every fetch, so even a name that
 * slipped past escaping could not run or load anything. Every user string goes through `xml`.
 */

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#0f172a;margin:0;background:#f1f5f9}
main{max-width:1100px;margin:0 auto;padding:24px 28px 48px;background:#fff}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #cbd5e1;padding-bottom:4px}
h3{font-size:15px;margin:18px 0 6px}h3.bad{color:#b91c1c}
.meta{color:#475569;font-size:12px}.verdict{display:inline-block;padding:2px 10px;border-radius:12px;font-weight:600}
.verdict.ok{background:#dcfce7;color:#166534}.verdict.violation{background:#fee2e2;color:#991b1b}.verdict.incomplete{background:#fef3c7;color:#92400e}
table{border-collapse:collapse;margin:6px 0;font-size:13px}th,td{border:1px solid #cbd5e1;padding:3px 8px;text-align:left;vertical-align:top}
th{background:#f1f5f9}code{font:12px ui-monospace,Menlo,Consolas,monospace;white-space:pre-wrap}
dl.figures{display:grid;grid-template-columns:max-content auto;gap:2px 16px;margin:6px 0}dl.figures dt{color:#475569}dl.figures dd{margin:0;font-weight:600}
figure{margin:8px 0;overflow-x:auto}nav a{margin-right:10px}
@media print{body{background:#fff}main{padding:0}}
`;

function cell(c: Cell): string {
  return typeof c === 'string' ? xml(c) : c.code === '' ? '' : `<code>${xml(c.code)}</code>`;
}

function block(b: Block): string {
  switch (b.kind) {
    case 'text':
      return `<p>${xml(b.text)}</p>`;
    case 'heading':
      return `<h3${b.tone ? ` class="${b.tone}"` : ''}>${xml(b.text)}</h3>`;
    case 'figures':
      return `<dl class="figures">${b.items.map(([k, v]) => `<dt>${xml(k)}</dt><dd>${xml(v)}</dd>`).join('')}</dl>`;
    case 'table':
      return `<table><thead><tr>${b.header.map((h) => `<th>${xml(h)}</th>`).join('')}</tr></thead><tbody>${b.rows
        .map((r) => `<tr>${r.map((c) => `<td>${cell(c)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;
    case 'picture':
      // Made by diagramSvg/sequenceSvg, which escape every name they draw.
      return `<figure>${b.svg}</figure>`;
  }
}

export function reportHtml(report: Report): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="Protocol Studio">`,
    `<title>${xml(`Review: ${report.title}`)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    '<main>',
    '<header>',
    `<h1>${xml(report.title)}</h1>`,
    report.description ? `<p>${xml(report.description)}</p>` : '',
    `<p><span class="verdict ${xml(report.verdict)}">${xml(report.verdict)}</span> <span class="meta">design hash <code>${xml(report.hash)}</code> · reviewed ${xml(report.date)}</span></p>`,
    `<nav aria-label="Sections">${report.sections.map((s) => `<a href="#${xml(s.id)}">${xml(s.title)}</a>`).join('')}</nav>`,
    '</header>',
    ...report.sections.map(
      (s) =>
        `<section id="${xml(s.id)}" aria-labelledby="${xml(s.id)}-title"><h2 id="${xml(s.id)}-title">${xml(s.title)}</h2>${s.blocks.map(block).join('\n')}</section>`,
    ),
    `<footer class="meta"><p>Made by Protocol Studio · design hash ${xml(report.hash)} · ${xml(report.date)}</p></footer>`,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
