/** The console's stylesheet, served as /console/assets/console.css (the CSP allows no inline style). */
export const CONSOLE_CSS = `
:root { color-scheme: light; --ink: #1d2430; --muted: #5b6575; --line: #d8dde5; --accent: #0b63ce; --bubble: #e9ecf1; --mine: #0b63ce; --bad: #b3261e; --ok: #1e7b34; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #f6f7f9; }
header { background: #fff; border-bottom: 1px solid var(--line); padding: 10px 16px 0; }
h1 { font-size: 18px; margin: 0 0 8px; }
h1 small { color: var(--muted); font-weight: normal; }
h2 { font-size: 16px; margin: 20px 0 8px; }
nav { display: flex; gap: 4px; overflow-x: auto; }
nav a { padding: 8px 12px; color: var(--ink); text-decoration: none; border-bottom: 3px solid transparent; white-space: nowrap; }
nav a[aria-current="page"] { border-color: var(--accent); color: var(--accent); font-weight: 600; }
.logout { float: right; }
main { max-width: 980px; margin: 0 auto; padding: 16px; }
.note { background: #fff8e1; border: 1px solid #f0d98a; padding: 8px 12px; border-radius: 6px; }
.muted { color: var(--muted); }
button, input[type="text"], input[type="password"] { font: inherit; padding: 8px 10px; border: 1px solid var(--line); border-radius: 6px; }
button { background: var(--accent); color: #fff; border-color: var(--accent); cursor: pointer; }
button.secondary { background: #fff; color: var(--ink); border-color: var(--line); }
button:disabled { opacity: .5; cursor: default; }
.split { display: grid; grid-template-columns: minmax(280px, 380px) 1fr; gap: 16px; align-items: start; }
@media (max-width: 760px) { .split { grid-template-columns: 1fr; } }
.phone { background: #fff; border: 1px solid var(--line); border-radius: 24px; padding: 12px; min-height: 420px; display: flex; flex-direction: column; }
.thread { flex: 1; overflow-y: auto; max-height: 60vh; display: flex; flex-direction: column; gap: 6px; padding: 4px; }
.bubble { max-width: 85%; padding: 8px 12px; border-radius: 16px; white-space: pre-wrap; overflow-wrap: anywhere; background: var(--bubble); align-self: flex-start; }
.bubble.mine { background: var(--mine); color: #fff; align-self: flex-end; }
.bubble.silent { background: transparent; border: 1px dashed var(--line); color: var(--muted); }
.meta { font-size: 12px; color: var(--muted); align-self: flex-start; margin: -2px 0 4px 6px; }
.compose { display: flex; gap: 6px; margin-top: 8px; }
.compose input { flex: 1; min-width: 0; }
.keypad { display: grid; grid-template-columns: repeat(3, 1fr); gap: 6px; margin-top: 8px; }
.keypad button { background: #fff; color: var(--ink); border-color: var(--line); font-size: 18px; padding: 10px; }
.says .say { background: var(--bubble); }
.step { font-size: 13px; color: var(--muted); align-self: center; }
.why { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; margin-bottom: 12px; }
.why h3 { margin: 0 0 4px; font-size: 15px; }
.rule { margin: 4px 0 8px; }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; overflow-wrap: anywhere; }
th { font-size: 13px; color: var(--muted); font-weight: 600; }
.why td:first-child { white-space: nowrap; }
td.num, th.num { text-align: right; white-space: nowrap; }
.above { color: var(--ok); font-weight: 600; white-space: nowrap; }
.below { color: var(--bad); white-space: nowrap; }
.words span, .word { display: inline-block; background: #eef3fb; border-radius: 4px; padding: 0 5px; margin: 1px 2px; font-size: 13px; }
.word.hit { background: #d6f0dc; }
.chart { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 8px; width: 100%; height: auto; }
.chart rect.bar { fill: #e07a5f; }
.chart rect.base { fill: #e9ecf1; }
.chart text { font-size: 10px; fill: #5b6575; }
.entry { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; margin-bottom: 10px; }
.entry h3 { font-size: 15px; margin: 0 0 6px; }
.parts { display: flex; flex-direction: column; gap: 4px; }
.lint-error { color: var(--bad); }
.lint-warning { color: #8a5a00; }
.login { max-width: 360px; margin: 40px auto; background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 20px; display: flex; flex-direction: column; gap: 10px; }
.error { color: var(--bad); }
.bar-row { display: flex; gap: 6px; flex-wrap: wrap; align-items: center; margin: 8px 0; }
`;
