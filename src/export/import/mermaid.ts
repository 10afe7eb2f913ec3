import { buildDesign } from './build';
import { newNode, type Chart, type ChartNode, type GuardRef } from './chart';
import { pickDiagram } from './mermaidPage';
import { ImportRefusal, SummaryBuilder, type ImportResult } from './summary';

/**
 * Mermaid `stateDiagram-v2` (or `stateDiagram`) → statechart, one pass over the lines (linear).
 * Read: front matter (`title`), `A --> B : label`, `[*]` start and end, `state "Text" as A`,
 * `A : description`, composites `state A {` (also with `{` on the next line), regions `--`,
 * `<<choice>>`, `:::class`, `<br/>` (a line break), `%%` comments. Labels `Event [guard] / action`
 * give the event, a placeholder guard and a dropped action (a slash after free text is text). An unlabeled arrow is its own
 * internal event (`A_to_B`), so two unlabeled arrows from one state stay two choices. State ids
 * are global in Mermaid, so a state keeps its own name wherever it is nested.
 * Refused with the line and what to do: forks and joins, and any line Mermaid's grammar would
 * not read here.
 */

const HEADER = /^stateDiagram(-v2)?\s*$/;
const REF = String.raw`(\[\*\]|[^\s:\-][^\s:]*?)(?::::[\w-]+)?`;
const ARROW = new RegExp(String.raw`^${REF}\s*-->\s*${REF}\s*(?::(.*))?$`);
const ID = String.raw`[^\s:"{}<>]+`;
/** `state "Text" as X`, `state X as "Text"`, `state X <<choice>>` / `[[choice]]`, `state X {`, `state X : text`. */
const DECLARED = new RegExp(
  String.raw`^state\s+(?:"([^"]*)"\s+as\s+(${ID})|(${ID})(?:\s+as\s+"([^"]*)")?)\s*(?::::[\w-]+)?\s*(<<(\w+)>>|\[\[(\w+)\]\])?\s*(\{)?\s*(?::\s*(.*))?$`,
);
const BARE = new RegExp(`^${ID}$`);

/** Mermaid entity codes (`#35;`, as the exporter writes them), `<br/>` and a written `\n` back to text. */
function decode(text: string): string {
  return text
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/\\n/g, '\n')
    .replace(/#(\d{1,7});/g, (_m, code: string) => String.fromCodePoint(Math.min(Number(code), 0x10ffff)))
    .trim();
}

function splitLabel(label: string): { event: string; guard: GuardRef | null; action: string | null } {
  let event = decode(label).replace(/\s*\n\s*/g, ' ');
  let guard: GuardRef | null = null;
  const bracket = /\[([^\]]*)\]/.exec(event);
  if (bracket) {
    guard = { name: bracket[1]!.trim() || 'guard', text: `[${bracket[1]!.trim()}]` };
    event = event.replace(bracket[0], ' ');
  }
  let action: string | null = null;
  const slash = event.indexOf('/');
  // UML's `trigger / effect` only when what precedes the slash is one name; in free text
  // ("Save / Cancel", "click outside / Save") the slash is part of the label.
  if (slash >= 0 && /^[\p{L}_][\p{L}\p{N}_.:-]*$/u.test(event.slice(0, slash).trim())) {
    action = event.slice(slash + 1).trim();
    event = event.slice(0, slash);
  }
  return { event: event.trim(), guard, action };
}

interface Scope {
  readonly node: ChartNode;
  /** Children and start arrows of each region (`--` starts a new one). */
  readonly regions: { children: ChartNode[]; initial: string | null; line: number }[];
}

export function importMermaid(text: string, options: { machine?: string } = {}): ImportResult {
  const summary = new SummaryBuilder();
  try {
    const page = pickDiagram(text, options.machine);
    if (page.others) summary.drop(0, page.others);
    const chart = readMermaid(page.lines, summary);
    return buildDesign(chart, summary, { stateName: (leaf) => leaf.key });
  } catch (e) {
    if (e instanceof ImportRefusal) return { ok: false, errors: [{ line: e.line, message: e.message }] };
    throw e;
  }
}

