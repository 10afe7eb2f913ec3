// Independent breadth-first enumeration of Voting.tla with MCVoting.cfg (no Protocol Studio code): states, depth, classes under MCSymmetry.
const A = [0, 1, 2], V = [0, 1], B = [0, 1], Q = [[0, 1], [0, 2], [1, 2]];
const voted = (s, a, b, v) => s.votes[a].has(`${b},${v}`);
const didNot = (s, a, b) => V.every((v) => !voted(s, a, b, v));
const showsSafe = (s, q, b, v) => q.every((a) => s.maxBal[a] >= b) && [...Array(b + 1).keys()].map((k) => k - 1).some((c) =>
  (c === -1 || q.some((a) => voted(s, a, c, v))) && [...Array(Math.max(0, b - 1 - c)).keys()].map((k) => c + 1 + k).every((d) => q.every((a) => didNot(s, a, d))));
const key = (s) => A.map((a) => s.maxBal[a] + ':' + [...s.votes[a]].sort().join('/')).join('|');
const perms = (xs) => xs.length <= 1 ? [xs] : xs.flatMap((x, i) => perms([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
const canon = (s) => perms(A).flatMap((pa) => perms(V).map((pv) => A.map((a) => ({ a, m: s.maxBal[a], vs: [...s.votes[a]].map((t) => { const [b, v] = t.split(','); return `${b},${pv[+v]}`; }).sort().join('/') }))
  .map((x) => ({ ...x, a: pa[x.a] })).sort((x, y) => x.a - y.a).map((x) => x.m + ':' + x.vs).join('|'))).sort()[0];
const init = { maxBal: [-1, -1, -1], votes: [new Set(), new Set(), new Set()] };
const seen = new Map([[key(init), init]]); let frontier = [init]; let depth = 0;
while (frontier.length) {
  const next = [];
  for (const s of frontier) for (const a of A) for (const b of B) {
    const succ = [];
    if (b > s.maxBal[a]) succ.push({ maxBal: s.maxBal.map((x, i) => (i === a ? b : x)), votes: s.votes });
    for (const v of V) if (s.maxBal[a] <= b && didNot(s, a, b) && A.every((c) => c === a || V.every((w) => !voted(s, c, b, w) || w === v)) && Q.some((q) => showsSafe(s, q, b, v)))
      succ.push({ maxBal: s.maxBal.map((x, i) => (i === a ? b : x)), votes: s.votes.map((x, i) => (i === a ? new Set([...x, `${b},${v}`]) : x)) });
    for (const t of succ) if (!seen.has(key(t))) { seen.set(key(t), t); next.push(t); }
  }
  if (next.length) depth++;
  frontier = next;
}
console.log('states', seen.size, 'depth', depth, 'orbits', new Set([...seen.values()].map(canon)).size);
