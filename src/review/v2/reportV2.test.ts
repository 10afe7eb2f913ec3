// @vitest-environment jsdom
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { exploreV2 } from '../../engine/v2/explorer';
import type { Design } from '../../model/schema';
import { reportHtml } from '../reportHtml';
import { reportMarkdown } from '../reportMarkdown';
import { withSilence } from '../silence';
import { reviewDesignV2 } from './lintV2';
import { startsDesign } from '../../export/v2/testing/startsDesign';
import { buildReportV2 } from './reportV2';
import { leaseBroken, modelOfV2, twoPhaseBroken } from './testDesignsV2';

const HOSTILE = `</title><script>alert(1)</script><img src=x onerror="alert(2)">`;

function reportOf(design: unknown) {
  const model = modelOfV2(design);
  const result = exploreV2(model);
  const review = reviewDesignV2({ document: design, model, result });
  return { model, result, report: buildReportV2({ model, result, review, date: '2026-12-03T09:00:00.000Z' }) };
}

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

function hostileDesign() {
  const d = twoPhaseBroken();
  d.name = HOSTILE;
  d.description = `<style>body{display:none}</style>${HOSTILE}`;
  d.invariants![0]!.name = `<b onmouseover="x()">inv</b>`;
  d.roles[0]!.description = `"><svg onload=alert(3)>`;
  d.roles[0]!.transitions[0]!.id = `t"><script>x()</script>`;
  d.roles[1]!.transitions[0]!.description = '`|` ## not a heading';
  d.messages![0]!.description = '</td></tr></table><script>y()</script>';
  return withSilence(d as unknown as Design, '/environment', 'drops-off', `<iframe src="https://evil.example"></iframe>`);
}

