import type { ImportOptions, ImportResult, ImportSource } from '../export/import';

export interface ImportRequest {
  readonly text: string;
  readonly from: ImportSource;
  readonly options: ImportOptions;
}

/** The part of `Worker` the client uses, so tests can hand in a stand-in. */
export interface ImportWorkerLike {
  postMessage(message: ImportRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<ImportResult>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface RunningImport {
  /** Settles once: the import's result, or a refusal saying it was cancelled or took too long. */
  readonly result: Promise<ImportResult>;
  readonly cancel: () => void;
}

/** An import still running after this is stopped (the text is bounded, so this is a backstop). */
export const IMPORT_TIMEOUT_MS = 15_000;

export function createImportWorker(): ImportWorkerLike {
  return new Worker(new URL('./import.worker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as ImportWorkerLike;
}

/** Runs an import in a Web Worker, so the page stays responsive; `cancel()` terminates it. */
export function startImport(
  request: ImportRequest,
  createWorker: () => ImportWorkerLike = createImportWorker,
  timeoutMs = IMPORT_TIMEOUT_MS,
): RunningImport {
  const worker = createWorker();
  let settle: (r: ImportResult) => void = () => {};
  const result = new Promise<ImportResult>((resolve) => (settle = resolve));
  let done = false;
  const finish = (r: ImportResult) => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    worker.terminate();
    settle(r);
  };
  const stop = (message: string) => finish({ ok: false, errors: [{ line: 0, message }] });
  const timer = setTimeout(
    () => stop(`The import took longer than ${timeoutMs / 1000} s and was stopped; import a smaller text.`),
    timeoutMs,
  );
  worker.onmessage = (event) => finish(event.data);
  worker.onerror = (event) =>
    stop(`The import failed: ${event.message || 'internal error'}; please report this text.`);
  worker.postMessage(request);
  return { result, cancel: () => stop('The import was cancelled.') };
}
