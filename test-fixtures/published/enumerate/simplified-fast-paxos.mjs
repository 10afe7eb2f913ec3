// Independent BFS of SimplifiedFastPaxos/Paxos.tla (Paxos.cfg), counting states and classes under PaxosSymmetry.
const R = [0, 1, 2, 3], V = [0, 1, 2], NONE = 3, B = [0, 1, 2];
const Q = R.map((x) => R.filter((a) => a !== x));
const key = (s) => [[...s.msgs].sort().join(';'), s.dec, s.mb.join(), s.mvb.join(), s.mv.join()].join('|');
const parse = (m) => m.split(',').map(Number);
function* next(s) {
  const add = (m) => (s.msgs.has(m) ? s.msgs : new Set([...s.msgs, m]));
  for (const b of [1, 2]) yield { ...s, msgs: add(`0,${b}`) };                       // P1a: 0,bal
  for (const a of R) for (const m of s.msgs) { const f = parse(m); if (f[0] !== 0) continue;
    if (s.mb[a] < f[1]) yield { ...s, mb: s.mb.map((x, i) => (i === a ? f[1] : x)), msgs: add(`1,${f[1]},${a},${s.mvb[a]},${s.mv[a]}`) }; }
  const p1b = [...s.msgs].map(parse).filter((f) => f[0] === 1), p2a = [...s.msgs].map(parse).filter((f) => f[0] === 2), p2b = [...s.msgs].map(parse).filter((f) => f[0] === 3);
  for (const b of B) for (const q of Q) for (const v of V) {
    if (p2a.some((f) => f[1] === b)) continue;
    const M = p1b.filter((f) => f[1] === b && q.includes(f[2]));
    if (!q.every((a) => M.some((f) => f[2] === a))) continue;
    const forced = M.length ? M.find((m) => M.every((n) => n[3] <= m[3]))[4] : undefined;
    if (M.every((f) => f[4] === NONE) || v === forced) yield { ...s, msgs: add(`2,${b},${v}`) };
  }
  for (const a of R) for (const f of p2a) if (s.mb[a] <= f[1])
    yield { ...s, mb: s.mb.map((x, i) => (i === a ? f[1] : x)), mvb: s.mvb.map((x, i) => (i === a ? f[1] : x)), mv: s.mv.map((x, i) => (i === a ? f[2] : x)), msgs: add(`3,${f[1]},${a},${f[2]}`) };
  for (const b of B) for (const q of Q) { const M = p2b.filter((f) => f[1] === b && q.includes(f[2]));
    if (q.every((a) => M.some((f) => f[2] === a))) for (const m of M) yield { ...s, dec: m[3] }; }
}
const perms = (xs) => (xs.length <= 1 ? [xs] : xs.flatMap((x, i) => perms([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p])));
const PR = perms(R), PV = perms(V);
function canon(s) {
  let best = null;
  for (const pr of PR) for (const pv of PV) {
    const val = (v) => (v === NONE ? NONE : pv[v]);
    const msgs = [...s.msgs].map((m) => { const f = parse(m);
      if (f[0] === 1) return `1,${f[1]},${pr[f[2]]},${f[3]},${val(f[4])}`;
      if (f[0] === 2) return `2,${f[1]},${val(f[2])}`;
      if (f[0] === 3) return `3,${f[1]},${pr[f[2]]},${val(f[3])}`; return m; }).sort().join(';');
    const per = R.map((a) => [s.mb[a], s.mvb[a], val(s.mv[a])]); const inv = []; R.forEach((a) => (inv[pr[a]] = per[a]));
    const k = [msgs, val(s.dec), inv.map((x) => x.join('/')).join()].join('|');
    if (best === null || k < best) best = k;
  }
  return best;
}
const init = { msgs: new Set(), dec: NONE, mb: [0, 0, 0, 0], mvb: [0, 0, 0, 0], mv: [NONE, NONE, NONE, NONE] };
const seen = new Map([[key(init), init]]); let frontier = [init], depth = 0;
while (frontier.length) { const nx = []; for (const s of frontier) for (const t of next(s)) { const k = key(t); if (!seen.has(k)) { seen.set(k, t); nx.push(t); } } if (nx.length) depth++; frontier = nx; }
console.log('states', seen.size, 'depth', depth);
const classes = new Set(); for (const s of seen.values()) classes.add(canon(s));
console.log('classes', classes.size);
