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

/** A target that does not translate sets and maps keyed by values (docs/format-v2.md §15): the vars named. */
export function setRefusal(setFeatures: readonly string[], target: string): ExportRefusal {
  return new ExportRefusal(`this design uses ${setFeatures.join(', ')}, which the ${target} export does not translate (docs/format-v2.md §15: the ts, xstate, harness, monitor and promela exports do)`);
}

/** A target that does not translate fail-stop roles and `down(i)` (docs/format-v2.md §16): the roles named. */
export function failStopRefusal(failStopFeatures: readonly string[], target: string): ExportRefusal {
  return new ExportRefusal(`this design uses ${failStopFeatures.join(', ')}, which the ${target} export does not translate (docs/format-v2.md §16: the ts, xstate, harness, monitor and promela exports do)`);
}

/** A target that does not translate nested maps (SCXML), or a nested map's several initial values (TypeScript), docs/format-v2.md §16: the vars named. */
export function nestedMapRefusal(nestedMaps: readonly string[], target: string): ExportRefusal {
  return new ExportRefusal(`this design uses ${nestedMaps.join(', ')}, which the ${target} export does not translate yet (docs/format-v2.md §16: the promela export does)`);
}
