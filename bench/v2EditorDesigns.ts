import type { DesignV2 } from '../src/model/v2/schema';

/**
 * The design `editor.mjs --v2` opens (kept equal to its `generateDesignV2`): three roles of 100
 * states and 200 transitions; each sends a message to the next role on every 10th transition.
 */
export function editorBenchDesignV2(): DesignV2 {
  const names = ['A', 'B', 'C'];
  const messages = names.map((from, k) => ({ name: `M${from}`, from, to: names[(k + 1) % 3]! }));
  const roles = names.map((name, k) => {
    const states = Array.from({ length: 100 }, (_, i) => ({ name: `S${i}`, ...(i === 0 ? { initial: true } : {}) }));
    const transitions: DesignV2['roles'][number]['transitions'] = [];
    for (let i = 0; transitions.length < 200; i++) {
      const from = i % 100;
      const to = transitions.length < 100 ? (from + 1) % 100 : (from + 17) % 100;
      transitions.push({
        from: `S${from}`,
        to: `S${to}`,
        ...(i % 7 === 3 ? { receive: messages[(k + 2) % 3]!.name } : { event: 'Step' }),
        ...(i % 10 === 0 ? { send: [{ message: messages[k]!.name }] } : {}),
      });
    }
    return { name, events: [{ name: 'Step', source: 'internal' as const }], states, transitions };
  });
  const layout = Object.fromEntries(names.map((n) => [n, Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`S${i}`, { x: (i % 20) * 200, y: Math.floor(i / 20) * 120 }]))]));
  return { format: 'protocol-studio', version: 2, name: 'Benchmark 3 roles x 100 states', messages, roles, layout };
}
