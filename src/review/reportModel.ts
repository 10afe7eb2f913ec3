import { initialConfiguration } from '../engine/configuration';
import type { CheckResult } from '../engine/result';
import { traceRows } from '../engine/traceTable';
import { viewConfiguration } from '../engine/view';
import { mermaidText, violationNote } from '../export/mermaid/export';
import { designIdentity } from '../model/designIdentity';
import { RESTART, showValue, type Model, type ValueType } from '../model/model';
import { designDiagram, diagramSvg } from './diagramSvg';
import type { Review } from './lint';
import { RULES } from './rules';
import { sequenceSvg } from './sequenceSvg';

/**
 * The review report as data: sections of text, figures, tables and pictures, rendered to HTML by
 * `reportHtml.ts` and to Markdown by `reportMarkdown.ts`, so both say the same things. Cells are
 * plain strings (renderers escape them) or `{ code }` for expressions.
 */
export type Cell = string | { readonly code: string };

export type Block =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'figures'; readonly items: readonly (readonly [string, string])[] }
  | {
      readonly kind: 'table';
      readonly header: readonly string[];
      readonly rows: readonly (readonly Cell[])[];
    }
  /** An SVG made by this folder (every name in it escaped); Markdown shows the `mermaid` text instead, if any. */
  | { readonly kind: 'picture'; readonly svg: string; readonly mermaid?: string }
  | { readonly kind: 'heading'; readonly text: string; readonly tone?: 'bad' };

export interface Section {
  readonly id: string;
  readonly title: string;
  readonly blocks: readonly Block[];
}

export interface Report {
  readonly title: string;
  readonly description?: string;
  readonly hash: string;
  /** ISO 8601, given by the caller so a report is reproducible. */
  readonly date: string;
  readonly verdict: CheckResult['verdict'];
  readonly sections: readonly Section[];
}

export interface ReportInput {
  readonly model: Model;
  readonly result: CheckResult;
  readonly review: Review;
  readonly date: string;
  /** Mermaid text of the diagram, for Markdown (the export target's, passed in to keep this module light). */
  readonly mermaid?: string;
}

function typeText(t: ValueType): string {
  return t.kind === 'int'
    ? `int ${t.lo}..${t.hi}`
    : t.kind === 'bool'
      ? 'bool'
      : `enum ${t.values.join(' | ')}`;
}

