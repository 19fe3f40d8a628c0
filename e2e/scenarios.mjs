// CreditDesk browser end-to-end scenarios: Camunda Tasklist and Cockpit driven in Chromium with playwright-core.
//
//   BASE_URL=http://localhost:8080 DB=h2 node scenarios.mjs
//
// Each scenario is a named function; a failing scenario is reported and the next one still runs. Every step is
// screenshotted to screenshots/<DB>/NN-name.png. The results go to screenshots/<DB>/results.json for run.sh.

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const BASE_URL = (process.env.BASE_URL || 'http://localhost:8080').replace(/\/$/, '');
const DB = process.env.DB || 'h2';
const SHOTS = process.env.SHOTS_DIR || join(here, 'screenshots', DB);
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const RUN_ID = process.env.RUN_ID || Date.now().toString(36).slice(-5).toUpperCase();

const TASKLIST = `${BASE_URL}/camunda/app/tasklist/default/`;
const COCKPIT = `${BASE_URL}/camunda/app/cockpit/default/`;
const STEP_TIMEOUT = 20_000;

// ---------------------------------------------------------------------------------------------------------------
// Test data

/** GB 32100-2015 unified social credit code: 17 characters plus a check character. */
const CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

function checkCharacter(first17) {
  const sum = [...first17].reduce((s, ch, i) => s + CODE_ALPHABET.indexOf(ch) * CODE_WEIGHTS[i], 0);
  const check = 31 - (sum % 31);
  return CODE_ALPHABET[check === 31 ? 0 : check];
}

function newCreditCode() {
  let digits = '';
  for (let i = 0; i < 9; i++) digits += Math.floor(Math.random() * 10);
  const first17 = '91330200' + digits;
  return first17 + checkCharacter(first17);
}

/** The same code with a wrong (but well-formed) check character. */
function withWrongCheckCharacter(code) {
  const right = code.at(-1);
  const wrong = CODE_ALPHABET[(CODE_ALPHABET.indexOf(right) + 7) % CODE_ALPHABET.length];
  return code.slice(0, 17) + wrong;
}

const RATINGS = ["Principal's personal credit", 'Company size and ownership', 'Sales capability', 'Business know-how',
  'Capital growth', 'Profitability', 'Employee complaints', 'Supplier evaluations', 'Bank credit record',
  'Peer and industry reputation', 'Industry outlook', 'Management condition'];

/** Audited statements that grade AA with score 83 and a suggested limit of CNY 275,000 (no bank inquiry). */
function investigation(name, code) {
  return {
    'Company name': name,
    'Unified social credit code': code,
    Region: 'Zhejiang Ningbo 浙江宁波',
    'Statement period': 'FY2025',
    'Quick assets': 1_200_000,
    'Current liabilities': 1_000_000,
    'Total liabilities': 2_250_000,
    'Total assets at period start': 4_000_000,
    'Total assets at period end': 5_000_000,
    'Sales revenue': 18_000_000,
    'Net profit': 1_800_000,
    ...Object.fromEntries(RATINGS.map(label => [label, 4])),
    'Expected monthly purchases': 2_000_000,
    'Payment term': 60,
    'Requested credit limit': 300_000,
  };
}

// Shared between scenarios: what the rep applied for in scenario 1.
const state = {
  anaCustomer: `Ningbo Harbour Tools ${RUN_ID} 宁波港工具有限公司`,
  anaCode: newCreditCode(),
  carlCustomer: `Yuyao Pump Works ${RUN_ID} 余姚水泵厂`,
  carlCode: newCreditCode(),
  anaApplied: false,
};

// ---------------------------------------------------------------------------------------------------------------
// Browser helpers

let browser;
let shotNo = 0;

