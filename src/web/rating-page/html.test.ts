import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { escapeHtml, markup, trusted } from './html.js';

describe('markup', () => {
  it('escapes every interpolated string, so that no input can open a tag or leave an attribute', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const rendered = markup`<p title="${text}">${text}</p>`.value;
        const inner = rendered.slice('<p title="'.length, -'</p>'.length);
        assert.ok(!/[<>"']/.test(inner.replace('">', '')), rendered);
        assert.equal(rendered, `<p title="${escapeHtml(text)}">${escapeHtml(text)}</p>`);
      }),
    );
  });

  it('nests markup, joins lists, and leaves out null, undefined and false', () => {
    const items = ['a&b', '<i>'].map((item) => markup`<li>${item}</li>`);
    assert.equal(
      markup`<ul>${items}</ul>${null}${undefined}${false}${0}${trusted('<br>')}`.value,
      '<ul><li>a&amp;b</li><li>&lt;i&gt;</li></ul>0<br>',
    );
    assert.equal(escapeHtml(`&<>"'`), '&amp;&lt;&gt;&quot;&#39;');
  });
});
