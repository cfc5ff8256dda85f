import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkedLookup, isPublicAddress, urlProblem, type Resolve } from './addresses.js';

/** IPv4 ranges that must never receive webhooks, as [first octets, prefix length]. */
const NON_PUBLIC_IPV4: Array<[number[], number]> = [
  [[0], 8],
  [[10], 8],
  [[100, 64], 10],
  [[127], 8],
  [[169, 254], 16],
  [[172, 16], 12],
  [[192, 0, 0], 24],
  [[192, 0, 2], 24],
  [[192, 31, 196], 24],
  [[192, 52, 193], 24],
  [[192, 88, 99], 24],
  [[192, 175, 48], 24],
  [[192, 168], 16],
  [[198, 18], 15],
  [[198, 51, 100], 24],
  [[203, 0, 113], 24],
  [[224], 4],
  [[240], 4],
];

const toValue = (octets: number[]) => octets.reduce((sum, octet) => sum * 256 + octet, 0);
const inRange = (octets: number[], [start, prefix]: [number[], number]) => {
  const mask = 2 ** (32 - prefix);
  return Math.floor(toValue(octets) / mask) === Math.floor(toValue([0, 1, 2, 3].map((i) => start[i] ?? 0)) / mask);
};
const octets = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((tuple) => [...tuple]);

/** A random address inside one of the ranges above. */
const nonPublicIpv4 = fc.tuple(fc.constantFrom(...NON_PUBLIC_IPV4), octets).map(([[start, prefix], random]) => {
  const kept = Math.floor(toValue(random) % 2 ** (32 - prefix));
  const value = Math.floor(toValue([0, 1, 2, 3].map((i) => start[i] ?? 0)) / 2 ** (32 - prefix)) * 2 ** (32 - prefix);
  const address = value + kept;
  return [
    Math.floor(address / 2 ** 24),
    Math.floor(address / 2 ** 16) % 256,
    Math.floor(address / 256) % 256,
    address % 256,
  ];
});

/** A random address outside every range above: globally routable. */
const publicIpv4 = octets.filter((candidate) => !NON_PUBLIC_IPV4.some((range) => inRange(candidate, range)));

const hex = (high: number, low: number) => ((high << 8) | low).toString(16);
const dotted = (octets: number[]) => octets.join('.');

/** Pieces with their longest run of two or more zero pieces written as '::'. */
function compress(pieces: string[]): string {
  let best = { start: -1, length: 1 };
  for (let start = 0; start < pieces.length; start += 1) {
    let length = 0;
    while (pieces[start + length] === '0') length += 1;
    if (length > best.length) best = { start, length };
  }
  if (best.start === -1) return pieces.join(':');
  return `${pieces.slice(0, best.start).join(':')}::${pieces.slice(best.start + best.length).join(':')}`;
}

/** Every way to write an IPv6 address whose last 32 bits are the IPv4 address, behind `prefix` (six 16-bit pieces). */
function spellings(prefix: number[], octets: number[]): string[] {
  const [a, b, c, d] = octets as [number, number, number, number];
  const head = prefix.map((piece) => piece.toString(16));
  const full = [...head, hex(a, b), hex(c, d)];
  return [
    full.join(':'),
    full.map((piece) => piece.padStart(4, '0')).join(':'),
    compress(full),
    compress(full).toUpperCase(),
    `${head.join(':')}:${dotted(octets)}`,
    compress([...head, 'v4', 'v4']).replace('v4:v4', dotted(octets)),
  ];
}

