/** The kinds of step the fast stepper (`flatStep.ts`) enumerates, in `enabledActions` order. */
export const SEND = 0, DELIVER = 1, ACK = 2, PERSIST = 3, RECEIVE = 4, TIMEOUT = 5, FIRE = 6, RESTART = 7;
export const DROP_M = 8, DROP_C = 9, DUP_M = 10, DUP_C = 11, CRASH = 12;

/**
 * The parts of a vector that a step of each kind can change: the incremental fingerprint
 * (`flatFingerprint.ts`) compares only those. Of the clients, only the one request the step
 * touches (`FlatStepper.client`) unless that is -1 (a crash clears every dedupe). Held true by
 * the property tests and `flatFingerprint.test.ts` (a part left out would merge or split
 * configurations).
 */
export const VARS = 1, CLIENTS = 2, TO_MACHINE = 4, TO_CLIENT = 8;
/** Header parts: mode, busy fields, state and persisted state; and each fault budget. */
export const MACHINE = 16, DROPS_USED = 32, DUPS_USED = 64, CRASHES_USED = 128;
export const STEP_PARTS = Int32Array.of(
  CLIENTS | TO_MACHINE, // send
  MACHINE | VARS | CLIENTS | TO_MACHINE | TO_CLIENT, // deliver
  MACHINE | TO_CLIENT, // ack
  MACHINE | VARS | CLIENTS, // persist (the durable dedupe)
  CLIENTS | TO_CLIENT, // receive
  CLIENTS | TO_MACHINE, // timeout
  MACHINE | VARS, // fire
  MACHINE | VARS, // restart
  DROPS_USED | TO_MACHINE, // drop toMachine
  DROPS_USED | TO_CLIENT, // drop toClient
  DUPS_USED | TO_MACHINE, // duplicate toMachine
  DUPS_USED | TO_CLIENT, // duplicate toClient
  MACHINE | CRASHES_USED | VARS | CLIENTS, // crash (volatile dedupe of every request)
);
