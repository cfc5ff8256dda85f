/**
 * The page's accent colours, derived from the organization's primary colour so that every combination on the page
 * keeps WCAG contrast whatever colour a company picks: text on the accent, accent-coloured text on white.
 */
export interface AccentColors {
  /** The brand colour as configured: fills (selected stars, the button). */
  accent: string;
  /** Text on an accent fill: white or (near-)black, at least 4.5:1. */
  onAccent: string;
  /** The accent darkened until it reads as text on white (4.5:1): links, focus rings, outlines. */
  ink: string;
  /** A pale tint of the accent for selected choices and notices. */
  soft: string;
}

const HEX = /^#(?:[0-9a-fA-F]{3}){1,2}$/;
const WHITE: Rgb = [255, 255, 255];
const DARK_TEXT = '#111827';

type Rgb = [number, number, number];

function parseHex(hex: string): Rgb {
  const digits = hex.slice(1);
  const full = digits.length === 3 ? [...digits].map((digit) => digit + digit).join('') : digits;
  return [0, 2, 4].map((start) => parseInt(full.slice(start, start + 2), 16)) as Rgb;
}

function toHex(rgb: Rgb): string {
  return `#${rgb.map((channel) => Math.round(channel).toString(16).padStart(2, '0')).join('')}`;
}

function luminance([r, g, b]: Rgb): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG contrast ratio of two colours, 1 to 21. */
export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(parseHex(a)), luminance(parseHex(b))].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

function mix(from: Rgb, to: Rgb, amount: number): Rgb {
  return from.map((channel, i) => channel + (to[i]! - channel) * amount) as Rgb;
}

// Each organization's colour is worked out once: a page would otherwise redo the contrast search on every view.
const computed = new Map<string, AccentColors>();
const MAX_COMPUTED = 1000;

/** The accent colours for a configured colour; anything that is not a CSS hex colour falls back to `fallback`. */
export function accentColors(configured: string, fallback: string): AccentColors {
  const key = `${configured} ${fallback}`;
  let colors = computed.get(key);
  if (!colors) {
    if (computed.size >= MAX_COMPUTED) computed.clear();
    computed.set(key, (colors = Object.freeze(colorsOf(configured, fallback))));
  }
  return colors;
}

function colorsOf(configured: string, fallback: string): AccentColors {
  const accent = HEX.test(configured) ? configured.toLowerCase() : fallback;
  const rgb = parseHex(accent);
  // White or the page's near-black, whichever reads better; for mid-tones where neither reaches 4.5:1, pure black does
  // (of white and black, one always contrasts at least 4.58:1).
  let onAccent = contrast(accent, '#ffffff') >= contrast(accent, DARK_TEXT) ? '#ffffff' : DARK_TEXT;
  if (contrast(accent, onAccent) < 4.5) onAccent = '#000000';
  let ink = accent;
  for (let step = 1; contrast(ink, '#ffffff') < 4.5 && step <= 20; step += 1) {
    ink = toHex(mix(rgb, [0, 0, 0], step * 0.05));
  }
  return { accent, onAccent, ink, soft: toHex(mix(rgb, WHITE, 0.9)) };
}