describe('the review report of a design of several participants', () => {
  it('has a section per role, messages, network, crashes, the trace with a column per instance, coverage per role and the checklist', () => {
    const { report, result } = reportOf(twoPhaseBroken());
    const doc = parse(reportHtml(report));
    expect([...doc.querySelectorAll('h2')].map((h) => h.textContent)).toEqual([
      'Verdict',
      'Diagrams',
      'Role TM',
      'Role RM',
      'Messages',
      'Network',
      'Crashes and recovery',
      'Design invariants',
      'Violations (shortest traces)',
      'Coverage per role',
      'Call outcomes per call site',
      'Review checklist',
    ]);
    expect(doc.querySelector('#verdict dd')!.textContent).toBe('violation (1)');
    // One state diagram per role, and the trace's sequence diagram with a lifeline per instance.
    expect(doc.querySelectorAll('#diagram svg').length).toBe(2);
    const trace = doc.querySelector('#violations table')!;
    expect([...trace.querySelectorAll('th')].map((th) => th.textContent)).toEqual(['#', 'step', 'TM', 'RM[1]', 'RM[2]', 'network']);
    expect(trace.querySelectorAll('tbody tr').length).toBe(result.violations[0]!.trace.length + 1);
    const lifelines = [...doc.querySelectorAll('#violations svg text[font-weight="600"]')].map((t) => t.textContent);
    expect(lifelines.slice(0, 3)).toEqual(['TM', 'RM[1]', 'RM[2]']);
    // Vars with storage, transitions with sends.
    expect(doc.querySelector('#role-0')!.textContent).toContain('volatile');
    expect(doc.querySelector('#role-0')!.textContent).toContain('Commit to event.rm');
    expect(doc.querySelector('#messages')!.textContent).toContain('channel (FIFO per pair)');
    expect(doc.querySelector('#coverage tbody tr td')!.textContent).toBe('TM');
    expect(doc.querySelector('#findings')!.textContent).toContain('Drop budget of 0');
    expect(doc.body.textContent).toContain(report.hash);
  });

  it("says each role's crash setting beside the design's budget", () => {
    const d = twoPhaseBroken();
    d.roles[1]!.crashes = 0;
    const doc = parse(reportHtml(reportOf(d).report));
    const rows = [...doc.querySelectorAll('#crashes tbody tr')].map((tr) => [...tr.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent));
    expect(rows).toEqual([
      ['TM', 'any instance, within the budget'],
      ['RM', 'never'],
    ]);
  });

  it("names the violation in the Markdown sequence diagram, on the lifeline of the step that broke it, the calls' steps replayed", () => {
    const diagram = (d: unknown) => {
      const md = reportMarkdown(reportOf(d).report);
      return md.slice(md.indexOf('```mermaid\nsequenceDiagram'), md.indexOf('```', md.indexOf('```mermaid\nsequenceDiagram') + 3)).trimEnd().split('\n');
    };
    const twoPhase = twoPhaseBroken();
    twoPhase.invariants![0]!.name = 'all; or #nothing% <b>';
    // The last step delivers Abort to RM[2] (p2) while RM[1] has committed.
    expect(diagram(twoPhase).slice(-2)).toEqual(['    p0->>p2: 10. RM#91;2#93; receive Abort', '    Note over p2: #10007; violates all#59; or #35;nothing#37; #60;b#62;']);
    // A design with calls: every step of the check found again, the replay named on the callee.
    const lease = diagram(leaseBroken());
    expect(lease.join('\n')).not.toContain('not enabled');
    expect(lease.at(-1)).toBe('    Note over p0: #10007; replay Acquire');
    // A trace from another initial configuration than the first is replayed from it.
    const starts = startsDesign();
    starts.invariants = [{ name: 'one ballot each', expr: 'forall v in Voter: v.ballots <= 1' }];
    expect(diagram(starts).slice(-2)).toEqual(['    Note over p1: 1. Voter#91;2#93; Cast', '    Note over p1: #10007; violates one ballot each']);
  });

  it('lists client outcomes per call site with their shortest traces', () => {
    // Explored to the end (no invariants, no replay check), so calls settle with each outcome.
    const d = leaseBroken();
    d.invariants = [];
    d.environment = { ...d.environment, checks: { ...d.environment?.checks, replay: false } };
    const { report, result } = reportOf(d);
    const doc = parse(reportHtml(report));
    const row = [...doc.querySelectorAll('#outcomes tbody td')].map((td) => td.textContent);
    const o = result.outcomes![0]!;
    expect(row[0]).toBe('Client → Lock.Acquire');
    expect(row[2]).toBe(`${o.ok} (${o.traces.ok!.length} steps)`);
    expect(row[4]).toBe(`${o.timeout} (${o.traces.timeout!.length} steps)`);
    expect(o.timeout).toBeGreaterThan(0);
  });

  it('cannot be broken out of by hostile names and descriptions (HTML)', () => {
    const { report } = reportOf(hostileDesign());
    const html = reportHtml(report);
    const doc = parse(html);
    expect(doc.querySelectorAll('script, iframe, img, style:not(head style), [onerror], [onload], [onmouseover]').length).toBe(0);
    expect(doc.querySelectorAll('style').length).toBe(1);
    expect(doc.title).toBe(`Review: ${HOSTILE}`);
    expect(doc.querySelector('h1')!.textContent).toBe(HOSTILE);
    expect(doc.body.textContent).toContain('t"><script>x()</script>');
    expect(doc.body.textContent).toContain('<iframe src="https://evil.example"></iframe>');
  });

  it('cannot be broken out of by hostile names and descriptions (Markdown)', () => {
    const md = reportMarkdown(reportOf(hostileDesign()).report);
    // A `<` is backslash-escaped (shown as `<`), never written bare, and renders as text.
    expect(md).not.toMatch(/(^|[^\\])<(script|iframe|img|svg|style)/im);
    expect(parse(marked.parse(md, { gfm: true, async: false })).querySelectorAll('script, iframe, img, svg, style, a, b').length).toBe(0);
    // Every table row keeps its cell count: no `|` or line break from a name ends a cell or a row.
    for (const table of md.split('\n\n').filter((b) => b.startsWith('| '))) {
      const [header, ...rows] = table.split('\n');
      const cells = (line: string) => line.replace(/\\\|/g, '').split('|').length;
      for (const r of rows.filter((line) => line !== '')) expect(cells(r)).toBe(cells(header!));
    }
    expect(md.split('\n').filter((l) => l.startsWith('## '))).toHaveLength(12);
  });
});
