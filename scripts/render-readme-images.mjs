// The README's pictures: real renders of what `npm run demo` posts, not mock-ups. Runs the demo with
// DEMO_SNAPSHOTS set (it keeps the checklist comment and the check run as GitHub would get them, after the tick in
// the checklist), renders that markdown to HTML (micromark with GitHub-flavoured markdown, as GitHub renders it)
// in a page styled like a pull request, and screenshots it with Debian's Chromium through playwright-core:
//
//   apt-get install chromium && npm install --no-save playwright-core && node scripts/render-readme-images.mjs
//
// Writes docs/images/checklist-comment.png and docs/images/check-run.png.
import { execFileSync } from 'node:child_process';
import console from 'node:console';
import process from 'node:process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';

const SNAPSHOTS = 'bench-results/snapshots';
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

execFileSync(process.execPath, ['scripts/demo.mjs'], {
  env: { ...process.env, DEMO_SNAPSHOTS: SNAPSHOTS },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const checklist = await readFile(join(SNAPSHOTS, 'checklist-comment.md'), 'utf8');
const run = JSON.parse(await readFile(join(SNAPSHOTS, 'check-run.json'), 'utf8'));

const html = (markdown) =>
  micromark(markdown, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });
const STYLE = `
  body { margin: 0; padding: 16px; background: #fff; color: #1f2328; width: 860px;
         font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, "DejaVu Sans", sans-serif, "Noto Color Emoji"; }
  .box { border: 1px solid #d1d9e0; border-radius: 6px; overflow: hidden; }
  .head { background: #f6f8fa; border-bottom: 1px solid #d1d9e0; padding: 8px 16px; color: #59636e; }
  .head b { color: #1f2328; } .bot { border: 1px solid #d1d9e0; border-radius: 2em; padding: 0 6px; font-size: 12px; }
  .body { padding: 8px 16px 16px; }
  h2, h3 { margin: 16px 0 8px; font-weight: 600; } h2 { font-size: 1.4em; } h3 { font-size: 1.2em; } h4 { font-size: 1em; }
  a { color: #0969da; text-decoration: none; }
  code { font: 12px ui-monospace, "DejaVu Sans Mono", monospace; background: #eff1f3; border-radius: 6px; padding: .2em .4em; }
  ul { padding-left: 2em; margin: 4px 0; } li:has(> input[type=checkbox]) { list-style: none; } li > input[type=checkbox] { margin: 0 .3em 0 -1.4em; }
  table { border-collapse: collapse; margin: 8px 0; } th, td { border: 1px solid #d1d9e0; padding: 6px 13px; } th { font-weight: 600; }
  tr:nth-child(2n) { background: #f6f8fa; }
  sub { color: #59636e; }
  .check { display: flex; gap: 8px; align-items: center; font-weight: 600; font-size: 16px; }
  .fail { color: #d1242f; } .ok { color: #1a7f37; }`;

function page(title, inner) {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title><style>${STYLE}</style></head><body>${inner}</body></html>`;
}

const checklistPage = page(
  'checklist comment',
  `<div class="box"><div class="head"><b>agent-os-github</b> <span class="bot">bot</span> commented on the spec pull request</div>` +
    `<div class="body">${html(checklist)}</div></div>`,
);
const mark = run.conclusion === 'success' ? '<span class="ok">✓</span>' : '<span class="fail">✗</span>';
const checkPage = page(
  'check run',
  `<div class="box"><div class="head"><span class="check">${mark} ${run.name} — ${run.conclusion}</span>${run.title}</div>` +
    `<div class="body">${html(run.summary)}</div></div>`,
);

const { chromium } = await import('playwright-core');
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  const tab = await browser.newPage({ viewport: { width: 892, height: 400 }, deviceScaleFactor: 1 });
  for (const [content, out] of [
    [checklistPage, 'docs/images/checklist-comment.png'],
    [checkPage, 'docs/images/check-run.png'],
  ]) {
    await tab.setContent(content, { waitUntil: 'load' });
    await tab.locator('.box').screenshot({ path: out });
    console.log(`wrote ${out}`);
  }
} finally {
  await browser.close();
}
