// CreditDesk: friendlier entry in Tasklist's Camunda Forms (form-js), for people who write amounts the Chinese way.
// - Amount fields accept thousands separators and 万/亿 ("1,300万" becomes 13000000) instead of turning into NaN or,
//   worse, reading "1,300" as 1.3 (form-js takes a comma for a decimal point); big numbers show their reading
//   ("¥13,000,000（1,300 万元）") under the field.
// - form-js's validation messages in Simplified Chinese (English kept for an English browser).
// - The unified social credit code is normalised as typed (spaces and dashes out, upper case) and its check
//   character (GB 32100-2015) is checked at once, with the verdict under the field.
// - After a refused Complete or Start, the first field with an error scrolls into view.
// Loaded by Tasklist as a custom script (see scripts/config.js); it exports nothing.
const NUMBER_INPUT = '.fjs-form-field-number input.fjs-input';
const SEPARATORS = /[,，\s¥￥元]/g;
const UNITS = { '万': 1e4, '亿': 1e8 };
const chinese = () => (navigator.language || 'zh').toLowerCase().startsWith('zh');

// "1,300万" → "13000000"; "2.5亿" → "250000000"; anything else unchanged
function normalise(text) {
  if (!/[,，\s¥￥元万亿]/.test(text)) {
    return text;
  }
  const unit = Object.keys(UNITS).find(u => text.includes(u));
  const digits = text.replace(SEPARATORS, '').replace(/[万亿]/g, '');
  if (digits === '' || digits === '-') {
    return digits;
  }
  if (!/^-?\d*\.?\d*$/.test(digits)) {
    return text;
  }
  if (!unit) {
    return digits;
  }
  const [whole, fraction = ''] = digits.split('.');
  const shift = Math.log10(UNITS[unit]);
  const scaled = (whole + fraction.padEnd(shift, '0').slice(0, shift)) + (fraction.length > shift ? '.' + fraction.slice(shift) : '');
  return scaled.replace(/^(-?)0+(?=\d)/, '$1');
}

function reading(text) {
  const value = Number(text);
  if (!Number.isFinite(value) || Math.abs(value) < 10000) {
    return '';
  }
  const yuan = value.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
  const wan = (value / 1e4).toLocaleString('zh-CN', { maximumFractionDigits: 4 });
  return chinese() ? `¥${yuan}（${wan} 万元）` : `CNY ${value.toLocaleString('en-US', { maximumFractionDigits: 2 })}`;
}

function showReading(input) {
  const field = input.closest('.fjs-form-field');
  if (!field) {
    return;
  }
  const text = reading(input.value);
  if (text) {
    field.setAttribute('data-cd-amount', text);
  }
  else {
    field.removeAttribute('data-cd-amount');
  }
}

// form-js lets through only digits, one '.' or ',' and '-': let separators and 万/亿 reach the field, then normalise
document.addEventListener('keypress', event => {
  if (event.target.matches && event.target.matches(NUMBER_INPUT) && /^[,，万亿 ]$/.test(event.key)) {
    event.stopPropagation();
  }
}, true);

const CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

// the check character of the first 17 characters, or null when one of them is outside the code's alphabet
function checkCharacter(first17) {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CODE_ALPHABET.indexOf(first17[i]);
    if (value < 0) {
      return null;
    }
    sum += value * CODE_WEIGHTS[i];
  }
  const check = 31 - (sum % 31);
  return CODE_ALPHABET[check === 31 ? 0 : check];
}

function creditCodeVerdict(code) {
  if (!code) {
    return '';
  }
  const wrong = [...code].find(c => CODE_ALPHABET.indexOf(c) < 0);
  if (wrong) {
    return `✘ 不能含有“${wrong}”（只用数字和除 I、O、S、V、Z 外的大写字母） "${wrong}" is not allowed`;
  }
  if (code.length !== 18) {
    return `已输入 ${code.length}/18 位 ${code.length} of 18 characters`;
  }
  const expected = checkCharacter(code.substring(0, 17));
  return expected === code[17] ? '✔ 校验位正确 check character correct'
    : `✘ 校验位应为 ${expected}，请核对 the check character should be ${expected}`;
}

