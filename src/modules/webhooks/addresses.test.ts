import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isPublicAddress, resolvedUrlProblem, urlProblem } from './addresses.js';

describe('webhook address checks', () => {
  it('refuses private, loopback, link-local, unique-local, CGNAT, multicast and unspecified addresses', () => {
    for (const address of [
      '10.0.0.1',
      '172.16.5.4',
      '192.168.1.1',
      '127.0.0.1',
      '169.254.169.254',
      '100.64.0.1',
      '224.0.0.1',
      '0.0.0.0',
      '255.255.255.255',
      '::1',
      '::',
      'fe80::1',
      'fc00::1',
      'fd12:3456::1',
      'ff02::1',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
      'not an address',
    ]) {
      assert.equal(isPublicAddress(address), false, address);
    }
    for (const address of ['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8']) {
      assert.equal(isPublicAddress(address), true, address);
    }
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

  it('refuses a name that resolves to a loopback address', async () => {
    assert.match((await resolvedUrlProblem('http://localhost./hook', false))!, /private|localhost/);
  });
});
