import type { AccentColors } from './colors.js';

/** The brand's colours as CSS custom properties (hex values only, checked in colors.ts). */
export function accentVariables(colors: AccentColors): string {
  return `:root{--accent:${colors.accent};--on-accent:${colors.onAccent};--ink:${colors.ink};--soft:${colors.soft}}`;
}

const stars = [1, 2, 3, 4, 5]
  .map((n) => `.question:has(#stars-${n}:checked) .star-caption [data-star="${n}"]{display:inline}`)
  .join('\n');

/**
 * The page's only stylesheet, inlined under the CSP nonce. Colours keep WCAG AA contrast: body text #1f2937 and muted
 * text #5b6472 on white and on the page background, the empty star outline 3.8:1 against the card.
 */
export const stylesheet = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{
  margin:0;min-height:100vh;display:flex;flex-direction:column;align-items:center;
  padding:20px 12px 32px;background:#f4f5f7;color:#1f2937;
  font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans",sans-serif;
}
/* Scripts whose letters the Latin fonts lack: their own faces first, and no tightened tracking (it breaks Arabic's
   joined letters and crowds kana). */
:lang(ja) body{font-family:system-ui,-apple-system,"Hiragino Sans","Hiragino Kaku Gothic ProN","Yu Gothic UI","Noto Sans CJK JP","Noto Sans JP",Meiryo,sans-serif}
:lang(ar) body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans Arabic","Noto Naskh Arabic",Tahoma,sans-serif;line-height:1.65}
:lang(ja) h1,:lang(ja) .brand-name,:lang(ar) h1,:lang(ar) .brand-name{letter-spacing:0}
@media (min-width:640px){body{padding:56px 24px}}
.card{
  width:100%;max-width:560px;background:#fff;border-radius:18px;overflow:hidden;
  box-shadow:0 1px 2px rgba(16,24,40,.05),0 12px 32px -8px rgba(16,24,40,.12);
}
.card::before{content:"";display:block;height:6px;background:var(--accent)}
.card-body{padding:24px 20px 28px}
@media (min-width:640px){.card-body{padding:36px 44px 40px}}
.brand{display:flex;align-items:center;gap:12px;margin:0 0 24px}
.brand .logo{display:block;max-height:40px;max-width:200px;width:auto;height:auto}
.monogram{
  flex:none;width:40px;height:40px;border-radius:11px;display:grid;place-items:center;
  background:var(--accent);color:var(--on-accent);font-weight:700;font-size:18px;line-height:1;
}
.brand-name{font-weight:650;font-size:17px;letter-spacing:-.005em}
h1{margin:0;font-size:23px;line-height:1.3;font-weight:700;letter-spacing:-.015em}
@media (min-width:640px){h1{font-size:27px}}
.lede{margin:-4px 0 0;color:#5b6472}
fieldset{border:0;margin:0;padding:0;min-width:0}
/* A floated legend is laid out like any block, so the fieldset's top border (the separator) is drawn in full. */
legend{float:inline-start;width:100%;padding:0;margin-bottom:12px}
legend+*{clear:inline-start}
.question+.question,.question+.field{margin-top:24px;padding-top:22px;border-top:1px solid #eceef2}
.q{font-weight:650;font-size:17px;line-height:1.35}
.optional{font-weight:400;font-size:14px;color:#5b6472;white-space:nowrap}
.vh{
  position:absolute!important;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;
  clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap;border:0;
}
.stars{position:relative;display:flex;gap:2px;margin:12px 0 0;margin-inline-start:-6px}
.star{display:block;padding:6px;border-radius:14px;cursor:pointer;line-height:0}
.star svg{
  width:44px;height:44px;fill:#f3f4f6;stroke:#7b8390;stroke-width:1.4;stroke-linejoin:round;
  transition:transform .12s ease,fill .12s ease;
}
@media (min-width:400px){.star svg{width:48px;height:48px}}
@media (min-width:640px){.star svg{width:54px;height:54px}}
.star:has(~input:checked) svg,input:checked+.star svg{fill:var(--accent);stroke:var(--ink)}
@media (hover:hover){
  .stars:hover .star svg{fill:#f3f4f6;stroke:#7b8390}
  .stars .star:hover svg,.stars .star:has(~.star:hover) svg{fill:var(--accent);stroke:var(--ink)}
  .star:hover svg{transform:scale(1.08)}
}
input:focus-visible+.star,input:focus-visible+.choice{outline:3px solid var(--ink);outline-offset:2px}
.star-caption{min-height:1.5em;margin:6px 0 0;font-weight:600;color:var(--ink)}
.star-caption span{display:none}
.star-caption .prompt{display:inline;font-weight:400;color:#5b6472}
.question:has(input:checked) .star-caption .prompt{display:none}
${stars}
.choices{position:relative;display:flex;gap:10px}
.choice{
  flex:1 1 0;display:inline-flex;align-items:center;justify-content:center;gap:8px;min-height:48px;
  padding:10px 14px;border:1.5px solid #c9ced6;border-radius:12px;background:#fff;cursor:pointer;
  font-weight:550;text-align:center;transition:border-color .12s ease,background-color .12s ease;
}
.thumbs{max-width:360px}
.choice svg{flex:none;width:22px;height:22px;fill:none;stroke:currentColor;stroke-width:1.8;stroke-linejoin:round;stroke-linecap:round}
.choice:hover{border-color:var(--ink)}
input:checked+.choice{border-color:var(--ink);background:var(--soft);color:var(--ink);box-shadow:inset 0 0 0 1px var(--ink)}
.nps{display:grid;grid-template-columns:repeat(11,minmax(0,1fr));gap:4px}
.nps .choice{min-height:44px;padding:0;border-radius:9px;font-variant-numeric:tabular-nums}
.nps-scale{display:flex;justify-content:space-between;gap:12px;margin-top:6px;font-size:13px;color:#5b6472}
.field label{display:block;margin-bottom:8px}
textarea{
  display:block;width:100%;min-height:116px;resize:vertical;padding:12px 14px;font:inherit;color:inherit;
  border:1.5px solid #c9ced6;border-radius:12px;background:#fff;
}
textarea:hover{border-color:#9aa1ab}
textarea:focus{outline:3px solid var(--ink);outline-offset:1px;border-color:var(--ink)}
textarea[aria-invalid="true"]{border-color:#b42318}
.hint{margin:6px 0 0;font-size:14px;color:#5b6472}
.submit,.button-link{
  display:flex;align-items:center;justify-content:center;gap:8px;width:100%;min-height:52px;margin-top:28px;
  padding:12px 22px;border:1px solid var(--ink);border-radius:12px;background:var(--accent);color:var(--on-accent);
  font:inherit;font-size:17px;font-weight:650;text-decoration:none;cursor:pointer;
}
.button-link{display:inline-flex;width:auto;margin-top:16px}
.submit:hover,.button-link:hover{filter:brightness(.94)}
/* The "opens elsewhere" arrow points the way the text runs. */
[dir="rtl"] .button-link svg{transform:scaleX(-1)}
.submit:focus-visible,.button-link:focus-visible{outline:3px solid var(--ink);outline-offset:3px}
.button-link svg{width:18px;height:18px;fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round;stroke-linejoin:round}
.error-summary{
  margin:0 0 22px;padding:12px 16px;border:1px solid #f5b5ae;border-radius:12px;background:#fef3f2;
  color:#912018;font-weight:600;
}
.field-error{clear:inline-start;margin:8px 0 0;color:#b42318;font-weight:600;font-size:15px}
.field .field-error{margin:0 0 8px}
.error-summary p{margin:0}
.error-summary ul{margin:6px 0 0;padding-inline-start:20px;font-weight:400}
.error-summary a{color:#912018}
.notice{margin:0 0 22px;padding:12px 16px;border-radius:12px;background:var(--soft);border:1px solid var(--ink);font-size:15px}
.message{text-align:center}
.card-body:has(.message) .brand{justify-content:center}
.badge{
  width:68px;height:68px;margin:4px auto 20px;border-radius:50%;display:grid;place-items:center;
  background:var(--soft);color:var(--ink);
}
.badge svg{width:34px;height:34px;fill:none;stroke:currentColor;stroke-width:2.2;stroke-linecap:round;stroke-linejoin:round}
.message p{margin:10px auto 0;max-width:42ch;color:#5b6472}
.review{margin-top:28px;padding-top:24px;border-top:1px solid #eceef2}
.review p{color:#1f2937}
.message .after{margin-top:28px;font-size:15px}
.message .after+p{margin-top:4px}
a{color:var(--ink);font-weight:600;text-underline-offset:3px}
a:focus-visible{outline:3px solid var(--ink);outline-offset:2px;border-radius:4px}
.page-footer{width:100%;max-width:560px;margin-top:18px;text-align:center;font-size:13px;color:#5b6472}
@media (prefers-reduced-motion:reduce){*,*::before,*::after{transition:none!important}}
@media (forced-colors:active){
  .star svg{stroke:CanvasText}
  .star:has(~input:checked) svg,input:checked+.star svg{fill:Highlight}
  input:checked+.choice{border-width:3px}
}
`;