/** The IPv6 forms that carry an IPv4 address, each in every spelling. */
const embeddings = {
  compatible: (octets: number[]) => spellings([0, 0, 0, 0, 0, 0], octets),
  mapped: (octets: number[]) => spellings([0, 0, 0, 0, 0, 0xffff], octets),
  translated: (octets: number[]) => spellings([0, 0, 0, 0, 0xffff, 0], octets),
  nat64: (octets: number[]) => spellings([0x64, 0xff9b, 0, 0, 0, 0], octets),
  // The local-use prefix is a /48: the address sits in bits 48-63 and 72-87, around a zero octet.
  nat64Local: (octets: number[]) => [
    `64:ff9b:1:${hex(octets[0]!, octets[1]!)}:${octets[2]!.toString(16)}:${(octets[3]! << 8).toString(16)}::`,
  ],
  sixToFour: (octets: number[]) => [
    `2002:${hex(octets[0]!, octets[1]!)}:${hex(octets[2]!, octets[3]!)}::1`,
    `2002:${hex(octets[0]!, octets[1]!)}:${hex(octets[2]!, octets[3]!)}:1::${dotted(octets)}`,
  ],
  // Teredo carries the client's address inverted, bit by bit.
  teredo: (octets: number[]) => [
    `2001:0:4136:e378:8000:63bf:${hex(255 - octets[0]!, 255 - octets[1]!)}:${hex(255 - octets[2]!, 255 - octets[3]!)}`,
  ],
};

