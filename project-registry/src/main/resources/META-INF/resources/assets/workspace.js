// The workspace (项目工作台): fills each page from the registry's JSON API, as the signed-in user.
'use strict';

const body = document.body;
const WEEK = body.dataset.week;
const SITE = { NOT_ENTERED: '未进场', ENTERED: '已进场', STARTED: '已开工' };
const POOL = { PLANNING: '谋划库', RESERVE: '储备库', PREPARING: '预备库', BUILDING: '建设库', COMPLETED: '已竣工', IN_PRODUCTION: '已投产', SUSPENDED: '暂停', CANCELLED: '取消' };
const FIELD = {
  investmentCompleted: '本周完成投资', imageProgressPercent: '形象进度', imageProgressNote: '形象进度说明',
  siteStatus: '现场状态', problemsRaised: '存在问题', code: '项目', body: '文件', week: '周次', isoWeek: '周次',
  caption: '说明', title: '问题', department: '协调部门', dueDate: '希望解决日期', 'Content-Type': '文件类型'
};

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') node.className = v; else if (k === 'text') node.textContent = v; else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) node.append(c instanceof Node ? c : String(c));
  return node;
}

async function api(method, url, data, type) {
  // the header tells the service that this is the page's own script, which calls the API with the page's session
  const options = { method, headers: { Accept: 'application/json', 'X-Requested-With': 'JavaScript' }, credentials: 'same-origin' };
  if (data !== undefined) {
    options.headers['Content-Type'] = type || 'application/json';
    options.body = type ? data : JSON.stringify(data);
  }
  const response = await fetch(url, options);
  // the session ended (401 locally, 499 from the district's provider): the page itself goes through the sign-in again
  if (response.status === 401 || response.status === 499) { location.reload(); throw new Error('登录已过期，正在重新登录'); }
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) { const e = new Error(problemText(json)); e.problem = json; e.status = response.status; throw e; }
  return json;
}

/** The Chinese half of each reason ("中文 / English"), with the field's name. */
function reason(error) {
  const field = (error.field || '').replace(/^rows\[\d+\]\./, '');
  const text = (error.reason || '').split(' / ')[0];
  return (FIELD[field] ? FIELD[field] + '：' : '') + text;
}

function problemText(problem) {
  if (!problem) return '请求失败';
  if (problem.errors && problem.errors.length) return problem.errors.map(reason).join('；');
  if (problem.status === 403) return '您无权进行此操作：' + (problem.detail || '');
  if (problem.status === 404) return '未找到：' + (problem.detail || '');
  return problem.detail || problem.title || '请求失败';
}

const money = (v) => v === null || v === undefined ? '' : Number(v).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

