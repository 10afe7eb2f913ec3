import { ImportRefusal } from './summary';

/**
 * Where the diagram is in a pasted text: plain diagram text (optionally after Mermaid front
 * matter `---` … `---`), or a Markdown page with fenced ```mermaid blocks. A page may hold several
 * state diagrams: the one chosen (1-based number or front-matter title), else the first, and a
 * note names the others so none is left out silently. Lines outside the chosen block are
 * blanked, so line numbers still point into the page.
 */

export interface PickedDiagram {
  readonly lines: string[];
  /** Set when the page holds other state diagrams than the one read. */
  readonly others: string | null;
}

/** ```mermaid, ~~~mermaid, MyST's ```{mermaid} and Azure DevOps' ::: mermaid. */
const FENCE_OPEN = /^\s*(`{3,}|~{3,}|:{3,})\s*\{?mermaid\b/;

interface Block {
  readonly open: number;
  readonly end: number;
  readonly title: string | null;
}

/** Whether the text is diagram text itself: `stateDiagram` first, after `%%` comments and front matter. */
function isDiagramText(lines: string[]): boolean {
  let i = 0;
  const skipBlank = () => {
    while (i < lines.length && (lines[i]!.trim() === '' || lines[i]!.trim().startsWith('%%'))) i++;
  };
  skipBlank();
  if (lines[i]?.trim() === '---') {
    for (i++; i < lines.length && lines[i]!.trim() !== '---'; i++);
    if (i >= lines.length) return true; // unclosed front matter: the diagram reader says so
    i++;
    skipBlank();
  }
  return i >= lines.length || /^stateDiagram/.test(lines[i]!.trim());
}

function stateBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE_OPEN.exec(lines[i]!);
    if (!open) continue;
    const fence = open[1]!;
    const close = new RegExp(`^\\s*\\${fence[0]}{${fence.length},}\\s*$`);
    let end = i + 1;
    while (end < lines.length && !close.test(lines[end]!)) end++;
    const body = lines.slice(i + 1, end);
    if (body.some((l) => /^\s*stateDiagram/.test(l))) {
      const title = body
        .slice(
          0,
          body.findIndex((l) => /^\s*stateDiagram/.test(l)),
        )
        .map((l) =>
          /^\s*title:\s*(.*)$/
            .exec(l)?.[1]
            ?.replace(/^["']|["']$/g, '')
            .trim(),
        )
        .find((t) => t);
      blocks.push({ open: i, end, title: title ?? null });
    }
    i = end;
  }
  return blocks;
}

/** Whether a Markdown page holds a ```mermaid block with a state diagram (for guessing the format). */
export function hasStateDiagramBlock(text: string): boolean {
  return stateBlocks(text.split(/\r?\n/)).length > 0;
}

export function pickDiagram(text: string, wanted?: string): PickedDiagram {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (isDiagramText(lines)) return { lines, others: null };
  const blocks = stateBlocks(lines);
  if (blocks.length === 0) {
    const bare = lines.findIndex((l) => /^\s*stateDiagram(-v2)?\s*$/.test(l));
    throw new ImportRefusal(
      bare >= 0 ? bare + 1 : 1,
      bare >= 0
        ? `Line ${bare + 1} starts a state diagram outside a \`\`\`mermaid fence, so where it ends is unknown; put it in a \`\`\`mermaid … \`\`\` block or paste the diagram alone.`
        : 'No state diagram found: expected "stateDiagram-v2" first, or a Markdown page with a ```mermaid block holding one.',
    );
  }
  const label = (b: Block, k: number) =>
    `${k + 1} (line ${b.open + 2}${b.title ? `, ${JSON.stringify(b.title)}` : ''})`;
  let index = 0;
  if (wanted !== undefined && wanted.trim() !== '') {
    const w = wanted.trim();
    index = /^\d+$/.test(w) ? Number(w) - 1 : blocks.findIndex((b) => b.title === w);
    if (index < 0 || index >= blocks.length)
      throw new ImportRefusal(
        1,
        `No state diagram ${JSON.stringify(w)} on this page; it has ${blocks.map(label).join(', ')}: give a number or a title.`,
      );
  }
  const chosen = blocks[index]!;
  const others =
    blocks.length > 1
      ? `This page has ${blocks.length} state diagrams; only diagram ${label(chosen, index)} is imported, not ${blocks
          .map((b, k) => (k === index ? null : label(b, k)))
          .filter((s) => s !== null)
          .join(', ')}: choose one with --machine N (the Machine field in the browser).`
      : null;
  return {
    lines: lines.map((l, k) => (k > chosen.open && k < chosen.end ? l : '')),
    others,
  };
}
