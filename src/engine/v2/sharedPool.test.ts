import { describe, expect, it } from 'vitest';
import { exploreV2 } from './explorer';
import { loadExampleV2, walkV2 } from './testDesigns';
import { viewConfigurationV2 } from './view';

/** TwoPhase with one more design invariant. */
const withInvariant = (expr: string) => loadExampleV2('tla-two-phase.protocol.json', 3, (d) => d.invariants!.push({ name: 'copies', expr }));

describe('a pool kind sent only to all receivers keeps one slot for all its copies (MessageV2.receivers)', () => {
  it('TwoPhase: Commit and Abort (sent toAll) take one slot each, Prepared one per sender; a send to one instance keeps a slot per receiver', () => {
    const m = loadExampleV2('tla-two-phase.protocol.json', 3);
    expect(m.messages.map((k) => [k.name, k.receivers])).toEqual([['Prepared', 1], ['Commit', 1], ['Abort', 1]]);
    expect(m.network.size).toBe(3 + 1 + 1);
    const oneOnly = loadExampleV2('tla-two-phase.protocol.json', 3, (d) => {
      d.roles[0]!.transitions.push({ id: 'TMNudge', from: 'aborted', event: 'Abort', to: 'aborted', send: [{ message: 'Abort', to: 'RM[1]' }] });
    });
    expect(oneOnly.messages.map((k) => k.receivers)).toEqual([1, 1, 3]);
    const except = loadExampleV2('tla-two-phase.protocol.json', 3, (d) => {
      d.roles[0]!.transitions.find((t) => t.id === 'TMAbort')!.send = [{ message: 'Abort', toAll: true, except: ['RM[2]'] }];
    });
    expect(except.messages.map((k) => k.receivers)).toEqual([1, 1, 3]);
  });

  it('explores the same configurations (TLC: 288 for three resource managers) and a quantifier still sees one message per receiver', () => {
    expect(exploreV2(loadExampleV2('tla-two-phase.protocol.json', 3)).states).toBe(288);
    expect(exploreV2(withInvariant('(count m in Abort: true) == 0 || (count m in Abort: m.sender == TM) == 3')).verdict).toBe('ok');
    const broken = exploreV2(withInvariant('(count m in Commit: m.receiver == RM[2]) == 0'));
    expect(broken.verdict).toBe('violation');
  });

  it('the configuration view lists each copy, sender to receiver', () => {
    const m = loadExampleV2('tla-two-phase.protocol.json', 3);
    const sim = walkV2(m, ['TM Abort']);
    expect(viewConfigurationV2(m, sim.current).network).toEqual(['Abort TM→RM[1]', 'Abort TM→RM[2]', 'Abort TM→RM[3]']);
  });
});
