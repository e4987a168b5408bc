import { parseCidr, type Cidr } from '../../../../model/cidr';
import { str, toNumber, toText, tuple, type EvalValue } from '../value';
import { defineFunction, fail, originsOfAll, type TerraformFunction } from './define';

const BITS = { 4: 32, 6: 128 } as const;

/** Only a written prefix counts: cidrsubnet("10.0.0.1", ...) is an error in Terraform. */
function readPrefix(value: EvalValue): Cidr | undefined {
  const text = toText(value);
  return text !== undefined && text.includes('/') ? parseCidr(text) : undefined;
}

function integerArg(value: EvalValue): bigint | undefined {
  const number = toNumber(value);
  return number !== undefined && Number.isSafeInteger(number) ? BigInt(number) : undefined;
}

/** An address as Go's net.IP prints it: dotted IPv4, IPv6 with its longest zero run as `::`. */
export function formatAddress(version: 4 | 6, address: bigint): string {
  if (version === 4) return [24n, 16n, 8n, 0n].map((shift) => String((address >> shift) & 0xffn)).join('.');
  const groups = Array.from({ length: 8 }, (_, i) => Number((address >> BigInt(112 - i * 16)) & 0xffffn));
  let best = { start: -1, length: 0 };
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let end = i;
    while (end < 8 && groups[end] === 0) end++;
    if (end - i > best.length) best = { start: i, length: end - i };
    i = end;
  }
  const hex = groups.map((group) => group.toString(16));
  if (best.length < 2) return hex.join(':');
  return `${hex.slice(0, best.start).join(':')}::${hex.slice(best.start + best.length).join(':')}`;
}

function subnet(base: Cidr, newBits: bigint, netNumber: bigint): string | undefined {
  const bits = BITS[base.version];
  const prefix = base.prefix + Number(newBits);
  if (newBits < 0n || prefix > bits || netNumber < 0n || netNumber >= 1n << newBits) return undefined;
  const address = base.network | (netNumber << BigInt(bits - prefix));
  return `${formatAddress(base.version, address)}/${prefix}`;
}

const cidrsubnet = defineFunction({
  name: 'cidrsubnet',
  arity: [3, 3],
  run: (args) => {
    const [base, newBits, netNumber] = [readPrefix(args[0]), integerArg(args[1]), integerArg(args[2])];
    const out = base && newBits !== undefined && netNumber !== undefined ? subnet(base, newBits, netNumber) : undefined;
    return out === undefined ? fail('cidrsubnet', 'the prefix cannot hold that subnet') : str(out, originsOfAll(args));
  },
});

const cidrhost = defineFunction({
  name: 'cidrhost',
  arity: [2, 2],
  run: (args) => {
    const [base, hostNumber] = [readPrefix(args[0]), integerArg(args[1])];
    if (!base || hostNumber === undefined) return fail('cidrhost', 'needs a prefix and a host number');
    const size = 1n << BigInt(BITS[base.version] - base.prefix);
    const offset = hostNumber < 0n ? size + hostNumber : hostNumber;
    if (offset < 0n || offset >= size) return fail('cidrhost', 'the host number is outside the prefix');
    return str(formatAddress(base.version, base.network + offset), originsOfAll(args));
  },
});

const cidrnetmask = defineFunction({
  name: 'cidrnetmask',
  arity: [1, 1],
  run: (args) => {
    const base = readPrefix(args[0]);
    if (!base || base.version !== 4) return fail('cidrnetmask', 'needs an IPv4 prefix');
    const mask = ((1n << 32n) - 1n) ^ ((1n << BigInt(32 - base.prefix)) - 1n);
    return str(formatAddress(4, mask), originsOfAll(args));
  },
});

/** Terraform's allocation: each subnet starts after the previous one, aligned to its own size. */
const cidrsubnets = defineFunction({
  name: 'cidrsubnets',
  arity: [1, Infinity],
  run: ([prefixValue, ...sizes]) => {
    const base = readPrefix(prefixValue);
    if (!base) return fail('cidrsubnets', 'needs a prefix');
    const bits = BigInt(BITS[base.version]);
    const end = base.network + (1n << (bits - BigInt(base.prefix)));
    let next = base.network;
    const out: EvalValue[] = [];
    const origins = originsOfAll([prefixValue, ...sizes]);
    for (const size of sizes) {
      const newBits = integerArg(size);
      if (newBits === undefined || newBits < 1n) return fail('cidrsubnets', 'every size must be a positive whole number');
      const prefix = BigInt(base.prefix) + newBits;
      if (prefix > bits) return fail('cidrsubnets', 'a subnet is longer than the address');
      const blockSize = 1n << (bits - prefix);
      const start = ((next + blockSize - 1n) / blockSize) * blockSize;
      if (start + blockSize > end) return fail('cidrsubnets', 'the subnets do not fit in the prefix');
      out.push(str(`${formatAddress(base.version, start)}/${prefix}`, origins));
      next = start + blockSize;
    }
    return tuple(out, origins);
  },
});

export const cidrFunctions: Readonly<Record<string, TerraformFunction>> = { cidrhost, cidrnetmask, cidrsubnet, cidrsubnets };
