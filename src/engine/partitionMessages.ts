import { receiveDesign, type ValidatedDesign } from '../model/handoff';
import { createPartition, type Partition } from './explorer';
import { linkBuffers } from './parentLinks';
import type { PartitionPort } from './partitioned';
import type { ExploreOptions } from './result';
import { SharedFingerprintSet, type SharedSetBuffers } from './sharedFingerprintSet';

/**
 * A partition of a search on several threads (`partitioned.ts`) in another thread, whatever the
 * threads are: the command line's worker threads (`src/cli/checkThreads.ts`) or the browser's
 * Web Workers (`src/worker/checkThreaded.ts`). What starts one, the requests it answers one at
 * a time, and the port the coordinator drives it through. Buffers are transferred, not copied.
 */
export interface PartitionData {
  readonly role: 'check-partition';
  /** The checked design, handed over as to the browser's worker (`src/model/handoff.ts`). */
  readonly design: ValidatedDesign;
  readonly index: number;
  readonly count: number;
  readonly buffers: SharedSetBuffers;
  readonly batch: number;
  /** The limits a thread checks itself (time comes with each level). */
  readonly limits: Pick<ExploreOptions, 'maxStates' | 'maxBytes'>;
  /** Shared with the coordinating thread: 1 means stop. */
  readonly stop: Int32Array;
}

export type PartitionRequest =
  | { readonly type: 'expand'; readonly remainingMs: number }
  | { readonly type: 'adopt'; readonly buffers: SharedSetBuffers }
  | { readonly type: 'takeNext' }
  | {
      readonly type: 'setLevel';
      readonly records: Int32Array;
      readonly ids: Int32Array;
      readonly depth: number;
      readonly claims: Int32Array | number;
      readonly chunk: number;
    }
  | { readonly type: 'final' };

/** The partition a thread serves: compiles the design again (no schema stage) and joins the shared set. */
export function servedPartition(
  data: PartitionData,
): (request: PartitionRequest) => { reply: unknown; transfer: ArrayBuffer[] } {
  const model = receiveDesign(data.design);
  const set = new SharedFingerprintSet(data.buffers, data.batch);
  const stop = data.stop;
  const part: Partition = createPartition(
    model,
    { ...data.limits, shouldStop: () => Atomics.load(stop, 0) !== 0 },
    { index: data.index, count: data.count, set },
  );
  return (request) => {
    switch (request.type) {
      case 'expand':
        return { reply: part.expandLevel(performance.now() + request.remainingMs), transfer: [] };
      case 'adopt':
        set.adopt(request.buffers);
        return { reply: null, transfer: [] };
      case 'takeNext': {
        const records = part.takeNext();
        return { reply: { records, summary: part.summary() }, transfer: [records.buffer as ArrayBuffer] };
      }
      case 'setLevel':
        part.setLevel(request.records, request.ids, request.depth, request.claims, request.chunk);
        return { reply: null, transfer: [] };
      case 'final': {
        const final = part.final();
        return { reply: final, transfer: linkBuffers(final.links) };
      }
    }
  };
}

/** The coordinator's port to a partition in another thread: `call` posts one request and resolves with its answer. */
export function remotePort(call: (request: PartitionRequest) => Promise<unknown>): PartitionPort {
  const ask = <T>(request: PartitionRequest) => call(request) as Promise<T>;
  return {
    expandLevel: (remainingMs) => ask({ type: 'expand', remainingMs }),
    adopt: (buffers) => ask({ type: 'adopt', buffers }),
    takeNext: () => ask({ type: 'takeNext' }),
    setLevel: (records, ids, depth, claims, chunk) =>
      ask({ type: 'setLevel', records, ids, depth, claims, chunk }), // shared memory: nothing to transfer
    final: () => ask({ type: 'final' }),
  };
}
