import { compileModel } from './compileModel';
import { designIdentity } from './designIdentity';
import type { Model } from './model';
import type { Design } from './schema';

/**
 * A design the sender has already loaded and validated, as plain data: the one thing handed to
 * any worker, the browser's check worker as well as the command line's check threads. The
 * receiver compiles it again without the schema stage (so without zod), and every result it sends
 * back can be matched to `identity`.
 */
export interface ValidatedDesign {
  readonly design: Design;
  /** `designIdentity(design)`. */
  readonly identity: string;
}

export function handoff(model: Model): ValidatedDesign {
  return { design: model.design, identity: designIdentity(model.design) };
}

/** The receiving side. A validated design that fails to compile is a bug, so this throws. */
export function receiveDesign(validated: ValidatedDesign): Model {
  const compiled = compileModel(validated.design, []);
  if (!compiled.ok) throw new Error(`a validated design did not compile: ${compiled.errors[0]?.message ?? ''}`);
  return compiled.model;
}
