import { loadDesignValue } from '../model/load';
import type { Model } from '../model/model';

/** Loads a design written as an object in a test, filling the required boilerplate. Throws on an invalid one. */
export function testModel(partial: Record<string, unknown>): Model {
  const loaded = loadDesignValue({ format: 'protocol-studio', version: 1, name: 'test', vars: [], invariants: [], ...partial });
  if (!loaded.ok) throw new Error(`test design is invalid: ${JSON.stringify(loaded.errors)}`);
  return loaded.model;
}
