import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialConfiguration } from './configuration';
import { createFlatCodec } from './flatCodec';
import { FlatFingerprint } from './flatFingerprint';
import { fitsFlat, flatLayout, toFlat } from './flatLayout';
import { FlatStepper } from './flatStep';
import { smallDesign } from './smallDesigns';
import { testModel } from './testDesign';

describe('the incremental fingerprint', () => {
  it('equals the fingerprint of the whole vector after every step of a random walk', () => {
    fc.assert(
      fc.property(smallDesign.map(testModel), fc.array(fc.nat(), { minLength: 1, maxLength: 40 }), (model, choices) => {
        if (!fitsFlat(model)) return;
        const L = flatLayout(model);
        const codec = createFlatCodec(model, L);
        const stepper = new FlatStepper(model, L);
        const zobrist = new FlatFingerprint(L, codec);
        let src = new Int32Array(L.width);
        let dst = new Int32Array(L.width);
        const whole = new Int32Array(L.width);
        toFlat(model, L, initialConfiguration(model), src);
        zobrist.of(src);
        let h1 = zobrist.h1, h2 = zobrist.h2;
        for (const choice of choices) {
          const count = stepper.enumerate(src);
          if (count === 0) return;
          const k = choice % count;
          if (!stepper.apply(src, k, dst)) return;
          zobrist.step(src, dst, h1, h2, stepper.kinds[k]!, stepper.client);
          h1 = zobrist.h1;
          h2 = zobrist.h2;
          // Packing and unpacking also gives back the same vector (channel tails zeroed).
          const rec = new Int32Array(codec.words);
          codec.pack(dst, rec, 0);
          whole.fill(-7);
          codec.unpack(rec, 0, whole);
          expect([...whole]).toEqual([...dst]);
          zobrist.of(dst);
          expect([zobrist.h1, zobrist.h2]).toEqual([h1, h2]);
          [src, dst] = [dst, src];
        }
      }),
      { numRuns: 300 },
    );
  });
});