// ---- 我的项目 --------------------------------------------------------------------------------------------------
async function home() {
  const picker = document.getElementById('week-picker');
  picker.addEventListener('change', () => { if (picker.value) location.href = '/?week=' + picker.value; });
  const data = await api('GET', '/api/v1/workspace?week=' + WEEK);
  const c = data.counts;
  const figures = [['项目', c.projects], ['周报未报', c.reportsDue, c.reportsDue > 0], ['手续到期（14 天内）', c.permitsDue],
    ['手续逾期', c.permitsOverdue, c.permitsOverdue > 0], ['节点到期', c.milestonesDue], ['问题待协调', c.problemsWaiting]];
  document.getElementById('counts').replaceChildren(...figures.map(([label, n, alert]) =>
    el('div', { class: 'figure' + (alert ? ' alert' : ''), id: 'count-' + label }, el('h2', { text: label }), el('p', { class: 'big', text: n }))));
  const rows = data.projects.map((p) => ({
    p, code: p.code, name: p.name, pool: p.poolLabel, taskForce: p.taskForce || '',
    report: p.reportDue ? 0 : (p.thisWeek ? 2 : 1), permits: p.permits.length, milestones: p.milestones.length,
    problems: p.problems.length, due: (p.reportDue ? 1 : 0) + p.permits.length + p.milestones.length + p.problems.length
  }));
  const table = document.getElementById('projects');
  let sortKey = 'due', direction = -1;
  const render = () => {
    const text = document.getElementById('filter-text').value.trim();
    const due = document.getElementById('filter-due').value;
    const shown = rows.filter((r) => (!text || (r.code + r.name + r.taskForce).includes(text))
      && (!due || (due === 'any' && r.due > 0) || (due === 'report' && r.p.reportDue) || (due === 'permit' && r.permits > 0)
        || (due === 'milestone' && r.milestones > 0) || (due === 'problem' && r.problems > 0)))
      .sort((a, b) => (a[sortKey] < b[sortKey] ? -1 : a[sortKey] > b[sortKey] ? 1 : 0) * direction || (a.code < b.code ? -1 : 1));
    document.getElementById('project-count').textContent = '共 ' + shown.length + ' 个';
    table.tBodies[0].replaceChildren(...(shown.length ? shown.map(projectRow) : [el('tr', {}, el('td', { colspan: 9, class: 'empty', text: '没有符合条件的项目' }))]));
    for (const th of table.tHead.rows[0].cells) th.className = th.dataset.sort === sortKey ? (direction > 0 ? 'asc' : 'desc') : '';
  };
  for (const th of table.tHead.rows[0].cells) {
    th.addEventListener('click', () => { direction = sortKey === th.dataset.sort ? -direction : 1; sortKey = th.dataset.sort; render(); });
  }
  document.getElementById('filter-text').addEventListener('input', render);
  document.getElementById('filter-due').addEventListener('change', render);
  render();
  inbox();
}

function projectRow(r) {
  const p = r.p;
  const report = !p.takesWeeklyReport ? el('span', { class: 'empty', text: '—' })
    : p.reportDue ? el('span', { class: 'report-due', text: '未报' })
      : el('span', { class: 'report-in', text: p.thisWeek ? '已报' : '—' });
  const list = (items, text) => items.length ? el('ul', { class: 'due' }, items.map((i) => el('li', { class: i.daysLate > 0 ? 'late' : '' }, text(i)))) : '';
  return el('tr', { 'data-code': p.code },
    el('td', { class: 'nowrap' }, el('a', { href: '/workspace/projects/' + p.code + '?week=' + WEEK, text: p.code })),
    el('td', { text: p.name }), el('td', { class: 'nowrap', text: p.poolLabel }), el('td', { text: p.taskForce || '（未设专班）' }),
    el('td', { class: 'nowrap' }, report),
    el('td', {}, list(p.permits, (d) => d.label + ' ' + d.targetDate + (d.daysLate > 0 ? '（逾期 ' + d.daysLate + ' 天）' : '（' + d.status + '）'))),
    el('td', {}, list(p.milestones, (d) => d.label + ' ' + d.plannedDate + (d.daysLate > 0 ? '（逾期 ' + d.daysLate + ' 天）' : ''))),
    el('td', {}, list(p.problems, (d) => d.title + ' · ' + d.department + ' · 已等 ' + d.daysWaiting + ' 天' + (d.dueDate ? ' · 期限 ' + d.dueDate : ''))),
    el('td', { class: 'num', text: r.due }));
}

async function inbox() {
  const list = document.getElementById('inbox');
  try {
    const reminders = await api('GET', '/api/v1/reminders/mine');
    list.replaceChildren(...(reminders.length ? reminders.map((r) => el('li', {},
      el('strong', { text: r.isoWeek + ' · ' + r.taskForce }), '：' + r.itemCount + ' 项待办 — ',
      r.projects.map((p) => p.name + '（' + p.items.map((i) => i.text).join('；') + '）').join('；'))) : [el('li', { class: 'empty', text: '暂无提醒' })]));
  } catch (e) {
    list.replaceChildren(el('li', { class: 'empty', text: '提醒暂不可用：' + e.message }));
  }
}

