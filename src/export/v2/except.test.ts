import { describe, expect, it } from 'vitest';
import { loadAnyDesignValueV2 } from '../../model/v2/load';
import type { ModelV2 } from '../../model/v2/model';
import type { DesignV2 } from '../../model/v2/schema';
import { exportDesignV2 } from './index';
import { importModulesV2 } from './testing/loadModules';

/**
 * A send to all but some (`"toAll": true, "except": [...]`, docs/format-v2.md §3) in every code
 * export: three nodes, each shouting to the others. Every example that uses it (the cooperative
 * termination of two-phase commit) also runs in the system property test and the Spin cross-check.
 */
function shout(): DesignV2 {
  return {
    format: 'protocol-studio',
    version: 2,
    name: 'shout',
    messages: [{ name: 'Hello', from: 'Node', to: 'Node' }],
    roles: [
      {
        name: 'Node',
        instances: 3,
        vars: [{ name: 'heard', type: { map: { from: 'Node', to: 'bool' } }, initial: false }],
        states: [{ name: 'idle', initial: true }],
        events: [{ name: 'Shout', source: 'internal' }],
        transitions: [
          { id: 'shout', from: 'idle', event: 'Shout', send: [{ message: 'Hello', toAll: true, except: ['self'] }] },
          { id: 'hear', from: 'idle', receive: 'Hello', updates: { 'heard[sender]': 'true' } },
        ],
      },
    ],
  } as DesignV2;
}

function model(): ModelV2 {
  const r = loadAnyDesignValueV2(shout());
  if (!r.ok || r.kind !== 'participants') throw new Error('the design does not load');
  return r.model;
}

const text = async (target: 'promela' | 'scxml' | 'mermaid', file: string) => (await exportDesignV2(model(), target)).find((f) => f.name === file)!.text;

describe('a send to all but some, exported', () => {
  it('TypeScript: Node[2] shouting sends to Node[1] and Node[3], not to itself', async () => {
    const modules = await importModulesV2(await exportDesignV2(model(), 'ts'));
    const node = modules['role-Node.ts'] as {
      initialSnapshot(self: string): unknown;
      decide(s: unknown, input: unknown, world: unknown): { sends: { to: string }[] } | null;
    };
    const d = node.decide(node.initialSnapshot('Node[2]'), { kind: 'event', event: { type: 'Shout', payload: {} } }, {});
    expect(d!.sends.map((s) => s.to)).toEqual(['Node[1]', 'Node[3]']);
  });

  it('Promela: each copy is put only when its receiver is not one left out', async () => {
    const pml = await text('promela', 'model.pml');
    // One guarded put per receiver, the left-out instance read into a scratch value first.
    expect(pml.match(/if :: h\[\d+\] != [0-2] -> /g)!.length).toBe(3 * 3);
  });

  it('SCXML: the foreach sends only to instances not left out', async () => {
    expect(await text('scxml', 'role-Node.scxml')).toContain('<if cond="to !== x0_0">');
  });

  it('Mermaid: the label says who is left out', async () => {
    expect(await text('mermaid', 'role-Node.mmd')).toContain('send Hello to all but self');
  });
});
