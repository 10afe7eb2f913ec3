import type { Model } from '../../model/model';
import { boolContext, promelaExpr } from './expr';
import { declarations, layoutOf, type Layout } from './layout';
import { currentScope, eventOf, stepScope } from './scopes';
import { deliverBody, fireEnabled, indent, takeBody } from './transitions';
import { promelaComment } from './text';

/**
 * The design as one Promela model for Spin (MODEL.md §3–§6). One process runs a `do` loop
 * whose every option is one step of §4 as a single `d_step`, so Spin stores exactly our
 * configurations, plus one state: the process before its first `d_step`, which checks the
 * initial configuration. Each step prints `@S kind a b c` (only when Spin replays a trail), so a
 * trail maps back to the engine's steps. Every check of §6 is an assertion; see `docs/SCALING.md`.
 */
export function promelaModel(model: Model): string {
  const layout = layoutOf(model);
  const lines = [
    '/* Promela model of a Protocol Studio design, exported for Spin 6. Verify with: spin -o2 -a model.pml;',
    '   gcc -O2 -DSAFETY -DNOREDUCE -DBFS -o pan pan.c; ./pan  (-o2 keeps unread parts, such as payloads, in the state) */',
    promelaComment(`design: ${model.name}`),
    '/* Names never appear in code: var k is vk, state k is the number k, event k is k. */',
    ...model.states.map((s) => promelaComment(`state ${s.index}: ${s.name}${s.final ? ' (final)' : ''}${s.durable ? '' : ' (volatile)'}`)),
    ...model.vars.map((v) => promelaComment(`var ${v.index}: ${v.name}`)),
    ...model.events.map((e) => promelaComment(`event ${e.index}: ${e.name} (${e.source})`)),
    '',
    ...declarations(model, layout),
    '',
    ...inlines(model, layout),
    '',
    'active proctype machine() {',
    '   d_step { configChecks(); reset() }  /* the initial configuration */',
    'end:',
    '   do',
    ...indent(steps(model, layout)),
    '   od',
    '}',
  ];
  return `${lines.join('\n')}\n`;
}

function inlines(model: Model, layout: Layout): string[] {
  const reorder = model.environment.reorder;
  const volatileStates = model.states.filter((s) => !s.durable).map((s) => `st != ${s.index}`);
  const durable = model.vars.filter((v) => v.storage === 'durable');
  const append = (array: string, count: string, value: string) =>
    reorder
      ? [
          `   hi = ${count};`,
          `   do :: hi > 0 && ${array}[hi - 1] > ${value} -> ${array}[hi] = ${array}[hi - 1]; hi-- :: else -> break od;`,
          `   ${array}[hi] = ${value}; ${count}++; hi = 0`,
        ]
      : [`   ${array}[${count}] = ${value}; ${count}++`];
  const remove = (array: string, count: string) => [
    `   do :: hi + 1 < ${count} -> ${array}[hi] = ${array}[hi + 1]; hi++ :: else -> break od;`,
    `   ${array}[${count} - 1] = 0; ${count}--; hi = 0`,
  ];
  const lines = [
    '/* Append request hq to tm (a sequence, or a sorted multiset with reorder). */',
    'inline toM() {', ...append('tm', 'tmn', 'hq'), '}',
    '/* Append reply hm to tc. */',
    'inline toC() {', ...append('tc', 'tcn', 'hm'), '}',
    '/* Remove the message at index hi. */',
    'inline rmM() {', ...remove('tm', 'tmn'), '}',
    'inline rmC() {', ...remove('tc', 'tcn'), '}',
    '/* Persist: the state if durable, every durable var. */',
    'inline persist() {',
    volatileStates.length === 0 ? '   pst = st;' : `   if :: ${volatileStates.join(' && ')} -> pst = st :: else -> skip fi;`,
    ...durable.map((v) => `   p${v.index} = v${v.index};`),
    '}',
  ];
  lines.push('/* The globals before a step, for step and transition invariants. */', 'inline save() {');
  if (layout.preCopies) {
    lines.push('   o_st = st; o_nc = nc;', ...model.vars.map((v) => `   o_v${v.index} = v${v.index};`));
    for (let i = 0; i < layout.slots; i++) lines.push(`   o_cs[${i}] = cs[${i}]; o_ce[${i}] = ce[${i}];`);
  } else lines.push('   skip');
  lines.push('}');
  lines.push('/* Step invariants and the invariants of the transition taken (ht). */', 'inline stepChecks() {', ...stepChecks(model, layout), '   skip', '}');
  lines.push('/* State invariants and the deadlock check of the configuration reached. */', 'inline configChecks() {', ...configChecks(model, layout), '   skip', '}');
  lines.push('/* Scratch back to 0. */', 'inline reset() {', ...resets(model, layout).map((l) => `   ${l}`), '}');
  lines.push('inline after() { stepChecks(); configChecks(); reset() }');
  return lines;
}

