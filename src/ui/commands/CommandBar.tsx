import { commands, showKeys, type CommandContext } from './commands';

/** The toolbar: the registry's toolbar commands as buttons. */
export function CommandBar({ ctx }: { ctx: CommandContext }) {
  return (
    <div className="command-bar" role="toolbar" aria-label="Design tools">
      {commands
        .filter((c) => c.toolbar)
        .map((c) => {
          const keys = showKeys(c);
          return (
            <button key={c.id} type="button" aria-label={c.label} title={keys ? `${c.label} (${keys})` : c.label} disabled={c.edits && ctx.readOnly} onClick={() => c.run(ctx)}>
              {c.icon && <span aria-hidden="true">{c.icon} </span>}
              <span className="command-bar__label">{c.label}</span>
            </button>
          );
        })}
    </div>
  );
}