// ---- 填报本周周报 -------------------------------------------------------------------------------------------------
async function grid() {
  const data = await api('GET', '/api/v1/workspace?week=' + WEEK);
  const projects = data.projects.filter((p) => p.canReport && p.takesWeeklyReport);
  const tbody = document.querySelector('#grid tbody');
  const rows = projects.map((p, i) => gridRow(p, i));
  tbody.replaceChildren(...(rows.length ? rows : [el('tr', {}, el('td', { colspan: 7, class: 'empty', text: '本周没有需要您填报的项目' }))]));
  document.getElementById('save-week').disabled = rows.length === 0;
  document.getElementById('grid').addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors();
    const payload = { rows: rows.map(readRow) };
    const local = payload.rows.map(check);
    if (local.some((e) => e.length)) {
      local.forEach((errors, i) => showRowErrors(i, errors));
      message('有 ' + local.filter((e) => e.length).length + ' 行填写有误，已标出，未保存', 'error');
      return;
    }
    try {
      const saved = await api('PUT', '/api/v1/weekly-reports/' + WEEK, payload);
      rows.forEach((r) => { r.classList.add('row-saved'); r.querySelector('td.state').textContent = '已保存'; });
      message('已保存 ' + saved.saved + ' 个项目的 ' + saved.isoWeek + ' 周报（新报 ' + saved.created + '，更正 ' + saved.corrected + '）', 'ok');
    } catch (e) {
      serverErrors(e);
    }
  });
  document.getElementById('sheet-file').addEventListener('change', async (event) => {
    const file = event.target.files[0];
    if (!file) return;
    clearErrors();
    try {
      const saved = await api('POST', '/api/v1/weekly-reports/' + WEEK + '/sheet', file, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      message('已从表格保存 ' + saved.saved + ' 个项目的周报，刷新后可见', 'ok');
    } catch (e) {
      const errors = (e.problem && e.problem.errors) || [];
      message('表格未保存：' + errors.map((x) => { const m = /^rows\[(\d+)\]/.exec(x.field || ''); return (m ? '第 ' + (Number(m[1]) + 2) + ' 行 ' : '') + reason(x); }).join('；') || e.message, 'error');
    }
    event.target.value = '';
  });
}

function gridRow(p, i) {
  const filled = p.thisWeek || p.lastReport || {};
  const mine = p.thisWeek || {};
  const ds = body.dataset;
  const tr = el('tr', { 'data-code': p.code, 'data-row': i },
    el('td', { class: 'project' }, el('strong', { text: p.code }), el('br'), p.name),
    el('td', {}, el('input', { class: 'num', name: 'investmentCompleted', type: 'number', min: 0, step: '0.01', required: true,
      'data-digits': ds.investmentDigits, value: mine.investmentCompleted ?? '', 'aria-label': p.code + ' 本周完成投资' })),
    el('td', {}, el('input', { class: 'num', name: 'imageProgressPercent', type: 'number', min: 0, max: 100, step: 1, required: true,
      value: filled.imageProgressPercent ?? '', 'aria-label': p.code + ' 形象进度' })),
    el('td', {}, el('input', { name: 'imageProgressNote', maxlength: ds.noteMax, value: mine.imageProgressNote ?? '' })),
    el('td', {}, el('select', { name: 'siteStatus', required: true }, el('option', { value: '', text: '请选择' }),
      Object.entries(SITE).map(([v, label]) => el('option', { value: v, text: label, selected: filled.siteStatus === v })))),
    el('td', {}, el('input', { name: 'problemsRaised', maxlength: ds.problemsMax, value: mine.problemsRaised ?? '' })),
    el('td', { class: 'state' }, p.thisWeek ? '已报（可更正）' : '未报', el('div', { class: 'row-errors' })));
  return tr;
}

function readRow(tr) {
  const v = (name) => tr.querySelector('[name=' + name + ']').value.trim();
  return {
    code: tr.dataset.code,
    investmentCompleted: v('investmentCompleted') === '' ? null : Number(v('investmentCompleted')),
    imageProgressPercent: v('imageProgressPercent') === '' ? null : Number(v('imageProgressPercent')),
    imageProgressNote: v('imageProgressNote') || null,
    siteStatus: v('siteStatus') || null,
    problemsRaised: v('problemsRaised') || null
  };
}

