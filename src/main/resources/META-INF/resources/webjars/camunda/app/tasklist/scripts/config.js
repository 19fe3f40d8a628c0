// CreditDesk's Tasklist configuration: replaces the webjar's config.js (whose only active setting is the
// keyboard shortcuts, kept here as they were), loads CreditDesk's custom script and offers Chinese first.
export default {
  customScripts: ['creditdesk/start-form-errors', 'creditdesk/form-helpers', 'creditdesk/logout'],
  // Simplified Chinese first (locales/zh.json, written by CreditDesk from the webjar's en.json), English kept:
  // a browser whose preferred language is English shows English
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
