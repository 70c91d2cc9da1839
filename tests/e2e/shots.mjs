// Screenshots while a lesson plays: node shots.mjs [size...]; writes /tmp/shots-watch/.
import { chromium } from '@playwright/test';
const base = process.env.BASE ?? 'http://127.0.0.1:8138/';
const out = process.env.OUT ?? '/tmp/shots-watch';
const tag = process.env.TAG ?? 'before';
const sizes = (process.argv[2] ?? '1024x768,1180x820,390x844,1366x768').split(',');
const schemes = (process.env.SCHEMES ?? 'light').split(',');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
for (const scheme of schemes) for (const s of sizes) {
  const [w, h] = s.split('x').map(Number);
  const page = await browser.newPage({ viewport: { width: w, height: h }, colorScheme: scheme });
  await page.goto(base + 'index.html?lesson=forgotten-sender&step=0' + (process.env.LANGQ ?? ''));
  await page.getByTestId('play').waitFor();
  if (process.env.INJECT) await page.addStyleTag({ path: '../../public/style.css' });
  await page.waitForFunction(() => !document.querySelector('[data-testid="play"]').disabled);
  await page.getByTestId('play').click();
  await page.waitForTimeout(Number(process.env.WAIT ?? 2500));
  await page.screenshot({ path: `${out}/${tag}-${s}-${scheme}-playing.png` });
  const boxes = await page.evaluate(() => {
    const r = {};
    for (const id of ['map-bad', 'chans-bad', 'charts-bad', 'code-bad', 'map-good', 'chans-good', 'charts-good', 'code-good']) {
      const e = document.querySelector(`[data-testid="${id}"]`);
      if (!e) continue;
      const b = e.getBoundingClientRect();
      r[id] = `${Math.round(b.x)},${Math.round(b.y)} ${Math.round(b.width)}x${Math.round(b.height)}`;
    }
    const t = document.querySelector('.toolbar').getBoundingClientRect();
    r.toolbar = `${Math.round(t.y)}..${Math.round(t.bottom)}`;
    return r;
  });
  console.log(s, scheme, JSON.stringify(boxes));
  await page.close();
}
await browser.close();
