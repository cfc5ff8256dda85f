import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { accentColors, contrast } from './colors.js';

const hexColor = fc
  .tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }))
  .map((rgb) => `#${rgb.map((channel) => channel.toString(16).padStart(2, '0')).join('')}`);

describe('accentColors', () => {
  it('keeps WCAG AA contrast for text on the accent and accent-coloured text on white, whatever the colour', () => {
    fc.assert(
      fc.property(hexColor, (color) => {
        const colors = accentColors(color, '#0f766e');
        assert.equal(colors.accent, color);
        assert.ok(contrast(colors.onAccent, colors.accent) >= 4.5, `${colors.onAccent} on ${color}`);
        assert.ok(contrast(colors.ink, '#ffffff') >= 4.5, `${colors.ink} on white for ${color}`);
      }),
    );
  });

  it('keeps a dark enough brand colour as it is and darkens a light one', () => {
    assert.deepEqual(accentColors('#0F766E', '#000000'), {
      accent: '#0f766e',
      onAccent: '#ffffff',
      ink: '#0f766e',
      soft: '#e7f1f1',
    });
    const yellow = accentColors('#ffd500', '#000000');
    assert.equal(yellow.onAccent, '#111827');
    assert.notEqual(yellow.ink, '#ffd500');
    assert.equal(accentColors('#abc', '#000000').accent, '#abc');
  });

  it('falls back to the default for anything that is not a hex colour', () => {
    for (const color of ['red', '#12345', 'url(x)', '#0f766e;}body{display:none']) {
      assert.equal(accentColors(color, '#0f766e').accent, '#0f766e');
    }
  });
});