export function buildReport(input: ReportInput): Report {
  const { model, result, review } = input;
  const d = model.design;
  const eventName = (i: number) => (i === RESTART ? '$restart' : model.events[i]!.name);
  const env = model.environment;
  const sections: Section[] = [
    {
      id: 'verdict',
      title: 'Verdict',
      blocks: [
        {
          kind: 'figures',
          items: checkFigures(result, review),
        },
        // A violation the readable engine did not confirm is a bug in the checker: said, never hidden.
        ...(result.internalErrors?.length
          ? [
              {
                kind: 'text' as const,
                text: `The checker reported ${result.internalErrors.length} internal error(s): violations it could not confirm. This verdict is not to be trusted; please report it.`,
              },
            ]
          : []),
      ],
    },
    {
      id: 'diagram',
      title: 'Diagram',
      blocks: [
        {
          kind: 'picture',
          svg: diagramSvg(designDiagram(d), `State diagram of ${model.name}`),
          ...(input.mermaid ? { mermaid: input.mermaid } : {}),
        },
      ],
    },
    {
      id: 'vars',
      title: 'Vars',
      blocks: model.vars.length
        ? [
            {
              kind: 'table',
              header: ['name', 'type', 'initial', 'storage', 'description'],
              rows: model.vars.map((v) => [
                v.name,
                typeText(v.type),
                String(showValue(v.type, v.initial)),
                v.storage,
                v.description ?? '',
              ]),
            },
          ]
        : [{ kind: 'text', text: 'No vars.' }],
    },
    {
      id: 'states',
      title: 'States',
      blocks: [
        {
          kind: 'table',
          header: ['name', 'initial', 'final', 'storage', 'description'],
          rows: model.states.map((s) => [
            s.name,
            s.initial ? 'yes' : '',
            s.final ? 'yes' : '',
            s.durable ? 'durable' : 'volatile',
            s.description ?? '',
          ]),
        },
      ],
    },
    {
      id: 'events',
      title: 'Events',
      blocks: [
        {
          kind: 'table',
          header: ['name', 'source', 'attempts', 'idempotency', 'acks', 'unhandled', 'payload'],
          rows: model.events.map((e) => {
            const client = e.source === 'client';
            const acks = [
              ...new Set(
                model.transitions
                  .filter((t) => t.event === e.index)
                  .map((t) => `${t.ack}${d.transitions[t.index]!.ack === undefined ? ' (default)' : ''}`),
              ),
            ];
            return [
              e.name,
              e.source,
              client ? String(e.maxAttempts) : '',
              client ? e.idempotency : '',
              client ? acks.join(', ') : '',
              client ? e.unhandled : '',
              e.payload.map((f) => `${f.name}: ${typeText(f.type)}`).join(', '),
            ];
          }),
        },
      ],
    },
    {
      id: 'transitions',
      title: 'Transitions',
      blocks: [
        {
          kind: 'table',
          header: ['name', 'from', 'event', 'to', 'guard', 'updates', 'ack / reply', 'invariants'],
          rows: model.transitions.map((t) => {
            const client = t.event !== RESTART && model.events[t.event]!.source === 'client';
            return [
              t.name,
              model.states[t.from]!.name,
              eventName(t.event),
              model.states[t.to]!.name,
              { code: t.guard?.text ?? '' },
              { code: t.updates.map((u) => `${model.vars[u.var]!.name} := ${u.expr.text}`).join('; ') },
              client ? `${t.ack} / ${t.reply}` : '',
              { code: t.invariants.map((i) => `${i.name}: ${i.expr.text}`).join('; ') },
            ];
          }),
        },
      ],
    },
    {
      id: 'invariants',
      title: 'Invariants',
      blocks: model.invariants.length
        ? [
            {
              kind: 'table',
              header: ['name', 'kind', 'expression', 'description'],
              rows: model.invariants.map((i) => [i.name, i.kind, { code: i.expr.text }, i.description ?? '']),
            },
          ]
        : [{ kind: 'text', text: 'No top-level invariants.' }],
    },
    {
      id: 'environment',
      title: 'Environment',
      blocks: [
        {
          kind: 'figures',
          items: [
            ['requests', String(env.requests)],
            ['drops', String(env.drop)],
            ['duplicates', String(env.duplicate)],
            ['reorder', env.reorder ? 'yes' : 'no'],
            ['crashes', String(env.crashes)],
            ['deadlock check', env.deadlock ? 'on' : 'off'],
            ['replay check', env.replay ? 'on' : 'off'],
          ],
        },
      ],
    },
    violationsSection(model, result),
    {
      id: 'coverage',
      title: 'Coverage',
      blocks: [
        {
          kind: 'table',
          header: ['', 'reached', 'unreached'],
          rows: [
            [
              'states',
              result.coverage.states.reached.join(', '),
              result.coverage.states.unreached.join(', '),
            ],
            [
              'transitions',
              result.coverage.transitions.reached.join(', '),
              result.coverage.transitions.unreached.join(', '),
            ],
          ],
        },
        ...(result.verdict === 'ok'
          ? []
          : [
              {
                kind: 'text' as const,
                text: 'The search stopped before it was exhaustive: coverage describes what it explored.',
              },
            ]),
      ],
    },
    {
      id: 'outcomes',
      title: 'Client outcomes',
      blocks: [
        { kind: 'text', text: 'Quiescent configurations in which some request ended with each outcome.' },
        {
          kind: 'figures',
          items: [
            ['ok', String(result.outcomes.ok)],
            ['error', String(result.outcomes.error)],
            ['ambiguous', String(result.outcomes.ambiguous)],
          ],
        },
      ],
    },
    findingsSection(review),
  ];
  return reportOf({ title: model.name, description: d.description, hash: designIdentity(d), date: input.date, verdict: result.verdict }, sections);
}

