import type { NetworkJson } from '../../../model/v2/schema';
import { useDesignStateV2, useDesignV2 } from '../../../store/v2/useDesignV2';
import { CheckboxField } from '../../fields/CheckboxField';
import { NumberField } from '../../fields/NumberField';
import { choicesOf, SelectField } from '../../fields/SelectField';
import { BoundCheckbox, BoundNumber, BoundText } from './bound';

const NETWORK_LABELS = { capacity: 'Channel capacity', drop: 'Drops allowed', duplicate: 'Duplicates allowed' } as const;
import { InvariantList } from './InvariantList';

/** The design as a whole: name, description, design invariants (they read the whole system). */
export function DesignForm({ readOnly }: { readOnly: boolean }) {
  const design = useDesignV2();
  return (
    <section className="panel" aria-label="Design">
      <BoundText label="Design name" path="/name" readOnly={readOnly} />
      <BoundText label="Design description" path="/description" readOnly={readOnly} optional multiline />
      <fieldset className="list-editor">
        <legend>Design invariants (name an instance or quantify: forall r in RM: …)</legend>
        <InvariantList path="/invariants" items={design.invariants ?? []} readOnly={readOnly} label="Design invariant" />
      </fieldset>
    </section>
  );
}

/** The network model (channels or the message pool), its faults, the crash budget, deadlock. */
export function EnvironmentForm({ readOnly }: { readOnly: boolean }) {
  const design = useDesignV2();
  const network = design.environment?.network;
  const pool = network?.model === 'pool';
  const n = '/environment/network';
  const apply = useDesignStateV2((s) => s.apply);
  // Every network key is written with its model, which the format requires.
  const setNetwork = (next: NetworkJson) => apply({ type: 'set', path: n, value: next }, { merge: n });
  return (
    <section className="panel" aria-label="Environment">
      <SelectField
        label="Network model"
        path={`${n}/model`}
        value={network?.model ?? 'channels'}
        choices={choicesOf(['channels', 'pool'])}
        disabled={readOnly}
        // The pool has no capacity and no faults: switching to it drops them with the model change.
        onChange={(model) => setNetwork(model === 'pool' ? { model: 'pool' } : { ...network, model: 'channels' })}
      />
      <p className="hint">{pool ? 'Pool: every message ever sent stays and may be received again and again (TLA+’s msgs).' : 'Channels: one FIFO channel per pair of instances; a send to a full channel is a violation.'}</p>
      {!pool && (
        <>
          {(['capacity', 'drop', 'duplicate'] as const).map((key) => (
            <NumberField key={key} label={NETWORK_LABELS[key]} path={`${n}/${key}`} value={network?.[key]} readOnly={readOnly} placeholder={key === 'capacity' ? '2 (default)' : '0'} onChange={(v) => setNetwork({ model: 'channels', ...network, [key]: v })} />
          ))}
          <CheckboxField label="Reorder (a receive may take any message of a channel)" path={`${n}/reorder`} checked={network?.reorder === true} disabled={readOnly} onChange={(v) => setNetwork({ model: 'channels', ...network, reorder: v || undefined })} />
        </>
      )}
      <BoundNumber label="Crash budget (all instances together)" path="/environment/crashes" readOnly={readOnly} placeholder="0" />
      <BoundCheckbox label="Check deadlock (roles with final states)" path="/environment/checks/deadlock" readOnly={readOnly} defaultValue />
    </section>
  );
}
