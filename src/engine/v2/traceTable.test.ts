import { describe, expect, it } from 'vitest';
import { exploreV2 } from './explorer';
import { loadExampleV2 } from './testDesigns';
import { networkChange, outcomeLinesV2, traceRowsV2, violationTableV2, wrap } from './traceTable';
import { viewConfigurationV2 } from './view';

describe('wrap', () => {
  it('breaks after "; " where a line has one, else after a space, else at the width, and loses nothing', () => {
    expect(wrap('short', 10)).toEqual(['short']);
    expect(wrap('Vote(term=1) A→B; RequestVote(term=2) B→C', 24)).toEqual(['Vote(term=1) A→B;', 'RequestVote(term=2) B→C']);
    expect(wrap('votes[Node[1]]=false votes[Node[2]]=false', 24)).toEqual(['votes[Node[1]]=false', 'votes[Node[2]]=false']);
    expect(wrap('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });
});

describe('the trace table of check', () => {
  const model = loadExampleV2('raft-election-volatile-vote.protocol.json');
  const v = exploreV2(model).violations[0]!;
  const initial = viewConfigurationV2(model, model.initial);

  it('shows every var and message of a wide row, wrapped within the column, none cut', () => {
    const table = violationTableV2(model, v, initial);
    expect(table).not.toContain('…');
    for (const line of table.split('\n').slice(1, -1)) expect(line.length).toBeLessThanOrEqual(2 + 48 + 4 * (64 + 2) + 64);
    // Row 0 of Node[1] is longer than its column: all of it is there, over several lines.
    const cells = table.split('\n').filter((l) => l.includes('votes[Node[3]]=false'));
    expect(cells.length).toBeGreaterThan(0);
    expect(table).toContain('ledTerm=0');
  });

  it('shows what each step changed in the network, messages separated by "; "', () => {
    const { rows } = traceRowsV2(model, v, initial);
    expect(rows[1]!.at(-1)).toBe('+RequestVote(term=1) Node[1]→Node[1]; +RequestVote(term=1) Node[1]→Node[2]; +RequestVote(term=1) Node[1]→Node[3]');
    // The pool is never emptied: a later row names only the messages it added, never the earlier ones again.
    for (const row of rows.slice(2)) expect(row.at(-1)).not.toContain('RequestVote(term=1) Node[1]→Node[2]');
    // Read back row by row, the changes rebuild the pool of the last configuration.
    const pool = new Set(rows.slice(1).flatMap((r) => (r.at(-1) === '' ? [] : r.at(-1)!.split('; '))).map((e) => e.slice(1)));
    expect([...pool].sort()).toEqual([...v.trace.at(-1)!.configuration.network].sort());
  });
});

describe('the network column', () => {
  const links = ['TM→RM[1]', 'TM→RM[2]'];
  it('names a pool message that came (+) or left (−), and a changed channel with its contents now', () => {
    expect(networkChange(links, [], ['Prepared RM[1]→TM'])).toEqual(['+Prepared RM[1]→TM']);
    expect(networkChange(links, ['Prepared RM[1]→TM', 'Prepared RM[2]→TM'], ['Prepared RM[2]→TM'])).toEqual(['−Prepared RM[1]→TM']);
    expect(networkChange(links, ['TM→RM[1]: Commit'], ['TM→RM[1]: Commit, Abort'])).toEqual(['TM→RM[1]: Commit, Abort']);
    expect(networkChange(links, ['TM→RM[1]: Commit', 'TM→RM[2]: Commit'], ['TM→RM[2]: Commit'])).toEqual(['TM→RM[1]: empty']);
    expect(networkChange(links, ['TM→RM[1]: Commit'], ['TM→RM[1]: Commit'])).toEqual([]);
  });
});

describe('the outcome lines of check', () => {
  it('say when the counts stop at a violation, and not when the search finished', () => {
    const broken = exploreV2(loadExampleV2('saga-charge-timeout-broken.protocol.json'));
    expect(outcomeLinesV2(broken)[0]).toMatch(/the caller cannot tell whether the call happened; counted until the search stopped at depth 4\):$/);
    expect(outcomeLinesV2(broken)[1]).toMatch(/^ {2}Order → Payment\.Charge +ok 0, error 0, timeout \(ambiguous\) 0$/);
    const fixed = exploreV2(loadExampleV2('saga-charge-timeout-fixed.protocol.json'));
    expect(outcomeLinesV2(fixed)[0]).toMatch(/whether the call happened\):$/);
  });
});
