/** A design a target cannot express (SCXML: guards that read other instances; Promela: values beyond 32 bits), with the sentence saying why. */
export class ExportRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportRefusal';
  }
}
