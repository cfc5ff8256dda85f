import { lookup } from 'node:dns/promises';
import { isIPv6, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/** What a DNS lookup answers: every address of a name. */
export type Resolve = (hostname: string) => Promise<Array<{ address: string; family: number }>>;

/** The system resolver (getaddrinfo, as every other connection of the process uses), every address in its order. */
export const systemResolve: Resolve = (hostname) => lookup(hostname, { all: true, verbatim: true });

/**
 * The address as ipaddr.js should see it. IPv6 text goes through the WHATWG URL parser first, which writes every
 * address as eight hex pieces: ipaddr.js reads `::a.b.c.d` (the IPv4-compatible form, which Node's own resolver prints)
 * as the IPv4-mapped `::ffff:a.b.c.d`, and would judge it as the IPv4 address it is not.
 */
function parse(address: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  if (isIPv6(address)) {
    // Zones exist only on link-local and other scoped addresses, none of which is public.
    if (address.includes('%')) return undefined;
    return ipaddr.IPv6.parse(new URL(`http://[${address}]/`).hostname.slice(1, -1));
  }
  return ipaddr.IPv4.isValid(address) ? ipaddr.IPv4.parse(address) : undefined;
}

function ipv4Of(high: number, low: number): ipaddr.IPv4 {
  return new ipaddr.IPv4([high >> 8, high & 255, low >> 8, low & 255]);
}

/**
 * Why an address may not receive webhooks, or null when it may: only globally routable unicast is accepted. For IPv6
 * forms that carry an IPv4 address: an IPv4-mapped address is judged as that IPv4 address (the system connects to it
 * directly), and so is one in NAT64's well-known prefix `64:ff9b::/96` (DNS64 networks hand them out for every
 * IPv4-only host; the gateway connects to the IPv4 address). The other forms are refused whatever they carry, because
 * where they lead depends on a tunnel, relay or local translator: IPv4-compatible `::a.b.c.d` (deprecated), SIIT
 * `::ffff:0:a.b.c.d`, NAT64's local-use `64:ff9b:1::/48`, 6to4 `2002::/16` and Teredo `2001::/32` (whose client address
 * is obfuscated).
 */
export function addressRefusal(address: string): string | null {
  const parsed = parse(address);
  if (!parsed) return `${address || 'an empty address'} is not an IP address`;
  if (parsed.kind() === 'ipv4') {
    const range = parsed.range();
    return range === 'unicast' ? null : `${parsed.toString()} is ${range}`;
  }
  const ipv6 = parsed as ipaddr.IPv6;
  const parts = ipv6.parts as [number, number, number, number, number, number, number, number];
  const carried = ipv4Of(parts[6], parts[7]);
  const judgedAsIpv4 = (form: string) => {
    const refusal = addressRefusal(carried.toString());
    return refusal && `${ipv6.toString()} is the ${form} form of ${carried.toString()}, which is ${carried.range()}`;
  };
  const range = ipv6.range();
  if (range === 'ipv4Mapped') return judgedAsIpv4('IPv4-mapped');
  if (parts[0] === 0x64 && parts[1] === 0xff9b && parts.slice(2, 6).every((part) => part === 0)) {
    return judgedAsIpv4('NAT64');
  }
  if (parts.slice(0, 6).every((part) => part === 0)) {
    return parts[6] === 0 && parts[7] <= 1
      ? `${ipv6.toString()} is ${range}`
      : `${ipv6.toString()} is the deprecated IPv4-compatible form of ${carried.toString()}`;
  }
  if (range === '6to4') return `${ipv6.toString()} is a 6to4 address (of ${ipv4Of(parts[1], parts[2]).toString()})`;
  if (range === 'teredo') return `${ipv6.toString()} is a Teredo address`;
  if (range === 'rfc6052') return `${ipv6.toString()} is in NAT64's local-use prefix`;
  if (range === 'rfc6145') return `${ipv6.toString()} is an IPv4-translated (SIIT) address of ${carried.toString()}`;
  return range === 'unicast' ? null : `${ipv6.toString()} is ${range}`;
}

/** Whether an address may receive webhooks: only globally routable unicast (see `addressRefusal`). */
export function isPublicAddress(address: string): boolean {
  return addressRefusal(address) === null;
}

/** Why a webhook URL is refused, or null when it is acceptable as written (before DNS). */
export function urlProblem(url: string, allowPrivateNetworks: boolean): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'The webhook url is not a valid URL.';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return 'The webhook url must be http:// or https://.';
  if (parsed.username || parsed.password) return 'The webhook url must not carry credentials.';
  if (allowPrivateNetworks) return null;
  // The URL parser has already written the host canonically: `0x7f000001` and `127.1` as 127.0.0.1, IPv6 in brackets.
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  if (ipaddr.isValid(host)) {
    const refusal = addressRefusal(host);
    return refusal ? `The webhook url points at a private or reserved address (${refusal}).` : null;
  }
  if (host === 'localhost' || host.endsWith('.localhost')) return 'The webhook url points at localhost.';
  return null;
}

/** The error a connection fails with when its host resolves to an address webhooks may not reach. */
export class AddressRefusedError extends Error {
  readonly code = 'WEBHOOK_ADDRESS_REFUSED';
}

/**
 * The `lookup` of a webhook connection: resolves the host and refuses the connection unless every address it resolves
 * to is public (or private networks are allowed). The check and the connection use the same answer, so a name that
 * resolves to a public address when checked and to a private one when connecting (DNS rebinding) cannot slip through.
 */
export function checkedLookup(resolve: Resolve, allowPrivateNetworks: boolean): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (answers) => {
        const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
        const candidates =
          family === 4 || family === 6 ? answers.filter((answer) => answer.family === family) : answers;
        const refusal = allowPrivateNetworks
          ? null
          : candidates.map(({ address }) => addressRefusal(address)).find((reason) => reason !== null);
        if (refusal) {
          callback(new AddressRefusedError(`${hostname} resolves to a private or reserved address (${refusal}).`), '');
        } else if (candidates.length === 0) {
          const error: NodeJS.ErrnoException = new Error(`${hostname} has no address of the wanted family.`);
          error.code = 'ENOTFOUND';
          callback(error, '');
        } else if (options.all) {
          callback(null, candidates);
        } else {
          callback(null, candidates[0]!.address, candidates[0]!.family);
        }
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    );
  };
}