function readMermaid(lines: string[], summary: SummaryBuilder): Chart {
  const nodes = new Map<string, ChartNode>();
  const root = newNode(null, '', 1, 'compound');
  nodes.set('', root);
  let name = 'Imported diagram';
  const scopes: Scope[] = [{ node: root, regions: [{ children: [], initial: null, line: 1 }] }];
  const region = () => scopes.at(-1)!.regions.at(-1)!;
  let header = false;
  let frontMatter = false;
  let block: 'note' | 'accDescr' | null = null;
  let pendingComposite: ChartNode | null = null;
  const refuse = (line: number, message: string): never => {
    throw new ImportRefusal(line, message);
  };

  const state = (id: string, line: number): ChartNode => {
    let node = nodes.get(id);
    if (!node) {
      const scope = scopes.at(-1)!;
      node = newNode(scope.node, id, line, 'atomic', id);
      region().children.push(node);
      nodes.set(id, node);
    }
    return node;
  };
  const openComposite = (node: ChartNode, line: number): void => {
    if (node.kind === 'choice')
      refuse(
        line,
        `State ${node.key} is a choice and cannot hold states; draw the composite as a separate state.`,
      );
    node.kind = 'compound';
    scopes.push({ node, regions: [{ children: [], initial: null, line }] });
  };
  const closeComposite = (line: number): void => {
    const scope = scopes.pop();
    if (!scope || scopes.length === 0)
      refuse(line, 'This "}" closes no composite state; remove it or open one with state NAME {.');
    const { node, regions } = scope!;
    const defaultChild = (r: Scope['regions'][number], owner: ChartNode): string | null => {
      if (r.initial !== null) return r.initial;
      const first = r.children.find((c) => c.kind !== 'choice');
      if (first) summary.imported.push(`${first.key} as the start of ${owner.key} (it has no [*] start)`);
      return first?.id ?? null;
    };
    if (regions.length === 1) {
      node.initial = defaultChild(regions[0]!, node);
      return;
    }
    node.kind = 'parallel';
    node.children.length = 0;
    regions.forEach((r, k) => {
      const regionNode = newNode(node, `region${k + 1}`, r.line, 'compound', `${node.id}.region${k + 1}`);
      nodes.set(regionNode.id, regionNode);
      for (const c of r.children) {
        c.parent = regionNode;
        regionNode.children.push(c);
      }
      regionNode.initial = defaultChild(r, node);
    });
    summary.imported.push(`${regions.length} parallel regions of ${node.key} as their product`);
  };

  const firstText = lines.findIndex((l) => l.trim() !== '');
  lines.forEach((raw, index) => {
    const line = index + 1;
    const content = raw.replace(/%%.*$/, '').trim();
    if (!header && !frontMatter && content === '---' && index === firstText) {
      frontMatter = true;
      return;
    }
    if (frontMatter) {
      if (content === '---') frontMatter = false;
      else {
        const title = /^title:\s*(.*)$/.exec(content);
        if (title) name = title[1]!.replace(/^["']|["']$/g, '').trim() || name;
        else if (content !== '')
          summary.drop(line, `Front matter ${JSON.stringify(content.slice(0, 40))} (display settings).`);
      }
      return;
    }
    if (content === '') return;
    if (block === 'note') {
      if (/^end\s+note$/i.test(content)) block = null;
      return;
    }
    if (block === 'accDescr') {
      if (content === '}') block = null;
      return;
    }
    if (!header) {
      if (HEADER.test(content)) header = true;
      else
        refuse(
          line,
          'Expected "stateDiagram-v2" as the first statement; this text is not a Mermaid state diagram.',
        );
      return;
    }
    if (pendingComposite) {
      const opened = pendingComposite;
      pendingComposite = null;
      if (content === '{') {
        openComposite(opened, line);
        return;
      }
    }
    if (/^note\s/i.test(content)) {
      if (!content.includes(':')) block = 'note';
      summary.drop(line, 'A note (text on the diagram only).');
      return;
    }
    if (/^accDescr\s*\{/.test(content)) {
      block = 'accDescr';
      summary.drop(line, 'The accessible description.');
      return;
    }
    if (
      // A state may be called `class` or `style`: an arrow is never a styling line.
      (/^(classDef|class|style|direction|accTitle|accDescr|title|scale|hide|click|linkStyle)\b/.test(
        content,
      ) &&
        !content.includes('-->')) ||
      /^[^\s:]+:::[\w-]+$/.test(content)
    ) {
      if (/^[^\s:]+:::/.test(content)) state(content.split(':::')[0]!, line);
      summary.drop(line, `${content.split(/[\s:]/)[0]} (styling or display only).`);
      return;
    }
    if (content === '}') return closeComposite(line);
    if (content === '--') {
      if (scopes.length === 1)
        refuse(
          line,
          'The region separator -- is outside any composite state; put it inside state NAME { … }.',
        );
      scopes.at(-1)!.regions.push({ children: [], initial: null, line });
      return;
    }
    const declared = DECLARED.exec(content);
    if (declared) {
      const id = (declared[2] ?? declared[3])!;
      const node = state(id, line);
      const label = declared[1] ?? declared[4];
      const description = [label, declared[9]]
        .filter((d): d is string => d !== undefined)
        .map(decode)
        .join('\n');
      if (description)
        node.description = node.description ? `${node.description}\n${description}` : description;
      const kind = (declared[6] ?? declared[7])?.toLowerCase();
      if (kind === 'choice') node.kind = 'choice';
      else if (kind === 'fork' || kind === 'join') {
        refuse(
          line,
          `<<${kind}>> state ${id} starts or ends concurrent branches outside a composite; draw the branches as regions of one composite state (state P { … -- … }) instead.`,
        );
      } else if (kind !== undefined) summary.drop(line, `<<${kind}>> on ${id} (imported as a plain state).`);
      if (declared[8]) openComposite(node, line);
      else if (kind === undefined && !declared[9]) pendingComposite = node;
      return;
    }
    const arrow = ARROW.exec(content);
    if (arrow) {
      const [, fromRef, toRef, label] = arrow;
      if (fromRef === '[*]' && toRef === '[*]')
        refuse(line, '"[*] --> [*]" names no state; connect the start to a state.');
      if (fromRef === '[*]') {
        const to = state(toRef!, line);
        const r = region();
        if (r.initial !== null && r.initial !== to.id)
          summary.approximate(
            line,
            `A second start arrow to ${to.key}: the design starts in ${nodes.get(r.initial)!.key} only.`,
          );
        else r.initial = to.id;
        if (label?.trim())
          summary.drop(line, `The label of the start arrow (${decode(label).slice(0, 40)}).`);
        return;
      }
      const from = state(fromRef!, line);
      if (toRef === '[*]') {
        if (scopes.length === 1) from.endsHere = true;
        if (label?.trim()) summary.drop(line, `The label of the end arrow from ${from.key}.`);
        return;
      }
      const to = state(toRef!, line);
      const split = label !== undefined ? splitLabel(label) : { event: '', guard: null, action: null };
      if (split.action)
        summary.drop(line, `Action ${split.action.slice(0, 60)} (code the design does not hold).`);
      if (from.kind === 'choice') {
        // A choice's branches are decided at once: their labels are conditions, not events.
        const condition = decode(label ?? '')
          .replace(/^\[|\]$/g, '')
          .trim();
        from.transitions.push({
          event: null,
          source: 'internal',
          targets: [to.id],
          guard: condition ? { name: condition, text: condition } : null,
          line,
        });
        return;
      }
      const event = split.event === '' ? `${from.key}_to_${to.key}` : split.event;
      from.transitions.push({
        event: event === '$restart' ? '$restart' : event,
        source: event === '$restart' ? 'restart' : split.event === '' ? 'internal' : 'client',
        targets: [to.id],
        guard: split.guard,
        line,
      });
      return;
    }
    const described = /^([^\s:"{}]+)\s*:\s*(.*)$/.exec(content);
    if (described) {
      const node = state(described[1]!, line);
      const d = decode(described[2]!);
      node.description = node.description ? `${node.description}\n${d}` : d;
      return;
    }
    if (BARE.test(content)) {
      state(content, line);
      return;
    }
    refuse(
      line,
      `Line ${line} (${JSON.stringify(content.slice(0, 60))}) is not a state diagram statement this importer reads; write it as A --> B : event, state NAME { … } or NAME : text.`,
    );
  });
  if (frontMatter)
    refuse(lines.length, 'The front matter opened with --- is never closed; end it with a line ---.');
  if (!header) refuse(1, 'Empty diagram: expected "stateDiagram-v2".');
  separateSameLabels(nodes, summary);
  if (scopes.length > 1)
    refuse(
      scopes.at(-1)!.node.line,
      `Composite state ${scopes.at(-1)!.node.key} is never closed; add its "}".`,
    );
  if (block === 'note') refuse(lines.length, 'A note is never closed; end it with "end note".');
  const top = scopes[0]!.regions[0]!;
  root.initial = top.initial;
  if (root.initial === null) {
    const first = root.children.find((c) => c.kind !== 'choice');
    if (!first) refuse(1, 'No states found: add at least one state.');
    summary.imported.push(`${first!.key} as the initial state (the diagram has no [*] start)`);
    root.initial = first!.id;
  }
  return { name, root, nodes };
}

/**
 * Two unguarded arrows from one state with the same label (or two unlabeled branches of one
 * choice) are a choice the drawing leaves open; in a design the first would always win and the
 * others be dead. Each gets its own event (`label_to_Target`), or, for a choice, is listed.
 */
function separateSameLabels(nodes: Map<string, ChartNode>, summary: SummaryBuilder): void {
  for (const node of nodes.values()) {
    const byEvent = new Map<string | null, number[]>();
    node.transitions.forEach((t, i) => {
      if (t.guard === null) byEvent.set(t.event, [...(byEvent.get(t.event) ?? []), i]);
    });
    for (const [event, indices] of byEvent) {
      const targets = new Set(indices.map((i) => node.transitions[i]!.targets.join()));
      if (indices.length < 2 || targets.size < 2) continue;
      if (event === null) {
        summary.approximate(
          node.transitions[indices[1]!]!.line,
          `Choice ${node.key} has several branches without a condition: only the first (to ${nodes.get(node.transitions[indices[0]!]!.targets[0]!)?.key}) is taken; label the others with their conditions.`,
        );
        continue;
      }
      for (const i of indices) {
        const t = node.transitions[i]!;
        const to = nodes.get(t.targets[0]!)!.key;
        node.transitions[i] = { ...t, event: `${event}_to_${to}` };
      }
      summary.approximate(
        node.transitions[indices[0]!]!.line,
        `${indices.length} arrows from ${node.key} share the label ${JSON.stringify(event)}: each is its own event ${event}_to_TARGET, so none is dead.`,
      );
    }
  }
}
