import { SimulationV2 } from '../../engine/v2/simulator';
import { messageText } from '../../engine/v2/view';
import type { ModelV2, RoleV2, TransitionV2 } from '../../model/v2/model';
import { mermaidText, violationNote } from '../mermaid/export';
import type { ExportFiles } from './index';
import { runningModel } from './running';
import { sequenceRowsV2, type SequenceRowV2 } from './sequenceRows';

/**
 * Mermaid for a version-2 design: one `stateDiagram-v2` per role (arrows labelled with the
 * trigger, the guard and what the transition sends), and one `sequenceDiagram` of a chosen
 * trace with a lifeline per instance. State, role and instance names are identifiers (instances
 * are declared with an identifier alias, `RM_2` for `RM[2]`); every other text goes through
 * `mermaidText`, version 1's escaping.
 */

function comment(text: string): string {
  return `%% ${text.replace(/[\r\n\u2028\u2029\u0085]+/g, ' ').replace(/%/g, '#37;')}`;
}

function trigger(model: ModelV2, role: RoleV2, t: TransitionV2): string {
  switch (t.trigger.kind) {
    case 'event':
      return role.events[t.trigger.event]!.name;
    case 'receive':
      return `receive ${model.messages[t.trigger.message]!.name}`;
    case 'restart':
      return '$restart';
  }
}

export function roleStateDiagram(model: ModelV2, role: RoleV2): string {
  const json = model.design.roles[role.index]!;
  const lines = ['stateDiagram-v2', `    ${comment(`${model.name}: role ${role.name} (${role.instances} instance${role.instances === 1 ? '' : 's'}), exported by Protocol Studio`)}`];
  for (const k of role.initialStates) lines.push(`    [*] --> ${role.states[k]!.name}`);
  role.transitions.forEach((t, k) => {
    const guard = t.guard ? ` [${t.guard.text}]` : '';
    const sends = (json.transitions[k]!.send ?? []).map((s) => `${s.message}${s.toAll ? ` to all${s.except?.length ? ` but ${s.except.join(', ')}` : ''}` : s.to !== undefined ? ` to ${s.to}` : ''}`);
    const label = mermaidText(`${trigger(model, role, t)}${guard}${sends.length ? ` / send ${sends.join(', ')}` : ''}`);
    role.states.forEach((s, i) => {
      if (!t.from[i]) return;
      lines.push(`    ${s.name} --> ${t.to >= 0 ? role.states[t.to]!.name : s.name} : ${label}`);
    });
  });
  for (const s of role.states) if (s.final) lines.push(`    ${s.name} --> [*]`);
  for (const s of json.states) if (s.description) lines.push(`    ${comment(`${s.name}: ${s.description}`)}`);
  const volatile = role.states.filter((s) => !s.durable);
  if (volatile.length > 0) {
    lines.push('    classDef volatile stroke-dasharray: 5 5');
    lines.push(`    class ${volatile.map((s) => s.name).join(',')} volatile`);
  }
  return `${lines.join('\n')}\n`;
}

/** A lifeline is `p0`, `p1`…, shown as the instance's name: no user name is ever a Mermaid identifier here. */
function lifeline(_model: ModelV2, g: number): string {
  return `p${g}`;
}

export function lifelineName(model: ModelV2, g: number): string {
  const inst = model.instances[g]!;
  const role = model.roles[inst.role]!;
  return role.instances === 1 ? role.name : `${role.name}_${inst.local + 1}`;
}

/** The run a sequence diagram shows; for a check's trace, the violation it ends on and the initial configuration it starts from (`ViolationReportV2.start`). */
export interface TraceToShow {
  readonly labels: readonly string[];
  readonly title: string;
  readonly violation?: { readonly kind: string; readonly name: string };
  readonly start?: number;
}

/**
 * A sequence diagram of the run whose step labels are given (a trace of `check`, or the labels
 * of a simulation): each label is replayed (`sequenceRowsV2`) on the model as loaded (its labels
 * are the check's: calls read as calls), so a label that is not enabled ends the diagram with a
 * note saying so. Where a step breaks something, a note on the lifeline that took it names it
 * (`violates TCConsistent`): a step violation as the step is computed, a state invariant in the
 * configuration the step produces (the initial one's on the first lifeline). The violation the
 * run was chosen for, if the replay met no such violation (a deadlock: no step to put it on), is
 * noted over every lifeline at the end.
 */
