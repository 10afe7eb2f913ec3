import type { Model } from '../model/model';
import { applyAction } from './apply';
import { checkConfiguration } from './checks';
import { initialConfiguration, type Configuration } from './configuration';
import { enabledActions, isQuiescent } from './enabled';
import { fingerprint } from './fingerprintSet';
import type { Expander } from './flatExpander';
import type { SearchStorage } from './searchStorage';
import { wideRecord, type WideRecord } from './wideRecord';

const NO_CONFIGURATION_CHECK = { checkConfiguration: false };

/**
 * The explorer's path for designs whose int ranges do not fit the fast path's 30-bit fields
 * (`fitsFlat` false): the readable engine itself (`enabledActions`, `applyAction`,
 * `checkConfiguration`) over records of `wideRecord.ts`. Same counts as the fast path, slower.
 */
export class WideExpander implements Expander {
  readonly words: number;
  readonly namedByF2 = false;
  private readonly records: WideRecord;
  private readonly scratch: Int32Array;
  private readonly fp = new Int32Array(2);

  constructor(private readonly model: Model) {
    this.records = wideRecord(model);
    this.words = this.records.width;
    this.scratch = new Int32Array(this.words);
  }

  start(storage: SearchStorage): void {
    this.store(storage, initialConfiguration(this.model), -1, -1, 0);
  }

  newLevel(): void {}

  expand(storage: SearchStorage, level: Int32Array, index: number, id: number, depth: number): void {
    const { model } = this;
    const config = this.records.unpack(level, index * storage.record);
    const steps = enabledActions(model, config);
    storage.transitions += steps.length;
    for (let k = 0; k < steps.length; k++) {
      const outcome = applyAction(model, config, steps[k]!, NO_CONFIGURATION_CHECK);
      if (outcome.transition !== null) storage.transitionsReached[outcome.transition] = 1;
      for (const v of outcome.violations) storage.violation(v, depth + 1, id, k);
      if (outcome.next !== null && !outcome.violations.some((v) => v.step)) this.store(storage, outcome.next, id, k, depth + 1);
      if (storage.limit !== null) return;
    }
  }

  /** Checks a configuration and queues it when it is new and violates nothing. */
  private store(storage: SearchStorage, config: Configuration, parent: number, stepIndex: number, d: number): void {
    const { scratch, fp } = this;
    this.records.pack(config, scratch, 0);
    fingerprint(scratch, 0, this.words, fp);
    if (!storage.admit(fp[0]!, fp[1]!)) return;
    const id = storage.newId(parent, stepIndex);
    storage.statesReached[config.state] = 1;
    const quiescent = isQuiescent(this.model, config);
    if (quiescent) {
      const has = (s: string) => config.clients.some((c) => c.status === s);
      storage.outcome(has('ok'), has('error'), has('ambiguous'), id);
    }
    const violations = checkConfiguration(this.model, config, quiescent);
    for (const v of violations) storage.violation(v, d, parent, stepIndex);
    if (violations.length > 0) return;
    const o = storage.reserve();
    storage.next.set(scratch, o);
  }
}
