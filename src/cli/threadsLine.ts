/**
 * The verdict line's word on threads: how many took part (a thread that never helped sat out), said
 * whenever more than one was allowed, so a check on one of two threads says so.
 */
export function threadsTookPart(tookPart: number, allowed: number): string {
  if (allowed <= 1 && tookPart <= 1) return '';
  return tookPart === 1 ? ', on 1 thread' : `, on ${tookPart} threads`;
}
