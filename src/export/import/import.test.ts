import { describe, expect, it } from 'vitest';
import { loadDesignValue } from '../../model/load';
import { importDesign, guessSource, IMPORT_LIMITS, type ImportResult } from '.';

function ok(r: ImportResult) {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  expect(loadDesignValue(r.design).ok).toBe(true);
  return r;
}
const edges = (r: ImportResult) =>
  r.ok
    ? r.design.transitions.map((t) => `${t.from} -${t.event}${t.guard ? `[${t.guard}]` : ''}-> ${t.to}`)
    : [];
const refusal = (r: ImportResult) => (r.ok ? '' : r.errors.map((e) => `${e.line}: ${e.message}`).join('\n'));

describe('importing a Mermaid state diagram', () => {
  it('reads states, events, initial and final states, and keeps guards as placeholders', () => {
    const r = ok(
      importDesign(
        'stateDiagram-v2\n  [*] --> Idle\n  Idle --> Busy : Start [x > 1] / go\n  Busy --> Idle : Done\n  Busy --> [*]\n',
        'mermaid',
      ),
    );
    expect(r.design.states).toEqual([
      { name: 'Idle', initial: true },
      { name: 'Busy', final: true },
    ]);
    expect(edges(r)).toEqual(['Idle -Start[event.todo_x___1]-> Busy', 'Busy -Done-> Idle']);
    expect(r.design.events[0]).toMatchObject({
      name: 'Start',
      payload: [{ name: 'todo_x___1', type: 'bool' }],
    });
    expect(r.design.transitions[0]!.description).toContain('[x > 1]');
    expect(r.summary.dropped).toEqual([{ line: 3, message: expect.stringContaining('Action go') }]);
  });

  it('gives each unlabeled arrow its own event, so no later arrow is dead', () => {
    const r = ok(
      importDesign(
        'stateDiagram-v2\n[*] --> Still\nStill --> Moving\nMoving --> Still\nMoving --> Crash\nCrash --> [*]\n',
        'mermaid',
      ),
    );
    expect(edges(r)).toEqual([
      'Still -Still_to_Moving-> Moving',
      'Moving -Moving_to_Still-> Still',
      'Moving -Moving_to_Crash-> Crash',
    ]);
  });

  it('reads front matter, <br/> as a line break, :::class, state "…" as X {, and { on its own line', () => {
    const text =
      '---\ntitle: Door\n---\nstateDiagram-v2\n[*] --> Closed:::warm\nstate "Open<br/>wide" as Open\nstate Locked\n{\n  [*] --> Bolted\n}\nClosed --> Open : push/pull<br/>hard\nClosed --> Locked : lock\n';
    const r = ok(importDesign(text, 'mermaid'));
    expect(r.design.name).toBe('Door');
    expect(r.design.states.map((s) => s.name)).toEqual(['Closed', 'Open', 'Bolted']);
    expect(r.design.states[1]!.description).toBe('Open\nwide');
    expect(edges(r)).toEqual(['Closed -push-> Open', 'Closed -lock-> Bolted']);
  });

  it('takes a slash as trigger / effect only after one name; free text keeps it', () => {
    const r = ok(
      importDesign(
        'stateDiagram-v2\n[*] --> A\nA --> B : go / log\nB --> A : click outside / Esc\n',
        'mermaid',
      ),
    );
    expect(edges(r)).toEqual(['A -go-> B', 'B -click_outside___Esc-> A']);
    expect(r.design.events[1]!.description).toBe('Imported as "click outside / Esc".');
  });

  it('enters a composite through its initial child and leaves it from any child, child first', () => {
    const text =
      'stateDiagram-v2\n[*] --> P\nstate P {\n  [*] --> a\n  a --> b : next\n  b --> a : reset\n}\nP --> Out : reset\n';
    const r = ok(importDesign(text, 'mermaid'));
    expect(edges(r)).toEqual(['a -next-> b', 'a -reset-> Out', 'b -reset-> a']);
  });

  it('takes parallel regions as their product', () => {
    const text =
      'stateDiagram-v2\n[*] --> K\nstate K {\n  [*] --> NumOff\n  NumOff --> NumOn : Num\n  --\n  [*] --> CapsOff\n  CapsOff --> CapsOn : Caps\n}\n';
    const r = ok(importDesign(text, 'mermaid'));
    expect(r.design.states.map((s) => s.name)).toEqual([
      'K__NumOff__CapsOff',
      'K__NumOn__CapsOff',
      'K__NumOff__CapsOn',
      'K__NumOn__CapsOn',
    ]);
    expect(r.design.transitions).toHaveLength(4);
  });

  it('follows a choice at once, its branch labels becoming placeholder guards', () => {
    const text =
      'stateDiagram-v2\nstate c <<choice>>\n[*] --> Wait\nWait --> c : Check\nc --> Pos : n >= 0\nc --> Neg\n';
    const r = ok(importDesign(text, 'mermaid'));
    expect(edges(r)).toEqual(['Wait -Check[event.todo_n____0]-> Pos', 'Wait -Check-> Neg']);
  });

  it('refuses forks with the line and what to do', () => {
    expect(refusal(importDesign('stateDiagram-v2\n[*] --> A\nstate f <<fork>>\n', 'mermaid'))).toMatch(
      /^3: <<fork>> state f .* regions of one composite/,
    );
    expect(refusal(importDesign('stateDiagram-v2\n  A --> B\n  A -> B\n', 'mermaid'))).toMatch(/^3: Line 3 /);
  });
});

