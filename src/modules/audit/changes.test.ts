import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { changedFields } from './audit.service.js';

describe('what an audit entry keeps of a change', () => {
  const before = { enabled: true, url: 'https://a.example', event_types: ['rating.submitted'], filters: {} };

  it('keeps only the fields that changed, each with its old and new value', () => {
    const after = { ...before, enabled: false, event_types: ['rating.submitted', 'feedback.created'] };
    assert.deepEqual(changedFields(before, after, ['enabled', 'url', 'event_types', 'filters']), {
      before: { enabled: true, event_types: ['rating.submitted'] },
      after: { enabled: false, event_types: ['rating.submitted', 'feedback.created'] },
    });
  });

  it('compares arrays and objects by value, and looks only at the fields it is given', () => {
    const same = { ...before, event_types: ['rating.submitted'], filters: {}, url: 'https://b.example' };
    assert.equal(changedFields(before, same, ['enabled', 'event_types', 'filters']), undefined);
    assert.deepEqual(changedFields(before, same, ['url']), {
      before: { url: 'https://a.example' },
      after: { url: 'https://b.example' },
    });
  });

  it('records a field set to or from null', () => {
    assert.deepEqual(changedFields({ brand_name: null }, { brand_name: 'Acme' }, ['brand_name']), {
      before: { brand_name: null },
      after: { brand_name: 'Acme' },
    });
  });
});
