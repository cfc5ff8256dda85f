import type { Choice, ChoiceKind } from './choices.js';
import type { MessageWords } from './wording.js';

/**
 * The survey email: a subject, an HTML body and a plain-text body, each choice of the first question its own link to
 * the rating page. Email clients run no script and load no stylesheet, so the HTML is tables with inline styles; every
 * text and attribute value is escaped, the brand's included.
 */
export interface EmailInput {
  lang: string;
  dir: 'ltr' | 'rtl';
  question: string;
  kind: ChoiceKind;
  choices: Array<Choice & { link: string }>;
  /** The rating page without a chosen answer. */
  link: string;
  words: MessageWords;
  /** The brand's colour (`#0f766e`) and its logo, only an https URL. */
  color: string;
  logoUrl: string | null;
  /** "This link is valid until …", when the rating expires. */
  validity: string | null;
}

export interface Email {
  subject: string;
  html: string;
  text: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;

/** A colour safe to write into a style attribute: the brand's when it is a hex colour, else the default teal. */
function safeColor(color: string): string {
  return HEX.test(color) ? color : '#0f766e';
}

/** White or near-black, whichever reads better on `hex` (WCAG relative luminance). */
function textOn(hex: string): string {
  const digits = hex.length === 4 ? [...hex.slice(1)].map((d) => d + d).join('') : hex.slice(1);
  const [r, g, b] = [0, 2, 4].map((i) => {
    const channel = parseInt(digits.slice(i, i + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  return luminance > 0.179 ? '#111827' : '#ffffff';
}

const FONT = "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";

/** A row of small buttons for a scale (stars, csat, ces, NPS), stacked buttons for thumbs and options. */
function choiceButtons(input: EmailInput, color: string, ink: string): string {
  const { choices, kind } = input;
  if (choices.length === 0) return '';
  const scale = kind === 'stars' || kind === 'csat' || kind === 'ces' || kind === 'nps';
  if (!scale) {
    return choices
      .map(
        (choice) =>
          `<tr><td style="padding:4px 0"><a href="${esc(choice.link)}" style="display:block;padding:12px 16px;border:2px solid ${color};border-radius:8px;color:#111827;text-decoration:none;font-weight:600;text-align:center;${FONT}">${esc(choice.label)}</a></td></tr>`,
      )
      .join('');
  }
  const width = Math.floor(100 / choices.length);
  const cells = choices
    .map((choice) => {
      const star = kind === 'stars' ? '&#9733;&nbsp;' : '';
      // Five star words fit under their stars; the csat and ces words, longer and up to seven, go to the row's ends.
      const word =
        kind === 'stars' && choice.label !== choice.value
          ? `<br><span style="font-size:11px;font-weight:400">${esc(choice.label)}</span>`
          : '';
      const title = choice.description ?? choice.label;
      return `<td width="${width}%" style="padding:2px"><a href="${esc(choice.link)}" title="${esc(title)}" style="display:block;padding:10px 2px;border-radius:6px;background:${color};color:${ink};text-decoration:none;font-weight:700;font-size:16px;text-align:center;${FONT}">${star}${esc(choice.value)}${word}</a></td>`;
    })
    .join('');
  const [low, high] =
    kind === 'nps'
      ? [input.words.npsLow, input.words.npsHigh]
      : kind === 'csat' || kind === 'ces'
        ? [choices[0]!.label, choices[choices.length - 1]!.label]
        : [];
  const ends =
    low !== undefined && high !== undefined
      ? `<tr><td colspan="${choices.length}" style="padding-top:4px;font-size:12px;color:#4b5563;${FONT}"><span style="float:${input.dir === 'rtl' ? 'right' : 'left'}">${esc(low)}</span><span style="float:${input.dir === 'rtl' ? 'left' : 'right'}">${esc(high)}</span></td></tr>`
      : '';
  return `<tr><td><table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="table-layout:fixed"><tr>${cells}</tr>${ends}</table></td></tr>`;
}

/** The survey email of a rating's first question. */
export function surveyEmail(input: EmailInput): Email {
  const { words } = input;
  const color = safeColor(input.color);
  const ink = textOn(color);
  const header = input.logoUrl
    ? `<img src="${esc(input.logoUrl)}" alt="${esc(words.brand)}" height="40" style="display:block;height:40px;max-width:200px;border:0">`
    : `<span style="font-size:18px;font-weight:700;color:${color};${FONT}">${esc(words.brand)}</span>`;
  const paragraph = (text: string, style = '') =>
    `<tr><td style="padding:0 0 16px;font-size:15px;line-height:1.5;color:#1f2937;${FONT};${style}">${esc(text)}</td></tr>`;
  const html = `<!doctype html>
<html lang="${esc(input.lang)}" dir="${input.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(words.subject)}</title>
</head>
<body style="margin:0;padding:0;background:#f3f4f6">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f3f4f6"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border-radius:12px;border-top:4px solid ${color}">
<tr><td style="padding:24px 24px 8px">${header}</td></tr>
<tr><td style="padding:8px 24px 24px"><table role="presentation" width="100%" cellpadding="0" cellspacing="0">
${paragraph(words.intro)}
${paragraph(input.question, 'font-size:18px;font-weight:700;color:#111827')}
${choiceButtons(input, color, ink)}
<tr><td style="padding:16px 0 8px;font-size:13px;line-height:1.5;color:#4b5563;${FONT}">${esc(input.choices.length > 0 ? words.hint : '')}</td></tr>
<tr><td style="padding:8px 0"><a href="${esc(input.link)}" style="color:${color};font-weight:600;${FONT}">${esc(words.open)}</a></td></tr>
${input.validity ? `<tr><td style="padding-top:8px;font-size:12px;color:#6b7280;${FONT}">${esc(input.validity)}</td></tr>` : ''}
</table></td></tr>
</table>
</td></tr></table>
</body>
</html>
`;
  const lines = [
    words.intro,
    '',
    input.question,
    '',
    ...input.choices.map((choice) => `${choice.description ?? choice.label}: ${choice.link}`),
    ...(input.choices.length > 0 ? ['', words.hint, ''] : []),
    `${words.open}: ${input.link}`,
    ...(input.validity ? ['', input.validity] : []),
  ];
  return { subject: words.subject, html, text: `${lines.join('\n')}\n` };
}
