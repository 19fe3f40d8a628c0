// CreditDesk: when the engine refuses a start form (a wrong credit code, say), Tasklist shows the message at the
// top of the long start-form modal, out of view of the Start button the rep just clicked, and with engine-rest's
// "Cannot instantiate process definition <id>:" in front of it. This brings the message into view and leaves out
// the engine's part. (Loaded by Tasklist as a custom script, see scripts/config.js; it exports nothing.)
const ENGINE_PREFIX = /\s*:?\s*(Cannot instantiate process definition \S+?:\d+:[0-9a-f-]+|Cannot submit task form [0-9a-f-]+|Cannot complete task [0-9a-f-]+):\s*/;
const LONE_COLON = /^\s*:\s*$/;
const DANGLING_COLON = /\.\s*:\s*$/;
const seen = new WeakSet();

function tidy(alert) {
  const walker = document.createTreeWalker(alert, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (ENGINE_PREFIX.test(node.nodeValue)) {
      node.nodeValue = node.nodeValue.replace(ENGINE_PREFIX, ' ');
    }
    // "The process could not be started. :" was Tasklist's lead-in to the engine's part
    if (LONE_COLON.test(node.nodeValue)) {
      node.nodeValue = ' ';
    }
    else if (DANGLING_COLON.test(node.nodeValue)) {
      node.nodeValue = node.nodeValue.replace(DANGLING_COLON, '.');
    }
  }
  if (!seen.has(alert) && alert.textContent.trim()) {
    seen.add(alert);
    alert.scrollIntoView({ block: 'center' });
  }
}

new MutationObserver(() => {
  // the start form's modal, and the notifications a refused task form leaves ("Cannot submit task form 037c…: …")
  document.querySelectorAll('.modal-content .alert, .page-notifications .alert, [cam-notifications] .alert, .notifications .alert')
    .forEach(tidy);
}).observe(document.body, { childList: true, subtree: true, characterData: true });
