import { describe, expect, it } from 'vitest';
import { exploreV2 } from './explorer';
import { loadExampleV2 } from './testDesigns';

/** A false `forall` invariant names the instances that make it false. */
describe('the witness of a false forall', () => {
  it('names the pair of leaders of one term', () => {
    const v = exploreV2(loadExampleV2('raft-election-volatile-vote.protocol.json')).violations[0]!;
    expect(v.detail).toBe('one leader per term is false (a = Node[1], b = Node[3]): forall a, b in Node: a != b && a.ledTerm != 0 => a.ledTerm != b.ledTerm');
    expect(v.trace.at(-1)!.violation).toBe(v.detail);
  });

  it('names the committed and the aborted resource manager', () => {
    const v = exploreV2(loadExampleV2('two-phase-commit-broken.protocol.json')).violations[0]!;
    expect(v.detail).toMatch(/^all or nothing is false \(a = RM\[\d\], b = RM\[\d\]\): forall a, b in RM: /);
  });

  it('names the pair of a negated exists, the same invariant written the other way, and leaves the check as it was', () => {
    const negated = exploreV2(loadExampleV2('raft-election-volatile-vote.protocol.json', undefined, (d) => {
      d.invariants = [{ name: 'one leader per term', expr: '!(exists a, b in Node: a != b && a.ledTerm != 0 && a.ledTerm == b.ledTerm)' }];
    }));
    expect(negated.violations.map((v) => [v.name, v.depth, v.detail])).toEqual([
      ['one leader per term', 8, 'one leader per term is false (a = Node[1], b = Node[3]): !(exists a, b in Node: a != b && a.ledTerm != 0 && a.ledTerm == b.ledTerm)'],
    ]);
    expect(negated.states).toBe(7905);
  });

  it('says nothing more of an invariant that is neither, and leaves the check as it was', () => {
    const plain = exploreV2(loadExampleV2('raft-election-volatile-vote.protocol.json', undefined, (d) => {
      d.invariants = [{ name: 'one leader per term', expr: '(count a in Node: a.ledTerm == 1) <= 1' }];
    }));
    expect(plain.violations.map((v) => [v.name, v.depth, v.detail])).toEqual([['one leader per term', 8, 'one leader per term is false: (count a in Node: a.ledTerm == 1) <= 1']]);
    expect(plain.states).toBe(7905);
  });
});
