import { createStore } from 'zustand/vanilla';

/** The automatic layout under way, if any: the canvas shows a busy indicator while it runs. */
export interface LayoutBusy {
  /** States being laid out; 0 when idle. */
  readonly states: number;
}

export const layoutBusy = createStore<LayoutBusy>()(() => ({ states: 0 }));

/** Runs `layout`, marked busy meanwhile (also when it fails). */
export async function whileLayingOut<T>(states: number, layout: () => Promise<T>): Promise<T> {
  layoutBusy.setState({ states });
  try {
    return await layout();
  } finally {
    layoutBusy.setState({ states: 0 });
  }
}
