import { poolSlot, type ElementType, type ModelV2, type ScalarType } from '../../model/v2/model';
import { entryStrides, keyLevels, mapEntry } from '../../model/v2/entryLayout';

/**
 * Symmetry reduction (docs/format-v2.md §18): the canonical form of a configuration
 * under the permutations the design's `symmetry` allows (each symmetric role's instances, each
 * set of interchangeable enum values, all combinations). The canonical form is the
 * lexicographically least vector, slot by slot, over every permutation: exact (two configurations
 * get one form exactly when a permutation maps one onto the other), at the price of trying them
 * all (`MAX_SYMMETRY_PERMUTATIONS` bounds them; a try stops at the first slot that is larger).
 *
 * A permutation moves and rewrites every slot: an instance's block goes to its image's block, a map
 * var's entries indexed by a permuted role (or keyed by an enum holding a permuted set) are reordered, a pool slot (kind, sender, receiver,
 * payload) goes to the slot of the images, a channel's slots to the images' channel; values that are
 * ids of a permuted role or enum values of a permuted set are mapped, and so are sets of them (each
 * mask through a table of every mask), and so are channel codes
 * (kind and payload). Calls are written out as vars and messages (src/model/v2/calls.ts), so they
 * are permuted the same way.
 */
export class Symmetry {
  /** The permutations tried, the identity first. */
  readonly count: number;
  private readonly size: number;
  /** Per permutation: for each slot j of the image, the slot of the original it reads. */
  private readonly src: Int32Array[] = [];
  /** Per permutation: per value mapper, old value → new value. */
  private readonly tables: Int32Array[][] = [];
  /** Per slot: its value mapper, or -1 when the value is kept. */
  private readonly mapperOf: Int32Array;
  private readonly best: Float64Array;
  private readonly trial: Float64Array;

