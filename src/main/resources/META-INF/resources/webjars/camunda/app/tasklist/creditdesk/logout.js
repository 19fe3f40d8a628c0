// CreditDesk: the logout of CreditDesk's own pages (/customers, /reports/...) lands here, on Tasklist with
// "#/?logout=creditdesk": Tasklist's page may read the webapps' CSRF cookie (path /camunda) and run scripts (its
// Content-Security-Policy), so this ends the one session of Tasklist, Cockpit and CreditDesk's pages the way
// Tasklist's own logout does, then shows the login. Loaded as a custom script (see scripts/config.js).
if (/[?&]logout=creditdesk\b/.test(location.hash)) {
  const cookie = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
  fetch('/camunda/api/admin/auth/user/default/logout', {
    method: 'POST',
    credentials: 'same-origin',
    headers: cookie ? { 'X-XSRF-TOKEN': cookie.substring('XSRF-TOKEN='.length) } : {}
  }).finally(() => {
    location.replace('/camunda/app/tasklist/default/#/login');
    location.reload();
  });
}