describe('importing an XState machine', () => {
  const source = `import { createMachine, assign } from 'xstate';
export const m = createMachine({
  id: 'toggle',
  initial: 'inactive',
  context: { count: 0, on: false, label: 'x' },
  states: {
    inactive: { on: { TOGGLE: { target: 'active', guard: 'canToggle', actions: assign({ count: ({ context }) => context.count + 1 }) } } },
    active: {
      on: { TOGGLE: 'inactive', FAIL: { target: '#toggle.broken' } },
      after: { 1000: 'inactive' },
    },
    broken: { type: 'final' }, // trailing comma, comments
  },
});`;

  it('reads states, events, timers and context without running the code', () => {
    expect(guessSource(source)).toBe('xstate');
    const r = ok(importDesign(source, 'xstate'));
    expect(r.design.name).toBe('toggle');
    expect(r.design.states.map((s) => s.name)).toEqual(['inactive', 'active', 'broken']);
    expect(r.design.states[2]).toMatchObject({ final: true });
    expect(edges(r)).toEqual([
      'inactive -TOGGLE[event.todo_canToggle]-> active',
      'active -TOGGLE-> inactive',
      'active -FAIL-> broken',
      'active -after_1000-> inactive',
    ]);
    expect(r.design.vars.map((v) => v.name)).toEqual(['count', 'on']);
    expect(r.summary.dropped.map((d) => d.line)).toEqual([5, 7]);
  });

  it('turns invoke onDone/onError into events of the invoked work', () => {
    const r = ok(
      importDesign(
        "createMachine({ initial: 'loading', states: { loading: { invoke: { src: 'load', onDone: 'ok', onError: 'failed' } }, ok: {}, failed: {} } })",
        'xstate',
      ),
    );
    expect(edges(r)).toEqual(['loading -load_done-> ok', 'loading -load_error-> failed_']);
    expect(r.design.events.map((e) => e.source)).toEqual(['internal', 'internal']);
  });

  it('reads v5 TypeScript: types: {} as …, shorthand properties, generics, setup(…)', () => {
    const text = `const context = { n: 0 };
const m = setup({ types: {} as { context: { n: number }; events: { type: 'GO' } | { type: 'STOP' } }, guards: { big: ({ context }) => context.n > 1 } }).createMachine<Ctx, Ev>({
  types: {} as { context: Ctx },
  context,
  initial: 'a',
  states: { a: { on: { GO: { target: 'b', guard: 'big' } } }, b: { on: { STOP: 'a' } } },
});`;
    const r = ok(importDesign(text, 'xstate'));
    expect(edges(r)).toEqual(['a -GO[event.todo_big]-> b', 'b -STOP-> a']);
  });

  it("reads v4's Machine(…) and refuses a file of several machines, naming them", () => {
    expect(
      ok(
        importDesign(
          "const t = Machine({ initial: 'a', states: { a: { on: { T: 'b' } }, b: {} } });",
          'xstate',
        ),
      ).design.states,
    ).toHaveLength(2);
    const two =
      "const one = createMachine({ initial: 'a', states: { a: {} } });\nconst two = createMachine({ initial: 'b', states: { b: {} } });";
    expect(refusal(importDesign(two, 'xstate'))).toBe(
      '2: This file defines 2 machines: one (line 1), two (line 2); choose one by name, id or line (--machine NAME on the command line, the Machine field in the browser).',
    );
    expect(ok(importDesign(two, 'xstate', { machine: 'two' })).design.states.map((s) => s.name)).toEqual([
      'b',
    ]);
  });

  it("reads v4's after array, action lists as targetless transitions, and cond objects", () => {
    const text = `const m = Machine({
  initial: 'Idle',
  on: { EXPIRED: [actions.assign({ session: null }), actions.log()] },
  states: {
    Idle: { after: [{ delay: 50, target: 'Error' }] },
    Error: { always: [{ target: 'Idle', cond: { type: 'shouldRetry' } }, { target: 'Done' }] },
    Done: { type: 'final' },
  },
}, fetchConfig);`;
    const r = ok(importDesign(text, 'xstate'));
    expect(edges(r)).toEqual([
      'Idle -EXPIRED-> Idle',
      'Idle -after_50[todo_shouldRetry]-> Idle',
      'Idle -after_50-> Done',
    ]);
    expect(r.summary.dropped.map((d) => d.line)).toEqual([3, 3]);
  });

  it('enters nested states through initial, gives the child priority and exits from any descendant', () => {
    const text =
      "createMachine({ initial: 'p', states: { p: { initial: 'x', on: { E: 'q', F: 'q' }, states: { x: { on: { E: 'y' } }, y: {} } }, q: { on: { BACK: 'p' } } } })";
    const r = ok(importDesign(text, 'xstate'));
    expect(edges(r)).toEqual(['p_x -E-> p_y', 'p_x -F-> q', 'p_y -E-> q', 'p_y -F-> q', 'q -BACK-> p_x']);
  });

  it('takes parallel states as the product of their regions, also as a target', () => {
    const text =
      "createMachine({ initial: 'off', states: { off: { on: { ON: 'on' } }, on: { type: 'parallel', states: { a: { initial: 'a1', states: { a1: { on: { X: 'a2' } }, a2: {} } }, b: { initial: 'b1', states: { b1: { on: { X: 'b2' } }, b2: {} } } } } } })";
    const r = ok(importDesign(text, 'xstate'));
    expect(edges(r)).toEqual(['off -ON-> on__a1__b1', 'on__a1__b1 -X-> on__a2__b2']);
  });

  it('follows always at once: a guarded always splits the transition into it (the else needs no negation)', () => {
    const text =
      "createMachine({ initial: 'idle', states: { idle: { on: { GO: 'check' } }, check: { always: [{ target: 'big', guard: 'isBig' }, { target: 'small' }] }, big: {}, small: {} } })";
    const r = ok(importDesign(text, 'xstate'));
    expect(r.design.states.map((s) => s.name)).toEqual(['idle', 'big', 'small']);
    expect(edges(r)).toEqual(['idle -GO[event.todo_isBig]-> big', 'idle -GO-> small']);
  });

  it('takes onDone of a compound state once its final child is reached', () => {
    const text =
      "createMachine({ initial: 'w', states: { w: { initial: 's', onDone: 'done', states: { s: { on: { FIN: 'f' } }, f: { type: 'final' } } }, done: { type: 'final' } } })";
    expect(edges(ok(importDesign(text, 'xstate')))).toEqual(['w_s -FIN-> done']);
  });

  it('keeps a guard on a timer or internal event as a placeholder var, listed as approximated', () => {
    const text =
      "createMachine({ initial: 'a', states: { a: { after: { 500: { target: 'b', guard: ({ context }) => context.ok } } }, b: {} } })";
    const r = ok(importDesign(text, 'xstate'));
    expect(edges(r)).toEqual(['a -after_500[todo_cond_1]-> b']);
    expect(r.design.vars).toEqual([
      expect.objectContaining({ name: 'todo_cond_1', type: 'bool', initial: false }),
    ]);
    expect(r.summary.approximated[0]!.message).toContain('placeholder var todo_cond_1');
  });

  it('reports an unknown target and a syntax error with their lines', () => {
    expect(
      refusal(
        importDesign(
          'createMachine({\n  initial: "a",\n  states: {\n    a: { on: { GO: "nowhere" } },\n  },\n})',
          'xstate',
        ),
      ),
    ).toBe('4: Unknown target state "nowhere" at line 4; name a sibling state, .child or #id.');
    expect(
      refusal(
        importDesign(
          'createMachine({\n  initial: "a",\n  states: {\n    a: { on: { GO: "b" }\n  ,,\n})',
          'xstate',
        ),
      ),
    ).toMatch(/^5: /);
  });

  it('never runs the code it reads', () => {
    const r = importDesign(
      "createMachine({ initial: (globalThis.pwned = 1, 'a'), states: { a: {} } })",
      'xstate',
    );
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
    expect(r.ok).toBe(true);
  });
});