function isCreditCode(input) {
  const field = input.closest('.fjs-form-field-textfield');
  const label = field && field.querySelector('label');
  return !!label && /统一社会信用代码|credit code/i.test(label.textContent);
}

function normaliseCreditCode(input) {
  const normalised = input.value.replace(/[\s-]/g, '').toUpperCase();
  if (normalised !== input.value) {
    input.value = normalised;
    input.setSelectionRange(normalised.length, normalised.length);
  }
  const field = input.closest('.fjs-form-field');
  const verdict = creditCodeVerdict(normalised);
  if (verdict) {
    field.setAttribute('data-cd-hint', verdict);
  }
  else {
    field.removeAttribute('data-cd-hint');
  }
}

document.addEventListener('input', event => {
  const input = event.target;
  if (input.matches && input.matches('.fjs-form-field-textfield input') && isCreditCode(input)) {
    normaliseCreditCode(input);
    return;
  }
  if (!input.matches || !input.matches(NUMBER_INPUT)) {
    return;
  }
  const normalised = normalise(input.value);
  if (normalised !== input.value) {
    input.value = normalised;
    input.setSelectionRange(normalised.length, normalised.length);
  }
  showReading(input);
}, true);

// pasted text arrives as one input event, handled above; the readings of values already there (a form just opened)
function showReadings(root) {
  root.querySelectorAll(NUMBER_INPUT).forEach(showReading);
}

const MESSAGES = [
  [/^Field is required\.$/, () => '此项必填。'],
  [/^Field must have minimum value of (.+)\.$/, m => `不能小于 ${m[1]}。`],
  [/^Field must have maximum value of (.+)\.$/, m => `不能大于 ${m[1]}。`],
  [/^Field must have minimum length of (\d+)\.$/, m => `至少 ${m[1]} 个字符。`],
  [/^Field must have maximum length of (\d+)\.$/, m => `最多 ${m[1]} 个字符。`],
  [/^Field must be a valid email\.$/, () => '请填写有效的电子邮箱。'],
  [/^Field must be a valid\s+international phone number.*$/, () => '请填写有效的电话号码（如 +86 571 8888 0001）。'],
  [/^Field must match pattern .*$/, (m, field) => /信用代码|credit code/i.test(field.textContent)
    ? '统一社会信用代码为 18 位数字或大写字母（不含 I、O、Z、S、V），空格会自动去掉。'
    : '格式不正确。']
];

function translate(error) {
  const field = error.closest('.fjs-form-field') || error;
  error.querySelectorAll('*').forEach(node => node.children.length === 0 && translateNode(node, field));
  if (error.children.length === 0) {
    translateNode(error, field);
  }
}

function translateNode(node, field) {
  const text = node.textContent.trim();
  for (const [pattern, message] of MESSAGES) {
    const match = text.match(pattern);
    if (match) {
      node.textContent = message(match, field);
      return;
    }
  }
}

let awaitingErrors = false;
document.addEventListener('click', event => {
  const button = event.target.closest && event.target.closest('button');
  if (button && /complete|start|完成|启动|提交/i.test(button.textContent + ' ' + (button.getAttribute('ng-click') || ''))) {
    awaitingErrors = true;
    setTimeout(() => {
      awaitingErrors = false;
    }, 2000);
  }
}, true);

function scrollToFirstError() {
  const first = document.querySelector('.fjs-has-errors');
  if (first) {
    awaitingErrors = false;
    first.scrollIntoView({ block: 'center' });
    const input = first.querySelector('input, select, textarea');
    if (input) {
      input.focus({ preventScroll: true });
    }
  }
}

new MutationObserver(() => {
  if (chinese()) {
    document.querySelectorAll('.fjs-form-field-error').forEach(translate);
  }
  showReadings(document);
  if (awaitingErrors) {
    scrollToFirstError();
  }
}).observe(document.body, { childList: true, subtree: true, characterData: true });
