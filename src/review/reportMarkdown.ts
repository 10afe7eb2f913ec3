import { md, mdCode } from './escape';
import type { Block, Cell, Report } from './reportModel';

/** The report as Markdown for a pull request (GitHub flavour; diagrams as Mermaid blocks). Every user string goes through `md` or `mdCode`. */

function cell(c: Cell): string {
  return typeof c === 'string' ? md(c) : c.code === '' ? '' : mdCode(c.code);
}

function block(b: Block): string {
  switch (b.kind) {
    case 'text':
      return md(b.text);
    case 'heading':
      return `#### ${md(b.text)}`;
    case 'figures':
      return b.items.map(([k, v]) => `- ${md(k)}: **${md(v)}**`).join('\n');
    case 'table':
      return [
        `| ${b.header.map(md).join(' | ')} |`,
        `| ${b.header.map(() => '---').join(' | ')} |`,
        ...b.rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
      ].join('\n');
    case 'picture':
      // Mermaid labels are entity-escaped and its lines indented, so none can close the fence;
      // `%%` comments (which carry names as they are) are left out.
      return b.mermaid ? `\`\`\`mermaid\n${withoutComments(b.mermaid)}\n\`\`\`` : '';
  }
}

function withoutComments(mermaid: string): string {
  return mermaid
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('%%'))
    .join('\n')
    .trimEnd();
}

export function reportMarkdown(report: Report): string {
  const out = [`# Review: ${md(report.title)}`, ''];
  if (report.description) out.push(md(report.description), '');
  out.push(
    `**${md(report.verdict)}** · design hash \`${report.hash.replace(/[^0-9a-f]/g, '')}\` · reviewed ${md(report.date)}`,
    '',
  );
  for (const s of report.sections) {
    out.push(`## ${md(s.title)}`, '');
    for (const b of s.blocks) {
      const text = block(b);
      if (text) out.push(text, '');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
