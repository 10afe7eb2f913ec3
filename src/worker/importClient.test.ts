import { describe, expect, it } from 'vitest';
import { importDesign } from '../export/import';
import { startImport, type ImportRequest, type ImportWorkerLike } from './importClient';

/** A stand-in worker that runs the same import in process, after a tick (or never). */
function standIn(respond: boolean): () => ImportWorkerLike & { terminated: boolean } {
  return () => {
    const w = {
      terminated: false,
      onmessage: null as ImportWorkerLike['onmessage'],
      onerror: null as ImportWorkerLike['onerror'],
      postMessage(message: ImportRequest) {
        if (respond)
          setTimeout(
            () =>
              w.onmessage?.({
                data: importDesign(message.text, message.from, message.options),
              } as MessageEvent),
            0,
          );
      },
      terminate() {
        w.terminated = true;
      },
    };
    return w;
  };
}

describe('importing in a worker', () => {
  it('returns the worker’s result', async () => {
    const run = startImport(
      { text: 'stateDiagram-v2\n[*] --> A\nA --> B : go\n', from: 'mermaid', options: {} },
      standIn(true),
    );
    const r = await run.result;
    expect(r.ok && r.design.states.map((s) => s.name)).toEqual(['A', 'B']);
  });

  it('stops a worker that does not answer, with a reason', async () => {
    const run = startImport({ text: 'x', from: 'xstate', options: {} }, standIn(false), 20);
    const r = await run.result;
    expect(r.ok ? '' : r.errors[0]!.message).toContain('longer than');
  });

  it('cancels at once', async () => {
    const run = startImport({ text: 'x', from: 'xstate', options: {} }, standIn(false));
    run.cancel();
    const r = await run.result;
    expect(r.ok ? '' : r.errors[0]!.message).toBe('The import was cancelled.');
  });
});
