import type { Design } from '../../model/schema';

/**
 * What an import did, for the user to read before trusting the design: what came in, what
 * came in with a different meaning (and how), and what was left out. Nothing is changed or
 * dropped without a line here; an import with no `approximated` line keeps the machine's
 * states, transitions and reachable states.
 */

export interface ImportNote {
  /** 1-based line in the imported text (0 when no line applies). */
  readonly line: number;
  readonly message: string;
}

export interface ImportSummary {
  /** Counts and kept constructs, one line each ("5 states", "2 parallel regions as their product"). */
  readonly imported: readonly string[];
  readonly approximated: readonly ImportNote[];
  readonly dropped: readonly ImportNote[];
}

export type ImportResult =
  | { readonly ok: true; readonly design: Design; readonly summary: ImportSummary }
  | { readonly ok: false; readonly errors: readonly ImportNote[] };

/** A refusal: one sentence naming the construct, its line, and what to do instead. */
export class ImportRefusal extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** Collects notes while an importer runs; one note per (line, message). */
export class SummaryBuilder {
  readonly imported: string[] = [];
  readonly approximated: ImportNote[] = [];
  readonly dropped: ImportNote[] = [];
  private readonly seen = new Set<string>();

  approximate(line: number, message: string): void {
    this.add(this.approximated, line, message);
  }

  drop(line: number, message: string): void {
    this.add(this.dropped, line, message);
  }

  private add(list: ImportNote[], line: number, message: string): void {
    const key = `${line}\u0000${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    list.push({ line, message });
  }

  build(): ImportSummary {
    const byLine = (a: ImportNote, b: ImportNote) => a.line - b.line;
    return {
      imported: [...this.imported],
      approximated: [...this.approximated].sort(byLine),
      dropped: [...this.dropped].sort(byLine),
    };
  }
}

/** The summary as plain text lines (the command line prints these; the browser lists the same). */
export function summaryLines(summary: ImportSummary): string[] {
  const at = (n: ImportNote) => (n.line > 0 ? `line ${n.line}: ${n.message}` : n.message);
  return [
    `imported: ${summary.imported.join(', ')}`,
    ...summary.approximated.map((n) => `approximated: ${at(n)}`),
    ...summary.dropped.map((n) => `dropped: ${at(n)}`),
  ];
}
