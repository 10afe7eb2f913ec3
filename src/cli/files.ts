import { constants } from 'node:fs';
import { open, stat, writeFile } from 'node:fs/promises';
import { LIMITS } from '../model/limits';
import { decodeUtf8 } from '../model/utf8';

export type ReadText = { ok: true; text: string } | { ok: false; message: string };

/**
 * Reads a file's text with a bound: a path that is not a regular file (a FIFO, a device such as
 * /dev/zero, a directory) is refused before it is opened for reading, at most `limit + 1` bytes
 * are ever read, and invalid UTF-8 is refused with the offset of the first bad byte.
 */
export async function readBoundedText(file: string, limit: number = LIMITS.fileBytes): Promise<ReadText> {
  try {
    const info = await stat(file);
    if (!info.isFile()) return { ok: false, message: `${file} is ${kindOf(info)}, not a regular file; give the path of a design file.` };
    // O_NONBLOCK: if the path was swapped for a FIFO after the stat, opening it must not hang.
    const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const again = await handle.stat();
      if (!again.isFile()) return { ok: false, message: `${file} is ${kindOf(again)}, not a regular file; give the path of a design file.` };
      const buffer = Buffer.alloc(Math.min(limit + 1, again.size + 1));
      let length = 0;
      while (length < buffer.length) {
        const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
        if (bytesRead === 0) break;
        length += bytesRead;
      }
      if (length > limit) return { ok: false, message: `${file} is larger than ${limit} bytes, the most a design file may have.` };
      const decoded = decodeUtf8(buffer.subarray(0, length));
      if (!decoded.ok) return { ok: false, message: `${file} is not UTF-8 text: the byte at offset ${decoded.offset} starts an invalid sequence.` };
      return decoded;
    } finally {
      await handle.close();
    }
  } catch (error) {
    return { ok: false, message: `Cannot read ${file} (${errorCode(error)}); check the path and permissions.` };
  }
}

/** Writes `text` to `file`, or says in one sentence why it cannot be written. */
export async function writeOutputFile(file: string, text: string): Promise<string | null> {
  try {
    await writeFile(file, text);
    return null;
  } catch (error) {
    const code = errorCode(error);
    const why =
      code === 'ENOENT' ? 'its folder does not exist' : code === 'ENOTDIR' ? 'a part of its path is not a folder' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : code;
    return `Cannot write ${file} (${why}); give a path in an existing folder.`;
  }
}

function kindOf(info: { isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

function errorCode(error: unknown): string {
  return error instanceof Error && 'code' in error ? String((error as NodeJS.ErrnoException).code) : String(error);
}
