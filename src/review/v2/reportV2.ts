import type { CheckResultV2 } from '../../engine/v2/result';
import { traceRowsV2 } from '../../engine/v2/traceTable';
import { viewConfigurationV2 } from '../../engine/v2/view';
import { runningModel } from '../../export/v2/running';
import { designIdentityV2 } from '../../model/v2/designIdentity';
import type { ModelV2 } from '../../model/v2/model';
import type { FieldJsonV2, RoleJson, TransitionJsonV2, ValueTypeJsonV2 } from '../../model/v2/schema';
import { diagramSvg, statePositions, type Diagram } from '../diagramSvg';
import type { Review } from '../lint';
import { checkFigures, findingsSection, reportOf, type Block, type Cell, type Report, type Section } from '../reportModel';
import { transitionNameV2, triggerText } from './elementsV2';
import { sequenceMermaidV2, sequenceSvgV2, strictMermaidText } from './sequenceSvgV2';

/**
 * The review report of a design of several participants, as the same `Report` data version 1's
 * renderers turn into HTML (`../reportHtml.ts`) and Markdown (`../reportMarkdown.ts`): per-role
 * sections (states, vars with storage, events, transitions with sends, calls and acks), messages
 * with the network model of their link, crashes, invariants, the check (verdict, each
 * violation's shortest trace with a column per instance, coverage per role, client outcomes per
 * call site) and the checklist. Cells are plain strings; the renderers escape them.
 */
export interface ReportInputV2 {
  readonly model: ModelV2;
  readonly result: CheckResultV2;
  readonly review: Review;
  /** ISO 8601, given by the caller so a report is reproducible. */
  readonly date: string;
}

export function typeTextV2(t: ValueTypeJsonV2): string {
  if (t === 'bool') return 'bool';
  if ('int' in t) return `int ${t.int[0]}..${t.int[1]}`;
  if ('enum' in t) return `enum ${t.enum.join(' | ')}`;
  if ('id' in t) return `id of ${t.id}`;
  if ('set' in t) return `set of ${typeTextV2(t.set)}`;
  return `map ${typeof t.map.from === 'string' ? t.map.from : typeTextV2(t.map.from)} → ${typeTextV2(t.map.to)}`;
}

const fieldsText = (fields: readonly FieldJsonV2[] | undefined) => (fields ?? []).map((f) => `${f.name}: ${typeTextV2(f.type)}`).join(', ');
const assignments = (m: Readonly<Record<string, string>> | undefined) =>
  Object.entries(m ?? {})
    .map(([k, v]) => `${k} := ${v}`)
    .join('; ');

export function buildReportV2(input: ReportInputV2): Report {
  const { model, result, review } = input;
  const d = model.design;
  const sections: Section[] = [
    verdictSection(model, result, review),
    {
      id: 'diagram',
      title: 'Diagrams',
      blocks: d.roles.flatMap((role): Block[] => {
        const diagram = roleDiagram(role, layoutOf(d.layout, role.name));
        const n = role.instances ?? 1;
        return [
          { kind: 'heading', text: `${role.name} (${n} instance${n === 1 ? '' : 's'})` },
          { kind: 'picture', svg: diagramSvg(diagram, `State diagram of ${role.name}`), mermaid: diagramMermaid(diagram) },
        ];
      }),
    },
    ...d.roles.map((role, r) => roleSection(role, r)),
    messagesSection(model),
    networkSection(model),
    crashSection(model),
    {
      id: 'invariants',
      title: 'Design invariants',
      blocks: d.invariants?.length
        ? [
            {
              kind: 'table',
              header: ['name', 'kind', 'expression', 'description'],
              rows: d.invariants.map((i) => [i.name, i.kind ?? 'state', { code: i.expr }, i.description ?? '']),
            },
          ]
        : [{ kind: 'text', text: 'No design invariants (role invariants are listed with their role).' }],
    },
    violationsSection(model, result),
    coverageSection(model, result),
    outcomesSection(result),
    findingsSection(review),
  ];
  return reportOf({ title: d.name, description: d.description, hash: designIdentityV2(d), date: input.date, verdict: result.verdict }, sections);
}

