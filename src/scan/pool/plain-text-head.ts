import { open } from 'node:fs/promises';
import { BINARY_SNIFF_BYTES } from '../read/sniff-binary.js';

/** True when a file starts as plain text: not gzip (its magic bytes) and no NUL byte where `sniffBinary` looks. */
export async function isPlainTextHead(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(BINARY_SNIFF_BYTES);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const bytes = head.subarray(0, bytesRead);
    return !(bytes[0] === 0x1f && bytes[1] === 0x8b) && !bytes.includes(0);
  } finally {
    await handle.close();
  }
}
