// @vitest-environment jsdom
import mermaid from 'mermaid';
import { describe, expect, it } from 'vitest';
import { loadDesignValue } from '../../model/load';
import { importMermaid } from '../import/mermaid';
import { paymentDesign } from '../../model/designFixture';
import { corpus } from '../testing/corpus';
import { mermaidDiagram } from './export';

describe('the Mermaid export', () => {
  const designs = corpus();
  it('parses with the real mermaid parser for every design', async () => {
    for (const { name, model } of designs) {
      await expect(mermaid.parse(mermaidDiagram(model)), name).resolves.toBeTruthy();
    }
  });

  it('is stable through Mermaid → design → Mermaid', () => {
    for (const { name, model } of designs) {
      const first = importMermaid(mermaidDiagram(model));
      if (!first.ok) throw new Error(`${name}: ${JSON.stringify(first.errors)}`);
      const loaded = loadDesignValue(first.design);
      if (!loaded.ok) throw new Error(`${name}: ${JSON.stringify(loaded.errors)}`);
      const once = mermaidDiagram(loaded.model);
      const second = importMermaid(once);
      if (!second.ok) throw new Error(`${name}: ${JSON.stringify(second.errors)}`);
      const again = loadDesignValue(second.design);
      if (!again.ok) throw new Error(name);
      expect(mermaidDiagram(again.model), name).toBe(once);
      expect(again.model.states.map((s) => s.name)).toEqual(model.states.map((s) => s.name));
    }
  });

  it('carries no Mermaid directive written into a name or a description', async () => {
    const directive = '%%{init: {"theme":"dark","themeCSS":"svg{display:none}"}}%%';
    const design = paymentDesign();
    design.name = `Pay ${directive}`;
    design.description = directive;
    (design.states as { description?: string }[])[0]!.description = `a ${directive} %%{wrap}%%`;
    const loaded = loadDesignValue(design);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    const parsed = await mermaid.parse(mermaidDiagram(loaded.model));
    expect(parsed && parsed.config).toEqual({});
  });
});
