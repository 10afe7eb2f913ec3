/**
 * Runs a search that SIGINT or SIGTERM (Ctrl-C) stops with its result so far: the first signal
 * sets the shared `stop` flag the search and its threads poll; a second exits at once.
 */
export async function stopOnSignal<T>(search: (stop: Int32Array) => Promise<T>): Promise<T> {
  const stop = new Int32Array(new SharedArrayBuffer(4));
  const onSignal = (signal: NodeJS.Signals) => {
    if (Atomics.load(stop, 0) !== 0) process.exit(signal === 'SIGINT' ? 130 : 143);
    Atomics.store(stop, 0, 1);
    process.stderr.write(`\n${signal}: stopping the search; its result so far follows (again to quit at once)\n`);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await search(stop);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** The `\r`-rewritten progress line of a long search, on a terminal only. */
export function progressLine(p: { states: number; transitions: number; depth: number; statesPerSecond: number; elapsedMs: number }): void {
  if (process.stderr.isTTY && p.elapsedMs > 1000) process.stderr.write(`\r${p.states} states, ${p.transitions} transitions, depth ${p.depth}, ${p.statesPerSecond} states/s   `);
}
