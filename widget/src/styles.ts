/** The widget's styles, adopted into each of its shadow roots; colours come from the host's custom properties. */
export const STYLES = `
:host{all:initial;font:15px/1.45 system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans Arabic","Noto Sans CJK JP",sans-serif;color:#111827}
*{box-sizing:border-box;font:inherit}
.backdrop{position:fixed;inset:0;background:#0008;z-index:2147483646}
.dialog{position:fixed;z-index:2147483647;left:50%;top:50%;transform:translate(-50%,-50%);width:min(28rem,calc(100vw - 2rem));max-height:calc(100vh - 2rem);overflow:auto;background:#fff;border-radius:12px;box-shadow:0 10px 40px #0005}
.head{display:flex;align-items:center;justify-content:space-between;padding:.8rem 1rem;background:var(--pl-accent);color:var(--pl-on-accent);border-radius:12px 12px 0 0}
h2{margin:0;font-size:1.1rem;font-weight:600}
.close{background:none;border:0;color:inherit;font-size:1.6rem;line-height:1;cursor:pointer;padding:.2rem .5rem;border-radius:6px}
.body{padding:1rem}
.lede{margin:0 0 .8rem;color:#4b5563}
.question{border:0;margin:0 0 1rem;padding:0}
.label{display:block;font-weight:600;margin:0 0 .4rem;padding:0}
.row{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center}
button{cursor:pointer}
.choice,.thumb{border:1px solid #9ca3af;background:#fff;color:#111827;border-radius:8px;padding:.45rem .8rem}
.thumb{padding:.3rem .5rem;line-height:0}
.icon{width:1.15em;height:1.15em;vertical-align:-.2em;fill:none;stroke:currentColor;stroke-width:1.8;stroke-linecap:round;stroke-linejoin:round}
.choice{display:inline-flex;align-items:center;gap:.35rem}
.choice[aria-pressed=true],.thumb[aria-pressed=true]{background:var(--pl-soft);border-color:var(--pl-ink);box-shadow:inset 0 0 0 1px var(--pl-ink)}
.radio{position:relative;display:inline-flex;min-width:2.2rem;height:2.2rem;align-items:center;justify-content:center;border:1px solid #9ca3af;border-radius:8px;cursor:pointer}
.radio input{position:absolute;opacity:0;inset:0;margin:0;cursor:pointer}
.radio:has(input:checked){background:var(--pl-accent);color:var(--pl-on-accent);border-color:var(--pl-accent)}
.radio:has(input:focus-visible){outline:3px solid var(--pl-ink);outline-offset:2px}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
textarea{display:block;width:100%;border:1px solid #9ca3af;border-radius:8px;padding:.5rem;margin:0 0 .8rem;resize:vertical}
.submit{background:var(--pl-accent);color:var(--pl-on-accent);border:0;border-radius:8px;padding:.6rem 1.1rem;font-weight:600}
.submit.small{padding:.35rem .8rem}
.submit[disabled]{opacity:.6}
.status{margin:0 0 .6rem;color:#4b5563;font-size:.9rem}
.thanks{margin:0 0 .4rem;font-size:1.1rem}
:focus-visible{outline:3px solid var(--pl-ink);outline-offset:2px}
.head :focus-visible{outline-color:var(--pl-on-accent)}
.feedback{display:block;margin-top:.3rem;max-width:28rem}
.comment{margin-top:.4rem}
.comment[hidden]{display:none}
.help{margin:0 0 .4rem;color:#4b5563;font-size:.9rem}
.options{display:flex;flex-direction:column;gap:.3rem}
.option,.reason{display:flex;gap:.4rem;align-items:center}
.follow-up{margin-top:.6rem;padding:.6rem;border-inline-start:3px solid var(--pl-accent);background:var(--pl-soft);border-radius:6px}
.follow-up[hidden]{display:none}
.follow-up textarea{margin:.4rem 0 0}
`;
