import { useEffect } from 'react';
import { commands, matchesKey, type CommandContext } from './commands';

/** Runs the registry's commands from the keyboard, anywhere in the page outside dialogs. */
export function useCommandKeys(ctx: CommandContext): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const inField = isTextField(event.target);
      for (const command of commands) {
        if (!command.keys.some((k) => matchesKey(event, k))) continue;
        if (inField && !command.inFields) return;
        if (command.edits && ctx.readOnly) return;
        if (command.run(ctx)) event.preventDefault();
        return;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ctx]);
}

/** Whether a key goes to a text field (typed text, not a command). */
export function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type);
}