function verdictSection(model: ModelV2, result: CheckResultV2, review: Review): Section {
  return {
    id: 'verdict',
    title: 'Verdict',
    blocks: [
      {
        kind: 'figures',
        items: checkFigures(result, review, [['participants', model.roles.map((r) => `${r.name} ×${r.instances}`).join(', ')]]),
      },
    ],
  };
}

function layoutOf(layout: unknown, role: string): unknown {
  return typeof layout === 'object' && layout !== null && Object.hasOwn(layout, role) ? (layout as Record<string, unknown>)[role] : undefined;
}

const fromList = (t: TransitionJsonV2) => (Array.isArray(t.from) ? t.from : [t.from]);

/** A role's states and transitions (one edge per source state) for `diagramSvg`, at the editor's positions. */
export function roleDiagram(role: RoleJson, layout: unknown): Diagram {
  const at = statePositions(role.states, layout);
  return {
    nodes: role.states.map((s) => ({ name: s.name, ...at.get(s.name)!, initial: s.initial === true, final: s.final === true })),
    edges: role.transitions.flatMap((t) => {
      const label = `${triggerText(t)}${t.guard ? ` [${t.guard}]` : ''}${t.call ? ` / call ${t.call.event}` : ''}`;
      return fromList(t).map((from) => ({ from, to: t.to ?? from, label }));
    }),
  };
}

/** The same diagram as Mermaid for Markdown: state names are identifiers, labels go through `mermaidText`. */
export function diagramMermaid(diagram: Diagram): string {
  const lines = ['stateDiagram-v2'];
  for (const n of diagram.nodes) if (n.initial) lines.push(`    [*] --> ${n.name}`);
  for (const e of diagram.edges) lines.push(`    ${e.from} --> ${e.to} : ${strictMermaidText(e.label)}`);
  for (const n of diagram.nodes) if (n.final) lines.push(`    ${n.name} --> [*]`);
  return `${lines.join('\n')}\n`;
}

function sendsText(t: TransitionJsonV2): string {
  return (t.send ?? [])
    .map((s) => {
      const to = s.toAll ? ' to all' : s.to !== undefined ? ` to ${s.to}` : '';
      const payload = Object.entries(s.payload ?? {})
        .map(([k, v]) => `${k}: ${v}`)
        .join(', ');
      return `${s.message}${payload ? `(${payload})` : ''}${to}`;
    })
    .join('; ');
}

function callText(t: TransitionJsonV2): string {
  if (!t.call) return '';
  const payload = Object.entries(t.call.payload ?? {})
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ');
  return `${t.call.event}${payload ? `(${payload})` : ''}${t.call.to !== undefined ? ` to ${t.call.to}` : ''} ×${t.call.retry?.maxAttempts ?? 1}`;
}

