// The widget's DOM helpers: elements built from data (text is always text) and its icons.

/** Creates an element with attributes and children; text is always text, never markup. */
export function h(
  tag: string,
  attributes: Record<string, string> = {},
  ...children: Array<Node | string>
): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

const SVG = 'http://www.w3.org/2000/svg';
const THUMB_PATHS = [
  'M7 10.5v10H4a1 1 0 0 1-1-1v-8a1 1 0 0 1 1-1h3z',
  'M7 10.5l3.6-7.1a1.9 1.9 0 0 1 3.5 1.3l-.8 4.3h5.3a2 2 0 0 1 2 2.4l-1.4 7.2a2.3 2.3 0 0 1-2.3 1.9H7',
];

/**
 * A thumb drawn as SVG, the rating page's own: an emoji needs a colour-emoji font, which many systems lack, and then
 * shows as an empty box.
 */
export function thumb(direction: 'up' | 'down'): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('class', 'icon');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const group = document.createElementNS(SVG, 'g');
  if (direction === 'down') group.setAttribute('transform', 'matrix(1 0 0 -1 0 24)');
  for (const d of THUMB_PATHS) {
    const path = document.createElementNS(SVG, 'path');
    path.setAttribute('d', d);
    group.append(path);
  }
  svg.append(group);
  return svg;
}