function assertion(name: string, value: string, fails: string): string {
  const holds = fails === '0' ? value : `!${fails} && ${value}`;
  return `   assert(${holds});  ${promelaComment(name)}`;
}

function stepChecks(model: Model, layout: Layout): string[] {
  const out: string[] = [];
  for (const inv of model.invariants.filter((i) => i.kind === 'step')) {
    const e = promelaExpr(inv.expr, boolContext(model, 'step invariant', null), stepScope(layout, null));
    out.push(assertion(`step invariant ${inv.name}`, e.value, e.fails));
  }
  for (const t of model.transitions) {
    if (t.invariants.length === 0) continue;
    const event = eventOf(model, t.event);
    out.push(`   if :: ht == ${t.index + 1} ->`);
    for (const inv of t.invariants) {
      const e = promelaExpr(inv.expr, boolContext(model, 'transition invariant', event), stepScope(layout, event));
      out.push(`   ${assertion(`invariant ${inv.name} of ${t.name}`, e.value, e.fails)}`);
    }
    out.push('      :: else -> skip', '   fi;');
  }
  return out;
}

function configChecks(model: Model, layout: Layout): string[] {
  const out: string[] = [];
  for (const inv of model.invariants.filter((i) => i.kind === 'state')) {
    const e = promelaExpr(inv.expr, boolContext(model, 'state invariant', null), currentScope(layout, null));
    out.push(assertion(`invariant ${inv.name}`, e.value, e.fails));
  }
  const finals = model.states.filter((s) => s.final).map((s) => `st == ${s.index}`);
  if (model.environment.deadlock && model.hasFinal) {
    out.push(`   assert(!${quiescent(model, layout)} || ${finals.join(' || ')});  /* deadlock */`);
  }
  return out;
}

/** §6: no step enabled but faults. */
function quiescent(model: Model, layout: Layout): string {
  const terms = ['md == 0', 'tmn == 0', 'tcn == 0'];
  for (let i = 0; i < layout.requests; i++) terms.push(`cs[${i}] != 1`);
  if (layout.requests > 0 && model.clientEvents.length > 0) terms.push(`cs[${layout.requests - 1}] != 0`);
  for (const e of model.firedEvents) terms.push(`!${fireEnabled(model, layout, e)}`);
  return `(${terms.join(' && ')})`;
}

function resets(model: Model, layout: Layout): string[] {
  const out = ['hr = 0; hq = 0; hm = 0; hi = 0;'];
  if (layout.tracksTransition) out.push('ht = 0;');
  if (model.vars.length > 0) out.push(model.vars.map((v) => `n${v.index} = 0;`).join(' '));
  if (layout.preCopies) {
    out.push(['o_st = 0; o_nc = 0;', ...model.vars.map((v) => `o_v${v.index} = 0;`)].join(' '));
    for (let i = 0; i < layout.slots; i++) out.push(`o_cs[${i}] = 0; o_ce[${i}] = 0;`);
  }
  return out;
}

/**
 * One `d_step` per step of §4; the first statement is its enabling condition. `print` names the
 * step for the trail (`kind a b c`: 0 send e p, 1 deliver r, 2 ack, 3 persist, 4 receive r reply,
 * 5 drop channel index, 6 duplicate channel r reply, 7 timeout r, 8 fire e, 9 crash, 10 restart;
 * 0 where the step is the only one of its kind, as the first message of a sequence is).
 */
function option(enabled: string, print: string, body: readonly string[]): string[] {
  return [`:: d_step { ${enabled} ->`, '      save();', `      printf("@S ${print}\\n");`, ...body.map((l) => `      ${l}`), '      after()', '   }'];
}

