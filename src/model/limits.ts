/** The bounded-work limits of MODEL.md §1: a design beyond any of them is refused before heavy work. */
export const LIMITS = {
  fileBytes: 2 * 1024 * 1024,
  jsonDepth: 64,
  states: 1000,
  transitions: 4000,
  events: 256,
  vars: 64,
  invariants: 256,
  payloadFields: 8,
  exprChars: 1000,
  exprParens: 64,
  nameChars: 64,
  designNameChars: 80,
  descriptionChars: 4000,
  /** Not in MODEL.md: the payload values one client event may take, since `send` tries each. */
  payloadValues: 4096,
} as const;

/** 2^53: the bound of exact integer arithmetic (MODEL.md §2). Literals and results must stay within ±MAX_INT. */
export const MAX_INT = 2 ** 53;