/** The page's check of a row: the server's rules (WeekReportRules), whose limits the page carries. */
function check(row) {
  const errors = [];
  const ds = body.dataset;
  const inv = row.investmentCompleted;
  if (inv === null || Number.isNaN(inv)) errors.push({ field: 'investmentCompleted', reason: '请填写本周完成投资（没有则填 0）' });
  else if (inv < 0) errors.push({ field: 'investmentCompleted', reason: '完成投资不能为负数' });
  else if (!/^\d+(\.\d{1,2})?$/.test(String(inv))) errors.push({ field: 'investmentCompleted', reason: '完成投资以万元计，最多两位小数' });
  else if (Math.floor(inv).toString().length > Number(ds.investmentDigits)) errors.push({ field: 'investmentCompleted', reason: '完成投资数额过大' });
  const pct = row.imageProgressPercent;
  if (pct === null || Number.isNaN(pct)) errors.push({ field: 'imageProgressPercent', reason: '请填写形象进度（%）' });
  else if (!Number.isInteger(pct) || pct < 0 || pct > 100) errors.push({ field: 'imageProgressPercent', reason: '形象进度须在 0 到 100 之间' });
  if (!row.siteStatus) errors.push({ field: 'siteStatus', reason: '请选择现场状态' });
  return errors;
}

function showRowErrors(i, errors) {
  const tr = document.querySelector('#grid tr[data-row="' + i + '"]');
  if (!tr || !errors.length) return;
  tr.classList.add('row-error');
  tr.querySelector('.row-errors').textContent = errors.map(reason).join('；');
}

function serverErrors(e) {
  const errors = (e.problem && e.problem.errors) || [];
  const byRow = {};
  const general = [];
  for (const x of errors) {
    const m = /^rows\[(\d+)\]/.exec(x.field || '');
    if (m) (byRow[m[1]] = byRow[m[1]] || []).push(x); else general.push(x);
  }
  Object.entries(byRow).forEach(([i, list]) => showRowErrors(Number(i), list));
  const rowsWrong = Object.keys(byRow).length;
  message((rowsWrong ? '有 ' + rowsWrong + ' 行未通过检查，已标出；' : '') + '本周周报均未保存' + (general.length ? '：' + general.map(reason).join('；') : (rowsWrong ? '' : '：' + e.message)), 'error');
}

function clearErrors() {
  document.querySelectorAll('#grid tr.row-error').forEach((tr) => { tr.classList.remove('row-error'); tr.querySelector('.row-errors').textContent = ''; });
  message('', '');
}

function message(text, kind) {
  const m = document.getElementById('grid-message');
  m.textContent = text;
  m.className = kind;
}

