import type { EvalEnv, EvalFrame } from '../model';
import type { ExprRole, ExprScope, NameInfo } from './checker';
import { BOOL, INT, type Type } from './types';

/**
 * A small fixed world for expression tests (imported by *.test.ts only): vars n, m (int), ok
 * (bool), mode (enum slow/fast); states Idle/Busy; client event Charge with payload amount (int)
 * and kind (enum a/b); timer Tick.
 */
const mode: Type = { kind: 'enum', values: ['slow', 'fast'], owner: 'mode', isState: false };
const kind: Type = { kind: 'enum', values: ['a', 'b'], owner: 'Charge.kind', isState: false };

export const testVars = new Map<string, NameInfo>([
  ['n', { index: 0, type: INT }],
  ['m', { index: 1, type: INT }],
  ['ok', { index: 2, type: BOOL }],
  ['mode', { index: 3, type: mode }],
]);

export function testScope(role: ExprRole, event: 'Charge' | 'Tick' | 'restart' | null = null): ExprScope {
  return {
    vars: testVars,
    stateType: { kind: 'enum', values: ['Idle', 'Busy'], owner: 'state', isState: true },
    events: new Map([
      ['Charge', { index: 0, client: true, source: 'client' }],
      ['Tick', { index: 1, client: false, source: 'timer' }],
    ]),
    event:
      event === 'Charge'
        ? { name: 'Charge', fields: new Map([['amount', { index: 0, type: INT }], ['kind', { index: 1, type: kind }]]) }
        : event === 'Tick'
          ? { name: 'Tick', fields: new Map() }
          : event,
    role,
  };
}

export function frame(vars: number[], extra: Partial<EvalFrame> = {}): EvalFrame {
  return { state: 0, vars, sent: [0, 0], acked: [0, 0], failed: [0, 0], ambiguous: [0, 0], crashes: 0, ...extra };
}

export function env(vars: number[] = [0, 0, 0, 0], post: EvalFrame | null = null, payload: number[] = [1, 0]): EvalEnv {
  return { pre: frame(vars), post, payload };
}
