// @vitest-environment jsdom
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { explore } from '../engine/explorer';
import type { CheckResult } from '../engine/result';
import { mermaidDiagram } from '../export/mermaid/export';
import { reviewDesign } from './lint';
import { reportHtml } from './reportHtml';
import { mdCode } from './escape';
import { reportMarkdown } from './reportMarkdown';
import { buildReport } from './reportModel';
import { withSilence } from './silence';
import { modelOf, retried } from './testDesigns';

const HOSTILE = `</title><script>alert(1)</script><img src=x onerror="alert(2)">`;

function reportOf(design: unknown, markdown = false) {
  const model = modelOf(design);
  const result = explore(model);
  const review = reviewDesign({ document: design, model, result });
  const report = buildReport({
    model,
    result,
    review,
    date: '2026-12-02T22:00:00.000Z',
    ...(markdown ? { mermaid: mermaidDiagram(model) } : {}),
  });
  return { model, result, report };
}

function hostileDesign() {
  const d = retried();
  d.name = HOSTILE;
  d.description = `<style>body{display:none}</style>${HOSTILE}`;
  d.invariants[0]!.name = `<b onmouseover="x()">inv</b>`;
  d.vars[0]!.description = `"><svg onload=alert(3)>`;
  d.transitions[0]!.id = `t"><script>x()</script>`;
  d.transitions[0]!.description = '`|` ## not a heading';
  // The silence reason is free text too.
  return withSilence(d, '/events/0', 'timeout-unmentioned', `<iframe src="https://evil.example"></iframe>`);
}

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('the HTML review report', () => {
  it('has every section the review needs, with the verdict, figures, trace and hash', () => {
    const { report, result } = reportOf(retried());
    const doc = parse(reportHtml(report));
    const titles = [...doc.querySelectorAll('h2')].map((h) => h.textContent);
    expect(titles).toEqual([
      'Verdict',
      'Diagram',
      'Vars',
      'States',
      'Events',
      'Transitions',
      'Invariants',
      'Environment',
      'Violations (shortest traces)',
      'Coverage',
      'Client outcomes',
      'Review checklist',
    ]);
    expect(doc.querySelector('h1')!.textContent).toBe('Payment retried without an idempotency key');
    expect(doc.querySelector('#verdict dd')!.textContent).toBe('violation (1)');
    expect(doc.querySelector('#verdict')!.textContent).toContain(String(result.states));
    // The trace table: the initial row plus one per step, and its sequence diagram.
    const trace = doc.querySelector('#violations table')!;
    expect(trace.querySelectorAll('tbody tr').length).toBe(result.violations[0]!.trace.length + 1);
    expect(doc.querySelectorAll('#violations svg').length).toBe(1);
    expect(doc.querySelector('#diagram svg title')!.textContent).toContain('State diagram');
    expect(doc.body.textContent).toContain(report.hash);
    expect(doc.body.textContent).toContain('2026-12-02T22:00:00.000Z');
    expect(doc.querySelector('#findings')!.textContent).toContain('Retries without idempotency');
  });

  it('says so when the checker could not confirm a violation', () => {
    const model = modelOf(retried());
    const result = explore(model);
    const broken: CheckResult = {
      ...result,
      internalErrors: [
        {
          message: 'disagreement',
          reported: { kind: 'invariant', name: 'x', detail: '', depth: 1 },
          trace: [],
          design: model.design,
        },
      ],
    };
    const report = buildReport({
      model,
      result: broken,
      review: reviewDesign({ document: retried(), model, result }),
      date: 'd',
    });
    expect(parse(reportHtml(report)).querySelector('#verdict')!.textContent).toContain('1 internal error(s)');
    expect(
      parse(reportHtml(reportOf(retried()).report)).querySelector('#verdict')!.textContent,
    ).not.toContain('internal error');
  });

  it('needs no script and no network: no script element, no external reference, a CSP forbidding both', () => {
    const html = reportHtml(reportOf(retried()).report);
    const doc = parse(html);
    expect(doc.querySelectorAll('script, link, iframe, object, embed, img').length).toBe(0);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(
      doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content'),
    ).toContain("default-src 'none'");
  });

  it('shows hostile names as text: they add no element and no attribute', () => {
    const clean = parse(reportHtml(reportOf(retried()).report));
    const html = reportHtml(reportOf(hostileDesign()).report);
    const doc = parse(html);
    const tags = (d: Document) => [...d.querySelectorAll('*')].map((e) => e.tagName).sort();
    expect(tags(doc)).toEqual(tags(clean));
    for (const el of doc.querySelectorAll('*'))
      for (const attr of el.attributes) expect(attr.name).not.toMatch(/^on/i);
    expect(doc.title).toBe(`Review: ${HOSTILE}`);
    expect(doc.querySelector('h1')!.textContent).toBe(HOSTILE);
    expect(doc.querySelector('#findings')!.textContent).toContain(
      '<iframe src="https://evil.example"></iframe>',
    );
  });
});

