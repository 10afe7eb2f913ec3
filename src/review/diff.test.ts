import { describe, expect, it } from 'vitest';
import { explore } from '../engine/explorer';
import { compareResults, diffDesigns, diffText, resultRows } from './diff';
import { designDiagram, diagramSvg } from './diagramSvg';
import { idempotent, modelOf, retried } from './testDesigns';

describe('the diff between two versions of a design', () => {
  it('finds the one change that fixes the retried payment, and none between equal designs', () => {
    const diff = diffDesigns(modelOf(retried()), modelOf(idempotent()));
    const event = diff.changes.find((c) => c.element === 'event')!;
    expect(event).toEqual({
      kind: 'changed',
      element: 'event',
      name: 'Charge',
      details: ['idempotency: (unset) → "durable"'],
    });
    expect(diff.changes.filter((c) => c.element !== 'design' && c.element !== 'event')).toEqual([]);
    expect(diffDesigns(modelOf(retried()), modelOf(retried())).changes).toEqual([]);
    // The transition on the changed event is drawn as changed.
    expect(diff.diagram.edges.map((e) => e.mark)).toEqual(['changed', undefined]);
  });

  it('sees added, removed and changed states, transitions, invariants and environment', () => {
    const before = idempotent();
    const after = idempotent();
    after.states.push({ name: 'Refunded' });
    after.transitions.push({ id: 'refund', from: 'Charged', event: 'Charge', to: 'Refunded', ack: 'none' });
    after.transitions[0]!.guard = 'charges < 2';
    after.transitions.splice(1, 1);
    after.invariants.pop();
    after.environment = { ...after.environment, crashes: 2 };
    const diff = diffDesigns(modelOf(before), modelOf(after));
    const summary = diff.changes.map((c) => `${c.kind} ${c.element} ${c.name}`);
    expect(summary).toEqual([
      'added state Refunded',
      'changed transition charge',
      'added transition refund',
      'removed transition recover',
      'removed invariant every acked charge happened',
      'changed environment environment',
    ]);
    expect(diff.changes[1]!.details).toEqual(['guard: (unset) → "charges < 2"']);
    expect(diff.changes[5]!.details).toEqual(['crashes: 1 → 2']);
    // The merged diagram draws all three kinds.
    const marks = [...diff.diagram.nodes.map((n) => n.mark), ...diff.diagram.edges.map((e) => e.mark)];
    expect(new Set(marks)).toEqual(new Set([undefined, 'added', 'changed', 'removed']));
    const svg = diagramSvg(diff.diagram, 'diff');
    expect(svg).toContain('class="transition removed"');
    expect(svg).toContain('class="state added"');
  });

  it('sets the check results side by side and marks what changed', () => {
    const a = modelOf(retried());
    const b = modelOf(idempotent());
    const rows = compareResults(explore(a), explore(b));
    expect(rows.find((r) => r.figure === 'verdict')).toEqual({
      figure: 'verdict',
      before: 'violation',
      after: 'ok',
      changed: true,
    });
    expect(rows.find((r) => r.figure === 'violations')!.after).toBe('none');
    const text = diffText(diffDesigns(a, b), rows, { before: 'old', after: 'new' });
    expect(text).toMatch(/~ event Charge\n {4}idempotency: \(unset\) → "durable"/);
    expect(text).toMatch(/verdict +violation +ok +\*/);
    // A check stopped at a violation has not shown what is unreachable; an exhaustive one has.
    const figures = (verdict: 'ok' | 'violation', state: string) =>
      ({ verdict, states: 1, transitions: 1, depth: 1, violations: [], coverage: { states: { unreached: [state] }, transitions: { unreached: [] } } }) as const;
    const unreachedRow = resultRows(figures('violation', 'Order.done'), figures('ok', 'Order.limbo'), []).find((r) => r.figure === 'unreached states')!;
    expect([unreachedRow.before, unreachedRow.after]).toEqual(['not reached before the search stopped: Order.done', 'Order.limbo']);
    // A long label (a file path) keeps the second column aligned under it.
    const long = 'examples/v2/raft-election-volatile-vote.protocol.json';
    const lines = diffText(diffDesigns(a, b), rows, { before: long, after: 'new' }).split('\n');
    const header = lines.find((l) => l.startsWith('check '))!;
    const verdict = lines.find((l) => l.startsWith('verdict '))!;
    expect(verdict.indexOf(' ok')).toBe(header.indexOf(' new'));
  });
});

describe('the diagram of a design', () => {
  it('draws far-flung layouts at a bounded size and ignores positions that are not numbers', () => {
    const d = retried();
    d.layout = { Idle: { x: 0, y: 0 }, Charged: { x: 1e7, y: 5 } };
    const svg = diagramSvg(designDiagram(d), 'far');
    const width = Number(/ width="(\d+)"/.exec(svg)![1]);
    expect(width).toBeLessThanOrEqual(1600);
    expect(svg).toContain('>Charged</text>');
    d.layout = { Idle: { x: 0, y: 0 }, Charged: { x: 'a', y: null } };
    const fallback = diagramSvg(designDiagram(d), 'odd');
    expect(fallback).not.toContain('NaN');
    expect(fallback).toContain('>Charged</text>');
  });
});
