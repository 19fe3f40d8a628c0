// CreditDesk's policy workbench in the browser: the list of DMN policies and candidates (/policy), the decision
// table editor (/policy/{key}/edit, dmn-js from /creditdesk/policy-editor/editor.js), and a candidate with its
// validation, rule-by-rule diff, portfolio simulation and proposal (/policy/candidates/{id}).
// Each page's <main data-policy-page="…"> says which part runs; Thymeleaf puts the ids into data attributes.
(() => {
  const esc = s => String(s ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  const money = n => n == null || n === '' ? '–' : Number(n).toLocaleString('zh-CN', { style: 'currency', currency: 'CNY' });
  const count = n => n == null ? '–' : Number(n).toLocaleString('zh-CN');
  const $ = id => document.getElementById(id);

  /** An ISO instant or date as local 'yyyy/m/d hh:mm'; anything unparseable as it came. */
  function when(value) {
    if (!value) return '–';
    const date = new Date(value);
    if (isNaN(date)) return String(value);
    return String(value).length <= 10 ? date.toLocaleDateString('zh-CN')
      : date.toLocaleString('zh-CN', { dateStyle: 'short', timeStyle: 'short', hour12: false });
  }

  /** A failed call: its problem detail (RFC 9457) when the server sent one. */
  class ProblemError extends Error {
    constructor(status, problem) {
      super((problem && (problem.detail || problem.title)) || ('HTTP ' + status));
      this.status = status;
      this.problem = problem || {};
    }
  }

  function csrfToken() {
    const meta = document.querySelector('meta[name="cd-csrf"]');
    return meta ? meta.content : '';
  }

  async function call(url, method = 'GET', body) {
    const options = { method, credentials: 'same-origin', headers: { Accept: 'application/json, application/problem+json' } };
    if (method !== 'GET') {
      options.headers['Content-Type'] = 'application/json';
      options.headers['X-XSRF-TOKEN'] = csrfToken();
      options.body = JSON.stringify(body ?? {});
    }
    const response = await fetch(url, options);
    const text = await response.text();
    let data = null;
    try { data = text ? JSON.parse(text) : null; } catch (e) { data = { detail: text.slice(0, 300) }; }
    if (!response.ok) throw new ProblemError(response.status, data);
    return data;
  }

  async function text(url) {
    const response = await fetch(url, { credentials: 'same-origin' });
    if (!response.ok) {
      let problem = null;
      try { problem = await response.json(); } catch (e) { /* not JSON */ }
      throw new ProblemError(response.status, problem);
    }
    return response.text();
  }

  /** One entry of a problem's `errors`: a string, or a violation {decision, rule, column, message}, or {field, message}. */
  function errorLine(e) {
    if (e == null) return '';
    if (typeof e !== 'object') return esc(e);
    const where = [e.decision, e.rule != null ? '规则 rule ' + e.rule : null, e.column, e.field].filter(Boolean).join(' · ');
    return (where ? '<b>' + esc(where) + '</b>: ' : '') + esc(e.message ?? e.defaultMessage ?? JSON.stringify(e));
  }

  /** Fills a red error box with the error's message and, for a problem detail, its `errors` list. */
  function showError(box, lead, error) {
    const problem = error instanceof ProblemError ? error.problem : {};
    const errors = Array.isArray(problem.errors) ? problem.errors : [];
    box.innerHTML = '<p><b>' + esc(lead) + '</b> ' + esc(error.message) + '</p>'
      + (errors.length ? '<ul>' + errors.map(e => '<li>' + errorLine(e) + '</li>').join('') + '</ul>' : '');
    box.hidden = false;
  }

  function row(cells, tag = 'td') {
    return '<tr>' + cells.map(c => `<${tag}>${c}</${tag}>`).join('') + '</tr>';
  }

  // ---------------------------------------------------------------------------------------------------------------
  // /policy: the deployed policies and the candidates

  async function listPage() {
    const error = $('policy-list-error');
    try {
      const data = await call('/api/policy');
      const decisions = data.decisions || [];
      $('policy-decisions').innerHTML = row(['政策 Policy', '决策 Decisions', '版本 Version', '部署于 Deployed',
        '来源 Source', ''], 'th')
        + decisions.map(d => row([esc(d.name) + '<br><small class="muted">' + esc(d.resourceName || d.key) + '</small>',
          (d.decisionIds || []).map(esc).join('<br>'), 'v' + esc(d.version), esc(when(d.deployedAt)), esc(d.source),
          `<a href="/policy/${encodeURIComponent(d.key)}/edit">编辑 Edit</a>`
          + (d.version > 1 ? ` · <a href="#" data-rollback="${esc(d.key)}" data-version="${esc(d.version)}">回滚 Roll back</a>` : '')]))
          .join('')
        + (decisions.length ? '' : '<tr><td colspan="6">没有已部署的政策 No deployed policy</td></tr>');
      const candidates = data.candidates || [];
      $('policy-candidates').innerHTML = row(['候选 Candidate', '政策 Policy', '作者 Author', '创建于 Created',
        '修改说明 Comment', '状态 Status', '校验 Valid'], 'th')
        + candidates.map(c => row([`<a href="/policy/candidates/${encodeURIComponent(c.id)}">#${esc(c.id)}</a>`,
          esc(c.policyName || c.policyKey), esc(c.authorName || c.author), esc(when(c.createdAt)), esc(c.comment),
          esc(c.statusName || c.status),
          c.valid ? '<span class="badge good" title="通过校验 valid">✓</span>' : '<span class="badge bad" title="未通过校验 invalid">✗</span>']))
          .join('')
        + (candidates.length ? '' : '<tr><td colspan="7">尚无候选版本 No candidate yet</td></tr>');
    } catch (e) {
      showError(error, '政策未能加载 Could not load the policies:', e);
    }
    // a rollback is a new candidate from an older version, reviewed like any other change
    $('policy-decisions').addEventListener('click', async event => {
      const link = event.target.closest('a[data-rollback]');
      if (!link) return;
      event.preventDefault();
      const live = Number(link.dataset.version);
      const version = Number(prompt(`回滚到哪个版本？Roll back to which version? (1–${live - 1})`, String(live - 1)));
      if (!version) return;
      const comment = prompt('回滚原因（必填） Why roll back? (required)');
      if (!comment || !comment.trim()) return;
      try {
        const candidate = await call('/api/policy/' + encodeURIComponent(link.dataset.rollback) + '/rollbacks', 'POST',
          { version, comment: comment.trim() });
        location.assign('/policy/candidates/' + encodeURIComponent(candidate.id));
      } catch (e) {
        showError(error, '未能回滚 Could not roll back:', e);
      }
    });
  }

  // ---------------------------------------------------------------------------------------------------------------
  // /policy/{key}/edit: the decision table editor

  async function editorPage(main) {
    const key = main.dataset.policyKey;
    const candidateId = main.dataset.candidateId || '';
    const error = $('policy-error');
    const save = $('policy-save');
    const comment = $('policy-comment');
    let modeler = null;
    let basedOn = '';

    $('policy-source').textContent = candidateId
      ? '基于候选版本 #' + candidateId + ' From candidate #' + candidateId
      : '基于当前部署版本 From the deployed version';
    // the policy's name and version for the heading; the editor works without it
    call('/api/policy').then(data => {
      const policy = (data.decisions || []).find(d => d.key === key);
      if (policy) $('policy-name').textContent = policy.name + ' · v' + policy.version;
    }).catch(() => {});

    try {
      if (!window.CreditDeskPolicyEditor) throw new Error('编辑器未加载 The editor bundle /creditdesk/policy-editor/editor.js did not load');
      const response = await fetch(candidateId
        ? '/api/policy/candidates/' + encodeURIComponent(candidateId) + '/xml'
        : '/api/policy/' + encodeURIComponent(key) + '/xml', { credentials: 'same-origin' });
      if (!response.ok) throw new Error('HTTP ' + response.status);
      // the version the edit starts from: saving is refused if another one went live in the meantime
      basedOn = response.headers.get('X-Decision-Definition-Id') || '';
      const xml = await response.text();
      modeler = await window.CreditDeskPolicyEditor.open($('policy-editor'), xml);
      // one tab per decision of the file (the scorecard holds score, grade, suggested limit and bank inquiry)
      const tabs = $('policy-views');
      if (tabs) {
        const list = window.CreditDeskPolicyEditor.decisions(modeler);
        tabs.innerHTML = list.map((d, i) => `<button type="button" class="cd-tab${i === 0 ? ' active' : ''}" data-view="${esc(d.id)}">`
          + `${esc(d.name)} <small class="muted">${esc(d.id)}</small></button>`).join('');
        tabs.hidden = list.length < 2;
        tabs.addEventListener('click', async event => {
          const button = event.target.closest('button[data-view]');
          if (!button) return;
          await window.CreditDeskPolicyEditor.show(modeler, button.dataset.view);
          tabs.querySelectorAll('button').forEach(b => b.classList.toggle('active', b === button));
        });
      }
      save.disabled = false;
    } catch (e) {
      showError(error, '政策未能打开 Could not open the policy:', e);
      return;
    }

    save.addEventListener('click', async () => {
      error.hidden = true;
      if (!comment.value.trim()) {
        comment.reportValidity();
        comment.focus();
        return;
      }
      save.disabled = true;
      try {
        const xml = await window.CreditDeskPolicyEditor.save(modeler);
        const candidate = await call('/api/policy/' + encodeURIComponent(key) + '/candidates', 'POST',
          { xml, comment: comment.value.trim(), basedOn });
        location.assign('/policy/candidates/' + encodeURIComponent(candidate.id));
      } catch (e) {
        // the editor keeps its content: the administrator corrects it and saves again
        showError(error, '未能保存 Not saved:', e);
        error.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
        save.disabled = false;
      }
    });
  }

  // ---------------------------------------------------------------------------------------------------------------
  // /policy/candidates/{id}: validation, diff, simulation, proposal

  async function candidatePage(main) {
    const id = main.dataset.candidateId;
    const base = '/api/policy/candidates/' + encodeURIComponent(id);
    const propose = $('propose');
    const result = $('proposal-result');
    try {
      const candidate = await call(base);
      showCandidate(candidate);
      loadDiff(base);
    } catch (e) {
      showError($('candidate-error'), '候选版本未能加载 Could not load the candidate:', e);
      return;
    }

    $('simulate').addEventListener('click', () => simulate(base, id));
    propose.addEventListener('click', async () => {
      propose.disabled = true;
      result.hidden = true;
      try {
        const candidate = await call(base + '/proposal', 'POST', {});
        showCandidate(candidate);
        result.className = '';
        result.innerHTML = '<p><span class="badge good">已提交 Proposed</span> 已提交，等待另一位信用管理员在任务列表中审批 '
          + 'Proposed: another credit administrator reviews it in Tasklist. '
          + '<a href="/camunda/app/tasklist/default/">任务列表 Tasklist</a></p>';
        result.hidden = false;
      } catch (e) {
        result.className = 'error-box';
        showError(result, '未能提交 Not proposed:', e);
        propose.disabled = false;
      }
    });
  }

  function showCandidate(c) {
    document.title = '候选版本 Candidate #' + c.id + ' · CreditDesk 信用管理';
    $('candidate-title').textContent = '候选版本 Candidate #' + c.id + ' · ' + (c.policyName || c.policyKey);
    const status = $('candidate-status');
    status.textContent = c.statusName || c.status;
    status.dataset.status = c.status;
    status.className = 'badge ' + ({ DRAFT: '', PROPOSED: 'warn', DEPLOYED: 'good', REJECTED: 'bad' }[c.status] ?? '');
    const summary = [
      ['政策 Policy', esc(c.policyName) + ' <small class="muted">' + esc(c.policyKey) + '</small>'],
      ['基于版本 Based on', c.basedOnVersion != null ? 'v' + esc(c.basedOnVersion) : '–'],
      ['作者 Author', esc(c.authorName || c.author)],
      ['创建于 Created', esc(when(c.createdAt))],
      ['修改说明 Comment', esc(c.comment)]];
    if (c.reviewerName || c.reviewedAt) {
      summary.push(['审批人 Reviewer', esc(c.reviewerName) + ' · ' + esc(when(c.reviewedAt))]);
      summary.push(['审批意见 Review comment', esc(c.reviewComment || '–')]);
    }
    if (c.deployedVersion != null) summary.push(['部署版本 Deployed as', 'v' + esc(c.deployedVersion)]);
    if (c.processInstanceId) {
      summary.push(['审批流程 Approval process', `<a href="/camunda/app/cockpit/default/#/process-instance/${encodeURIComponent(c.processInstanceId)}">`
        + esc(c.processInstanceId) + '</a>']);
    }
    $('candidate-summary').innerHTML = summary.map(([label, value]) => `<tr><th>${label}</th><td>${value}</td></tr>`).join('');

    $('edit-from').href = '/policy/' + encodeURIComponent(c.policyKey) + '/edit?from=' + encodeURIComponent(c.id);
    const propose = $('propose');
    propose.disabled = !(c.valid && c.status === 'DRAFT');
    propose.title = c.valid ? (c.status === 'DRAFT' ? '' : '只有草稿可以提交 Only a draft can be proposed')
      : '未通过校验，不能提交 Not valid: cannot be proposed';

    $('candidate-valid').innerHTML = c.valid
      ? '<span class="badge good">✓ 通过校验 Valid</span>'
      : '<span class="badge bad">✗ 未通过校验 Not valid</span>';
    const violations = c.violations || [];
    $('candidate-violations').innerHTML = violations.length
      ? row(['决策 Decision', '规则 Rule', '列 Column', '问题 Problem'], 'th')
        + violations.map(v => row([esc(v.decision), esc(v.rule ?? '–'), esc(v.column ?? '–'), esc(v.message)])).join('')
      : '<tr><td>没有违反校验规则 No violations</td></tr>';
    const cases = c.cases || { total: 0, passed: 0, failures: [] };
    const failures = cases.failures || [];
    $('candidate-cases').innerHTML = `<span class="badge ${cases.passed === cases.total ? 'good' : 'bad'}">`
      + `${count(cases.passed)}/${count(cases.total)} 通过 passed</span>`;
    $('candidate-case-failures').innerHTML = failures.length
      ? row(['决策 Decision', '用例 Case', '预期 Expected', '实际 Actual'], 'th')
        + failures.map(f => row([esc(f.decision), esc(f.description), esc(f.expected), esc(f.actual)])).join('')
      : '';
    $('candidate-case-failures').hidden = !failures.length;
  }

  async function loadDiff(base) {
    const table = $('candidate-diff');
    try {
      const diff = await call(base + '/diff');
      const changes = diff.changes || [];
      if (!changes.length) {
        table.innerHTML = '<tr><td>与部署版本相同 No change against the deployed version</td></tr>';
        return;
      }
      const KIND = { ADDED: '<span class="badge good">新增 Added</span>', REMOVED: '<span class="badge bad">删除 Removed</span>',
        CHANGED: '<span class="badge warn">修改 Changed</span>', TABLE: '<span class="badge warn">表头 Table</span>' };
      let html = '';
      let decision = null;
      let header = null;
      for (const change of changes) {
        const columns = change.columns || [];
        const width = columns.length + 2;
        if (change.decision !== decision) {
          decision = change.decision;
          header = null;
          html += `<tr><th class="decision" colspan="${width}">${esc(change.decisionName || change.decision)}`
            + ` <small class="muted">${esc(change.decision)}</small></th></tr>`;
        }
        const columnsKey = JSON.stringify(columns);
        if (columnsKey !== header) {
          header = columnsKey;
          html += row(['规则 Rule', '变更 Change', ...columns.map(esc)], 'th');
        }
        const before = change.before || [];
        const after = change.after || [];
        const cells = (values, other, cls) => columns.map((_, i) => {
          const compared = change.kind === 'CHANGED' || change.kind === 'TABLE';
          const changed = !compared || (values[i] ?? '') !== (other[i] ?? '');
          return `<td class="cell${changed ? ' ' + cls : ''}">${esc(values[i] ?? '')}</td>`;
        }).join('');
        if (change.kind === 'CHANGED' || change.kind === 'TABLE') {
          html += `<tr class="changed"><td rowspan="2">${esc(change.rule || '—')}</td><td rowspan="2">${KIND[change.kind]}</td>`
            + cells(before, after, 'was') + '</tr>'
            + '<tr class="changed">' + cells(after, before, 'now') + '</tr>';
        } else if (change.kind === 'ADDED') {
          html += `<tr class="added"><td>${esc(change.rule)}</td><td>${KIND.ADDED}</td>` + cells(after, before, 'now') + '</tr>';
        } else {
          html += `<tr class="removed"><td>${esc(change.rule)}</td><td>${KIND[change.kind] || esc(change.kind)}</td>`
            + cells(before, after, 'was') + '</tr>';
        }
      }
      table.innerHTML = html;
    } catch (e) {
      table.innerHTML = '<tr><td class="error-box">差异未能加载 Could not load the changes: ' + esc(e.message) + '</td></tr>';
    }
  }

  async function simulate(base, id) {
    const button = $('simulate');
    const out = $('simulation');
    button.disabled = true;
    out.hidden = false;
    out.innerHTML = '<p class="muted">正在模拟… Simulating…</p>';
    try {
      const s = await call(base + '/simulation', 'POST', {});
      out.innerHTML = renderSimulation(s, id);
    } catch (e) {
      out.innerHTML = '<div class="error-box"></div>';
      showError(out.firstChild, '模拟失败 Simulation failed:', e);
    } finally {
      button.disabled = false;
    }
  }

  function renderSimulation(s, id) {
    const csv = `<p><a id="simulation-csv" href="/api/policy/candidates/${encodeURIComponent(id)}/simulation.csv">下载 CSV Download CSV</a></p>`;
    if (s.supported === false) {
      return `<p class="error-box">${esc(s.note || '此政策不支持组合模拟 This policy cannot be simulated on the portfolio')}</p>`;
    }
    const grades = s.grades || [];
    const matrix = s.matrix || [];
    const tiles = [
      ['评估的信用档案 Credit files evaluated', count(s.files) + ' <small class="muted">(' + count(s.millis) + ' ms)</small>'],
      ['等级变化 Grades changed', count(s.gradesChanged)],
      ['建议额度变化 Limits changed', count(s.limitsChanged)],
      ['审批链变化 Approval chains changed', count(s.chainsChanged)],
      ['建议额度合计 Total suggested', money(s.totalSuggestedBefore) + ' → ' + money(s.totalSuggestedAfter)],
      ['敞口超出新建议额度的客户 Customers above the new suggestion', count(s.customersAboveNewSuggestion)],
      ['超出部分 Exposure above the new suggestion', money(s.exposureAboveNewSuggestion)],
      ['受影响的重点客户 Key accounts affected', count(s.keyAccountsAffected)]];
    let html = (s.note ? `<p class="muted">${esc(s.note)}</p>` : '')
      + '<div class="cd-tiles">' + tiles.map(([label, value]) => `<div>${label}<b>${value}</b></div>`).join('') + '</div>';

    // grade migration: rows are the grade today, columns the grade under the candidate
    const rowTotals = grades.map((_, r) => (matrix[r] || []).reduce((a, b) => a + Number(b || 0), 0));
    const colTotals = grades.map((_, c) => matrix.reduce((a, r) => a + Number((r || [])[c] || 0), 0));
    html += `<h3>迁移 Migration: ${esc(s.resultLabel || '等级 Grade')} <small class="muted">行：现行 rows: today · 列：候选 columns: candidate</small></h3>`
      + '<div class="table-wrap"><table id="grade-matrix" class="cd-matrix">'
      + row(['现行 ↓ 候选 →', ...grades.map(esc), '合计 Total'], 'th')
      + grades.map((g, r) => '<tr><th>' + esc(g) + '</th>' + grades.map((_, c) => {
        const n = Number((matrix[r] || [])[c] || 0);
        const cls = r === c ? 'same' : n ? 'moved' : 'zero';
        return `<td class="${cls}" title="${esc(g)} → ${esc(grades[c])}">${count(n)}</td>`;
      }).join('') + `<td><b>${count(rowTotals[r])}</b></td></tr>`).join('')
      + '<tr><th>合计 Total</th>' + colTotals.map(n => `<td><b>${count(n)}</b></td>`).join('') + '<td></td></tr>'
      + '</table></div>';

    // customers per grade before and after, as bars
    const max = Math.max(1, ...rowTotals, ...colTotals);
    const bar = (n, cls) => `<div class="bar ${cls}" style="width:${(n * 100 / max).toFixed(1)}%" title="${count(n)}"></div>`;
    html += '<h3>各等级客户数 Customers per grade</h3>'
      + '<p class="cd-legend"><span style="background:#b3b3b3"></span>现行 Today<span style="background:var(--cd-blue)"></span>候选 Candidate</p>'
      + '<div class="cd-bars" id="grade-bars">' + grades.map((g, i) => `<b>${esc(g)}</b>`
        + `<div>${bar(rowTotals[i], 'before')}${bar(colTotals[i], 'after')}</div>`
        + `<small class="num">${count(rowTotals[i])} → ${count(colTotals[i])}</small>`).join('') + '</div>';

    // the customers whose grade, limit or approval chain changes
    const customers = s.customers || [];
    const diff = (before, after, format = esc) => (before ?? '') === (after ?? '')
      ? `<td>${format(after)}</td>` : `<td class="changed">${format(before)} → ${format(after)}</td>`;
    const diffMoney = (before, after) => Number(before ?? 0) === Number(after ?? 0) && (before == null) === (after == null)
      ? `<td class="num">${money(after)}</td>` : `<td class="num changed">${money(before)} → ${money(after)}</td>`;
    html += `<h3>受影响的客户 Customers affected (${count(customers.length)})</h3>` + csv
      + '<div class="table-wrap"><table id="simulation-customers">'
      + row(['客户 Customer', '分类 Class', esc(s.resultLabel || '等级 Grade'), '建议额度 Suggested limit', '审批链 Approval chain', '敞口 Exposure'], 'th')
      + customers.map(c => '<tr>'
        + `<td><a href="/customers/${encodeURIComponent(c.customerId)}">${esc(c.name)}</a>`
        + (c.keyAccountClass === 'A' ? ' <span class="badge good" title="重点客户 Key account">★</span>' : '') + '</td>'
        + `<td>${esc(c.keyAccountClass ?? '–')}</td>`
        + diff(c.gradeBefore, c.gradeAfter) + diffMoney(c.limitBefore, c.limitAfter) + diff(c.chainBefore, c.chainAfter)
        + `<td class="num">${money(c.exposure)}</td></tr>`).join('')
      + (customers.length ? '' : '<tr><td colspan="6">没有客户受影响 No customer affected</td></tr>')
      + '</table></div>';
    return html;
  }

  document.addEventListener('DOMContentLoaded', () => {
    const main = document.querySelector('main[data-policy-page]');
    if (!main) return;
    ({ list: listPage, editor: editorPage, candidate: candidatePage })[main.dataset.policyPage](main);
  });
})();