async function shot(page, name) {
  const file = join(SHOTS, `${String(++shotNo).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

/** A fresh browser context (own cookies) per user, logged in to Tasklist or Cockpit. */
async function login(user, password = 'demo', app = TASKLIST) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  context.setDefaultTimeout(STEP_TIMEOUT);
  const page = await context.newPage();
  page.consoleErrors = [];
  page.on('console', m => { if (m.type() === 'error') page.consoleErrors.push(m.text()); });
  await page.goto(app);
  await page.getByPlaceholder('Username').fill(user);
  await page.getByPlaceholder('Password').fill(password);
  await page.getByRole('button', { name: /log in/i }).click();
  if (app === TASKLIST) {
    await page.getByText('Start process').first().waitFor();
    await page.locator('[cam-tasklist-filters] .task-filter').first().waitFor();
  } else {
    await page.locator('.navbar').getByText(/Processes/).first().waitFor();
  }
  return page;
}

async function logout(page) {
  await page.context().close();
}

/**
 * Tasklist renders a form-js form and then re-renders it a moment later (no request in between); input typed in
 * that moment is lost. Wait for the network to go quiet and give the form time to settle.
 */
async function settle(page) {
  await page.waitForLoadState('networkidle').catch(() => {});
  await page.waitForTimeout(750);
}

/** Fills a form-js field found by (part of) its label and checks the value stuck. */
async function fill(scope, label, value) {
  const input = scope.getByLabel(label, { exact: false }).first();
  for (let attempt = 1; ; attempt++) {
    await input.fill(String(value));
    await input.page().waitForTimeout(100);
    if (await input.inputValue() === String(value)) return input;
    if (attempt === 3) throw new Error(`the value of "${label}" did not stick`);
    await input.page().waitForTimeout(500);
  }
}

/** The form-js field (label, input, description, errors) whose label contains the text. */
function field(scope, label) {
  return scope.locator('.fjs-form-field').filter({ has: scope.page().locator('label', { hasText: label }) }).last();
}

/** The start-form modal's fields, filled by label (form-js). */
async function fillStartForm(page, values) {
  const form = page.locator('.modal-content');
  for (const [label, value] of Object.entries(values)) await fill(form, label, value);
  await form.getByLabel('Audited statements', { exact: false }).check();
  // Ownership is a form-js select: a custom dropdown, not a <select>.
  await form.locator('.fjs-form-field-select').first().click();
  await form.locator('.fjs-dropdownlist-item', { hasText: 'Private 民营' }).first().click();
  return form;
}

async function openStartForm(page) {
  await page.getByText('Start process').first().click();
  await page.locator('.modal-content').getByText('New customer credit investigation').first().click();
  const form = page.locator('.modal-content');
  await form.getByLabel('Company name', { exact: false }).first().waitFor();
  await settle(page);
  return form;
}

async function clickStart(page) {
  await page.locator('.modal-footer').getByRole('button', { name: 'Start', exact: true }).click();
}

/** Waits until the start-form modal is gone and Tasklist confirmed the start. */
async function waitStarted(page) {
  await page.locator('.modal-content').waitFor({ state: 'detached' });
}

async function waitNotification(page, pattern) {
  const alert = page.locator('.alert').filter({ hasText: pattern }).first();
  await alert.waitFor();
  return (await alert.innerText()).replace(/\s+/g, ' ');
}

/** Selects a Tasklist filter and returns the task-list item matching the text, once it shows. */
async function taskItem(page, filter, ...texts) {
  await page.locator('[cam-tasklist-filters] .task-filter h4 a', { hasText: filter }).first().click();
  let item = page.locator('.tasks-list .task');
  for (const text of texts) item = item.filter({ hasText: text });
  // Tasklist refreshes the list on its own; give it a few reloads if the task was created a moment ago.
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      await item.first().waitFor({ timeout: 5_000 });
      return item.first();
    } catch {
      await page.reload();
      await page.locator('[cam-tasklist-filters] .task-filter h4 a', { hasText: filter }).first().click();
    }
  }
  await item.first().waitFor({ timeout: 5_000 });
  return item.first();
}

/** Opens the task and waits for its form-js form. */
async function openTask(page, filter, ...texts) {
  const item = await taskItem(page, filter, ...texts);
  await item.locator('.names a, a').first().click();
  const form = taskForm(page);
  await form.locator('.fjs-form-field').first().waitFor();
  await settle(page);
  return form;
}

function taskForm(page) {
  return page.locator('[cam-tasklist-task] .fjs-container, .task-details .fjs-container, .fjs-container').first();
}

async function fieldValue(form, label) {
  return form.getByLabel(label, { exact: false }).first().inputValue();
}

async function claim(page) {
  await page.locator('.task-details, [cam-tasklist-task]').getByText('Claim', { exact: true }).first().click();
}

/** Closes Tasklist's notifications: they float over the form's Complete button. */
async function dismissNotifications(page) {
  const close = page.locator('.alert button.close:visible');
  for (let i = await close.count(); i > 0; i--) await close.first().click({ timeout: 2_000 }).catch(() => {});
}

async function completeTask(page) {
  await dismissNotifications(page);
  const button = page.locator('.task-details').getByRole('button', { name: 'Complete', exact: true }).first();
  await button.scrollIntoViewIfNeeded();
  check(await button.isEnabled(), 'Complete is disabled: the form is not valid');
  await button.click();
}

// ---------------------------------------------------------------------------------------------------------------
// REST helpers (CreditDesk's /api and Camunda's /engine-rest, HTTP basic)

async function getJson(path, user, password = 'demo') {
  const response = await fetch(BASE_URL + path, {
    headers: { Authorization: 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64'), Accept: 'application/json' },
  });
  check(response.ok, `GET ${path} as ${user}: HTTP ${response.status} ${await response.clone().text()}`);
  return response.json();
}

// ---------------------------------------------------------------------------------------------------------------
// Scenarios

/**
 * 1. Ana (sales rep) starts a credit investigation: form-js refuses negative quick assets, the engine refuses a
 * credit code with a wrong check character, the corrected start runs the scorecard (AA, 83) and she applies for
 * CNY 300,000 on "Prepare credit-grant application".
 */
async function repStartsInvestigationAndApplies() {
  const page = await login('ana');
  await shot(page, 'ana-tasklist');
  const form = await openStartForm(page);
  await fillStartForm(page, investigation(state.anaCustomer, withWrongCheckCharacter(state.anaCode)));

  // form-js validation: quick assets have min 0
  const quickAssets = await fill(form, 'Quick assets', -1200000);
  await quickAssets.blur();
  const error = field(form, 'Quick assets').locator('.fjs-form-field-error');
  await error.filter({ hasText: 'Field must have minimum value of 0.' }).waitFor();
  await quickAssets.scrollIntoViewIfNeeded();
  await shot(page, 'negative-quick-assets');
  await fill(form, 'Quick assets', 1200000);
  await quickAssets.blur();
  await error.filter({ hasText: 'minimum' }).waitFor({ state: 'detached' });

  await form.getByLabel('Company name', { exact: false }).first().scrollIntoViewIfNeeded();
  await shot(page, 'start-form-filled');

  // the engine checks the GB 32100-2015 check character
  await clickStart(page);
  const refusal = await waitNotification(page, 'check character');
  check(/could not be started/i.test(refusal), `unexpected refusal text: ${refusal}`);
  await shot(page, 'bad-credit-code-refused');

  await fill(form, 'Unified social credit code', state.anaCode);
  await clickStart(page);
  await waitStarted(page);
  await shot(page, 'investigation-started');

  // the investigation ran the scorecard; the rep's next task shows the result
  const app = await openTask(page, 'All my tasks', 'Prepare credit-grant application');
  await app.getByLabel('Grade', { exact: false }).first().waitFor();
  check(await fieldValue(app, 'Company name') === state.anaCustomer, 'application shows another customer');
  const grade = await fieldValue(app, 'Grade');
  const score = await fieldValue(app, 'Score');
  const quickRatio = await fieldValue(app, 'Quick ratio');
  const suggested = await fieldValue(app, 'Suggested limit');
  check(grade === 'AA', `grade ${grade}, expected AA`);
  check(score === '83', `score ${score}, expected 83`);
  check(quickRatio.includes('1.20 : 1'), `quick ratio "${quickRatio}", expected "1.20 : 1"`);
  check(suggested.replace(/[^0-9.]/g, '') === '275000', `suggested limit ${suggested}, expected 275000`);
  check(await app.getByLabel('Bank inquiry', { exact: false }).count() === 0, 'a bank inquiry shows for audited AA');
  await shot(page, 'application-form');

  check(await fieldValue(app, 'Validity') === '12', 'validity does not default to 12 months');
  await fill(app, 'Proposed limit', 300000);
  await fill(app, 'Validity', 12);
  await fill(app, 'Reason', 'Long-standing distributor in Ningbo, audited statements, strong quick ratio; monthly purchases of CNY 2m.');
  await app.getByLabel('Proposed limit', { exact: false }).first().scrollIntoViewIfNeeded();
  await shot(page, 'application-filled');
  await completeTask(page);
  await page.locator('.tasks-list .task', { hasText: 'Prepare credit-grant application' }).waitFor({ state: 'detached' });
  state.anaApplied = true;
  await shot(page, 'application-submitted');
  await logout(page);
}

/**
 * 2. Four eyes and the two-level approval: Carl (rep and customer manager) cannot claim the approval of his own
 * request; Clara (customer manager) and Dora (direct-sales manager) approve Ana's CNY 300,000; the customer is
 * ACTIVE with the limit, and the decision history names both approvers.
 */
async function managersApproveWithFourEyes() {
  // Carl's own request, small enough for the customer-manager level
  const carl = await login('carl');
  await openStartForm(carl);
  await fillStartForm(carl, investigation(state.carlCustomer, state.carlCode));
  await clickStart(carl);
  await waitStarted(carl);
  const app = await openTask(carl, 'All my tasks', 'Prepare credit-grant application');
  check(await fieldValue(app, 'Company name') === state.carlCustomer, 'carl opened another application');
  await fill(app, 'Proposed limit', 50000);
  await fill(app, 'Reason', 'Small opening limit for a new pump maker.');
  await completeTask(carl);
  await carl.locator('.tasks-list .task', { hasText: 'Prepare credit-grant application' }).waitFor({ state: 'detached' });

  await openTask(carl, 'Credit approvals', `Approve credit grant: ${state.carlCustomer}`);
  await shot(carl, 'carl-own-approval');
  await claim(carl);
  const refusal = await waitNotification(carl, 'Four eyes');
  check(refusal.includes('carl'), `four-eyes refusal does not name carl: ${refusal}`);
  await shot(carl, 'carl-four-eyes-refused');
  await logout(carl);

  check(state.anaApplied, 'scenario 1 did not submit the application to approve');
  const amountText = 'CNY 300,000.00, grade AA';
  for (const [user, level] of [['clara', 'customer manager'], ['dora', 'direct-sales manager']]) {
    const page = await login(user);
    const form = await openTask(page, 'Credit approvals', `Approve credit grant: ${state.anaCustomer}`, amountText);
    await shot(page, `${user}-approval-task`);
    await claim(page);
    // Tasklist re-renders the form after the claim; wait for that before filling in
    await page.locator('.task-details, [cam-tasklist-task]').getByText('Claim', { exact: true }).waitFor({ state: 'detached' });
    await taskForm(page).getByLabel('Approve 同意', { exact: true }).waitFor();
    await settle(page);
    const decision = taskForm(page);
    await decision.getByLabel('Approve 同意', { exact: true }).check();
    await fill(decision, 'Comment', `Approved at the ${level} level: AA, audited, within the suggested range.`);
    check(await decision.getByLabel('Approve 同意', { exact: true }).isChecked(), 'the decision did not stick');
    await decision.getByLabel('Comment', { exact: false }).first().scrollIntoViewIfNeeded();
    await shot(page, `${user}-approval-filled`);
    await completeTask(page);
    await page.locator('.tasks-list .task', { hasText: state.anaCustomer }).waitFor({ state: 'detached' });
    await shot(page, `${user}-approved`);
    await logout(page);
  }

  // the rep sees no approval task of her own
  const ana = await login('ana');
  await ana.locator('[cam-tasklist-filters] .task-filter h4 a', { hasText: 'All my tasks' }).first().click();
  await ana.locator('.tasks-list').waitFor();
  await ana.waitForTimeout(1000);
  const anaList = await ana.locator('.tasks-list').innerText();
  check(!anaList.includes('Approve credit grant'), 'ana sees an approval task');
  await shot(ana, 'ana-no-approval-task');
  await logout(ana);

  // the record: customer active with the limit, both approvers in the decision history
  const customers = await getJson('/api/customers', 'ana');
  const customer = customers.find(c => c.creditCode === state.anaCode);
  check(customer, `customer ${state.anaCode} not in ana's /api/customers`);
  check(customer.status === 'ACTIVE', `customer status ${customer.status}, expected ACTIVE`);
  check(Number(customer.creditLimit) === 300000, `credit limit ${customer.creditLimit}, expected 300000`);
  check(customer.creditGrade === 'AA', `credit grade ${customer.creditGrade}, expected AA`);
  const decisions = await getJson(`/api/customers/${customer.id}/credit-decisions`, 'ana');
  check(decisions.length === 1, `${decisions.length} credit decisions, expected 1`);
  const approvers = decisions[0].steps.map(s => `${s.approver}:${s.decision}`);
  check(JSON.stringify(approvers) === JSON.stringify(['clara:APPROVE', 'dora:APPROVE']),
    `decision steps ${approvers}, expected clara and dora approving`);
  check(Number(decisions[0].approvedAmount) === 300000, `approved ${decisions[0].approvedAmount}`);
  state.anaCustomerId = customer.id;
}

/**
 * 3. Fay (credit administrator) in Cockpit: the credit-investigation definition with its diagram, and the
 * credit-grade decision instance of Ana's finished investigation with its inputs and outputs.
 */
async function creditAdminInspectsCockpit() {
  // find Ana's finished investigation and its credit-grade evaluation through engine-rest
  const [instance] = await getJson(
    `/engine-rest/history/process-instance?processDefinitionKey=credit-investigation&maxResults=10&variables=creditCode_eq_${state.anaCode}`,
    'fay');
  check(instance, `no credit-investigation instance for ${state.anaCode}`);
  check(instance.state === 'COMPLETED', `ana's investigation is ${instance.state}, expected COMPLETED`);
  const [gradeDecision] = await getJson(
    `/engine-rest/history/decision-instance?decisionDefinitionKey=credit-grade&maxResults=10&processInstanceId=${instance.id}`, 'fay');
  check(gradeDecision, 'no credit-grade decision instance for ana\'s investigation');

  const page = await login('fay', 'demo', COCKPIT);
  await shot(page, 'cockpit-dashboard');
  await page.goto(`${COCKPIT}#/processes`);
  const definition = page.getByRole('link', { name: /New customer credit investigation/ }).first();
  await definition.waitFor();
  await shot(page, 'cockpit-processes');
  await definition.click();
  await page.locator('.djs-container [data-element-id="Task_ScoreCredit"]').first().waitFor();
  await page.getByText('New customer credit investigation').first().waitFor();
  await shot(page, 'cockpit-credit-investigation-diagram');

  await page.goto(`${COCKPIT}#/decisions`);
  const grade = page.getByRole('link', { name: /Credit grade/ }).first();
  await grade.waitFor();
  await shot(page, 'cockpit-decisions');
  await grade.click();
  const instanceLink = page.locator(`a[href*="${gradeDecision.id}"]`).first();
  await instanceLink.waitFor();
  await shot(page, 'cockpit-credit-grade-definition');
  await instanceLink.click();
  await page.locator('.dmn-decision-table-container, .tjs-container').first().waitFor();
  const body = await page.locator('body').innerText();
  check(body.includes('credit-grade'), 'decision instance page does not show credit-grade');
  check(body.includes('AA'), 'decision instance page does not show the grade AA');
  await shot(page, 'cockpit-credit-grade-instance');
  await logout(page);
}

// ---------------------------------------------------------------------------------------------------------------

const scenarios = [repStartsInvestigationAndApplies, managersApproveWithFourEyes, creditAdminInspectsCockpit];

rmSync(SHOTS, { recursive: true, force: true });
mkdirSync(SHOTS, { recursive: true });
browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run'],
});
const results = [];
try {
  for (const scenario of scenarios) {
    const started = Date.now();
    const firstShot = shotNo + 1;
    let error;
    try {
      await scenario();
    } catch (e) {
      error = e;
      // a last look at whatever page was open when it failed
      for (const context of browser.contexts()) {
        for (const page of context.pages()) await shot(page, `${scenario.name}-FAILED`).catch(() => {});
        await context.close().catch(() => {});
      }
    }
    const seconds = (Date.now() - started) / 1000;
    results.push({ name: scenario.name, ok: !error, seconds, error: error ? String(error.message || error).split('\n')[0] : undefined,
      shots: [firstShot, shotNo] });
    console.log(`${DB}: ${error ? 'FAIL' : 'ok  '} ${scenario.name} (${seconds.toFixed(1)} s)`);
    if (error) console.log(String(error.stack || error).split('\n').filter(l => !l.includes('node_modules')).slice(0, 8).join('\n'));
  }
} finally {
  await browser.close();
}
writeFileSync(join(SHOTS, 'results.json'), JSON.stringify({ db: DB, baseUrl: BASE_URL, runId: RUN_ID, results }, null, 2));
process.exitCode = results.every(r => r.ok) ? 0 : 1;
