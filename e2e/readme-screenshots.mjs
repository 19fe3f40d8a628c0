// Regenerates the README's screenshots (docs/*.png) of the Chinese UI, against a running app with the demo
// portfolio: node e2e/readme-screenshots.mjs [base URL, default http://localhost:8080]. Needs a CJK font for
// Chromium (Debian: apt-get install fonts-noto-cjk); not part of the test run.
import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const BASE = process.argv[2] || 'http://localhost:8080';
const DOCS = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'] });

async function login(user) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  await page.goto(BASE + '/camunda/app/tasklist/default/');
  await page.locator('input[type=password]').waitFor();
  await page.locator('input[type=text]').first().fill(user);
  await page.locator('input[type=password]').fill('demo');
  await page.locator('button[type=submit]').click();
  await page.getByText('启动流程').first().waitFor();
  await page.locator('[cam-tasklist-filters] .task-filter').first().waitFor();
  return page;
}

async function openTask(page, text) {
  await page.locator('.tasks-list li.task', { hasText: text }).first().click();
  await page.locator('.fjs-form').first().waitFor();
  await page.waitForTimeout(1000);
}

// the rep's start form, an amount typed the Chinese way
let page = await login('ana');
await page.getByText('启动流程').first().click();
await page.locator('.modal-content').getByText('New customer credit investigation').first().click();
const sales = page.locator('.modal-content').getByLabel('Sales revenue', { exact: false }).first();
await sales.waitFor();
await page.waitForTimeout(800);
await page.locator('.modal-content').getByLabel('Company name', { exact: false }).first().fill('宁波甬江五金机电有限公司');
await sales.scrollIntoViewIfNeeded();
await sales.pressSequentially('1,300万');
await page.screenshot({ path: join(DOCS, 'tasklist-start-form.png') });
await page.context().close();

// the approver's decision on one screen
page = await login('clara');
await openTask(page, '鹏城');
await page.screenshot({ path: join(DOCS, 'tasklist-approval.png') });
await page.context().close();

// a reminder with a promise to pay
page = await login('ana');
await openTask(page, '提醒客户付款');
await page.screenshot({ path: join(DOCS, 'tasklist-promise-to-pay.png') });

// CreditDesk's pages, same login
await page.goto(BASE + '/reports/receivables');
await page.locator('#agingChart canvas').waitFor();
await page.waitForTimeout(2000);
await page.screenshot({ path: join(DOCS, 'receivables-page.png') });
await page.goto(BASE + '/customers');
await page.locator('table a').first().click();
await page.waitForTimeout(500);
await page.screenshot({ path: join(DOCS, 'customer-page.png') });
await page.context().close();

// Cockpit for the credit administrator
page = await login('fay');
await page.goto(BASE + '/camunda/app/cockpit/default/#/processes');
await page.waitForTimeout(3000);
await page.screenshot({ path: join(DOCS, 'cockpit-processes.png') });
await page.context().close();
// the policy workbench: fay raises the AA threshold in the editor, simulates and proposes; hana's review form
page = await login('fay');
await page.goto(BASE + '/policy/credit-scorecard/edit');
await page.locator('#policy-views button[data-view="credit-grade"]').click();
for (const [from, to] of [['[80..90[', '[85..90['], ['[70..80[', '[70..85[']]) {
  const cell = page.locator('#policy-editor td', { hasText: from }).first();
  await cell.click();
  await cell.locator('[contenteditable]').first().click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(to);
}
await page.locator('#policy-comment').fill('AA 级门槛由 80 分提高到 85 分 Raise the AA threshold from 80 to 85 points');
await page.screenshot({ path: join(DOCS, 'policy-editor.png') });
await page.locator('#policy-save').click();
await page.waitForURL(/\/policy\/candidates\/\d+/);
await page.locator('#simulate').click();
await page.locator('#grade-matrix').waitFor();
await page.locator('#simulation').scrollIntoViewIfNeeded();
await page.waitForTimeout(500);
await page.screenshot({ path: join(DOCS, 'policy-simulation.png') });
await page.locator('#propose').click();
await page.locator('#proposal-result').waitFor({ state: 'visible' });
await page.context().close();
page = await login('hana');
await openTask(page, '审核政策变更');
await page.screenshot({ path: join(DOCS, 'policy-review.png') });
await page.context().close();

await browser.close();
console.log('screenshots written to ' + DOCS);
