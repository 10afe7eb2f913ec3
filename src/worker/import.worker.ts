/// <reference lib="webworker" />
import { importDesign } from '../export/import';
import type { ImportRequest } from './importClient';

/** Imports one text off the main thread; the page terminates this worker to cancel. */
self.onmessage = (event: MessageEvent<ImportRequest>) => {
  const { text, from, options } = event.data;
  self.postMessage(importDesign(text, from, options));
};
