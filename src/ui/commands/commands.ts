import { nextName } from '../../store/designEdits';
import type { DesignStore } from '../../store/designStore';

/** What a command may act on. Built once per render by `useCommandContext`. */
export interface CommandContext {
  readonly designs: DesignStore;
  /** Simulate and Check show the canvas read-only: editing commands do not apply. */
  readonly readOnly: boolean;
  readonly autoLayout: () => void;
  /** The centre of the visible canvas, in flow coordinates. */
  readonly viewCenter: () => { x: number; y: number };
  readonly save: () => void;
  readonly openFile: () => void;
}

/**
 * A command as data (after excalidraw's actions and CodeMirror's keymaps): one registry feeds the
 * toolbar and the keyboard. `run` returns false when it does not apply, so the key falls through.
 */
export interface Command {
  readonly id: string;
  readonly label: string;
  /** `Mod` is Ctrl, or Cmd on a Mac. */
  readonly keys: readonly string[];
  /** Changes the design: unavailable while read-only. */
  readonly edits: boolean;
  /** Also runs while typing in a field (undo/redo, save); otherwise only outside text fields. */
  readonly inFields?: boolean;
  readonly toolbar?: boolean;
  readonly icon?: string;
  readonly run: (ctx: CommandContext) => boolean;
}

export const commands: readonly Command[] = [
  {
    id: 'add-state',
    label: 'Add state',
    icon: '+',
    keys: ['n'],
    edits: true,
    toolbar: true,
    run: ({ designs, viewCenter }) => {
      const { design, apply, select } = designs.getState();
      const name = nextName('State', design.states.map((s) => s.name));
      const c = viewCenter();
      apply({ type: 'addState', state: design.states.length === 0 ? { name, initial: true } : { name }, position: { x: Math.round(c.x - 60), y: Math.round(c.y - 24) } });
      select({ states: [name], transitions: [] });
      return true;
    },
  },
  {
    id: 'add-transition',
    label: 'Add transition',
    icon: '→',
    keys: ['t'],
    edits: true,
    toolbar: true,
    // From the keyboard: a dialog asks for both ends and the event (from defaults to the selected state).
    run: ({ designs }) => {
      const { design, selection, setTransitionPrompt } = designs.getState();
      const names = design.states.map((s) => s.name);
      if (names.length === 0) return false;
      const from = selection.states[0] ?? names[0]!;
      const to = names.find((n) => n !== from) ?? from;
      setTransitionPrompt({ from, to, choose: true });
      return true;
    },
  },
  { id: 'undo', label: 'Undo', icon: '↶', keys: ['Mod+z'], edits: true, inFields: true, toolbar: true, run: ({ designs }) => designs.getState().undo() },
  { id: 'redo', label: 'Redo', icon: '↷', keys: ['Mod+Shift+z', 'Mod+y'], edits: true, inFields: true, toolbar: true, run: ({ designs }) => designs.getState().redo() },
  { id: 'delete', label: 'Delete selection', keys: ['Delete', 'Backspace'], edits: true, toolbar: true, run: ({ designs }) => designs.getState().deleteSelection() },
  { id: 'copy', label: 'Copy states', icon: '⧉', keys: ['Mod+c'], edits: false, run: ({ designs }) => designs.getState().copy() },
  { id: 'paste', label: 'Paste states', keys: ['Mod+v'], edits: true, run: ({ designs }) => designs.getState().paste() },
  {
    id: 'rename',
    label: 'Rename state',
    keys: ['F2'],
    edits: true,
    run: ({ designs }) => {
      const name = designs.getState().selection.states[0];
      if (name === undefined) return false;
      designs.getState().setRenaming(name);
      return true;
    },
  },
  {
    id: 'auto-layout',
    label: 'Auto layout',
    icon: '⊞',
    keys: ['Mod+Shift+l'],
    edits: true,
    toolbar: true,
    run: ({ autoLayout }) => {
      autoLayout();
      return true;
    },
  },
  {
    id: 'save',
    label: 'Save file',
    keys: ['Mod+s'],
    edits: false,
    inFields: true,
    toolbar: true,
    run: ({ save }) => {
      save();
      return true;
    },
  },
  {
    id: 'open',
    label: 'Open file',
    keys: ['Mod+o'],
    edits: false,
    inFields: true,
    toolbar: true,
    run: ({ openFile }) => {
      openFile();
      return true;
    },
  },
];

/** Whether a keyboard event is the key combination written as e.g. `Mod+Shift+z`. */
export function matchesKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>, combo: string): boolean {
  const parts = combo.split('+');
  const key = parts[parts.length - 1]!;
  const mod = parts.includes('Mod');
  const shift = parts.includes('Shift');
  if ((event.ctrlKey || event.metaKey) !== mod || event.shiftKey !== shift || event.altKey) return false;
  return event.key.toLowerCase() === key.toLowerCase();
}

/** The shortcut shown in a tooltip: `Ctrl+Z`. */
export function showKeys(command: Command): string {
  return command.keys.map((k) => k.replace('Mod', 'Ctrl').replace(/\+(\w)$/, (_, c: string) => `+${c.toUpperCase()}`)).join(' / ');
}
