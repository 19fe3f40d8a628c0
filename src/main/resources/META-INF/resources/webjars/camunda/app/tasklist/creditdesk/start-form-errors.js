// CreditDesk: when the engine refuses a start or task form (a wrong credit code, a missing reason), Tasklist shows
// the message at the top of the long start-form modal or in a toast, with engine-rest's "Cannot instantiate process
// definition <id>:" in front of it. This leaves out the engine's part and shows each message under the field it is
// about: CreditDesk's refusals end with the keys of their fields in brackets ("… [creditCode]", see UserInput), and
// form-js gives each field's input an id ending in "-Field_<key>" (our forms' convention). The first such field is
// scrolled into view; without a field the message itself is. (Loaded by Tasklist as a custom script, see
// scripts/config.js; it exports nothing.)
const ENGINE_PREFIX = /\s*:?\s*(Cannot instantiate process definition \S+?:\d+:[0-9a-f-]+|Cannot submit task form [0-9a-f-]+|Cannot complete task [0-9a-f-]+):\s*/;
const LONE_COLON = /^\s*:\s*$/;
const DANGLING_COLON = /\.\s*:\s*$/;
// "message [key1,key2]": the text before the brackets belongs to those fields
const FIELD_MESSAGE = /([^[\]]+?)\s*\[([A-Za-z][A-Za-z0-9_]*(?:,[A-Za-z][A-Za-z0-9_]*)*)\]/g;
const seen = new WeakSet();

function tidy(alert) {
  const walker = document.createTreeWalker(alert, NodeFilter.SHOW_TEXT);
  const atFields = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const prefix = node.nodeValue.match(ENGINE_PREFIX);
    if (prefix) {
      const before = node.nodeValue.slice(0, prefix.index);
      const server = node.nodeValue.slice(prefix.index + prefix[0].length);
      atFields.push(...fieldMessages(server));
      node.nodeValue = before + ' ' + server.replace(FIELD_MESSAGE, '$1').trim();
    }
    // "The process could not be started. :" was Tasklist's lead-in to the engine's part
    if (LONE_COLON.test(node.nodeValue)) {
      node.nodeValue = ' ';
    }
    else if (DANGLING_COLON.test(node.nodeValue)) {
      node.nodeValue = node.nodeValue.replace(DANGLING_COLON, '.');
    }
  }
  const first = atFields.length ? showAtFields(alert, atFields) : null;
  if (!seen.has(alert) && alert.textContent.trim()) {
    seen.add(alert);
    (first || alert).scrollIntoView({ block: 'center' });
  }
}

function fieldMessages(text) {
  const parts = [];
  for (const match of text.matchAll(FIELD_MESSAGE)) {
    parts.push({ text: match[1].trim(), keys: match[2].split(',') });
  }
  return parts;
}

function fieldOf(scope, key) {
  const input = scope.querySelector(`[id$="-Field_${key}"], [id*="-Field_${key}-"]`);
  return input ? input.closest('.fjs-form-field') : null;
}

/** Shows each message under its fields (the previous refusal's messages go); returns the first field shown. */
function showAtFields(alert, parts) {
  const scope = alert.closest('.modal-content') || document;
  scope.querySelectorAll('.cd-server-error').forEach(error => error.remove());
  scope.querySelectorAll('.cd-server-invalid').forEach(field => field.classList.remove('cd-server-invalid'));
  let first = null;
  for (const part of parts) {
    for (const key of part.keys) {
      const field = fieldOf(scope, key);
      if (!field) {
        continue;
      }
      const error = document.createElement('div');
      error.className = 'cd-server-error';
      error.setAttribute('role', 'alert');
      error.textContent = part.text;
      field.appendChild(error);
      field.classList.add('cd-server-invalid');
      first = first || field;
    }
  }
  return first;
}

// a field's server message goes as soon as the user changes that field
['input', 'change'].forEach(type => document.addEventListener(type, event => {
  const field = event.target.closest && event.target.closest('.cd-server-invalid');
  if (field) {
    field.classList.remove('cd-server-invalid');
    field.querySelectorAll('.cd-server-error').forEach(error => error.remove());
  }
}, true));

new MutationObserver(() => {
  // the start form's modal, and the notifications a refused task form leaves ("Cannot submit task form 037c…: …")
  document.querySelectorAll('.modal-content .alert, .page-notifications .alert, [cam-notifications] .alert, .notifications .alert')
    .forEach(tidy);
}).observe(document.body, { childList: true, subtree: true, characterData: true });
