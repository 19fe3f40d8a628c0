// CreditDesk's pages on Camunda's welcome page (the app's root page), next to Tasklist, Cockpit and Admin.
// Replaces the webjar's own (all-comments) welcome config.js; the pages use the same login.
export default {
  // Simplified Chinese first (locales/zh.json), English kept
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  links: [
    {
      label: 'Receivables 应收账款',
      href: '/reports/receivables',
      description: 'Aging by days and by year, KPIs (DSO, CEI, utilisation), drill-down, statements'
    },
    {
      label: 'Customers 客户',
      href: '/customers',
      description: 'Credit standing, credit decisions with every approver, credit files'
    },
    {
      label: 'Collections 催收',
      href: '/reports/collections',
      description: 'Overdue collection cases, their history and dunning letters'
    },
    {
      label: 'Bad-debt liabilities 呆账责任',
      href: '/reports/liabilities',
      description: 'Written-off bad debts charged per person'
    }
  ]
};
