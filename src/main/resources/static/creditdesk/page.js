// CreditDesk's pages: the header's logout ends the webapps' session (the one login of Tasklist, Cockpit and these
// pages) from Tasklist (creditdesk/logout.js there), where the webapps' CSRF cookie can be read.
document.addEventListener('DOMContentLoaded', () => {
  const button = document.getElementById('cd-logout');
  if (button) {
    button.addEventListener('click', () => location.assign('/camunda/app/tasklist/default/#/?logout=creditdesk'));
  }
});
