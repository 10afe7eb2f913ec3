// The version-2 design of the editor benchmark (`editor.mjs --v2`), also loaded by the
// validation bench and the incremental-load test: one statement in plain JS so both Node scripts
// and TypeScript (through `editorBenchDesign.d.mts`) import it.

/** Three roles (A, B, C) of 100 states; each sends a message to the next role on every 10th transition. */
export function editorBenchDesignV2() {
  const names = ['A', 'B', 'C'];
  const messages = names.map((from, k) => ({ name: `M${from}`, from, to: names[(k + 1) % 3] }));
  const roles = names.map((name, k) => {
    const states = Array.from({ length: 100 }, (_, i) => ({ name: `S${i}`, ...(i === 0 ? { initial: true } : {}) }));
    const transitions = [];
    for (let i = 0; transitions.length < 200; i++) {
      const from = i % 100;
      const to = transitions.length < 100 ? (from + 1) % 100 : (from + 17) % 100;
      transitions.push({
        from: `S${from}`,
        to: `S${to}`,
        ...(i % 7 === 3 ? { receive: messages[(k + 2) % 3].name } : { event: 'Step' }),
        ...(i % 10 === 0 ? { send: [{ message: messages[k].name }] } : {}),
      });
    }
    return { name, events: [{ name: 'Step', source: 'internal' }], states, transitions };
  });
  const layout = Object.fromEntries(names.map((n) => [n, Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`S${i}`, { x: (i % 20) * 200, y: Math.floor(i / 20) * 120 }]))]));
  return { format: 'protocol-studio', version: 2, name: 'Benchmark 3 roles x 100 states', messages, roles, layout };
}
