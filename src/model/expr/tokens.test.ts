import { describe, expect, it } from 'vitest';
import { highlightExpression } from './tokens';

describe('highlightExpression', () => {
  it('gives every token a kind and its columns', () => {
    const tokens = highlightExpression('event.amount <= min(n, 3) && state == "Idle" || true');
    expect(tokens.map((t) => [t.kind, t.text, t.start])).toEqual([
      ['keyword', 'event', 1],
      ['punctuation', '.', 6],
      ['name', 'amount', 7],
      ['operator', '<=', 14],
      ['function', 'min', 17],
      ['punctuation', '(', 20],
      ['name', 'n', 21],
      ['punctuation', ',', 22],
      ['number', '3', 24],
      ['punctuation', ')', 25],
      ['operator', '&&', 27],
      ['keyword', 'state', 30],
      ['operator', '==', 36],
      ['string', '"Idle"', 39],
      ['operator', '||', 46],
      ['bool', 'true', 49],
    ]);
  });
  it('marks characters the language does not know as invalid, and never throws', () => {
    const tokens = highlightExpression('a = b # 1');
    expect(tokens.filter((t) => t.kind === 'invalid').map((t) => [t.text, t.start])).toEqual([
      ['=', 3],
      ['#', 7],
    ]);
    expect(highlightExpression('"open').map((t) => t.kind)).toEqual(['string']);
  });
});