// ---- 项目详情 ---------------------------------------------------------------------------------------------------
async function project() {
  const code = body.dataset.code;
  const base = '/api/v1/projects/' + code;
  const [p, permits, problems, history, photos] = await Promise.all([
    api('GET', base), api('GET', base + '/procedures'), api('GET', base + '/problems'), api('GET', base + '/progress'), api('GET', base + '/photos')]);
  document.getElementById('project-facts').replaceChildren(el('h2', { text: p.name + '（' + p.code + '）' }),
    el('dl', { class: 'facts' }, [['所在库', POOL[p.pool] || p.pool], ['镇街', p.town], ['产业链', p.industryChain], ['牵头部门', p.leadDepartment],
      ['总投资（万元）', money(p.totalInvestment)], ['年度计划（万元）', money(p.annualPlanInvestment)],
      ['年度完成（万元）', money(p.investmentCompletedPlanYear)], ['形象进度', p.imageProgressPercent === null ? '—' : p.imageProgressPercent + '%']]
      .map(([k, v]) => el('div', {}, el('dt', { text: k }), el('dd', { text: v ?? '—' })))));
  document.querySelector('#permits tbody').replaceChildren(...permits.map((i) => el('tr', {},
    el('td', { text: i.label }), el('td', { text: ({ NOT_STARTED: '未启动', IN_PROGRESS: '办理中', DONE: '已办结', NOT_REQUIRED: '无需办理' })[i.status] }),
    el('td', { class: i.targetDate && !i.doneDate && i.targetDate < new Date().toISOString().slice(0, 10) ? 'overdue' : '', text: i.targetDate || '—' }),
    el('td', { text: i.doneDate || '—' }), el('td', { text: i.authority || '' }), el('td', { text: i.approvalNumber || '' }))));
  document.querySelector('#milestones tbody').replaceChildren(...[['进场', null, p.actualSiteEntry], ['开工', p.plannedStart, p.actualStart],
    ['竣工', p.plannedCompletion, p.actualCompletion], ['投产', null, p.actualProduction]]
    .map(([k, plan, actual]) => el('tr', {}, el('td', { text: k }), el('td', { text: plan || '—' }), el('td', { text: actual || '—' }))));
  await renderProblems(problems);
  renderPhotos(photos);
  document.querySelector('#history tbody').replaceChildren(...history.slice().reverse().map((r) => el('tr', {},
    el('td', { text: r.isoWeek }), el('td', { class: 'num', text: money(r.investmentCompleted) }), el('td', { class: 'num', text: money(r.cumulativeInvestmentYear) }),
    el('td', { class: 'num', text: r.imageProgressPercent + '%' }), el('td', { text: SITE[r.siteStatus] || r.siteStatus }),
    el('td', { text: r.imageProgressNote || '' }), el('td', { text: r.reportedBy }))));
  const problemForm = document.getElementById('new-problem');
  if (problemForm) problemForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const error = document.getElementById('problem-error');
    error.textContent = '';
    try {
      await api('POST', base + '/problems', { title: val('problem-title'), department: val('problem-department'), dueDate: val('problem-due') || null });
      problemForm.reset();
      await renderProblems(await api('GET', base + '/problems'));
    } catch (e) { error.textContent = e.message; }
  });
  const photoForm = document.getElementById('photo-form');
  if (photoForm) photoForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const error = document.getElementById('photo-error');
    error.textContent = '';
    const file = document.getElementById('photo-file').files[0];
    if (!file) { error.textContent = '请选择照片'; return; }
    if (!['image/jpeg', 'image/png'].includes(file.type)) { error.textContent = '照片须为 JPEG 或 PNG 图片'; return; }
    if (file.size > Number(body.dataset.photoMax)) { error.textContent = '照片超过 ' + Math.floor(Number(body.dataset.photoMax) / 1048576) + ' MB 上限'; return; }
    try {
      const query = '?week=' + encodeURIComponent(val('photo-week') || WEEK) + '&caption=' + encodeURIComponent(val('photo-caption'));
      await api('POST', base + '/photos' + query, file, file.type);
      photoForm.reset();
      renderPhotos(await api('GET', base + '/photos'));
    } catch (e) { error.textContent = e.message; }
  });
}

const val = (id) => document.getElementById(id).value.trim();

async function renderProblems(problems) {
  const box = document.getElementById('problems');
  if (!problems.length) { box.replaceChildren(el('p', { class: 'empty', text: '没有协调问题' })); return; }
  const blocks = [];
  for (const q of problems.slice().reverse()) {
    const comments = await api('GET', '/api/v1/problems/' + q.id + '/comments');
    const form = el('form', { class: 'inline-form comment-form' }, el('input', { maxlength: 1000, placeholder: '留言（进展、催办、答复）', required: true }), el('button', { type: 'submit', text: '留言' }), el('span', { class: 'form-error' }));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        await api('POST', '/api/v1/problems/' + q.id + '/comments', { body: form.querySelector('input').value });
        await renderProblems(await api('GET', '/api/v1/projects/' + body.dataset.code + '/problems'));
      } catch (e) { form.querySelector('.form-error').textContent = e.message; }
    });
    blocks.push(el('div', { class: 'problem' },
      el('strong', { text: q.title }), ' · 协调部门 ' + q.department + ' · 提出 ' + q.raisedOn + (q.dueDate ? ' · 期限 ' + q.dueDate : '')
        + (q.open ? ' · 待协调' : ' · 已解决 ' + q.resolvedOn + '：' + (q.resolutionNote || '')),
      comments.length ? el('ul', { class: 'comments' }, comments.map((c) => el('li', { text: c.author + '（' + c.writtenAt.slice(0, 10) + '）：' + c.body }))) : '',
      q.open ? form : ''));
  }
  box.replaceChildren(...blocks);
}

