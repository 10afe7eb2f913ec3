/**
 * The violations a breadth-first search reports: those at the shortest depth found, one per kind
 * and name (the first met). A shallower one discards what was kept; a deeper one is ignored.
 */
export class ShortestViolations<T> {
  /** The shortest depth found so far; -1 before any. */
  depth = -1;
  readonly found: T[] = [];
  private readonly seen = new Set<string>();

  note(v: { readonly kind: string; readonly name: string }, d: number, item: () => T): void {
    if (this.depth >= 0 && d > this.depth) return;
    if (this.depth < 0 || d < this.depth) {
      this.found.length = 0;
      this.seen.clear();
      this.depth = d;
    }
    const k = `${v.kind}\u0000${v.name}`;
    if (this.seen.has(k)) return;
    this.seen.add(k);
    this.found.push(item());
  }
}
