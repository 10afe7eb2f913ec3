import { describe, expect, it } from 'vitest';
import { loadDesignValue } from '../model/load';
import { exportDesign } from '.';
import { importGenerated, typeCheck } from './testing/compile';

const HOSTILE = 'x */ y \u2028 z \u2029 " \' ` ${alert(1)} </script> <!-- --> \\ \n // end';
// Names may not hold line breaks or separators (the loader refuses them); everything else stays.
const HOSTILE_NAME = HOSTILE.replace(/[\n\u2028\u2029]/g, '');

const design = {
  format: 'protocol-studio',
  version: 1,
  name: `*/ "evil" \`${'${'}1}\` </script>`.slice(0, 80),
  description: HOSTILE,
  vars: [
    { name: 'hasOwnProperty', type: { int: [0, 3] }, initial: 0, description: HOSTILE },
    { name: 'constructor', type: 'bool', initial: false, storage: 'volatile' },
  ],
  states: [
    { name: 'Idle', initial: true, description: HOSTILE },
    { name: 'Done', description: HOSTILE },
  ],
  events: [{ name: 'Go', source: 'client', idempotency: 'durable', description: HOSTILE, payload: [{ name: 'toString', type: { int: [0, 2] } }] }],
  transitions: [
    {
      from: 'Idle', event: 'Go', to: 'Done', description: HOSTILE,
      guard: 'event.toString >= 0',
      updates: { hasOwnProperty: 'hasOwnProperty + 1', constructor: '!constructor' },
      invariants: [{ name: HOSTILE_NAME.slice(0, 60), expr: "hasOwnProperty' == hasOwnProperty + 1", description: HOSTILE }],
    },
  ],
  invariants: [{ name: `${HOSTILE_NAME.slice(0, 50)} state`, expr: 'hasOwnProperty <= 1', description: HOSTILE }],
};

const hostile = JSON.parse(JSON.stringify(design)) as unknown;

describe('names and descriptions built to break out of strings and comments', () => {
  const loaded = loadDesignValue(hostile);
  it('load as a valid design', () => {
    expect(loaded.ok ? [] : loaded.errors).toEqual([]);
  });
  if (!loaded.ok) return;
  const model = loaded.model;

  it('leave the TypeScript export compiling and behaving as designed', async () => {
    const source = await exportDesign(model, 'ts');
    expect(source).not.toContain('\u2028');
    expect(source).not.toContain('</script>');
    expect(typeCheck({ 'hostile.ts': source, 'hostile.zod.ts': await exportDesign(model, 'ts', { zod: true }) })).toEqual([]);
    const mod = await importGenerated<{
      designName: string;
      invariants: { state: { name: string }[]; transition: { name: string }[] };
      createMemoryStore: () => unknown;
      createMachine: (store: unknown) => {
        start(): Promise<unknown>;
        handle(input: unknown): Promise<{ kind: string; reply?: string }>;
        snapshot(): { state: string; durable: Record<string, unknown>; volatile: Record<string, unknown> };
      };
    }>(source);
    expect(mod.designName).toBe(model.name);
    expect(mod.invariants.transition[0]!.name).toBe(HOSTILE_NAME.slice(0, 60));
    expect(mod.invariants.state[0]!.name).toBe(`${HOSTILE_NAME.slice(0, 50)} state`);
    const machine = mod.createMachine(mod.createMemoryStore());
    await machine.start();
    const reply = await machine.handle(JSON.parse('{"id":"r1","event":{"type":"Go","payload":{"toString":1}}}'));
    expect(reply).toMatchObject({ kind: 'reply', reply: 'ok' });
    const snap = machine.snapshot();
    expect(snap.state).toBe('Done');
    expect(snap.durable.hasOwnProperty).toBe(1);
    expect(snap.volatile.constructor).toBe(true);
  });

  it('stay inside comments and attributes in the other targets', async () => {
    const xs = await exportDesign(model, 'xstate');
    expect(typeCheck({ 'hostile.xstate.ts': xs })).toEqual([]);
    const mermaid = await exportDesign(model, 'mermaid');
    for (const line of mermaid.trimEnd().split('\n').slice(1)) expect(line).toMatch(/^ {4}(%%|\[\*\]|Idle|Done|classDef|class)/);
    const scxml = await exportDesign(model, 'scxml');
    expect(scxml.match(/<\/script>/g)?.length ?? 0).toBe(scxml.match(/<script>/g)?.length ?? 0);
    expect(scxml.match(/<!--/g)?.length).toBe(scxml.match(/-->/g)?.length);
    const json = JSON.parse(await exportDesign(model, 'json')) as { description: string };
    expect(json.description).toBe(HOSTILE);
  });
});
