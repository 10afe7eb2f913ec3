import type { EnvironmentJson } from '../../model/schema';
import { useDesign, useDesignState } from '../../store/useDesign';
import { CheckboxField } from '../fields/CheckboxField';
import { NumberField } from '../fields/NumberField';
import { ElementErrors } from '../inspector/ElementErrors';

/** The hostile world: how many requests, what the network may do, how often the machine crashes. */
export function EnvironmentPanel({ readOnly }: { readOnly: boolean }) {
  const design = useDesign();
  const apply = useDesignState((s) => s.apply);
  const env = design.environment ?? {};
  const set = (next: EnvironmentJson) => apply({ type: 'setEnvironment', environment: clean(next) });
  const network = env.network ?? {};
  const checks = env.checks ?? {};
  return (
    <section className="panel" aria-label="Environment">
      <ElementErrors path="/environment" />
      <NumberField label="Client requests" path="/environment/requests" value={env.requests} placeholder="1" readOnly={readOnly} onChange={(requests) => set({ ...env, requests })} />
      <fieldset className="list-editor">
        <legend>Network</legend>
        <NumberField label="Drops" path="/environment/network/drop" value={network.drop} placeholder="0" readOnly={readOnly} onChange={(drop) => set({ ...env, network: { ...network, drop } })} />
        <NumberField label="Duplicates" path="/environment/network/duplicate" value={network.duplicate} placeholder="0" readOnly={readOnly} onChange={(duplicate) => set({ ...env, network: { ...network, duplicate } })} />
        <CheckboxField label="Reorder messages" path="/environment/network/reorder" checked={network.reorder === true} disabled={readOnly} onChange={(reorder) => set({ ...env, network: { ...network, reorder: reorder || undefined } })} />
      </fieldset>
      <NumberField label="Crashes" path="/environment/crashes" value={env.crashes} placeholder="0" readOnly={readOnly} onChange={(crashes) => set({ ...env, crashes })} />
      <fieldset className="list-editor">
        <legend>Checks</legend>
        <CheckboxField label="Deadlock check" path="/environment/checks/deadlock" checked={checks.deadlock !== false} disabled={readOnly} onChange={(v) => set({ ...env, checks: { ...checks, deadlock: v ? undefined : false } })} />
        <CheckboxField label="Replay check" path="/environment/checks/replay" checked={checks.replay !== false} disabled={readOnly} onChange={(v) => set({ ...env, checks: { ...checks, replay: v ? undefined : false } })} />
      </fieldset>
    </section>
  );
}

/** Drops absent values and empty groups, so defaults stay implicit in the saved file. */
function clean(env: EnvironmentJson): EnvironmentJson | undefined {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) continue;
    if (typeof v === 'object' && v !== null) {
      const inner = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined));
      if (Object.keys(inner).length) out[k] = inner;
    } else out[k] = v;
  }
  return Object.keys(out).length ? (out as EnvironmentJson) : undefined;
}