function steps(model: Model, layout: Layout): string[] {
  const env = model.environment;
  const R = layout.requests;
  const out: string[] = [];
  const has = (array: string, size: number, value: string | number) =>
    `(${Array.from({ length: size }, (_, i) => `${array}[${i}] == ${value}`).join(' || ')})`;
  const messages = (f: (r: number, reply: number) => void) => {
    for (let r = 1; r <= R; r++) for (const reply of [0, 1]) f(r, reply);
  };

  if (R > 0 && model.clientEvents.length > 0) {
    for (const e of model.clientEvents) {
      model.events[e]!.payloadValues.forEach((_, p) => {
        out.push(...option(`cs[${R - 1}] == 0`, `0 ${e} ${p} 0`, [
          'do :: cs[hq] != 0 -> hq++ :: else -> break od;',
          `hq++; cs[hq - 1] = 1; ce[hq - 1] = ${e + 1}; cp[hq - 1] = ${p}; ca[hq - 1] = 1;`,
          'toM();',
        ]));
      });
    }
    const deliver = ['if', ...model.clientEvents.flatMap((e) => [`:: ce[hr - 1] == ${e + 1} ->`, ...indent(deliverBody(model, layout, e))]), 'fi;'];
    if (env.reorder) {
      for (let r = 1; r <= R; r++) {
        out.push(...option(`md == 0 && ${has('tm', layout.toMachine, r)}`, `1 ${r} 0 0`, [
          `hr = ${r}; do :: tm[hi] != ${r} -> hi++ :: else -> break od; rmM();`,
          ...deliver,
        ]));
      }
    } else {
      out.push(...option('md == 0 && tmn > 0', '1 0 0 0', ['hr = tm[0]; rmM();', ...deliver]));
    }
    out.push(...option('md == 1 && bph == 0', '2 0 0 0', ['hm = bq * 2 + brp; toC();', 'md = 0; bq = 0; brp = 0;']));
    const durableIdem = model.clientEvents.filter((e) => model.events[e]!.idempotency === 'durable');
    out.push(...option('md == 1 && bph == 1', '3 0 0 0', [
      'persist();',
      ...(durableIdem.length > 0 ? [`if :: ${durableIdem.map((e) => `ce[bq - 1] == ${e + 1}`).join(' || ')} -> dp[bq - 1] = brp + 1 :: else -> skip fi;`] : []),
      'md = 0; bq = 0; bph = 0; brp = 0;',
    ]));
    const receive = ['if :: cs[hm / 2 - 1] == 1 -> cs[hm / 2 - 1] = 2 + hm % 2 :: else -> skip fi;'];
    if (env.reorder) {
      messages((r, reply) => {
        const m = r * 2 + reply;
        out.push(...option(has('tc', layout.toClient, m), `4 ${r} ${reply} 0`, [`hm = ${m}; do :: tc[hi] != ${m} -> hi++ :: else -> break od; rmC();`, ...receive]));
      });
    } else {
      out.push(...option('tcn > 0', '4 0 0 0', ['hm = tc[0]; rmC();', ...receive]));
    }
    const maxAttempts = model.clientEvents.reduceRight((rest, e) => `(ce[IDX] == ${e + 1} -> ${model.events[e]!.maxAttempts} : ${rest})`, '1');
    for (let r = 1; r <= R; r++) {
      out.push(...option(`cs[${r - 1}] == 1`, `7 ${r} 0 0`, [
        `if :: ca[${r - 1}] < ${maxAttempts.replaceAll('IDX', String(r - 1))} -> ca[${r - 1}]++; hq = ${r}; toM() :: else -> cs[${r - 1}] = 4 fi;`,
      ]));
    }
  }
  for (const e of model.firedEvents) {
    out.push(...option(`md == 0 && ${fireEnabled(model, layout, e)}`, `8 ${e} 0 0`, takeBody(model, layout, e)));
  }
  if (env.crashes > 0) {
    out.push(...option('md == 2', '10 0 0 0', ['md = 0;', ...takeBody(model, layout, 'restart')]));
  }
  if (env.drop > 0 && R > 0) {
    for (let k = 0; k < layout.toMachine; k++) out.push(...option(`nd < ${env.drop} && tmn > ${k}`, `5 0 ${k} 0`, [`hi = ${k}; rmM(); nd++;`]));
    for (let k = 0; k < layout.toClient; k++) out.push(...option(`nd < ${env.drop} && tcn > ${k}`, `5 1 ${k} 0`, [`hi = ${k}; rmC(); nd++;`]));
  }
  if (env.duplicate > 0 && R > 0) {
    for (let r = 1; r <= R; r++) out.push(...option(`nu < ${env.duplicate} && ${has('tm', layout.toMachine, r)}`, `6 0 ${r} 0`, [`hq = ${r}; toM(); nu++;`]));
    messages((r, reply) => {
      const m = r * 2 + reply;
      out.push(...option(`nu < ${env.duplicate} && ${has('tc', layout.toClient, m)}`, `6 1 ${r} ${reply}`, [`hm = ${m}; toC(); nu++;`]));
    });
  }
  if (env.crashes > 0) {
    const restore = model.vars.flatMap((v) => (v.storage === 'durable' ? [`v${v.index} = p${v.index};`] : v.storage === 'volatile' ? [`v${v.index} = ${v.initial};`] : []));
    const clear = Array.from({ length: layout.slots }, (_, i) => `dv[${i}] = 0;`).join(' ');
    out.push(...option(`nc < ${env.crashes} && md != 2`, '9 0 0 0', ['md = 2; bq = 0; bph = 0; brp = 0; st = pst;', ...restore, clear, 'nc++;']));
  }
  if (out.length === 0) out.push(':: atomic { false -> skip }  /* nothing can ever happen */');
  return out;
}