describe('webhook address checks', () => {
  it('refuses private, loopback, link-local, unique-local, CGNAT, multicast and unspecified addresses', () => {
    for (const address of [
      '10.0.0.1',
      '172.16.5.4',
      '192.168.1.1',
      '127.0.0.1',
      '127.1',
      '169.254.169.254',
      '100.64.0.1',
      '224.0.0.1',
      '0.0.0.0',
      '255.255.255.255',
      '::1',
      '::',
      'fe80::1',
      'fe80::1%eth0',
      'fc00::1',
      'fd12:3456::1',
      'ff02::1',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
      'not an address',
      '',
    ]) {
      assert.equal(isPublicAddress(address), false, address);
    }
    for (const address of ['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '2a00:1450:4001:82a::200e']) {
      assert.equal(isPublicAddress(address), true, address);
    }
  });

  it('refuses the IPv6 forms that embed a private IPv4 address, in every spelling', () => {
    for (const address of [
      '::127.0.0.1',
      '::7f00:1',
      '0:0:0:0:0:0:7f00:1',
      '0000:0000:0000:0000:0000:0000:7f00:0001',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '::FFFF:7F00:1',
      '0:0:0:0:0:ffff:127.0.0.1',
      '0000:0000:0000:0000:0000:ffff:7f00:0001',
      '::ffff:0:7f00:1',
      '::ffff:0:10.0.0.1',
      '64:ff9b::127.0.0.1',
      '64:ff9b::a9fe:a9fe',
      '64:ff9b:1::a00:1',
      '64:ff9b:1:c0a8:101::',
      '2002:7f00:1::1',
      '2002:a00:1::',
      '2002:c0a8:101:0:0:0:0:1',
      '2001:0:4136:e378:8000:63bf:80ff:fffe',
    ]) {
      assert.equal(isPublicAddress(address), false, address);
    }
  });

  it('judges the mapped and NAT64 forms by the IPv4 address they carry; the other embeddings are refused', () => {
    for (const address of ['::ffff:8.8.8.8', '::ffff:808:808', '64:ff9b::8.8.8.8', '64:ff9b::808:808']) {
      assert.equal(isPublicAddress(address), true, address);
    }
    // Deprecated or relayed forms, whose destination depends on a tunnel or relay: refused whatever they carry.
    for (const address of ['::8.8.8.8', '::808:808', '::ffff:0:8.8.8.8', '2002:808:808::1', '64:ff9b:1::808:808']) {
      assert.equal(isPublicAddress(address), false, address);
    }
  });

  it('refuses every embedding of every non-public IPv4 address (property)', () => {
    fc.assert(
      fc.property(nonPublicIpv4, (octets) => {
        assert.equal(isPublicAddress(dotted(octets)), false, dotted(octets));
        for (const [form, embed] of Object.entries(embeddings)) {
          for (const address of embed(octets)) assert.equal(isPublicAddress(address), false, `${form} ${address}`);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('accepts a public IPv4 address mapped or behind NAT64 and refuses it in the relayed forms (property)', () => {
    fc.assert(
      fc.property(publicIpv4, (octets) => {
        for (const address of [...embeddings.mapped(octets), ...embeddings.nat64(octets)]) {
          assert.equal(isPublicAddress(address), true, address);
        }
        for (const embed of [
          embeddings.compatible,
          embeddings.translated,
          embeddings.nat64Local,
          embeddings.sixToFour,
        ]) {
          for (const address of embed(octets)) assert.equal(isPublicAddress(address), false, address);
        }
        for (const address of embeddings.teredo(octets)) assert.equal(isPublicAddress(address), false, address);
      }),
      { numRuns: 400 },
    );
  });

  it('takes only http(s) URLs and refuses private hosts unless allowed', () => {
    assert.match(urlProblem('ftp://example.com/', false)!, /http/);
    assert.match(urlProblem('nonsense', false)!, /valid URL/);
    assert.match(urlProblem('http://127.0.0.1:8080/hook', false)!, /private/);
    assert.match(urlProblem('http://[::ffff:7f00:1]/hook', false)!, /private/);
    assert.match(urlProblem('http://localhost/hook', false)!, /localhost/);
    assert.equal(urlProblem('https://example.com/hook', false), null);
    assert.equal(urlProblem('http://127.0.0.1:8080/hook', true), null);
  });

  it('refuses URLs whose host is an IPv6 form of a private IPv4 address, however it is written', () => {
    for (const url of [
      'http://[::127.0.0.1]:8080/',
      'http://[::7f00:1]/',
      'http://[0:0:0:0:0:ffff:127.0.0.1]/',
      'http://[::ffff:0:127.0.0.1]/',
      'http://[64:ff9b::10.0.0.1]/',
      'http://[64:ff9b:1::a00:1]/',
      'http://[2002:a9fe:a9fe::1]/',
      'http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/',
      'http://0x7f000001/',
      'http://017700000001/',
      'http://127.1/',
    ]) {
      assert.match(urlProblem(url, false) ?? 'accepted', /private or reserved address/, url);
    }
    assert.equal(urlProblem('http://[::ffff:8.8.8.8]/', false), null);
    assert.equal(urlProblem('http://[2606:4700:4700::1111]/', false), null);
  });
});

describe('the lookup webhook connections use', () => {
  const resolvingTo =
    (...addresses: string[]): Resolve =>
    async () =>
      addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  const lookUp = (resolve: Resolve, options: { all?: boolean; family?: number } = {}, allowPrivate = false) =>
    new Promise<{ error: NodeJS.ErrnoException | null; result: unknown }>((done) => {
      checkedLookup(resolve, allowPrivate)('hooks.example.com', options, (error, address, family) =>
        done({ error, result: options.all ? address : { address, family } }),
      );
    });

  it('answers the addresses DNS answered when every one is public', async () => {
    const answer = await lookUp(resolvingTo('93.184.216.34', '2606:4700:4700::1111'), { all: true });
    assert.equal(answer.error, null);
    assert.deepEqual(answer.result, [
      { address: '93.184.216.34', family: 4 },
      { address: '2606:4700:4700::1111', family: 6 },
    ]);
    assert.deepEqual((await lookUp(resolvingTo('93.184.216.34'))).result, { address: '93.184.216.34', family: 4 });
  });

  it('refuses the connection when DNS answers any private address, IPv6 forms of private IPv4 included', async () => {
    for (const address of [
      '127.0.0.1',
      '::7f00:1',
      '::127.0.0.1',
      '::ffff:10.0.0.1',
      '64:ff9b::a00:1',
      '2002:a00:1::1',
    ]) {
      const answer = await lookUp(resolvingTo('93.184.216.34', address), { all: true });
      assert.ok(answer.error, address);
      assert.equal(answer.error.code, 'WEBHOOK_ADDRESS_REFUSED');
      assert.match(answer.error.message, /hooks\.example\.com resolves to a private or reserved address/);
    }
    const allowed = await lookUp(resolvingTo('127.0.0.1'), {}, true);
    assert.deepEqual(allowed.result, { address: '127.0.0.1', family: 4 });
  });

  it('passes DNS failures on as connection errors', async () => {
    const failing: Resolve = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND hooks.example.com'), { code: 'ENOTFOUND' });
    };
    const answer = await lookUp(failing);
    assert.equal(answer.error?.code, 'ENOTFOUND');
  });
});
