import type { ByteSource } from './film-uploader.js';

/**
 * A file on disk as a ByteSource: parts are read when sent, so a 4 GB film never sits in memory. Node only;
 * `node:fs` is loaded when called, so that a browser bundle of this library never needs it.
 */
export async function fileSource(path: string): Promise<ByteSource & { close(): Promise<void> }> {
  const { open, stat } = await import('node:fs/promises');
  const { size } = await stat(path);
  const handle = await open(path, 'r');
  return {
    size,
    async read(start, end) {
      const buffer = Buffer.alloc(end - start);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, start);
      return buffer.subarray(0, bytesRead);
    },
    close: () => handle.close(),
  };
}
