import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialConfiguration } from './configuration';
import { createFlatCodec } from './flatCodec';
import { FlatFingerprint } from './flatFingerprint';
import { fitsFlat, flatLayout, toFlat } from './flatLayout';
import { FlatStepper } from './flatStep';
import { smallDesign } from './smallDesigns';
import { testModel } from './testDesign';

describe('the journal and its packed record', () => {
  it('follows every step of a random walk; undo gives the parent back; the record is the packed successor; partial unpack agrees with unpack', () => {
    fc.assert(
      fc.property(smallDesign.map(testModel), fc.array(fc.nat(), { minLength: 1, maxLength: 40 }), (model, choices) => {
        if (!fitsFlat(model)) return;
        const L = flatLayout(model);
        const codec = createFlatCodec(model, L);
        const journal = new FlatFingerprint(codec);
        const whole = new FlatFingerprint(codec);
        const stepper = new FlatStepper(model, L, journal);
        const v = new Int32Array(L.width);
        const unpacked = new Int32Array(L.width);
        toFlat(model, L, initialConfiguration(model), v);
        journal.of(v);
        for (const choice of choices) {
          const count = stepper.enumerate(v);
          if (count === 0) return;
          const k = choice % count;
          const parent = v.slice();
          const parentRec = new Int32Array(codec.words);
          codec.pack(parent, parentRec, 0);
          // Every step, taken and undone, leaves the parent as it was; begin gives its record back.
          for (let other = 0; other < count; other++) {
            journal.begin();
            stepper.apply(v, other);
            journal.undo(v);
            expect([...v]).toEqual([...parent]);
            journal.begin();
            expect([...journal.words]).toEqual([...parentRec]);
          }
          journal.begin();
          if (!stepper.apply(v, k)) return;
          // The record kept through the writes is the successor packed whole, and so is its fingerprint.
          const rec = new Int32Array(codec.words);
          codec.pack(v, rec, 0);
          expect([...journal.words]).toEqual([...rec]);
          whole.of(v);
          expect([journal.h1, journal.h2]).toEqual([whole.h1, whole.h2]);
          // Packing and unpacking gives back the same vector (channel tails zeroed).
          unpacked.fill(-7);
          codec.unpack(rec, 0, unpacked);
          expect([...unpacked]).toEqual([...v]);
          // Decoding only the words that differ from the parent's turns the parent into the child.
          const partial = parent.slice();
          codec.unpackChanged(rec, 0, partial, parentRec, 0);
          expect([...partial]).toEqual([...v]);
          journal.from(rec, 0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('names a record of one or two words: its fingerprint inverts back to the words', () => {
    const codecOf = (words: number) => ({ words, slotFields: new Int32Array(0), pack: () => {}, unpack: () => {}, unpackChanged: () => {} });
    fc.assert(
      fc.property(fc.integer({ min: -0x80000000, max: 0x7fffffff }), fc.integer({ min: -0x80000000, max: 0x7fffffff }), fc.boolean(), (w0, w1, one) => {
        const j = new FlatFingerprint(codecOf(one ? 1 : 2));
        j.from(Int32Array.of(w0, one ? 0 : w1), 0);
        j.fingerprint();
        expect(unmix(j.f1, j.f2)).toEqual([w0, one ? 0 : w1]);
      }),
      { numRuns: 2000 },
    );
  });

  it('names a record of one word by its second fingerprint alone (the set of one Int32 a configuration keeps only that)', () => {
    const codec = { words: 1, slotFields: new Int32Array(0), pack: () => {}, unpack: () => {}, unpackChanged: () => {} };
    fc.assert(
      fc.property(fc.integer({ min: -0x80000000, max: 0x7fffffff }), (w0) => {
        const j = new FlatFingerprint(codec);
        j.from(Int32Array.of(w0), 0);
        j.fingerprint();
        // The second word is 0, so f2 alone gives back a (and f1 follows from it).
        const b = j.f2;
        const a = Math.imul(b ^ (b >>> 16), inverse(0x85ebca6b));
        expect(unmix(a ^ Math.imul(b, 0xc2b2ae35), b)).toEqual([w0, 0]);
      }),
      { numRuns: 2000 },
    );
  });
});

/** The inverse of `FlatFingerprint.fingerprint` on two words (each of its lines undone in turn). */
function unmix(f1: number, f2: number): [number, number] {
  const b = f2;
  const a = f1 ^ Math.imul(b, 0xc2b2ae35);
  const w1 = Math.imul(b ^ (b >>> 16), inverse(0x85ebca6b)) ^ a;
  const w0 = Math.imul(a ^ (a >>> 16), inverse(0x9e3779b1)) ^ 0x2545f491;
  return [w0 | 0, w1 | 0];
}

/** The multiplicative inverse of an odd 32-bit number (Newton's iteration). */
function inverse(a: number): number {
  let x = a;
  for (let i = 0; i < 5; i++) x = Math.imul(x, 2 - Math.imul(a, x));
  return x;
}
