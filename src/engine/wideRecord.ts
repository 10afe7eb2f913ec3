import type { Model } from '../model/model';
import type { Configuration } from './configuration';
import { flatLayout, fromFlat, toFlat } from './flatLayout';

/**
 * The explorer's record of a configuration when some int range does not fit a 30-bit field
 * (`fitsFlat` is false; such designs take the readable path, `wideSearch.ts`): the flat vector
 * of `flatLayout.ts` with every var zeroed, then each var's value, live and persisted, as two
 * exact Int32 halves (values reach ±2^53). Unpacked, it is the readable configuration again.
 */
export interface WideRecord {
  readonly width: number;
  pack(config: Configuration, out: Int32Array, offset: number): void;
  unpack(record: Int32Array, offset: number): Configuration;
}

const HALF = 2 ** 26;

export function wideRecord(model: Model): WideRecord {
  const L = flatLayout(model);
  const nv = model.vars.length;
  const zeros: number[] = model.vars.map(() => 0);
  const vec = new Int32Array(L.width);
  const width = L.width + 4 * nv;
  return {
    width,
    pack(c, out, o) {
      toFlat(model, L, { ...c, vars: zeros, persisted: { ...c.persisted, vars: zeros } }, vec);
      out.set(vec, o);
      for (let i = 0; i < nv; i++) {
        split(c.vars[i]!, out, o + L.width + 2 * i);
        split(c.persisted.vars[i]!, out, o + L.width + 2 * nv + 2 * i);
      }
    },
    unpack(rec, o) {
      const c = fromFlat(model, L, rec.subarray(o, o + L.width));
      const vars = Array.from({ length: nv }, (_, i) => join(rec, o + L.width + 2 * i));
      const pvars = Array.from({ length: nv }, (_, i) => join(rec, o + L.width + 2 * nv + 2 * i));
      return { ...c, vars, persisted: { ...c.persisted, vars: pvars } };
    },
  };
}

function split(x: number, out: Int32Array, o: number): void {
  const high = Math.floor(x / HALF);
  out[o] = high;
  out[o + 1] = x - high * HALF;
}

function join(rec: Int32Array, o: number): number {
  return rec[o]! * HALF + rec[o + 1]!;
}
