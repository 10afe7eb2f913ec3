/** The DOM id of the control editing the value at a JSON Pointer (the error list focuses it). */
export function fieldId(path: string): string {
  return `field:${path}`;
}