describe('imports are bounded before parsing', () => {
  it('refuses a text over the line limit at once, naming the limit', () => {
    const huge = `stateDiagram-v2\n${'A --> B\n'.repeat(IMPORT_LIMITS.lines)}`;
    expect(refusal(importDesign(huge, 'mermaid'))).toContain('more than 20,000 lines');
    expect(refusal(importDesign(`{"a":"${'x'.repeat(IMPORT_LIMITS.chars)}"}`, 'xstate'))).toContain(
      'characters, more than',
    );
  });

  it('reads a long XState file in linear time (line numbers without rescanning)', () => {
    // 20,000 lines of states: a quadratic line lookup would take seconds; this is a work bound, not a timer.
    const states = Array.from({ length: 900 }, (_, i) => `s${i}: { on: { N: 's${(i + 1) % 900}' } },`).join(
      '\n',
    );
    const r = ok(importDesign(`createMachine({ initial: 's0', states: {\n${states}\n} })`, 'xstate'));
    expect(r.design.states).toHaveLength(900);
  });
});

describe('placeholder guards', () => {
  it('are flagged by validation until replaced', () => {
    const r = ok(
      importDesign(
        "createMachine({ initial: 'a', states: { a: { on: { GO: [{ target: 'b', guard: 'isOk' }, { target: 'c' }] } }, b: {}, c: {} } })",
        'xstate',
      ),
    );
    expect(edges(r)).toEqual(['a -GO[event.todo_isOk]-> b', 'a -GO-> c']);
    const loaded = loadDesignValue(r.design);
    expect(loaded.ok && loaded.warnings).toEqual([
      {
        path: '/transitions/0/guard',
        code: 'placeholder-guard',
        message: expect.stringContaining('event.todo_isOk'),
      },
    ]);
  });
});

