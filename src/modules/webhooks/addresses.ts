import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

/**
 * Whether an address may receive webhooks: only globally routable unicast. Private, loopback, link-local,
 * unique-local, carrier-grade NAT, multicast, unspecified, broadcast and every other reserved range are refused;
 * IPv4-mapped IPv6 addresses are judged as the IPv4 address they carry.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === 'unicast';
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
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  if (ipaddr.isValid(host)) {
    return isPublicAddress(host) ? null : `The webhook url points at a private or reserved address (${host}).`;
  }
  if (host === 'localhost' || host.endsWith('.localhost')) return 'The webhook url points at localhost.';
  return null;
}

/**
 * Resolves the URL's host and answers why delivery is refused, or null: every address it resolves to must be
 * public (unless private networks are allowed).
 */
export async function resolvedUrlProblem(url: string, allowPrivateNetworks: boolean): Promise<string | null> {
  const written = urlProblem(url, allowPrivateNetworks);
  if (written || allowPrivateNetworks) return written;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (ipaddr.isValid(host)) return null;
  let addresses: Array<{ address: string }>;
  try {
    addresses = await lookup(host, { all: true });
  } catch (error) {
    return `DNS lookup of ${host} failed: ${(error as Error).message}`;
  }
  const refused = addresses.find(({ address }) => !isPublicAddress(address));
  return refused ? `${host} resolves to a private or reserved address (${refused.address}).` : null;
}
