import { createHash } from 'node:crypto';

/**
 * The pages' one stylesheet, served from /ui/assets/ so the Content-Security-Policy needs no inline styles.
 * System fonts only: nothing is fetched from elsewhere.
 */
export const STYLESHEET = `
:root { color-scheme: light dark; --fg: #1b1f24; --muted: #57606a; --bg: #fff; --line: #d0d7de; --accent: #0550ae; --bad: #a40e26; --ok: #116329; --warn: #7d4e00; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #9ea7b3; --bg: #0d1117; --line: #30363d; --accent: #6cb6ff; --bad: #ff7b72; --ok: #56d364; --warn: #e3b341; } }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.skip { position: absolute; left: -999px; } .skip:focus { left: 8px; top: 8px; background: var(--bg); padding: 4px 8px; }
header.site { display: flex; gap: 1.5rem; align-items: center; padding: .6rem 1.2rem; border-bottom: 1px solid var(--line); flex-wrap: wrap; }
header.site .brand { font-weight: 700; text-decoration: none; color: var(--fg); }
header.site nav ul { display: flex; gap: 1rem; list-style: none; margin: 0; padding: 0; }
header.site nav a[aria-current="page"] { font-weight: 700; text-decoration: none; }
header.site .who { margin-left: auto; color: var(--muted); display: flex; gap: .8rem; align-items: center; }
main { padding: 1rem 1.2rem 3rem; max-width: 1400px; }
h1 { font-size: 1.5rem; margin: .5rem 0 1rem; }
h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .4rem .6rem; border-bottom: 1px solid var(--line); }
th { font-weight: 600; white-space: nowrap; }
caption { text-align: left; color: var(--muted); padding: .3rem 0; }
.muted { color: var(--muted); }
.bad { color: var(--bad); } .ok { color: var(--ok); } .warn { color: var(--warn); }
form.filters { display: flex; gap: .8rem; flex-wrap: wrap; align-items: end; margin-bottom: 1rem; }
form.filters label { display: flex; flex-direction: column; font-size: .85rem; color: var(--muted); }
input, select, textarea, button { font: inherit; color: inherit; background: var(--bg); border: 1px solid var(--line); border-radius: 4px; padding: .3rem .5rem; }
button, .button { cursor: pointer; background: var(--accent); color: var(--bg); border-color: var(--accent); text-decoration: none; padding: .3rem .8rem; border-radius: 4px; display: inline-block; }
button.secondary { background: transparent; color: var(--accent); }
.notice { border: 1px solid var(--line); border-left: 4px solid var(--accent); padding: .6rem .8rem; margin: 1rem 0; }
.notice.error { border-left-color: var(--bad); }
ol.timeline { list-style: none; padding: 0; } ol.timeline li { border-left: 3px solid var(--line); padding: .3rem 0 .8rem 1rem; }
svg text { fill: var(--fg); font-size: 12px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.chart { width: 100%; max-width: 720px; height: auto; } .chart .axis { stroke: var(--line); } .chart .series-a { fill: var(--bad); } .chart .series-b { fill: var(--ok); } .chart .series-c { fill: var(--accent); }
.report .note { color: var(--muted); } .report .hash { font-family: ui-monospace, monospace; overflow-wrap: anywhere; } .report td.n { text-align: right; font-variant-numeric: tabular-nums; }
.report .totals { display: flex; gap: 1rem; flex-wrap: wrap; } .report .total { border: 1px solid var(--line); border-radius: 6px; padding: .6rem 1rem; } .report .total strong { display: block; font-size: 1.6rem; }
table.board td, table.board th[scope="row"] { overflow-wrap: anywhere; } ul.missing { margin: 0; padding-left: 1rem; } nav.pager { display: flex; gap: 1rem; margin: 1rem 0; } ol.timeline li li { border-left: 0; padding: 0; }
`;

/** Its digest, in the URL: the file can be cached for good, and a new version is a new URL. */
export const STYLESHEET_PATH = `/ui/assets/ui-${createHash('sha256').update(STYLESHEET).digest('hex').slice(0, 12)}.css`;
