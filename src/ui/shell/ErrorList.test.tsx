// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { paymentDesign } from '../../model/designFixture';
import type { Design } from '../../model/schema';
import { createCanvasOverlayStore } from '../../store/canvasOverlay';
import { createDesignStore } from '../../store/designStore';
import { EditorProvider } from '../../store/EditorProvider';
import { ErrorList } from './ErrorList';
import { testRoot } from '../common/testRoot';

const { host: hostOf, render } = testRoot();
let host: HTMLDivElement;
beforeEach(() => {
  host = hostOf();
});

function show(design: Record<string, unknown>): void {
  const stores = {
    designs: createDesignStore(design as unknown as Design),
    overlay: createCanvasOverlayStore(),
  };
  render(
    <EditorProvider stores={stores}>
      <ErrorList />
    </EditorProvider>,
  );
}

describe('ErrorList', () => {
  it('says a design without problems or warnings is valid', () => {
    show(paymentDesign());
    expect(host.textContent).toBe('✓ The design is valid.');
  });

  it('lists the placeholder guards an import left as warnings of a valid design, with their paths', () => {
    const d = paymentDesign() as {
      events: { payload?: { name: string; type: unknown }[] }[];
      transitions: Record<string, unknown>[];
    };
    d.events[0]!.payload!.push({ name: 'todo_card_valid', type: 'bool' });
    d.transitions[0]!.guard = 'event.todo_card_valid';
    show(d);
    expect(host.querySelector('summary')!.textContent).toBe('✓ The design is valid · 1 warning');
    const item = host.querySelector('ul[aria-label="Warnings"] li')!;
    expect(item.textContent).toContain('/transitions/0/guard');
    expect(item.textContent).toContain('event.todo_card_valid');
  });

  it('lists problems of an invalid design', () => {
    const d = paymentDesign() as { transitions: Record<string, unknown>[] };
    d.transitions[0]!.guard = 'nope +';
    show(d);
    expect(host.querySelector('summary')!.textContent).toBe('1 problem');
    expect(host.querySelector('ul[aria-label="Problems"]')!.textContent).toContain('/transitions/0/guard');
  });
});
