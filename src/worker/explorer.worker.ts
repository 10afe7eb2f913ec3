/// <reference lib="webworker" />
import { runCheck } from './checkSession';
import { checkWorkers, runCheckOnWorkers } from './checkThreaded';
import type { FromWorker, ToWorker } from './protocol';

/** The explorer's worker: a thin entry that switches on the command; the work is `checkSession.ts`. */
let cancelled = false;
const scope = self as unknown as {
  postMessage(m: FromWorker): void;
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
};

scope.onmessage = (event) => {
  const message = event.data;
  switch (message.type) {
    case 'start':
      cancelled = false;
      // Several workers where the page is cross-origin isolated (`checkWorkers`), else this one alone.
      runCheckOnWorkers(
        message.design,
        message.limits,
        (m) => scope.postMessage(m),
        () => cancelled,
        checkWorkers(),
      )
        .then((split) =>
          split
            ? undefined
            : runCheck(
                message.design,
                message.limits,
                (m) => scope.postMessage(m),
                () => cancelled,
              ),
        )
        .catch((error: unknown) =>
          scope.postMessage({ type: 'error', error: error instanceof Error ? error.message : String(error) }),
        );
      break;
    case 'cancel':
      cancelled = true;
      break;
  }
};
