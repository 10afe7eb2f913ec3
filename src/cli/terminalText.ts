/**
 * What reaches a terminal. A design that fails validation can hold anything, and error messages
 * quote it: control characters (ESC sequences set the title or clear the screen), C1 controls and
 * bidirectional overrides are shown as `\u{1b}` instead of being acted on. Line breaks and tabs
 * that the report itself writes are kept.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

export function terminalText(text: string): string {
  return text.replace(UNSAFE, (ch) => `\\u{${ch.codePointAt(0)!.toString(16)}}`);
}

/** JSON output, with the characters JSON.stringify leaves raw (C1 controls, bidi overrides, U+2028/9) escaped too: still valid JSON. */
export function terminalJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(UNSAFE, (ch) => `\\u${ch.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}
