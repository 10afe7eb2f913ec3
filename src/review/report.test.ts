// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { explore } from '../engine/explorer';
import type { CheckResult } from '../engine/result';
import { mermaidDiagram } from '../export/mermaid/export';
import { reviewDesign } from './lint';
import { reportHtml } from './reportHtml';
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

  it('lets no hostile name open HTML, a heading or a new table row', () => {
    const md = reportMarkdown(reportOf(hostileDesign(), true).report);
    expect(md).not.toMatch(/<(script|img|iframe|svg|style|b)\b/i);
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
