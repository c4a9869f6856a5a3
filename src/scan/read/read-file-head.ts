import { open } from 'node:fs/promises';

/**
 * At most the first `maxBytes + 1` bytes of a file: a config or allow-list file is read whole only when it
 * is within its limit, and the one byte more tells one past it, however large the file is.
 */
export async function readFileHead(path: string, maxBytes: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(maxBytes + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
