import type { ExportFeatureKind } from '../../model/v2/exportFeatures';
import type { ModelV2 } from '../../model/v2/model';
import type { TargetV2 } from './targets';

/** A design a target cannot express (SCXML: guards that read other instances; Promela: values beyond 32 bits), with the sentence saying why. */
export class ExportRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportRefusal';
  }
}

/** Exports translate quantifiers over instances only; one over the messages in the pool (format-v2 §5) is refused by name. */
export function poolQuantifierRefusal(kind: string): ExportRefusal {
  return new ExportRefusal(`An expression quantifies over the ${kind} messages in the pool (forall m in ${kind}: …), which exports cannot express yet; check the design in the studio or with the command line.`);
}

/** How a refusal names a target. */
const TARGET_NAMES: Record<TargetV2, string> = { ts: 'TypeScript', xstate: 'XState', mermaid: 'Mermaid', scxml: 'SCXML', promela: 'Promela', harness: 'harness', monitor: 'monitor', json: 'JSON' };

/** The targets that generate code, in the order a refusal lists those that translate a feature. */
const CODE_TARGETS: readonly TargetV2[] = ['ts', 'xstate', 'harness', 'monitor', 'promela', 'scxml'];

/**
 * The one statement of which targets translate each kind of feature (docs/format-v2.md §15, §16),
 * and where the reference says so. `xstate`, `harness` and `monitor` run the TypeScript modules,
 * so they refuse what `ts` refuses.
 */
export const TRANSLATED_BY: Record<ExportFeatureKind, { readonly targets: readonly TargetV2[]; readonly section: string }> = {
  tla: { targets: ['mermaid', 'json'], section: '§16' },
  set: { targets: ['ts', 'xstate', 'harness', 'monitor', 'promela', 'mermaid', 'json'], section: '§15' },
  failStop: { targets: ['ts', 'xstate', 'harness', 'monitor', 'promela', 'mermaid', 'json'], section: '§16' },
  nestedMap: { targets: ['ts', 'xstate', 'harness', 'monitor', 'promela', 'mermaid', 'json'], section: '§16' },
  nestedMapInitials: { targets: ['promela', 'mermaid', 'json'], section: '§16' },
  instanceNumbers: { targets: ['ts', 'xstate', 'harness', 'monitor', 'promela', 'mermaid', 'json'], section: '§16' },
};

/**
 * What in this design the target cannot express, as one sentence naming each var, role or key
 * and the targets that do translate all of them; null when the target translates everything.
 */
export function untranslatedRefusal(model: Pick<ModelV2, 'exportFeatures'>, target: TargetV2): ExportRefusal | null {
  const refused = model.exportFeatures.filter((f) => !TRANSLATED_BY[f.kind].targets.includes(target));
  if (refused.length === 0) return null;
  const kinds = [...new Set(refused.map((f) => f.kind))];
  const sections = [...new Set(kinds.map((k) => TRANSLATED_BY[k].section))].sort().join(', ');
  const others = CODE_TARGETS.filter((t) => kinds.every((k) => TRANSLATED_BY[k].targets.includes(t)));
  const who = others.length === 0 ? 'only the mermaid and json exports do' : others.length === 1 ? `the ${others[0]} export does` : `the ${others.slice(0, -1).join(', ')} and ${others.at(-1)} exports do`;
  return new ExportRefusal(`this design uses ${refused.map((f) => f.what).join(', ')}, which the ${TARGET_NAMES[target]} export does not translate (docs/format-v2.md ${sections}: ${who})`);
}

/** Throws `untranslatedRefusal`'s sentence, if any: every exporter's entry asks this first. */
export function refuseUntranslated(model: Pick<ModelV2, 'exportFeatures'>, target: TargetV2): void {
  const refusal = untranslatedRefusal(model, target);
  if (refusal) throw refusal;
}