describe('reading machines where real files keep them', () => {
  it('reads the first state diagram of a Markdown page, with the page’s line numbers', () => {
    const page =
      '# Door\n\nSome text.\n\n```mermaid\nflowchart LR\n  a --> b\n```\n\n```mermaid\nstateDiagram-v2\n  [*] --> Closed\n  Closed --> Open : push\n  Open -> Closed\n```\n';
    expect(guessSource(page)).toBe('mermaid');
    expect(refusal(importDesign(page, 'mermaid'))).toMatch(/^14: Line 14 /);
    const r = ok(importDesign(page.replace('Open -> Closed', 'Open --> Closed : pull'), 'mermaid'));
    expect(edges(r)).toEqual(['Closed -push-> Open', 'Open -pull-> Closed']);
  });

  it('follows createMachine(config) and states written as names to their object literals in the file', () => {
    const text =
      "const idle = { on: { GO: 'busy' } };\nconst config = { initial: 'idle', states: { idle, busy: busyState } };\nconst busyState = { on: { DONE: 'idle' } };\nexport const m = createMachine(config);\n";
    expect(edges(ok(importDesign(text, 'xstate')))).toEqual(['idle -GO-> busy', 'busy -DONE-> idle']);
  });

  it('reads a Markdown page with YAML front matter as a page, names the diagrams it does not import, and takes one by number or title', () => {
    const page =
      '---\nname: skill\ndescription: notes\n---\n\n# Jobs\n\n```mermaid\n---\ntitle: Instance\n---\nstateDiagram-v2\n  [*] --> QUEUED\n  QUEUED --> DONE : run\n```\n\nText.\n\n~~~mermaid\nstateDiagram-v2\n  [*] --> A\n  A --> B : go\n~~~\n';
    expect(guessSource(page)).toBe('mermaid');
    const first = ok(importDesign(page, 'mermaid'));
    expect(first.design.name).toBe('Instance');
    expect(first.summary.dropped).toEqual([
      {
        line: 0,
        message: expect.stringContaining(
          '2 state diagrams; only diagram 1 (line 9, "Instance") is imported, not 2 (line 20)',
        ),
      },
    ]);
    expect(edges(ok(importDesign(page, 'mermaid', { machine: '2' })))).toEqual(['A -go-> B']);
    expect(edges(ok(importDesign(page, 'mermaid', { machine: 'Instance' })))).toEqual(['QUEUED -run-> DONE']);
    expect(refusal(importDesign(page, 'mermaid', { machine: '3' }))).toMatch(
      /^1: No state diagram "3" on this page; it has 1 \(line 9, "Instance"\), 2 \(line 20\)/,
    );
  });

  it('refuses a page that only mentions stateDiagram, or holds one outside a fence, saying where', () => {
    expect(
      refusal(importDesign('# Types\n\nUse `stateDiagram-v2` for state machines.\n', 'mermaid')),
    ).toMatch(/^1: No state diagram found/);
    expect(
      refusal(importDesign('# Breaker\n\nstateDiagram-v2\n  [*] --> Closed\n\n## Next\n', 'mermaid')),
    ).toMatch(/^3: Line 3 starts a state diagram outside a ```mermaid fence/);
  });

  it('reads a written \\n in a Mermaid label as a line break, not as the letter n', () => {
    const r = ok(
      importDesign('stateDiagram-v2\n[*] --> A\nA --> B : on poll \\n(count chunks)\n', 'mermaid'),
    );
    expect(r.design.events.map((e) => e.name)).toEqual(['on_poll__count_chunks_']);
    expect(r.design.transitions[0]!.description ?? r.design.events[0]!.description).not.toContain('\\n');
  });

  it('ignores createMachine( in comments and strings, and takes an unnamed machine by its line', () => {
    const text =
      "// merge the meta passed in via createMachine (gives exitTo)\nconst msg = 'call createMachine(config)';\nexport const m = createMachine({ initial: 'a', states: { a: { on: { GO: 'b' } }, b: {} } });\nfoo(createMachine({ initial: 'x', states: { x: {} } }));\n";
    expect(refusal(importDesign(text, 'xstate'))).toMatch(
      /defines 2 machines: m \(line 3\), machine at line 4; choose one by name, id or line/,
    );
    expect(edges(ok(importDesign(text, 'xstate', { machine: '3' })))).toEqual(['a -GO-> b']);
    expect(ok(importDesign(text, 'xstate', { machine: '4' })).design.states.map((s) => s.name)).toEqual([
      'x',
    ]);
  });

  it('merges spreads of objects bound in the file (later keys win) and refuses other spreads, also in invoke', () => {
    const shared =
      "const handle = { onDone: 'done', onError: 'failed' };\nconst sub = { initial: 'walk', states: { walk: { on: { STOP: 'stop' } }, stop: {} } };\n";
    const ok1 = ok(
      importDesign(
        `${shared}createMachine({ initial: 'load', states: { load: { invoke: { src: 'fetch', ...handle } }, done: { ...sub, on: { AGAIN: 'load' } }, failed: {} } });\n`,
        'xstate',
      ),
    );
    expect(edges(ok1)).toEqual([
      'load -fetch_done-> done_walk',
      'load -fetch_error-> failed_',
      'done_walk -STOP-> done_stop',
      'done_walk -AGAIN-> load',
      'done_stop -AGAIN-> load',
    ]);
    const later = ok(
      importDesign(
        `const a = { on: { GO: 'x' } };\ncreateMachine({ initial: 's', states: { s: { on: { GO: 'y' } , ...a }, x: {}, y: {} } });\n`,
        'xstate',
      ),
    );
    expect(edges(later)).toEqual(['s -GO-> x']);
    expect(
      refusal(
        importDesign(
          "createMachine({ initial: 'a', states: { a: { invoke: { src: 'f', ...handlers() } } } });\n",
          'xstate',
        ),
      ),
    ).toMatch(/^1: A spread \(\.\.\.\) in the invoke of a at line 1 is code that may hold onDone or onError/);
  });

  it('refuses states, on or after given as code it cannot read, instead of reading them as empty', () => {
    expect(
      refusal(
        importDesign(
          "const m = createMachine({ id: 'k', initial: 'a', states: machineStates });\n",
          'xstate',
        ),
      ),
    ).toBe(
      '1: states of the machine at line 1 is code (machineStates), not an object literal in this file; write it inline.',
    );
    expect(
      refusal(importDesign("createMachine({ initial: 'a', states: { a: { on: makeOn() } } });\n", 'xstate')),
    ).toMatch(/^1: on of a at line 1 is code \(makeOn\(\)\)/);
    const named = ok(
      importDesign(
        "const ons = { GO: 'b' };\ncreateMachine({ initial: 'a', states: { a: { on: ons }, b: {} } });\n",
        'xstate',
      ),
    );
    expect(edges(named)).toEqual(['a -GO-> b']);
  });

  it('says an initial state that is code is approximated, and refuses an object that is no machine config', () => {
    const r = ok(importDesign('createMachine({ initial: pick(), states: { a: {}, b: {} } });\n', 'xstate'));
    expect(r.summary.approximated).toEqual([
      {
        line: 1,
        message:
          'The initial state of the machine is code (pick()): entering it enters its first state a; set the initial state.',
      },
    ]);
    expect(refusal(importDesign('x.createMachine({ resources: {}, updates: {} });\n', 'xstate'))).toMatch(
      /^1: The object at line 1 has none of a machine config's keys \(resources, updates\): it is not an XState machine/,
    );
    expect(ok(importDesign('createMachine({});\n', 'xstate')).design.states.map((s) => s.name)).toEqual([
      'machine',
    ]);
  });

  it('refuses a machine with more states than a design holds, saying states (not parallel regions), in bounded time', () => {
    const lines = Array.from({ length: 1200 }, (_, i) => `S${i} --> S${i + 1} : e`);
    const r = importDesign(`stateDiagram-v2\n[*] --> S0\n${lines.join('\n')}\n`, 'mermaid');
    expect(refusal(r)).toMatch(/The machine reaches more than \d+ states, the most a design holds/);
  });

  it("finds diagrams in MyST's ```{mermaid} and Azure DevOps' ::: mermaid blocks", () => {
    for (const [open, close] of [
      ['```{mermaid}', '```'],
      ['::: mermaid', ':::'],
    ])
      expect(
        edges(
          ok(
            importDesign(
              `# Page\n\n${open}\nstateDiagram-v2\n[*] --> A\nA --> B : go\n${close}\n`,
              'mermaid',
            ),
          ),
        ),
      ).toEqual(['A -go-> B']);
  });

  it('drops Mermaid click links as display only', () => {
    const r = ok(
      importDesign(
        'stateDiagram-v2\n[*] --> A\nA --> B : go\nclick A "https://example.com" "tip"\n',
        'mermaid',
      ),
    );
    expect(edges(r)).toEqual(['A -go-> B']);
    expect(r.summary.dropped).toEqual([{ line: 4, message: 'click (styling or display only).' }]);
  });

  it('reads arrows from states called like Mermaid keywords (class, style, direction)', () => {
    const r = ok(
      importDesign(
        'stateDiagram-v2\n[*] --> class\nclass --> style : next\nstyle --> direction : next\n',
        'mermaid',
      ),
    );
    expect(r.design.states.map((s) => s.name)).toEqual(['class_', 'style', 'direction']);
    expect(r.summary.dropped).toEqual([]);
  });
});
