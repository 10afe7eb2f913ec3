/**
 * Format version 2's bounded-work limits (docs/format-v2.md, "Limits"), on top of version 1's
 * (expression length, names, descriptions, file size and nesting are version 1's). A design
 * beyond any of them is refused before its configuration layout is allocated.
 */
export const LIMITS_V2 = {
  roles: 16,
  instancesPerRole: 32,
  instances: 64,
  messages: 64,
  statesPerRole: 1000,
  eventsPerRole: 256,
  varsPerRole: 64,
  transitions: 4000,
  invariants: 256,
  sendsPerTransition: 16,
  payloadFields: 8,
  /** Distinct payloads of one event or message kind (each is tried, or gets a pool slot). */
  payloadValues: 4096,
  /** Pool model: distinct messages (kind × sender × receiver × payload). */
  poolMessages: 4096,
  capacity: 8,
  /** Channels model: channels × capacity. */
  channelSlots: 4096,
  budget: 3,
  /** Slots of one configuration. */
  slots: 8192,
  /**
   * Combinations of listed initial states and values tried against `initially` (docs/format-v2.md
   * §2): TokenRing.tla's `c \in [Node -> 0..5]` with six nodes makes 46,656, every one initial. The
   * threaded search sizes its shared set for the initial configurations (`firstLevelCapacity`).
   */
  initialCombinations: 262144,
  /**
   * Combinations × a configuration's parts: every combination is built as a configuration before
   * `initially` is read, and those kept are the first level. 32,768 × 8,192, what the earlier
   * bound of 32,768 combinations allowed at most, so nothing accepted before is refused.
   */
  initialParts: 2 ** 28,
  /** Values of a set's element type: a set is one mask of at most 31 bits (docs/format-v2.md §2). */
  setElements: 31,
  /** Entries of one map, nested or not (its slots per instance; a nested map's: the product of its levels' keys); the design's `slots` bound them all together too. */
  mapKeys: 1024,
  /** Key levels of a nested map (`m[a][b][c]`, docs/format-v2.md §2). */
  mapDepth: 3,
  /** hi − lo of an int type: values pack into at most 31 bits. */
  intSpan: 2 ** 31 - 1,
} as const;
