// CreditDesk's Admin configuration: replaces the webjar's config.js (all comments, no active setting) to offer
// Simplified Chinese first (locales/zh.json, written by CreditDesk from the webjar's en.json), English kept:
// a browser whose preferred language is English shows English.
export default {
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  }
};