function renderPhotos(photos) {
  const box = document.getElementById('photos');
  box.replaceChildren(...(photos.length ? photos.map((ph) => el('figure', {},
    el('a', { href: ph.href, target: '_blank', rel: 'noopener' }, el('img', { src: ph.thumbnailHref, alt: ph.caption || ('形象进度照片 ' + ph.isoWeek) })),
    el('figcaption', { text: ph.isoWeek + ' · ' + (ph.caption || '') + ' · ' + ph.uploadedBy }))) : [el('p', { class: 'empty', text: '还没有照片' })]));
}

// ---- 台账导入与导出 ----------------------------------------------------------------------------------------------
function office() {
  const form = document.getElementById('import-form');
  const result = document.getElementById('import-result');
  const run = document.getElementById('run-import');
  const errors = document.getElementById('import-errors');
  const bar = document.getElementById('import-progress');
  const file = () => document.getElementById('ledger-file').files[0];
  const type = (f) => f.name.toLowerCase().endsWith('.csv') ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const say = (text, kind) => { result.textContent = text; result.className = kind; };
  document.getElementById('ledger-file').addEventListener('change', () => { run.disabled = true; errors.hidden = true; say('', ''); });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const f = file();
    if (!f) return;
    errors.hidden = true;
    run.disabled = true;
    say('正在检查…', '');
    try {
      const dry = await api('POST', '/api/v1/imports?dryRun=true', f, type(f));
      say('检查通过：共 ' + dry.rowsTotal + ' 行，将新增 ' + dry.created + ' 个项目、更新 ' + dry.updated + ' 个、不变 ' + dry.unchanged + ' 个。可以导入。', 'ok');
      run.disabled = false;
    } catch (e) {
      showImportErrors(e);
    }
  });
  run.addEventListener('click', async () => {
    const f = file();
    run.disabled = true;
    bar.hidden = false;
    bar.value = 0;
    try {
      let job = await api('POST', '/api/v1/imports', f, type(f));
      while (job.status === 'RUNNING') {
        bar.max = Math.max(1, job.rowsTotal);
        bar.value = job.rowsDone;
        say('正在导入：' + job.rowsDone + ' / ' + job.rowsTotal + ' 行', '');
        await new Promise((r) => setTimeout(r, 500));
        job = await api('GET', '/api/v1/imports/' + job.id);
      }
      bar.max = Math.max(1, job.rowsTotal);
      bar.value = job.rowsDone;
      if (job.status === 'DONE') {
        say('导入完成：新增 ' + job.created + '，更新 ' + job.updated + '，不变 ' + job.unchanged + '。', 'ok');
      } else {
        say('导入未完成（' + job.status + '），未写入任何数据：' + (job.errors || []).join('；'), 'error');
      }
    } catch (e) {
      showImportErrors(e);
    }
  });
  function showImportErrors(e) {
    const rows = (e.problem && e.problem.rows) || [];
    if (rows.length) {
      say('文件有 ' + rows.length + ' 处错误，未导入任何数据，请改正后再检查：', 'error');
      errors.tBodies[0].replaceChildren(...rows.map((r) => el('tr', {}, el('td', { class: 'num', text: r.row }), el('td', { text: r.columnZh || r.column || '' }), el('td', { text: r.reasonZh || r.reason || '' }))));
      errors.hidden = false;
    } else {
      say(e.message, 'error');
    }
  }
  document.getElementById('remind-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const out = document.getElementById('remind-result');
    try {
      const sent = await api('POST', '/api/v1/reminders?week=' + encodeURIComponent(val('remind-week') || WEEK));
      out.textContent = '已生成 ' + sent.created + ' 条提醒（' + sent.week + '），已有 ' + sent.existing + ' 条。';
    } catch (e) { out.textContent = e.message; }
  });
}

const pages = { home, grid, project, office };
Promise.resolve().then(pages[body.dataset.page] || (() => {})).catch((e) => {
  document.querySelector('main').prepend(el('p', { class: 'form-error', text: '页面加载失败：' + e.message }));
});
