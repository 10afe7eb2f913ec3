import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialConfiguration } from './configuration';
import { createFlatCodec } from './flatCodec';
import { FlatFingerprint } from './flatFingerprint';
import { fitsFlat, flatLayout, toFlat } from './flatLayout';
import { FlatStepper } from './flatStep';
import { smallDesign } from './smallDesigns';
import { testModel } from './testDesign';

describe('the journaled fingerprint', () => {
  it('follows every step of a random walk; undo gives the parent back; repack and partial unpack agree with pack', () => {
    fc.assert(
      fc.property(smallDesign.map(testModel), fc.array(fc.nat(), { minLength: 1, maxLength: 40 }), (model, choices) => {
        if (!fitsFlat(model)) return;
        const L = flatLayout(model);
        const codec = createFlatCodec(model, L);
        const zobrist = new FlatFingerprint(L, codec);
        const stepper = new FlatStepper(model, L, zobrist);
        const v = new Int32Array(L.width);
        const whole = new Int32Array(L.width);
        toFlat(model, L, initialConfiguration(model), v);
        zobrist.of(v);
        let h1 = zobrist.h1, h2 = zobrist.h2;
        for (const choice of choices) {
          const count = stepper.enumerate(v);
          if (count === 0) return;
          const k = choice % count;
          const parent = v.slice();
          // Every step, taken and undone, leaves the parent and its fingerprint as they were.
          for (let other = 0; other < count; other++) {
            zobrist.begin(h1, h2);
            stepper.apply(v, other);
            zobrist.undo(v);
            expect([...v]).toEqual([...parent]);
          }
          const parentRec = new Int32Array(codec.words);
          codec.pack(parent, parentRec, 0);
          zobrist.begin(h1, h2);
          if (!stepper.apply(v, k)) return;
          const [parentH1, parentH2] = [h1, h2];
          h1 = zobrist.h1;
          h2 = zobrist.h2;
          // Packing and unpacking also gives back the same vector (channel tails zeroed).
          const rec = new Int32Array(codec.words);
          codec.pack(v, rec, 0);
          whole.fill(-7);
          codec.unpack(rec, 0, whole);
          expect([...whole]).toEqual([...v]);
          // Repacking the parent's record with the journaled slots packs the same words.
          const repacked = new Int32Array(codec.words);
          codec.repack(v, parentRec, 0, zobrist.slots, zobrist.n, repacked, 0);
          expect([...repacked]).toEqual([...rec]);
          // Decoding only the words that differ from the parent's turns the parent into the child,
          // and its fingerprint into the child's.
          const partial = parent.slice();
          const other = new FlatFingerprint(L, codec);
          other.begin(parentH1, parentH2);
          codec.unpackChanged(rec, 0, partial, parentRec, 0, other);
          expect([...partial]).toEqual([...v]);
          expect([other.h1, other.h2]).toEqual([h1, h2]);
          zobrist.of(v);
          expect([zobrist.h1, zobrist.h2]).toEqual([h1, h2]);
        }
      }),
      { numRuns: 300 },
    );
  });
});
