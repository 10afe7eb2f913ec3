import { receiveDesign, type ValidatedDesign } from '../model/handoff';
import { expandCalls, usesCalls } from '../model/v2/calls';
import { compileModelV2 } from '../model/v2/compileModel';
import type { DesignV2 } from '../model/v2/schema';
import { createPartition, type Partition } from './explorer';
import { linkBuffers } from './parentLinks';
import type { PartitionPort } from './partitioned';
import type { ExploreOptions } from './result';
import { SharedFingerprintSet, type SharedSetBuffers } from './sharedFingerprintSet';
import { createPartitionV2, type PartitionV2 } from './v2/partition';

/**
 * A partition of a search on several threads (`partitioned.ts`) in another thread, whatever the
 * threads are: the command line's worker threads (`src/cli/checkThreads.ts`) or the browser's
 * Web Workers (`src/worker/checkThreaded.ts`). What starts one, the requests it answers one at
 * a time, and the port the coordinator drives it through. Buffers are transferred, not copied.
 */
export interface PartitionData {
  readonly role: 'check-partition';
  /** The checked design, handed over as to the browser's worker (`src/model/handoff.ts`)… */
  readonly design: ValidatedDesign | null;
  /** …or a version-2 design as validated (`ModelV2.design`), compiled again in the thread. */
  readonly designV2?: DesignV2;
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
  const set = new SharedFingerprintSet(data.buffers, data.batch);
  const stop = data.stop;
  const options = { ...data.limits, shouldStop: () => Atomics.load(stop, 0) !== 0 };
  const sharing = { index: data.index, count: data.count, set };
  let part: Partition | PartitionV2;
  if (data.designV2 !== undefined) {
    // Compiled as the loader compiles it: calls written out as what they stand for (`calls.ts`).
    const expanded = usesCalls(data.designV2) ? expandCalls(data.designV2) : { ok: true as const, design: data.designV2 };
    const compiled = expanded.ok ? compileModelV2(expanded.design, []) : expanded;
    if (!compiled.ok) throw new Error('the version-2 design did not compile in a check thread');
    // `design` is the design as written, calls included, as the loader keeps it (its call sites count outcomes).
    part = createPartitionV2({ ...compiled.model, design: data.designV2 }, options, sharing);
  } else part = createPartition(receiveDesign(data.design!), options, sharing);
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
        const transfer = 'records' in final ? [final.links.buffer, final.records.buffer] : linkBuffers(final.links);
        return { reply: final, transfer: transfer as ArrayBuffer[] };
      }
    }
  };
}

/** The coordinator's port to a partition in another thread: `call` posts one request and resolves with its answer. */
export function remotePort<F>(call: (request: PartitionRequest) => Promise<unknown>): PartitionPort<F> {
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