  constructor(model: ModelV2) {
    const sym = model.symmetry!;
    this.size = model.size;
    this.mapperOf = new Int32Array(model.size).fill(-1);
    this.best = new Float64Array(model.size);
    this.trial = new Float64Array(model.size);

    // Value mappers: ids of each symmetric role, each enum type holding a symmetric set, channel codes.
    const mappers: ((g: Group) => Int32Array)[] = [];
    const enumMappers = new Map<string, number>();
    const mapperOfType = (type: ScalarType): number => {
      if (type.kind === 'set') {
        // A set of permuted values: its mask's bits are moved (a table over every mask; src/model/v2/symmetry.ts bounds its size).
        const of = type.of;
        const permuted = of.kind === 'id' ? sym.roles.includes(of.role) : of.kind === 'enum' && sym.values.some((set) => set.some((v) => of.values.includes(v)));
        if (!permuted) return -1;
        const image = (g: Group): ((k: number) => number) => (of.kind === 'id' ? (k) => g.roles[of.role]![k]! : (k) => (of.kind === 'enum' ? of.values.indexOf(g.value(of.values[k]!)) : k));
        const key = `set:${JSON.stringify(of)}`;
        if (!enumMappers.has(key)) {
          enumMappers.set(key, mappers.length);
          const n = of.kind === 'id' ? model.roles[of.role]!.instances : of.kind === 'enum' ? of.values.length : 0;
          mappers.push((g) => {
            const to = image(g);
            const bits = Int32Array.from({ length: n }, (_, k) => to(k));
            const table = new Int32Array(2 ** n);
            for (let m = 1; m < table.length; m++) {
              const low = 31 - Math.clz32(m & -m);
              table[m] = table[m & (m - 1)]! | (1 << bits[low]!);
            }
            return table;
          });
        }
        return enumMappers.get(key)!;
      }
      if (type.kind === 'id') {
        if (!sym.roles.includes(type.role)) return -1;
        const key = `id:${type.role}`;
        if (!enumMappers.has(key)) {
          enumMappers.set(key, mappers.length);
          mappers.push((g) => Int32Array.from(g.roles[type.role]!));
        }
        return enumMappers.get(key)!;
      }
      if (type.kind !== 'enum' || !sym.values.some((set) => set.some((v) => type.values.includes(v)))) return -1;
      const key = `enum:${JSON.stringify(type.values)}`;
      if (!enumMappers.has(key)) {
        enumMappers.set(key, mappers.length);
        mappers.push((g) => Int32Array.from(type.values, (v) => type.values.indexOf(g.value(v))));
      }
      return enumMappers.get(key)!;
    };
    for (const role of model.roles) {
      for (const base of role.bases) for (const v of role.vars) {
        const m = mapperOfType(v.type);
        for (let k = 0; k < v.width; k++) this.mapperOf[base + v.offset + k] = m;
      }
    }
    const codeMapper = model.network.channels.length > 0 ? mappers.length : -1;
    if (codeMapper >= 0) {
      mappers.push((g) => {
        const table = Int32Array.from({ length: model.network.codes + 1 }, (_, c) => c);
        for (const m of model.messages) if (!m.pool) for (let p = 0; p < m.payload.count; p++) table[m.code + p] = m.code + g.payload(m.payload.fields, p);
        return table;
      });
      for (const ch of model.network.channels) for (let k = 0; k < model.network.capacity; k++) this.mapperOf[ch.base + k] = codeMapper;
    }

    const counts = { instances: model.roles.map((r) => r.instances) };
    for (const g of groupElements(model)) {
      const dst = new Int32Array(model.size);
      for (let j = 0; j < model.size; j++) dst[j] = j;
      for (const role of model.roles) {
        const image = g.roles[role.index]!;
        const block = Math.max(role.modeSlot, role.stateSlot, role.persistedSlot, role.crashCountSlot, ...role.vars.map((v) => v.offset + v.width - 1)) + 1;
        role.bases.forEach((base, i) => {
          const to = role.bases[image[i]!]!;
          for (let o = 0; o < block; o++) dst[base + o] = to + o;
          // A map's entries: each key level indexed by a permuted role, or keyed by an enum holding a
          // permuted set, maps its key to the key's image (a nested map's levels all at once, the first key major).
          for (const v of role.vars) {
            if (v.keys === null) continue;
            const images = keyLevels(v).map((keys) => keyImages(keys, g, model));
            if (images.every((img) => img === null)) continue;
            const strides = entryStrides(v, counts);
            for (let k = 0; k < v.width; k++) {
              dst[base + v.offset + k] = to + v.offset + mapEntry(strides, k, (j, key) => images[j]?.[key] ?? key);
            }
          }
        });
      }
      for (const m of model.messages) {
        if (!m.pool) continue;
        const nFrom = model.roles[m.from]!.instances;
        const nTo = model.roles[m.to]!.instances;
        const gf = g.roles[m.from]!;
        const gt = g.roles[m.to]!;
        // A kind with one slot for all its receivers (`MessageV2.receivers` 1) maps its sender's slots alone.
        for (let a = 0; a < nFrom; a++) for (let b = 0; b < (m.receivers === 1 ? 1 : nTo); b++) for (let p = 0; p < m.payload.count; p++) {
          dst[poolSlot(m, a, b, p)] = poolSlot(m, gf[a]!, gt[b]!, g.payload(m.payload.fields, p));
        }
      }
      const total = model.instances.length;
      for (const ch of model.network.channels) {
        const img = (global: number): number => {
          const inst = model.instances[global]!;
          return model.roles[inst.role]!.first + g.roles[inst.role]![inst.local]!;
        };
        const to = model.network.channels[model.network.channelOf[img(ch.from) * total + img(ch.to)]!]!;
        for (let k = 0; k < model.network.capacity; k++) dst[ch.base + k] = to.base + k;
      }
      const src = new Int32Array(model.size);
      for (let j = 0; j < model.size; j++) src[dst[j]!] = j;
      this.src.push(src);
      this.tables.push(mappers.map((make) => make(g)));
    }
    this.count = this.src.length;
  }

