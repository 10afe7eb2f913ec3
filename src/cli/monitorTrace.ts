import { createSimulator } from '../engine/simulator';
import type { TraceFile } from '../engine/traceFile';
import type { Model } from '../model/model';

/**
 * The violating stretch of a log as a trace file the simulator opens: each line is played on the
 * design through the simulator (the engine's own steps), so the file always replays. Requests are
 * numbered in order of appearance (#1, #2, …); a line the design cannot follow is skipped, which
 * is where the design and the service part ways.
 */
export function stretchTrace(model: Model, lines: readonly string[]): TraceFile {
  const sim = createSimulator(model);
  const numbers = new Map<string, number>();
  const take = (label: string): boolean => sim.enabled().some((s) => s.label === label) && sim.take(label).ok;
  const takeFirst = (prefix: string): boolean => {
    const step = sim.enabled().find((s) => s.label.startsWith(prefix));
    return step !== undefined && sim.take(step).ok;
  };
  for (const text of lines) {
    let entry: Record<string, unknown>;
    try {
      entry = JSON.parse(text) as Record<string, unknown>;
    } catch {
      continue;
    }
    if (typeof entry !== 'object' || entry === null) continue;
    const id = typeof entry['id'] === 'string' ? entry['id'] : '';
    const event = model.events.find((e) => e.name === entry['event']);
    switch (entry['type']) {
      case 'received': {
        if (event === undefined) break;
        let k = numbers.get(id);
        if (k === undefined) {
          k = numbers.size + 1;
          numbers.set(id, k);
          const payload = (entry['payload'] ?? {}) as Record<string, unknown>;
          take(`send ${event.name}#${k}${event.payload.map((f) => ` ${f.name}=${String(payload[f.name])}`).join('')}`);
        } else if (!takeFirst(`timeout ${event.name}#${k} (retry`)) takeFirst(`duplicate ${event.name}#${k}`);
        take(`deliver ${event.name}#${k}`);
        break;
      }
      case 'persisted':
      case 'replied': {
        const k = numbers.get(id);
        if (k === undefined) break;
        const name = sim.enabled().find((s) => s.label.endsWith(`#${k}`) && (s.kind === 'ack' || s.kind === 'persist'));
        if (name && (entry['type'] === 'persisted') === (name.kind === 'persist')) sim.take(name);
        if (entry['type'] === 'replied') takeFirst(`receive ${labelOf(sim.enabled(), k)}`);
        break;
      }
      case 'crash':
        take('crash');
        break;
      case 'restart':
        if (!take('restart')) {
          take('crash');
          take('restart');
        }
        break;
      case 'timer':
        if (typeof entry['event'] === 'string') take(`fire ${entry['event']}`);
        break;
    }
  }
  return sim.exportTrace();
}

/** `Charge#1` for request k, as the enabled receive steps name it. */
function labelOf(steps: readonly { label: string }[], k: number): string {
  const receive = steps.find((s) => s.label.startsWith('receive ') && s.label.includes(`#${k} `));
  return receive ? receive.label.slice('receive '.length) : `#${k} `;
}
