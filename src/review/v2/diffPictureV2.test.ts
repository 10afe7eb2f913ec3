// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { diagramSvg } from '../diagramSvg';
import { diffPicturesV2, pictureSummaryV2 } from './diffPictureV2';
import { modelOfV2, twoPhaseBroken } from './testDesignsV2';

/** The picture of a change per role: marks as version 1's diff draws them, names escaped. */

const marks = (xs: readonly { name?: string; label?: string; from?: string; mark?: string }[]) => xs.filter((x) => x.mark).map((x) => `${x.mark} ${x.name ?? `${x.from}: ${x.label}`}`);

describe('the diff picture of two versions of a design of several participants', () => {
  it('draws every role unchanged for the same design', () => {
    const d = twoPhaseBroken();
    const pictures = diffPicturesV2(d, d);
    expect(pictures.map((p) => [p.role, p.mark])).toEqual([
      ['TM', 'unchanged'],
      ['RM', 'unchanged'],
    ]);
    expect(pictures.flatMap((p) => [...marks(p.diagram.nodes), ...marks(p.diagram.edges)])).toEqual([]);
  });

  it('marks states and transitions added, removed and changed per role, and roles added and removed', () => {
    const before = twoPhaseBroken();
    before.roles.push({ name: 'Auditor', states: [{ name: 'idle', initial: true }], transitions: [] });
    const after = twoPhaseBroken();
    after.roles.push({ name: 'Observer', states: [{ name: 'watching', initial: true }], transitions: [{ from: 'watching', receive: 'Note', to: 'watching' }] });
    after.messages!.push({ name: 'Note', from: 'TM', to: 'Observer' });
    const rm = after.roles[1]!;
    rm.states.push({ name: 'limbo' });
    rm.transitions.find((t) => t.id === 'rm-commit')!.guard = 'true';
    rm.transitions.splice(rm.transitions.findIndex((t) => t.id === 'rm-abort'), 1);
    rm.transitions.push({ id: 'to-limbo', from: 'prepared', receive: 'Abort', to: 'limbo' });
    const tm = after.roles[0]!;
    tm.states = tm.states.filter((s) => s.name !== 'aborted');
    tm.transitions = tm.transitions.filter((t) => t.to !== 'aborted');
    modelOfV2(before);
    modelOfV2(after);
    const pictures = diffPicturesV2(before, after);
    expect(pictures.map((p) => [p.role, p.mark])).toEqual([
      ['TM', 'changed'],
      ['RM', 'changed'],
      ['Observer', 'added'],
      ['Auditor', 'removed'],
    ]);
    const [tmPicture, rmPicture, observer, auditor] = pictures;
    expect(marks(tmPicture!.diagram.nodes)).toEqual(['removed aborted']);
    expect(marks(tmPicture!.diagram.edges)).toEqual(['removed collecting: receive Vote [event.value == "no"]', 'removed collecting: $restart']);
    expect(marks(rmPicture!.diagram.nodes)).toEqual(['added limbo']);
    // rm-abort leaves two states: one removed edge per source state.
    expect(marks(rmPicture!.diagram.edges)).toEqual(['changed prepared: receive Commit [true]', 'added prepared: receive Abort', 'removed working: receive Abort', 'removed prepared: receive Abort']);
    expect(observer!.diagram.nodes.every((n) => n.mark === 'added')).toBe(true);
    expect(auditor!.diagram.nodes.every((n) => n.mark === 'removed')).toBe(true);
    expect(pictures.map(pictureSummaryV2)).toEqual([
      'Role TM (changed): 1 state removed, 2 transitions removed',
      'Role RM (changed): 1 state added, 1 transition added, 2 transitions removed, 1 transition changed',
      'Role Observer (added)',
      'Role Auditor (removed)',
    ]);
  });

  it('a role whose settings changed is changed, though its picture has no mark', () => {
    const before = twoPhaseBroken();
    const after = twoPhaseBroken();
    after.roles[1]!.instances = 3;
    const rm = diffPicturesV2(before, after)[1]!;
    expect(rm.mark).toBe('changed');
    expect(pictureSummaryV2(rm)).toBe('Role RM (changed): its vars, events, invariants or settings');
  });

  it('escapes hostile text in the picture: guards and the title reach the SVG as text, never as markup', () => {
    const before = twoPhaseBroken();
    const after = twoPhaseBroken();
    const hostile = '</text><script>alert(1)</script><text>';
    after.roles[1]!.transitions.push({ id: hostile, from: 'prepared', receive: 'Abort', to: 'aborted', guard: '"<img src=x onerror=alert(1)>" == "&"' } as never);
    const rm = diffPicturesV2(before, after)[1]!;
    const svg = diagramSvg(rm.diagram, `Diff ${hostile} <b>`);
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<img');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(new DOMParser().parseFromString(svg, 'image/svg+xml').querySelector('parsererror')).toBeNull();
  });
});
