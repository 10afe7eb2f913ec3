import type { ModelV2, NetworkV2, RoleV2 } from './model';

/**
 * The kinds of feature some export targets do not translate (docs/format-v2.md §15, §16). Which
 * target translates which kind is stated once, in `src/export/v2/refusal.ts`.
 * - `tla`: keys written for reproducing TLA+ specifications (§17): only Mermaid and JSON.
 * - `set`: sets and maps keyed by values (§2, §5).
 * - `failStop`: fail-stop roles and `down(i)` (§7, §5).
 * - `nestedMap`: a nested map (§2) with one initial value.
 * - `nestedMapInitials`: a nested map listing several initial values (the TypeScript targets
 *   would need a start per entry at every level).
 * - `instanceNumbers`: expressions that number instances (`index(i)`, `RM[e]`, §5).
 */
export type ExportFeatureKind = 'tla' | 'set' | 'failStop' | 'nestedMap' | 'nestedMapInitials' | 'instanceNumbers';

/** One such feature of a design, in words that name the var, role or key (`the var A.votes (a set)`). */
export interface ExportFeatureV2 {
  readonly kind: ExportFeatureKind;
  readonly what: string;
}

/** What the compiled design uses beyond its roles' vars: the network's keys, sends, and what its expressions use (as the compiler reports it). */
export interface DesignUses {
  readonly network: Pick<NetworkV2, 'lossy' | 'blockWhenFull' | 'waitUnexpected'>;
  /** Some message kind travels in the network model `"set"`. */
  readonly consumed: boolean;
  readonly instanceArithmetic: boolean;
  readonly setExpressions: boolean;
  readonly readsDown: boolean;
}

/** Every feature of the design some target does not translate, in the order the sentences list them. */
export function exportFeatures(roles: readonly RoleV2[], uses: DesignUses): ExportFeatureV2[] {
  const { network } = uses;
  const of = (kind: ExportFeatureKind, whats: readonly string[]): ExportFeatureV2[] => whats.map((what) => ({ kind, what }));
  return [
    ...of('tla', [
      ...(uses.consumed ? ['the network model "set"'] : []),
      ...(network.lossy ? ['a lossy network'] : []),
      ...(network.blockWhenFull ? ['"whenFull": "block"'] : []),
      ...(network.waitUnexpected ? ['"unexpected": "wait"'] : []),
    ]),
    ...of('instanceNumbers', uses.instanceArithmetic ? ['instance numbers in expressions (index(i), RM[e])'] : []),
    ...roles.flatMap((r) =>
      r.vars
        .filter((v) => v.inner.length > 0)
        .map((v) => (v.initials.length > 1 ? { kind: 'nestedMapInitials' as const, what: `the var ${r.name}.${v.name} (a nested map with several initial values)` } : { kind: 'nestedMap' as const, what: `the var ${r.name}.${v.name} (a nested map)` })),
    ),
    ...of('failStop', [...roles.filter((r) => r.stops).map((r) => `the role ${r.name}'s "afterCrash": "stop" (crashed instances that never restart)`), ...(uses.readsDown ? ['down(i) in expressions'] : [])]),
    ...of('set', [
      ...roles.flatMap((r) => r.vars.filter((v) => v.type.kind === 'set' || (v.keys !== null && v.mapOf < 0)).map((v) => `the var ${r.name}.${v.name} (${v.keys === null ? 'a set' : v.mapOf < 0 ? 'a map not keyed by a role' : 'a map to sets'})`)),
      ...(uses.setExpressions ? ['set expressions ({…}, in, card)'] : []),
    ]),
  ];
}

/** The words of a design's features of the given kinds (all kinds when none is given). */
export function featureTexts(model: Pick<ModelV2, 'exportFeatures'>, ...kinds: ExportFeatureKind[]): string[] {
  return model.exportFeatures.filter((f) => kinds.length === 0 || kinds.includes(f.kind)).map((f) => f.what);
}

/** Whether the design uses a feature of one of the kinds. */
export function usesFeature(model: Pick<ModelV2, 'exportFeatures'>, ...kinds: ExportFeatureKind[]): boolean {
  return model.exportFeatures.some((f) => kinds.includes(f.kind));
}
