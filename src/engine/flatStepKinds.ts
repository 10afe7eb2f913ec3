/** The kinds of step the fast stepper (`flatStep.ts`) enumerates, in `enabledActions` order. */
export const SEND = 0, DELIVER = 1, ACK = 2, PERSIST = 3, RECEIVE = 4, TIMEOUT = 5, FIRE = 6, RESTART = 7;
export const DROP_M = 8, DROP_C = 9, DUP_M = 10, DUP_C = 11, CRASH = 12;
