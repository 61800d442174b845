/**
 * Just enough IPv4 CIDR arithmetic to check a network before synth: parse, size and overlap.
 * Addresses are held as unsigned 32-bit numbers.
 */

export interface Cidr {
  /** First address of the block. */
  readonly base: number;
  readonly prefix: number;
}

/** Why a string is not a usable CIDR block, or the parsed block. */
export type CidrParse =
  { readonly ok: true; readonly cidr: Cidr } | { readonly ok: false; readonly reason: string };

export function parseCidr(text: string): CidrParse {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text.trim());
  if (!match) return { ok: false, reason: `'${text}' is not an IPv4 CIDR block like '10.0.0.0/16'` };
  const octets = match.slice(1, 5).map(Number);
  if (octets.some((octet) => octet > 255)) return { ok: false, reason: `'${text}' has an octet above 255` };
  const prefix = Number(match[5]);
  if (prefix > 32) return { ok: false, reason: `'${text}' has a prefix above /32` };
  const address = octets.reduce((sum, octet) => sum * 256 + octet, 0);
  const base = address - (address % blockSize(prefix));
  if (base !== address) {
    return {
      ok: false,
      reason: `'${text}' has host bits set; the block starts at ${formatCidr({ base, prefix })}`,
    };
  }
  return { ok: true, cidr: { base, prefix } };
}

/** Number of addresses in a block with this prefix. */
export function blockSize(prefix: number): number {
  return 2 ** (32 - prefix);
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  return a.base < b.base + blockSize(b.prefix) && b.base < a.base + blockSize(a.prefix);
}

export function formatCidr(cidr: Cidr): string {
  const octets = [24, 16, 8, 0].map((shift) => Math.floor(cidr.base / 2 ** shift) % 256);
  return `${octets.join('.')}/${cidr.prefix}`;
}
