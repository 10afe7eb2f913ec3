import { createReadStream } from 'node:fs';

/**
 * Reads a log (a file, or standard input for `-`) line by line, streamed: memory does not grow
 * with the log. `onLine` gets each line without its line ending; `flush` runs after every chunk,
 * so a live log piped in shows its reports as they come.
 */
export async function forEachLogLine(file: string, onLine: (text: string) => void | Promise<void>, flush: () => void): Promise<void> {
  // Large reads: fewer chunks, fewer trips through the event loop.
  const input = file === '-' ? process.stdin : createReadStream(file, { highWaterMark: 1 << 20 });
  // Lines split by hand from each chunk: readline's iterator costs a promise per line.
  let rest = '';
  input.setEncoding('utf8');
  for await (const chunk of input as AsyncIterable<string>) {
    let start = 0;
    for (let end = chunk.indexOf('\n'); end >= 0; end = chunk.indexOf('\n', start)) {
      const piece = chunk.slice(start, end);
      const line = stripCr(rest === '' ? piece : rest + piece);
      rest = '';
      start = end + 1;
      const waited = onLine(line);
      if (waited !== undefined) await waited;
    }
    rest += chunk.slice(start);
    flush();
  }
  if (rest !== '') {
    const waited = onLine(stripCr(rest));
    if (waited !== undefined) await waited;
  }
  flush();
}

/** Log text as the terminal may show it: control characters (escape sequences included) as \\uXXXX. */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex -- escaping control characters is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
