import { describe, expect, it } from 'vitest';
import { examplesV2 } from '../../../examples';
import { transitionDetailV2, triggerText } from './canvas/roleElements';

const lease = examplesV2.find((e) => e.slug === 'lease-calls-broken')!.design;
const [lock, client] = lease.roles as [NonNullable<(typeof lease.roles)[0]>, NonNullable<(typeof lease.roles)[0]>];
const receiverOf = (kind: string) => (kind === 'Acquire' ? 'Lock' : undefined);

describe('canvas labels of calls', () => {
  it('a call names its callee and attempts; outcomes read as the call and how it ended', () => {
    expect(transitionDetailV2(client.transitions[0]!, receiverOf)).toBe('call Lock.Acquire ×2');
    expect(transitionDetailV2({ from: 'a', event: 'Go', call: { event: 'Acquire', to: 'Lock[2]', payload: { n: '1' } } }, receiverOf)).toBe('call Lock.Acquire(n=1)→Lock[2]');
    expect(client.transitions.slice(1).map(triggerText)).toEqual(['Acquire ok', 'Acquire error', 'Acquire timed out (ambiguous)']);
  });

  it('a transition serving a call shows its reply', () => {
    expect(transitionDetailV2(lock.transitions[0]!)).toBe('/ token := token + 1, holder := sender ↩ok(token=token + 1)');
    expect(transitionDetailV2(lock.transitions[1]!)).toBe('↩error(token=0)');
    expect(transitionDetailV2({ from: 'a', event: 'Acquire', ack: 'none' })).toBe('no reply');
  });
});