function roleSection(role: RoleJson, r: number): Section {
  const served = new Set((role.events ?? []).filter((e) => e.source === 'call' || e.source === 'client').map((e) => e.name));
  const blocks: Block[] = [];
  if (role.description) blocks.push({ kind: 'text', text: role.description });
  blocks.push({ kind: 'figures', items: [['instances', String(role.instances ?? 1)]] });
  blocks.push({ kind: 'heading', text: 'States' });
  blocks.push({
    kind: 'table',
    header: ['name', 'initial', 'final', 'storage', 'description'],
    rows: role.states.map((s) => [s.name, s.initial ? 'yes' : '', s.final ? 'yes' : '', s.storage ?? 'durable', s.description ?? '']),
  });
  blocks.push({ kind: 'heading', text: 'Vars' });
  blocks.push(
    role.vars?.length
      ? {
          kind: 'table',
          header: ['name', 'type', 'initial', 'storage', 'description'],
          rows: role.vars.map((v) => [v.name, typeTextV2(v.type), String(v.initial), v.storage ?? 'durable', v.description ?? '']),
        }
      : { kind: 'text', text: 'No vars.' },
  );
  if (role.events?.length) {
    blocks.push({ kind: 'heading', text: 'Events' });
    blocks.push({
      kind: 'table',
      header: ['name', 'source', 'payload', 'returns', 'idempotency', 'unhandled', 'description'],
      rows: role.events.map((e) => {
        const call = e.source === 'call' || e.source === 'client';
        return [
          e.name,
          e.source,
          fieldsText(e.payload),
          fieldsText(e.returns),
          call ? (e.idempotency ?? 'none') : '',
          call ? (e.unhandled ?? 'reject') : '',
          e.description ?? '',
        ];
      }),
    });
  }
  blocks.push({ kind: 'heading', text: 'Transitions' });
  blocks.push({
    kind: 'table',
    header: ['name', 'from', 'trigger', 'to', 'guard', 'updates', 'sends', 'call', 'ack / reply', 'invariants'],
    rows: role.transitions.map((t, k): Cell[] => {
      const serving = t.event !== undefined && served.has(t.event);
      return [
        transitionNameV2(role, k),
        fromList(t).join(', '),
        triggerText(t),
        t.to ?? '(stays)',
        { code: t.guard ?? '' },
        { code: assignments(t.updates) },
        { code: sendsText(t) },
        { code: callText(t) },
        serving ? `${t.ack ?? 'durable (default)'} / ${t.reply ?? 'ok'}${t.returns ? ` (${assignments(t.returns)})` : ''}` : '',
        { code: (t.invariants ?? []).map((i) => `${i.name}: ${i.expr}`).join('; ') },
      ];
    }),
  });
  if (role.invariants?.length) {
    blocks.push({ kind: 'heading', text: 'Invariants (each instance)' });
    blocks.push({
      kind: 'table',
      header: ['name', 'kind', 'expression', 'description'],
      rows: role.invariants.map((i) => [i.name, i.kind ?? 'state', { code: i.expr }, i.description ?? '']),
    });
  }
  return { id: `role-${r}`, title: `Role ${role.name}`, blocks };
}

function messagesSection(model: ModelV2): Section {
  const written = new Set((model.design.messages ?? []).map((m) => m.name));
  const roles = model.roles;
  return {
    id: 'messages',
    title: 'Messages',
    blocks: model.messages.length
      ? [
          {
            kind: 'table',
            header: ['name', 'from', 'to', 'payload', 'network', 'faults', 'written as'],
            rows: model.messages.map((m) => [
              m.name,
              roles[m.from]!.name,
              roles[m.to]!.name,
              m.payload.fields.map((f) => f.name).join(', '),
              m.pool ? 'pool (unordered)' : 'channel (FIFO per pair)',
              !m.pool && m.reliable ? 'reliable link: never dropped or duplicated' : 'drops and duplicates apply',
              written.has(m.name) ? 'message' : 'a call (request or reply)',
            ]),
          },
        ]
      : [{ kind: 'text', text: 'No messages.' }],
  };
}

function networkSection(model: ModelV2): Section {
  const n = model.network;
  const links = model.design.environment?.network?.links ?? [];
  const blocks: Block[] = [
    {
      kind: 'figures',
      items: [
        ['model', n.model],
        ['capacity', String(n.capacity)],
        ['drops', String(n.drop)],
        ['duplicates', String(n.duplicate)],
        ['reorder', n.reorder ? 'yes' : 'no'],
      ],
    },
  ];
  if (links.length)
    blocks.push({
      kind: 'table',
      header: ['message', 'from', 'to', 'model', 'reliable', 'description'],
      rows: links.map((l) => [l.message ?? '(any)', l.from ?? '(any)', l.to ?? '(any)', l.model ?? n.model, l.reliable ? 'yes' : 'no', l.description ?? '']),
    });
  return { id: 'network', title: 'Network', blocks };
}