export function sequenceDiagram(model: ModelV2, trace: TraceToShow): string {
  const { labels, title, violation: reported, start = 0 } = trace;
  const lines = ['sequenceDiagram', `    ${comment(`${model.name}: ${title} (exported by Protocol Studio)`)}`];
  for (let g = 0; g < model.instances.length; g++) lines.push(`    participant ${lifeline(model, g)} as ${mermaidText(model.instances[g]!.name)}`);
  const noted = new Set<string>();
  const note = (g: number, v: { readonly kind: string; readonly name: string }) => {
    noted.add(`${v.kind} ${v.name}`);
    lines.push(`    Note over ${lifeline(model, g)}: ${mermaidText(violationNote(v))}`);
  };
  const run = sequenceRowsV2(model, labels, start);
  for (const v of run.initial) note(0, v);
  for (const row of run.rows) {
    lines.push(`    ${stepLine(model, row)}`);
    for (const v of row.violations) note(row.to, v);
  }
  if (run.end.kind === 'not-enabled') lines.push(`    Note over ${lifeline(model, 0)}: ${mermaidText(`not enabled here: ${run.end.label}`)}`);
  if (reported && !noted.has(`${reported.kind} ${reported.name}`)) {
    const last = lifeline(model, model.instances.length - 1);
    lines.push(`    Note over ${lifeline(model, 0)}${last === lifeline(model, 0) ? '' : `,${last}`}: ${mermaidText(violationNote(reported))}`);
  }
  return `${lines.join('\n')}\n`;
}

function stepLine(model: ModelV2, row: SequenceRowV2): string {
  const { step, label } = row;
  const who = lifeline(model, row.to);
  const from = lifeline(model, row.from);
  const transition = step.transition >= 0 ? ` (${model.transitions[step.transition]!.name})` : '';
  switch (row.kind) {
    case 'receive':
      return `${from}->>${who}: ${mermaidText(`${messageText(model, step.what, step.payload)}${transition}${step.transition < 0 ? ' ignored' : ''}`)}`;
    case 'drop':
      return `${from}-x${who}: ${mermaidText(`lost ${messageText(model, step.what, step.payload)}`)}`;
    case 'duplicate':
      return `${from}--)${who}: ${mermaidText(`duplicated ${messageText(model, step.what, step.payload)}`)}`;
    case 'crash':
      return `Note over ${who}: ${mermaidText('crash')}`;
    case 'restart':
    case 'event':
      return `Note over ${who}: ${mermaidText(label)}`;
  }
}

/**
 * The labels of a run to show when the design has no violation to show: from the initial
 * configuration, the first enabled step that is not a fault (crash, drop, duplicate), at most
 * `max` steps, stopping when nothing changes.
 */
export function happyPath(model: ModelV2, max = 24): string[] {
  const sim = new SimulationV2(model);
  for (let n = 0; n < max; n++) {
    const enabled = sim.enabled();
    const i = enabled.findIndex((s) => s.next !== null && s.step.kind !== 'crash' && s.step.kind !== 'drop' && s.step.kind !== 'duplicate' && !sameVector(s.next, sim.current));
    if (i < 0) break;
    sim.take(i);
  }
  return [...sim.taken];
}

function sameVector(a: Float64Array | null, b: Float64Array): boolean {
  if (a === null) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** `export --to mermaid`: one file per role and the sequence diagram. */
export function mermaidFilesV2(written: ModelV2, trace: TraceToShow): ExportFiles {
  const model = runningModel(written);
  return [
    ...model.roles.map((r) => ({ name: `role-${r.name}.mmd`, text: roleStateDiagram(model, r) })),
    // Replayed on the model as loaded: the running design's calls are plain messages, whose labels are not the check's.
    { name: 'sequence.mmd', text: sequenceDiagram(written, trace) },
  ];
}