  /** The canonical form of `vec` (a buffer of this object's, valid until the next call). */
  canonical(vec: Float64Array): Float64Array {
    const best = this.best;
    best.set(vec);
    const size = this.size;
    const mapperOf = this.mapperOf;
    for (let q = 1; q < this.count; q++) {
      const src = this.src[q]!;
      const tables = this.tables[q]!;
      let j = 0;
      let v = 0;
      for (; j < size; j++) {
        const m = mapperOf[j]!;
        v = vec[src[j]!]!;
        if (m >= 0) v = tables[m]![v]!;
        if (v !== best[j]) break;
      }
      if (j === size || v > best[j]!) continue;
      for (; j < size; j++) {
        const m = mapperOf[j]!;
        const w = vec[src[j]!]!;
        best[j] = m >= 0 ? tables[m]![w]! : w;
      }
    }
    return best;
  }

  /** `vec` under permutation q (tests). */
  permuted(vec: Float64Array, q: number): Float64Array {
    const out = this.trial.slice();
    const src = this.src[q]!;
    for (let j = 0; j < this.size; j++) {
      const m = this.mapperOf[j]!;
      const w = vec[src[j]!]!;
      out[j] = m >= 0 ? this.tables[q]![m]![w]! : w;
    }
    return out;
  }
}

/** A map key level's key positions under permutation g (position k → its image's), or null when g leaves them all. */
function keyImages(keys: ElementType, g: Group, model: ModelV2): Int32Array | null {
  if (keys.kind === 'id') return model.symmetry!.roles.includes(keys.role) ? g.roles[keys.role]! : null;
  if (keys.kind === 'enum') return Int32Array.from(keys.values, (v) => keys.values.indexOf(g.value(v)));
  return null;
}

/** One permutation of every symmetric role's instances and every symmetric value set. */
interface Group {
  /** Per role: instance i → its image (the identity for a role that is not symmetric). */
  readonly roles: readonly Int32Array[];
  value(v: string): string;
  /** A payload index with every field's value mapped. */
  payload(fields: readonly { readonly type: ScalarType; readonly values: readonly number[] }[], p: number): number;
}

function permutationsOf(n: number): Int32Array[] {
  if (n <= 1) return [Int32Array.from({ length: n }, (_, i) => i)];
  const out: Int32Array[] = [];
  for (const rest of permutationsOf(n - 1)) for (let at = 0; at < n; at++) out.push(Int32Array.from([...rest.slice(0, at), n - 1, ...rest.slice(at)]));
  return out.sort((a, b) => a.join().localeCompare(b.join()));
}

function* groupElements(model: ModelV2): Generator<Group> {
  const sym = model.symmetry!;
  const choices: Int32Array[][] = [...model.roles.map((r) => (sym.roles.includes(r.index) ? permutationsOf(r.instances) : [permutationsOf(r.instances)[0]!])), ...sym.values.map((set) => permutationsOf(set.length))];
  const digits = new Int32Array(choices.length);
  for (;;) {
    const roles = model.roles.map((r) => choices[r.index]![digits[r.index]!]!);
    const images = new Map<string, string>();
    sym.values.forEach((set, k) => {
      const perm = choices[model.roles.length + k]![digits[model.roles.length + k]!]!;
      set.forEach((v, i) => images.set(v, set[perm[i]!]!));
    });
    const value = (v: string): string => images.get(v) ?? v;
    const mapScalar = (type: ScalarType, x: number): number => {
      if (type.kind === 'id') return roles[type.role]![x]!;
      if (type.kind === 'enum') return type.values.indexOf(value(type.values[x]!));
      return x;
    };
    yield {
      roles,
      value,
      payload(fields, p) {
        const parts = new Array<number>(fields.length);
        for (let f = fields.length - 1; f >= 0; f--) {
          const n = fields[f]!.values.length;
          parts[f] = fields[f]!.values[p % n]!;
          p = Math.floor(p / n);
        }
        let out = 0;
        for (let f = 0; f < fields.length; f++) out = out * fields[f]!.values.length + (mapScalar(fields[f]!.type, parts[f]!) - fields[f]!.values[0]!);
        return out;
      },
    };
    let i = choices.length - 1;
    for (; i >= 0; i--) {
      if (++digits[i]! < choices[i]!.length) break;
      digits[i] = 0;
    }
    if (i < 0) return;
  }
}
