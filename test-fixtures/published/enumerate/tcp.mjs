// Independent breadth-first enumeration of tcp.tla with MCtcp.cfg (no Protocol Studio code):
// Init MCInit, Next, CONSTRAINT NoRetransmission, ACTION_CONSTRAINT SingleActiveOpen.
// A successor that breaks a constraint is discarded (neither counted nor explored), as TLC does.
// `node tcp.mjs` prints states, depth (TLC's, initial state = 1), generated; `--keep` counts
// the states that break NoRetransmission too (kept, not explored), to show which reading TLC's is.
const keep = process.argv.includes('--keep');
const P = [0, 1];
const key = (s) => JSON.stringify(s);
const set = (xs, i, v) => xs.map((x, k) => (k === i ? v : x));
const prefix = (q, ms) => ms.every((m, i) => q[i] === m);
function successors(s) {
  const out = []; // [action, state']
  const push = (name, t) => out.push([name, t]);
  for (const l of P) for (const r of P) {
    if (l === r) continue;
    const { tcb, cs, net } = s;
    const to = (state, nets, tcbs = tcb) => ({ tcb: tcbs, cs: set(cs, l, state), net: nets });
    const tail = (k = 1) => set(net, l, net[l].slice(k));
    const append = (n, m) => set(n, r, [...n[r], m]);
    // User (ACTIVE_OPEN, PASSIVE_OPEN, SEND are forbidden by SingleActiveOpen; written for the action constraint below).
    if (cs[l] === 'CLOSED') push('ACTIVE_OPEN', to('SYN-SENT', append(net, 'SYN'), set(tcb, l, true)));
    if (cs[l] === 'CLOSED') push('PASSIVE_OPEN', to('LISTEN', net, set(tcb, l, true)));
    if (cs[l] === 'SYN-SENT') push('CLOSE_SYN_SENT', to('CLOSED', net, set(tcb, l, false)));
    if (cs[l] === 'SYN-RECEIVED') push('CLOSE_SYN_RECEIVED', to('FIN-WAIT-1', append(net, 'FIN')));
    if (cs[l] === 'LISTEN') push('SEND', to('SYN-SENT', append(net, 'SYN')));
    if (cs[l] === 'LISTEN') push('CLOSE_LISTEN', to('CLOSED', net, set(tcb, l, false)));
    if (cs[l] === 'ESTABLISHED') push('CLOSE_ESTABLISHED', to('FIN-WAIT-1', append(net, 'FIN')));
    if (cs[l] === 'CLOSE-WAIT') push('CLOSE_CLOSE_WAIT', to('LAST-ACK', append(net, 'FIN')));
    // System
    if (cs[l] === 'SYN-SENT' && prefix(net[l], ['SYN'])) push('SynSent', to('SYN-RECEIVED', append(tail(), 'SYN,ACK')));
    if (cs[l] === 'SYN-SENT' && prefix(net[l], ['SYN,ACK'])) push('SynSent', to('ESTABLISHED', append(tail(), 'ACK')));
    if (cs[l] === 'SYN-RECEIVED' && prefix(net[l], ['RST'])) push('SynReceived', to('LISTEN', tail()));
    if (cs[l] === 'SYN-RECEIVED' && prefix(net[l], ['ACK'])) push('SynReceived', to('ESTABLISHED', tail()));
    if (cs[l] === 'LISTEN' && prefix(net[l], ['SYN'])) push('Listen', to('SYN-RECEIVED', append(tail(), 'SYN,ACK')));
    if (cs[l] === 'ESTABLISHED' && prefix(net[l], ['FIN'])) push('Established', to('CLOSE-WAIT', append(tail(), 'ACKofFIN')));
    if (cs[l] === 'FIN-WAIT-1' && prefix(net[l], ['FIN'])) push('FinWait1', to('CLOSING', append(tail(), 'ACKofFIN')));
    if (cs[l] === 'FIN-WAIT-1' && prefix(net[l], ['ACKofFIN'])) push('FinWait1', to('FIN-WAIT-2', tail()));
    if (cs[l] === 'FIN-WAIT-2' && prefix(net[l], ['FIN'])) push('FinWait2', to('TIME-WAIT', append(tail(), 'ACKofFIN')));
    if (cs[l] === 'CLOSING' && prefix(net[l], ['ACKofFIN'])) push('Closing', to('TIME-WAIT', tail()));
    if (cs[l] === 'LAST-ACK' && prefix(net[l], ['ACKofFIN'])) push('LastAck', to('CLOSED', tail()));
    if (cs[l] === 'TIME-WAIT' && tcb[l]) push('TimeWait', to('CLOSED', net, set(tcb, l, false)));
    if (cs[l] === 'FIN-WAIT-1' && prefix(net[l], ['FIN', 'ACKofFIN'])) push('Note2', to('TIME-WAIT', append(tail(2), 'ACKofFIN')));
    // Reset
    if (tcb[l]) push('Note3', to('TIME-WAIT', append(net, 'RST')));
    if (prefix(net[l], ['RST'])) {
      push('Note3', to('LISTEN', tail()));
      push('Note3', to('CLOSED', tail()));
    }
  }
  return out;
}
const noRetransmission = (s) => P.every((p) => s.net[p].every((m, i) => i === 0 || s.net[p][i - 1] !== m));
// SingleActiveOpen, read as TLC reads an action constraint: on the pair (s, s'), whatever action made s'.
const opens = (s) => new Set(successors(s).filter(([a]) => a === 'ACTIVE_OPEN' || a === 'PASSIVE_OPEN' || a === 'SEND').map(([, t]) => key(t)));
const inits = P.map((n) => ({ tcb: [true, true], cs: P.map((p) => (p === n ? 'SYN-SENT' : 'LISTEN')), net: P.map((p) => (p === n ? [] : ['SYN'])) }));
const seen = new Set(inits.map(key));
let frontier = inits, depth = 1, generated = inits.length;
while (frontier.length) {
  const next = [];
  for (const s of frontier) {
    const forbidden = opens(s);
    for (const [, t] of successors(s)) {
      const k = key(t);
      if (forbidden.has(k)) continue;
      generated++;
      const inModel = noRetransmission(t);
      if (!inModel && !keep) continue;
      if (seen.has(k)) continue;
      seen.add(k);
      if (inModel) next.push(t);
    }
  }
  if (next.length) depth++;
  frontier = next;
}
console.log('states', seen.size, 'depth', depth, 'generated', generated);