describe('the Markdown review report', () => {
  it('carries the same sections, the diagram and traces as Mermaid blocks', () => {
    const md = reportMarkdown(reportOf(retried(), true).report);
    expect(md).toMatch(/^# Review: Payment retried/);
    expect(md).toContain('## Violations (shortest traces)');
    expect(md).toContain('```mermaid\nstateDiagram-v2');
    expect(md).toContain('```mermaid\nsequenceDiagram');
    expect(md).toContain('| charge | Idle | Charge | Charged |');
  });

  // Everything Markdown reads in a name or description: quotes, a pipe, code spans, HTML, a link
  // and bare autolinks, an entity, emphasis, a heading, list starts on new lines, a backslash.
  // Names are shorter and hold no line break (the loader refuses both).
  const NAME = `"q" it's | \`t\` <b>x</b> [l](https://e.x) www.e.x &copy; _i_ #`;
  const TRICKY = `  say "hi" | a \`tick\` \`\`two\`\` <script>alert(1)</script> [x](https://evil.example) www.evil.example https://evil.example me@evil.example &copy; **b** _i_ ~s~ #\n- item\n1. one\\|`;
  const flat = TRICKY.replace(/\n/g, ' ').trimStart();

  it('shows names and descriptions as their text when rendered: no entity, HTML, link, code span, emphasis or row of their own', () => {
    const d = retried();
    d.transitions[0]!.guard = 'state == "Idle" || charges == 3';
    const rendered = (design: unknown) => parse(marked.parse(reportMarkdown(reportOf(design, true).report), { gfm: true, async: false }));
    const tags = (x: Document) => [...x.querySelectorAll('*')].map((e) => e.tagName).sort();
    const clean = tags(rendered(d));
    d.name = NAME;
    d.description = TRICKY;
    d.invariants[0]!.name = NAME;
    d.invariants[0]!.description = TRICKY;
    const text = reportMarkdown(reportOf(d, true).report);
    // Quotes are never entity-encoded (GitHub shows `&quot;` as is in code and to anyone reading the file).
    expect(text).not.toMatch(/&(quot|#39|lt|gt|amp);/);
    expect(text).toContain('say "hi" |'.replace('|', '\\|'));
    expect(text).toContain(`# Review: "q" it's`);
    // Rendered by a GitHub-flavoured parser (marked, mermaid's own Markdown parser).
    const doc = parse(marked.parse(text, { gfm: true, async: false }));
    expect(doc.querySelectorAll('script, a, img, em, del').length).toBe(0);
    expect(tags(doc)).toEqual(clean);
    expect(doc.querySelector('h1')!.textContent).toBe(`Review: ${NAME}`);
    expect(doc.querySelector('h1 + p')!.textContent).toBe(flat);
    for (const table of doc.querySelectorAll('table')) {
      const width = table.querySelectorAll('thead th').length;
      for (const row of table.querySelectorAll('tbody tr')) expect(row.children.length).toBe(width);
    }
    const invariants = [...doc.querySelectorAll('table')].find((t) => t.querySelector('th')!.textContent === 'name' && t.textContent.includes('expression'))!;
    const cells = [...invariants.querySelectorAll('tbody tr')[0]!.children].map((c) => c.textContent);
    expect(cells).toEqual([NAME, 'state', 'charges <= sent.Charge', flat]);
    const guard = [...doc.querySelectorAll('code')].map((c) => c.textContent);
    expect(guard).toContain('state == "Idle" || charges == 3');
  });

  it('writes an expression as one code span whatever backticks, pipes or backslashes it holds', () => {
    for (const code of ['a', 'a `b` c', '`a``', 'x || y', 'a\\|b', '``', ' a ']) {
      const doc = parse(marked.parse(`| h |\n| --- |\n| ${mdCode(code)} |\n`, { gfm: true, async: false }));
      const cell = doc.querySelector('tbody td')!;
      expect(cell.children.length).toBe(1);
      // GitHub reads `\\|` in a row as an escaped backslash kept in the code and a `|` of it.
      expect(cell.querySelector('code')!.textContent).toBe(code.replace(/\\(?=\|)/g, '\\\\'));
    }
  });

  it('names the violation in the sequence diagram, on the participant of the step that broke it, escaped', () => {
    const diagram = (d: unknown) => {
      const text = reportMarkdown(reportOf(d, true).report);
      const from = text.indexOf('```mermaid\nsequenceDiagram');
      return text.slice(from, text.indexOf('```', from + 3)).trimEnd().split('\n');
    };
    // The retry is delivered to the machine and processed again.
    expect(diagram(retried()).slice(-2)).toEqual(['    N->>M: 5. deliver Charge#35;1', '    Note over M: #10007; replay Charge']);
    // Without the replay check, and charging a retry again: the invariant it breaks, by name.
    const d = retried();
    d.environment = { ...d.environment, checks: { replay: false } };
    d.transitions.push({ from: 'Charged', event: 'Charge', to: 'Charged', updates: { charges: 'charges + 1' }, ack: 'durable' });
    d.invariants[0]!.name = 'at most; #once% <b>';
    expect(diagram(d).at(-1)).toBe('    Note over M: #10007; violates at most#59; #35;once#37; #60;b#62;');
  });

  it('lets no hostile name open HTML, a heading or a new table row', () => {
    const md = reportMarkdown(reportOf(hostileDesign(), true).report);
    // A `<` is backslash-escaped (shown as `<`), never written bare, and renders as text.
    expect(md).not.toMatch(/(^|[^\\])<(script|img|iframe|svg|style|b)\b/im);
    expect(parse(marked.parse(md, { gfm: true, async: false })).querySelectorAll('script, img, iframe, svg, style, b, a').length).toBe(0);
    expect(md).not.toMatch(/^## not a heading/m);
    // Every table row has as many cells as its header.
    const tables = md.split('\n\n').filter((b) => b.startsWith('| '));
    for (const t of tables) {
      const cells = (line: string) => line.replace(/\\\|/g, '').split('|').length;
      const [head, ...rows] = t.trimEnd().split('\n');
      for (const r of rows) expect(cells(r)).toBe(cells(head!));
    }
  });
});
