// Independent breadth-first enumeration of SpanTree.tla with SpanTree.cfg (no Protocol Studio code):
// `node span-tree.mjs` prints the distinct states and the depth as TLC counts it (initial state = 1).
const N = 5, Max = 6, Root = 0;
const E = [[0, 1], [0, 2], [1, 2], [1, 3], [2, 3], [2, 4], [3, 4]];
const nbrs = (n) => E.filter((e) => e.includes(n)).map((e) => (e[0] === n ? e[1] : e[0]));
const init = { mom: [0, 1, 2, 3, 4], dist: [...Array(N).keys()].map((n) => (n === Root ? 0 : Max)) };
const key = (s) => s.mom.join(',') + '|' + s.dist.join(',');
const seen = new Set([key(init)]);
let frontier = [init], depth = 1;
while (frontier.length) {
  const next = [];
  for (const s of frontier) for (let n = 0; n < N; n++) for (const m of nbrs(n)) {
    if (!(s.dist[m] < 1 + s.dist[n])) continue;
    for (let d = s.dist[m] + 1; d <= s.dist[n] - 1; d++) {
      const t = { mom: s.mom.map((x, i) => (i === n ? m : x)), dist: s.dist.map((x, i) => (i === n ? d : x)) };
      if (!seen.has(key(t))) { seen.add(key(t)); next.push(t); }
    }
  }
  if (next.length) depth++;
  frontier = next;
}
console.log('states', seen.size, 'depth', depth);
