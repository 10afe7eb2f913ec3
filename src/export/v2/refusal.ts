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
