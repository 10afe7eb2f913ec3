import type { CheckLimits } from '../engine/result';

/** The limits a check starts with in the editor (the command line has none by default). */
export const DEFAULT_LIMITS = { maxStates: 2_000_000, maxSeconds: 60 } as const satisfies CheckLimits;

/** The limits the Check mode edits: the engine's `CheckLimits`, both set. */
export type EditorLimits = Required<Pick<CheckLimits, 'maxStates' | 'maxSeconds'>>;