function crashSection(model: ModelV2): Section {
  const d = model.design;
  return {
    id: 'crashes',
    title: 'Crashes and recovery',
    blocks: [
      { kind: 'figures', items: [['crash budget (whole design, all instances together)', String(model.crashes)]] },
      {
        kind: 'table',
        header: ['role', 'crashes', 'volatile vars', 'volatile states', '$restart transitions'],
        rows: d.roles.map((role) => [
          role.name,
          role.crashes === undefined ? 'any instance, within the budget' : role.crashes === 0 ? 'never' : `at most ${role.crashes} per instance`,
          (role.vars ?? []).filter((v) => v.storage === 'volatile').map((v) => v.name).join(', '),
          role.states.filter((s) => s.storage === 'volatile').map((s) => s.name).join(', '),
          role.transitions.flatMap((t, k) => (t.event === '$restart' ? [transitionNameV2(role, k)] : [])).join(', ') || 'none',
        ]),
      },
    ],
  };
}

function violationsSection(model: ModelV2, result: CheckResultV2): Section {
  if (result.violations.length === 0)
    return {
      id: 'violations',
      title: 'Violations',
      blocks: [{ kind: 'text', text: result.verdict === 'ok' ? 'None: every reachable configuration was checked.' : 'None found before the search stopped.' }],
    };
  const running = runningModel(model);
  const initial = viewConfigurationV2(running, running.initial);
  const blocks: Block[] = [];
  for (const v of result.violations) {
    const { header, rows } = traceRowsV2(model, v, initial);
    blocks.push({ kind: 'heading', text: `${v.kind} ${v.name} at depth ${v.depth}`, tone: 'bad' });
    blocks.push({ kind: 'text', text: v.trace.at(-1)?.violation ?? v.detail });
    blocks.push({ kind: 'table', header, rows });
    // Replayed on the model as loaded: its labels are the check's (the running design's calls are plain messages).
    blocks.push({ kind: 'picture', svg: sequenceSvgV2(model, v), mermaid: sequenceMermaidV2(model, v) });
  }
  return { id: 'violations', title: 'Violations (shortest traces)', blocks };
}

function coverageSection(model: ModelV2, result: CheckResultV2): Section {
  const { states, transitions } = result.coverage;
  const d = model.design;
  const rows = d.roles.map((role) => {
    const stateNames = role.states.map((s) => `${role.name}.${s.name}`);
    const names = role.transitions.map((_, k) => transitionNameV2(role, k));
    const of = (list: readonly string[], mine: readonly string[]) => list.filter((x) => mine.includes(x));
    const short = (s: string) => s.slice(role.name.length + 1);
    const reachedStates = of(states.reached, stateNames);
    const reachedTransitions = of(transitions.reached, names);
    return [
      role.name,
      `${reachedStates.length}/${stateNames.length}`,
      of(states.unreached, stateNames).map(short).join(', '),
      `${reachedTransitions.length}/${names.length}`,
      of(transitions.unreached, names).join(', '),
    ];
  });
  return {
    id: 'coverage',
    title: 'Coverage per role',
    blocks: [
      { kind: 'table', header: ['role', 'states reached', 'unreached states', 'transitions taken', 'never taken'], rows },
      ...(result.verdict === 'ok' ? [] : [{ kind: 'text' as const, text: 'The search stopped before it was exhaustive: coverage describes what it explored.' }]),
    ],
  };
}

function outcomesSection(result: CheckResultV2): Section {
  const outcomes = result.outcomes ?? [];
  const steps = (t: readonly string[] | undefined) => (t ? `${t.length} steps` : '');
  return {
    id: 'outcomes',
    title: 'Call outcomes per call site',
    blocks: outcomes.length
      ? [
          {
            kind: 'text',
            text: 'Quiescent configurations in which a caller instance’s last call ended with each outcome; a timeout is ambiguous (the caller cannot tell whether the call happened). Shortest trace lengths in brackets.',
          },
          {
            kind: 'table',
            header: ['call site', 'calling transitions', 'ok', 'error', 'timeout (ambiguous)'],
            rows: outcomes.map((o) => [
              o.site,
              o.transitions.join(', '),
              `${o.ok}${o.traces.ok ? ` (${steps(o.traces.ok)})` : ''}`,
              `${o.error}${o.traces.error ? ` (${steps(o.traces.error)})` : ''}`,
              `${o.timeout}${o.traces.timeout ? ` (${steps(o.traces.timeout)})` : ''}`,
            ]),
          },
        ]
      : [{ kind: 'text', text: 'The design makes no calls.' }],
  };
}
