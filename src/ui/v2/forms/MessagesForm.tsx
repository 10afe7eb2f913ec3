import type { MessageJson } from '../../../model/v2/schema';
import { nextName } from '../../../store/v2/designEditsV2';
import { useDesignV2 } from '../../../store/v2/useDesignV2';
import { choicesOf } from '../../fields/SelectField';
import { BoundSelect, BoundText } from './bound';
import { ListOf } from './ListOf';
import { NameField } from './NameField';
import { PayloadFields } from './PayloadFields';

/** The message kinds roles exchange: from one role to one role, with typed payload fields. */
export function MessagesForm({ readOnly }: { readOnly: boolean }) {
  const design = useDesignV2();
  const roles = design.roles.map((r) => r.name);
  const messages = design.messages ?? [];
  return (
    <section className="panel" aria-label="Message kinds">
      <ListOf
        path="/messages"
        items={messages}
        noun="message kind"
        readOnly={readOnly}
        hint="No message kinds yet. A kind goes from the instances of one role to the instances of one role; to answer, declare a second kind."
        legend={(m, i) => (m.name ? `${m.name}: ${m.from} → ${m.to}` : `message ${i + 1}`)}
        make={(): MessageJson => ({ name: nextName('Msg', messages.map((m) => m.name)), from: roles[0] ?? '', to: roles[1] ?? roles[0] ?? '' })}
        render={(m, p, i) => (
          <>
            <NameField label={`Message ${i + 1} name`} path={`${p}/name`} value={m.name} readOnly={readOnly} rename={(name) => ({ type: 'renameMessage', message: i, name })} />
            <div className="field-row">
              <BoundSelect label={`Message ${m.name} from`} path={`${p}/from`} readOnly={readOnly} choices={choicesOf(roles)} />
              <BoundSelect label={`Message ${m.name} to`} path={`${p}/to`} readOnly={readOnly} choices={choicesOf(roles)} />
            </div>
            <PayloadFields path={`${p}/payload`} owner={{ message: i }} fields={m.payload ?? []} roles={roles} readOnly={readOnly} label={`Message ${m.name}`} />
            <BoundText label={`Message ${m.name} description`} path={`${p}/description`} readOnly={readOnly} optional />
          </>
        )}
      />
    </section>
  );
}
