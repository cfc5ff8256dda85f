import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newMessageId, newWebhookSecret, signWebhook } from './signing.js';

describe('Standard Webhooks signatures', () => {
  it('matches the specification’s example', () => {
    assert.equal(
      signWebhook(
        'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
        'msg_p5jXN8AQM9LWM0D4loKWxJek',
        1614265330,
        '{"test": 2432232314}',
      ),
      'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    );
  });

  it('makes secrets of 32 bytes and distinct message ids', () => {
    const secret = newWebhookSecret();
    assert.match(secret, /^whsec_[A-Za-z0-9+/]+=*$/);
    assert.equal(Buffer.from(secret.slice(6), 'base64').length, 32);
    assert.match(newMessageId(), /^msg_[A-Za-z0-9]{27}$/);
    assert.notEqual(newMessageId(), newMessageId());
  });
});
