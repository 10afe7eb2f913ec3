/**
 * What a `pan` run printed (Spin 6.5 verifier output), as numbers. Exhaustive runs store
 * `states` = our configurations + 1 (the process before its first step, see `export.ts`).
 */
export interface PanReport {
  readonly errors: number;
  /** `N states, stored`. */
  readonly states: number;
  readonly transitions: number;
  readonly depth: number;
  /** `total actual memory usage`, megabytes. */
  readonly memoryMb: number;
  readonly seconds: number;
  /** Bitstate only: `hash factor` and bits set per state (`-k`). */
  readonly hashFactor?: number;
  readonly bitsPerState?: number;
  /** pan stopped before the search was done (out of memory, a limit). */
  readonly incomplete: boolean;
  /** The assertion Spin reports first, as it printed it. */
  readonly assertion?: string;
}

function number(text: string, pattern: RegExp): number | undefined {
  const m = pattern.exec(text);
  return m ? Number(m[1]) : undefined;
}

export function parsePanReport(text: string): PanReport | null {
  const states = number(text, /^\s*([\d.e+]+) states, stored/m);
  const errors = number(text, /errors: (\d+)/);
  if (states === undefined || errors === undefined) return null;
  const memory = [...text.matchAll(/^\s*([\d.]+)\s+total actual memory usage/gm)].map((m) => Number(m[1]));
  const seconds = [...text.matchAll(/elapsed time ([\d.e+]+) seconds/g)].map((m) => Number(m[1]));
  const hashFactor = number(text, /hash factor: ([\d.e+]+)/);
  const bitsPerState = number(text, /bits set per state: (\d+)/);
  const assertion = /assertion violated (.*) \(at depth/.exec(text)?.[1];
  return {
    errors,
    states,
    transitions: number(text, /^\s*([\d.e+]+) transitions/m) ?? 0,
    depth: number(text, /depth reached (\d+)/) ?? 0,
    memoryMb: memory.length > 0 ? Math.max(...memory) : 0,
    seconds: seconds.length > 0 ? Math.max(...seconds) : 0,
    ...(hashFactor !== undefined ? { hashFactor } : {}),
    ...(bitsPerState !== undefined ? { bitsPerState } : {}),
    incomplete: /Search not completed/.test(text) && errors === 0,
    ...(assertion !== undefined ? { assertion } : {}),
  };
}

/**
 * Bitstate coverage estimate: with m bits, k bits per state and n states stored, the i-th new
 * state is wrongly taken for a visited one with probability (1 - e^(-k i / m))^k; the estimate is
 * one minus the average of that over the n insertions (states lost with their successors are
 * not counted, so it is an estimate, not a bound). m = hash factor · n (Spin prints 2^w / n).
 */
export function bitstateCoverage(states: number, hashFactor: number, bitsPerState: number): number {
  if (states <= 0) return 1;
  const k = bitsPerState;
  const m = hashFactor * states;
  const slices = 1000;
  let missed = 0;
  for (let s = 0; s < slices; s++) {
    const i = ((s + 0.5) / slices) * states;
    missed += (1 - Math.exp((-k * i) / m)) ** k;
  }
  return 1 - missed / slices;
}
