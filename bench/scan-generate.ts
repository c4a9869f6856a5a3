import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** mulberry32: a small seeded PRNG, so every run scans the same bytes. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the of and to in is for on with as by at from that this be are was it an or order shipment delivered ' +
  'customer account invoice status pending refund warehouse quantity batch model training sample label ' +
  'note review approved rejected priority region north south east west update version release build'
).split(' ');
const FIRST = ['anna', 'ben', 'chloe', 'david', 'emma', 'farid', 'grace', 'hugo', 'ines', 'jon', 'kira', 'liam'];
const DOMAINS = ['mailbox.org', 'acme-corp.com', 'univ-lyon.fr', 'post.de', 'fastmail.co.uk', 'proton.me'];
const AREAS = ['212', '415', '617', '312', '206', '303', '512', '646'];

interface Pick {
  random: () => number;
  int(below: number): number;
  of<T>(items: readonly T[]): T;
  digits(count: number): string;
}

function picker(random: () => number): Pick {
  const int = (below: number): number => Math.floor(random() * below);
  return { random, int, of: (items) => items[int(items.length)]!, digits: (count) => Array.from({ length: count }, () => int(10)).join('') };
}

function luhnComplete(body: string): string {
  for (let check = 0; check < 10; check++) {
    const digits = body + check;
    let sum = 0;
    for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
      let digit = digits.charCodeAt(i) - 48;
      if (double && (digit *= 2) > 9) digit -= 9;
      sum += digit;
    }
    if (sum % 10 === 0) return digits;
  }
  return body + '0';
}

function ibanFor(country: string, bban: string): string {
  const rearranged = `${bban}${country}00`.replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
  let remainder = 0;
  for (const char of rearranged) remainder = (remainder * 10 + Number(char)) % 97;
  return `${country}${String(98 - remainder).padStart(2, '0')}${bban}`;
}

/** One PII value of each kind the benchmark plants, all valid (so the scanner does report them). */
function piiValue(p: Pick): string {
  switch (p.int(4)) {
    case 0:
      return `${p.of(FIRST)}.${p.of(FIRST)}${p.int(100)}@${p.of(DOMAINS)}`;
    case 1: {
      const card = luhnComplete(`4${p.digits(14)}`);
      return p.random() < 0.5 ? card : card.replace(/(\d{4})(?=\d)/g, '$1 ');
    }
    case 2:
      return `+1 ${p.of(AREAS)} ${2 + p.int(8)}${p.digits(2)} ${p.digits(4)}`;
    default:
      return p.random() < 0.5 ? ibanFor('DE', p.digits(18)) : ibanFor('GB', `WEST${p.digits(14)}`);
  }
}

function text(p: Pick, words: number): string {
  const parts: string[] = [];
  for (let i = 0; i < words; i++) parts.push(p.random() < 0.12 ? String(p.int(100000)) : p.of(WORDS));
  return parts.join(' ');
}

const timestamp = (p: Pick): string => `2024-${String(1 + p.int(12)).padStart(2, '0')}-${String(1 + p.int(28)).padStart(2, '0')}T${String(p.int(24)).padStart(2, '0')}:${String(p.int(60)).padStart(2, '0')}:00Z`;

/** Share of rows that carry one PII value: with rows of ~120 bytes and values of ~20, about 1% of the bytes. */
export const PII_ROW_SHARE = 0.05;

function csvRow(p: Pick, id: number): string {
  const note = text(p, 6 + p.int(8));
  const pii = p.random() < PII_ROW_SHARE ? piiValue(p) : '';
  return `${id},${timestamp(p)},${(p.random() * 1000).toFixed(2)},${p.int(50)},SKU-${p.digits(6)},"${note}",${pii}\n`;
}

function jsonRow(p: Pick, id: number): string {
  const pii = p.random() < PII_ROW_SHARE ? piiValue(p) : null;
  return `${JSON.stringify({ id, ts: timestamp(p), score: Number(p.random().toFixed(4)), tokens: p.int(4096), text: text(p, 8 + p.int(10)), contact: pii })}\n`;
}

/** Writes `bytes` (about) of CSV or JSONL rows, seeded: the same seed gives the same file. Returns rows and bytes written. */
export async function generateFile(path: string, format: 'csv' | 'jsonl', bytes: number, seed: number): Promise<{ rows: number; bytes: number }> {
  const p = picker(seededRandom(seed));
  const out = createWriteStream(path);
  let written = 0;
  let rows = 0;
  if (format === 'csv') {
    const header = 'id,created,amount,quantity,sku,note,contact\n';
    out.write(header);
    written += header.length;
  }
  while (written < bytes) {
    const lines: string[] = [];
    let size = 0;
    while (size < 1 << 20 && written + size < bytes) {
      const line = format === 'csv' ? csvRow(p, ++rows) : jsonRow(p, ++rows);
      lines.push(line);
      size += Buffer.byteLength(line);
    }
    written += size;
    if (!out.write(lines.join(''))) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { rows, bytes: written };
}
