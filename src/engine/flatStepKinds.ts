/** The kinds of step the fast stepper (`flatStep.ts`) enumerates, in `enabledActions` order. */
export const SEND = 0, DELIVER = 1, ACK = 2, PERSIST = 3, RECEIVE = 4, TIMEOUT = 5, FIRE = 6, RESTART = 7;
export const DROP_M = 8, DROP_C = 9, DUP_M = 10, DUP_C = 11, CRASH = 12;

/**
 * The parts of a vector besides the header (mode, busy, states, budgets) that a step of each
 * kind can change: the incremental fingerprint (`flatFingerprint.ts`) compares only those.
 * Held true by the property tests (a part left out would merge or split configurations).
 */
export const VARS = 1, CLIENTS = 2, TO_MACHINE = 4, TO_CLIENT = 8;
export const STEP_PARTS = Int32Array.of(
  CLIENTS | TO_MACHINE, // send
  VARS | CLIENTS | TO_MACHINE | TO_CLIENT, // deliver
  TO_CLIENT, // ack
  VARS | CLIENTS, // persist (the durable dedupe)
  CLIENTS | TO_CLIENT, // receive
  CLIENTS | TO_MACHINE, // timeout
  VARS, // fire
  VARS, // restart
  TO_MACHINE, // drop toMachine
  TO_CLIENT, // drop toClient
  TO_MACHINE, // duplicate toMachine
  TO_CLIENT, // duplicate toClient
  VARS | CLIENTS, // crash (volatile dedupe)
);