/** A report's heading and its sections (both formats). */
export function reportOf(head: Omit<Report, 'sections' | 'description'> & { readonly description?: string | undefined }, sections: readonly Section[]): Report {
  const { title, description, hash, date, verdict } = head;
  return { title, ...(description ? { description } : {}), hash, date, verdict, sections };
}

/** The verdict and the check's figures (`extra` after the verdict), and the open findings (both formats). */
export function checkFigures(
  result: Pick<CheckResult, 'verdict' | 'states' | 'transitions' | 'depth' | 'seconds' | 'reason'> & { readonly violations: readonly unknown[] },
  review: Review,
  extra: readonly (readonly [string, string])[] = [],
): (readonly [string, string])[] {
  return [
    ['verdict', result.verdict === 'violation' ? `violation (${result.violations.length})` : result.verdict],
    ...extra,
    ['configurations', String(result.states)],
    ['transitions tried', String(result.transitions)],
    ['depth', String(result.depth)],
    ['seconds', result.seconds.toFixed(2)],
    ...(result.reason ? ([['stopped because', result.reason]] as const) : []),
    ['open findings', String(review.findings.filter((f) => f.silenced === undefined).length)],
  ];
}

/** The checklist's findings as a table (both formats' reports). */
export function findingsSection(review: Review): Section {
  return {
    id: 'findings',
    title: 'Review checklist',
    blocks: review.findings.length
      ? [
          {
            kind: 'table',
            header: ['rule', 'element', 'why', 'fix', 'silenced'],
            rows: review.findings.map((f) => [RULES[f.rule].title, f.element, f.why, f.fix, f.silenced ?? '']),
          },
        ]
      : [{ kind: 'text', text: 'No findings.' }],
  };
}

function violationsSection(model: Model, result: CheckResult): Section {
  if (result.violations.length === 0) {
    return {
      id: 'violations',
      title: 'Violations',
      blocks: [
        {
          kind: 'text',
          text:
            result.verdict === 'ok'
              ? 'None: every reachable configuration was checked.'
              : 'None found before the search stopped.',
        },
      ],
    };
  }
  const initial = viewConfiguration(model, initialConfiguration(model));
  const blocks: Block[] = [];
  for (const v of result.violations) {
    const { header, rows } = traceRows(v, initial);
    blocks.push({ kind: 'heading', text: `${v.kind} ${v.name} at depth ${v.depth}`, tone: 'bad' });
    blocks.push({ kind: 'text', text: v.trace.at(-1)?.violation ?? v.detail });
    blocks.push({ kind: 'table', header, rows });
    blocks.push({ kind: 'picture', svg: sequenceSvg(v), mermaid: sequenceMermaid(v) });
  }
  return { id: 'violations', title: 'Violations (shortest traces)', blocks };
}

function sequenceMermaid(v: CheckResult['violations'][number]): string {
  const lines = [
    'sequenceDiagram',
    '    participant C as Client',
    '    participant N as Network',
    '    participant M as Machine',
  ];
  const pairs = v.trace.map((s) => {
    const kind = s.label.split(' ')[0];
    return (
      kind === 'send'
        ? 'C->>N'
        : kind === 'deliver'
          ? 'N->>M'
          : kind === 'ack'
            ? 'M->>N'
            : kind === 'receive'
              ? 'N->>C'
              : kind === 'timeout'
                ? 'C->>C'
                : kind === 'drop' || kind === 'duplicate'
                  ? 'N-xN'
                  : 'M->>M'
    );
  });
  v.trace.forEach((s, i) => lines.push(`    ${pairs[i]}: ${mermaidText(`${i + 1}. ${s.label}`)}`));
  // The step that broke it is the trace's last: the note names it on the participant that step
  // reached (the report's text above the trace says the rest). A deadlock, or a violation of the
  // initial configuration, has no such step: every participant.
  const last = pairs.at(-1);
  const over = last && v.kind !== 'deadlock' ? last.slice(-1) : 'C,M';
  lines.push(`    Note over ${over}: ${mermaidText(`✗ ${violationNote(v)}`)}`);
  return `${lines.join('\n')}\n`;
}
