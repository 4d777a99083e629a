/*
 * The PortQry UI page: checks the form as the server does, starts a query, shows each result
 * as its server-sent event arrives (rows kept in query order), expands a row into the
 * responder's parsed result and PortQry's text, and cancels.
 */
'use strict';

(() => {
  const { el } = PortQryRender;
  const $ = (id) => document.getElementById(id);
  const FIELDS = ['target', 'service', 'tcp', 'udp', 'community', 'sourcePort', 'ip'];
  const STATES = {
    LISTENING: 'LISTENING',
    NOT_LISTENING: 'NOT LISTENING',
    FILTERED: 'FILTERED',
    LISTENING_OR_FILTERED: 'LISTENING or FILTERED'
  };
  const HOST_NAME = /^(?=.{1,253}$)[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?(?:\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\.?$/;
  const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

  let services = [];
  let maxPorts = 10000;
  let run = null; // { id, source, count, done, counts, ended }
  let cancelWhenStarted = false; // Cancel was clicked while the query was still being started

  function stateClass(state) {
    return 'state-' + state.toLowerCase().replace(/_/g, '-');
  }

  // ---- form checks: the same rules and words as the server's QueryForm ----

  function isIpv6(s) {
    if (!s.includes(':')) return false;
    try {
      new URL('http://[' + s + ']/');
      return true;
    } catch (e) {
      return false;
    }
  }

  function checkTarget(t) {
    if (t === '') return 'Enter a name or an IP address to query';
    if (t.length > 253) return 'A name has at most 253 characters';
    const literal = t.startsWith('[') && t.endsWith(']') ? t.slice(1, -1) : t;
    if (IPV4.test(literal) || isIpv6(literal) || HOST_NAME.test(t)) return null;
    return "'" + t + "' is neither a host name (such as dc1.corp.example.test) nor an IP address";
  }

  function port(label, text) {
    const t = text.trim();
    if (!/^-?\d+$/.test(t)) return { error: label + ' port must be a number 1-65535, was \'' + text + '\'' };
    const v = Number(t);
    if (v < 1 || v > 65535) return { error: label + ' port must be 1-65535, was ' + t };
    return { value: v };
  }

  /** @return { ports: Set, error } for a list such as 135,1024-5000 */
  function parsePorts(label, text) {
    const ports = new Set();
    for (const raw of text.split(',')) {
      const item = raw.trim();
      if (item === '') return { error: label + ' has an empty item, was \'' + text.trim() + '\'' };
      const dash = item.indexOf('-', 1);
      if (dash < 0) {
        const p = port(label, item);
        if (p.error) return p;
        ports.add(p.value);
        continue;
      }
      const a = port(label, item.slice(0, dash));
      if (a.error) return a;
      const b = port(label, item.slice(dash + 1));
      if (b.error) return b;
      if (a.value > b.value) return { error: label + ' range start must not be above its end, was ' + item };
      for (let p = a.value; p <= b.value; p++) ports.add(p);
    }
    return { ports };
  }

  function formValues() {
    return {
      target: $('target').value.trim(),
      service: $('service').value,
      tcp: $('tcp').value.trim(),
      udp: $('udp').value.trim(),
      community: $('community').value,
      sourcePort: $('sourcePort').value.trim(),
      ip: $('ip').value,
      slowLink: $('slowLink').checked,
      reverse: $('reverse').checked
    };
  }

  function check(v) {
    const errors = {};
    const t = checkTarget(v.target);
    if (t) errors.target = t;
    let count = 0;
    const svc = services.find((s) => s.key === v.service);
    if (svc) count += svc.ports.split(',').length;
    for (const [field, label] of [['tcp', 'TCP ports:'], ['udp', 'UDP ports:']]) {
      if (v[field] === '') continue;
      const r = parsePorts(label, v[field]);
      if (r.error) errors[field] = r.error;
      else count += r.ports.size;
    }
    if (!errors.tcp && !errors.udp) {
      if (count === 0) errors.tcp = 'Choose a predefined service or enter TCP or UDP ports';
      else if (count > maxPorts) errors[v.tcp === '' ? 'udp' : 'tcp'] = 'At most ' + maxPorts + ' ports per query, was ' + count;
    }
    if (v.sourcePort !== '') {
      const p = port('Source port:', v.sourcePort);
      if (p.error) errors.sourcePort = p.error;
    }
    if (v.community.length > 255 || /[\u0000-\u001f\u007f]/.test(v.community)) {
      errors.community = 'Community must be at most 255 printable characters';
    }
    return errors;
  }

  function showErrors(errors) {
    for (const f of FIELDS) {
      const msg = errors[f] || '';
      const box = $(f + '-error');
      if (box) box.textContent = msg;
      const input = $(f);
      input.classList.toggle('invalid', msg !== '');
      input.setAttribute('aria-invalid', msg !== '' ? 'true' : 'false');
    }
    if (errors.community || errors.sourcePort || errors.ip) $('options').open = true;
  }

  function clearFieldError(f) {
    $(f + '-error').textContent = '';
    $(f).classList.remove('invalid');
    $(f).setAttribute('aria-invalid', 'false');
  }

  // ---- results ----

  function resetResults() {
    document.querySelectorAll('#result-table tbody').forEach((b) => b.remove());
    $('summary').textContent = '';
    $('run-message').textContent = '';
    $('run-message').className = 'run-message';
    $('result-table').className = 'result-table';
    $('empty').hidden = false;
    $('empty').textContent = 'Waiting for the first result…';
    $('progress').hidden = true;
    $('progress-bar').style.width = '0';
    setExports(null);
  }

  function setExports(id) {
    for (const [link, ext] of [['export-json', 'json'], ['export-text', 'txt']]) {
      const a = $(link);
      if (id) {
        a.href = '/api/queries/' + id + '/report.' + ext;
        a.classList.remove('disabled');
        a.setAttribute('aria-disabled', 'false');
      } else {
        a.removeAttribute('href');
        a.classList.add('disabled');
        a.setAttribute('aria-disabled', 'true');
      }
    }
  }

  function setRunning(on) {
    $('query').disabled = on;
    $('cancel').disabled = !on;
    $('query').textContent = on ? 'Querying…' : 'Query';
  }

  function updateSummary() {
    const box = $('summary');
    box.textContent = '';
    for (const state of Object.keys(STATES)) {
      const n = run.counts[state] || 0;
      if (n === 0) continue;
      const hidden = $('result-table').classList.contains('hide-' + stateClass(state).slice(6));
      const chip = el('button', 'chip ' + stateClass(state));
      chip.type = 'button';
      chip.dataset.state = state;
      chip.setAttribute('aria-pressed', hidden ? 'false' : 'true');
      chip.title = hidden ? 'Show these rows' : 'Hide these rows';
      chip.appendChild(el('span', null, STATES[state]));
      chip.appendChild(el('span', 'count', String(n)));
      chip.addEventListener('click', () => {
        $('result-table').classList.toggle('hide-' + stateClass(state).slice(6));
        updateSummary();
      });
      box.appendChild(chip);
    }
    $('progress-bar').style.width = (run.count ? (100 * run.done / run.count) : 100) + '%';
  }

  function querySummary(r) {
    if (!r) return '—';
    if (r.outcome === 'answered') return r.summary || r.name + ' answered';
    if (r.outcome === 'unparseable') return r.name + ': could not parse the reply';
    return r.name + ': no reply';
  }

  function addResult(ev) {
    const s = ev.status;
    const body = el('tbody', 'result');
    body.dataset.index = ev.index;
    body.dataset.state = s.state;
    const row = el('tr', 'row');
    row.tabIndex = 0;
    row.setAttribute('aria-expanded', 'false');
    const toggle = el('td');
    toggle.appendChild(el('span', 'toggle', '▸'));
    row.appendChild(toggle);
    row.appendChild(el('td', 'proto', s.protocol));
    row.appendChild(el('td', 'num mono', String(s.port)));
    row.appendChild(el('td', 'service', s.service || 'unknown'));
    const st = el('td');
    st.appendChild(el('span', 'state ' + stateClass(s.state), STATES[s.state] || s.state));
    row.appendChild(st);
    row.appendChild(el('td', 'reason', s.reason));
    const q = el('td', 'query', querySummary(s.responder));
    q.title = q.textContent;
    row.appendChild(q);
    const detail = el('tr', 'detail');
    detail.hidden = true;
    const cell = el('td');
    cell.colSpan = 7;
    detail.appendChild(cell);
    body.appendChild(row);
    body.appendChild(detail);
    const open = () => {
      const opening = detail.hidden;
      if (opening && !cell.firstChild) cell.appendChild(details(ev));
      detail.hidden = !opening;
      body.classList.toggle('open', opening);
      row.setAttribute('aria-expanded', String(opening));
    };
    row.addEventListener('click', open);
    row.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        open();
      }
    });
    insertInOrder(body, ev.index);
    $('empty').hidden = true;
    run.done++;
    run.counts[s.state] = (run.counts[s.state] || 0) + 1;
    updateSummary();
  }

  /** Keeps rows in query order while results arrive in completion order. */
  function insertInOrder(body, index) {
    const table = $('result-table');
    const bodies = table.tBodies;
    let lo = 0;
    let hi = bodies.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (Number(bodies[mid].dataset.index) < index) lo = mid + 1;
      else hi = mid;
    }
    table.insertBefore(body, lo < bodies.length ? bodies[lo] : null);
  }

  function meta(label, value) {
    const span = el('span', null, label + ' ');
    span.appendChild(el('b', null, value));
    return span;
  }

  function details(ev) {
    const s = ev.status;
    const wrap = el('div', 'detail-body');
    const left = el('div');
    left.appendChild(el('h3', null, 'Parsed result'));
    const m = el('div', 'detail-meta');
    m.appendChild(meta('Address', s.address));
    m.appendChild(meta('Step 1', STATES[s.initialState] || s.initialState));
    m.appendChild(meta('Attempts', String(s.attempts)));
    m.appendChild(meta('Time', s.elapsedMs + ' ms'));
    left.appendChild(m);
    const r = s.responder;
    if (!r) {
      left.appendChild(el('p', 'outcome muted', 'No protocol query ran for this port: no responder claims it, or the port did not answer.'));
    } else if (r.outcome === 'answered') {
      left.appendChild(el('p', 'outcome', r.name + ' answered' + (r.type ? ' (' + r.type + ')' : '') + (r.summary ? ': ' + r.summary : '')));
      const box = el('div', 'result-scroll');
      box.appendChild(PortQryRender.value(r.result));
      left.appendChild(box);
    } else if (r.outcome === 'unparseable') {
      left.appendChild(el('p', 'outcome unparseable', r.name + ' could not parse the reply: ' + r.error));
      left.appendChild(PortQryRender.value({ firstBytes: r.firstBytes }));
    } else {
      left.appendChild(el('p', 'outcome noReply', r.name + ': ' + r.reason));
    }
    const right = el('div');
    right.appendChild(el('h3', null, 'PortQry output'));
    right.appendChild(el('pre', 'portqry', ev.text.join('\n')));
    wrap.appendChild(left);
    wrap.appendChild(right);
    return wrap;
  }

  // ---- running a query ----

  function end(state, message) {
    if (!run || run.ended) return;
    run.ended = true;
    if (run.source) run.source.close();
    setRunning(false);
    const msg = $('run-message');
    msg.textContent = message;
    msg.className = 'run-message ' + state;
    $('progress').hidden = true;
    if (run.done === 0) $('empty').textContent = 'No results.';
  }

  async function start(e) {
    e.preventDefault();
    $('form-error').textContent = '';
    const v = formValues();
    const errors = check(v);
    showErrors(errors);
    if (Object.keys(errors).length > 0) {
      $(Object.keys(errors)[0]).focus();
      return;
    }
    const body = new URLSearchParams();
    for (const f of ['target', 'service', 'tcp', 'udp', 'community', 'sourcePort', 'ip']) body.set(f, v[f]);
    if (v.slowLink) body.set('slowLink', 'true');
    if (v.reverse) body.set('reverse', 'true');
    cancelWhenStarted = false;
    setRunning(true);
    let res;
    let answer;
    try {
      res = await fetch('/api/queries', { method: 'POST', body });
      answer = await res.json();
    } catch (err) {
      setRunning(false);
      $('form-error').textContent = 'The PortQry server did not answer: is it still running?';
      return;
    }
    if (res.status !== 201) {
      setRunning(false);
      if (answer.fields && Object.keys(answer.fields).length > 0 && !answer.fields.form) {
        showErrors(answer.fields);
      } else {
        $('form-error').textContent = answer.error;
      }
      return;
    }
    resetResults();
    run = { id: answer.id, count: 0, done: 0, counts: {}, ended: false, source: null };
    setExports(answer.id);
    $('results-title').textContent = 'Results for ' + v.target;
    $('progress').hidden = false;
    const source = new EventSource(answer.events);
    const mine = run;
    run.source = source;
    source.addEventListener('start', (m) => {
      const d = JSON.parse(m.data);
      mine.count = d.count;
      const parts = [d.target === d.address ? d.address : d.target + ' → ' + d.address];
      if (d.reverseName) parts.push('resolved to ' + d.reverseName);
      if (d.service) parts.push(d.service);
      parts.push(d.count + (d.count === 1 ? ' port' : ' ports'));
      $('results-sub').textContent = parts.join(' · ');
    });
    source.addEventListener('result', (m) => {
      if (run === mine) addResult(JSON.parse(m.data));
    });
    source.addEventListener('end', (m) => {
      const d = JSON.parse(m.data);
      if (run === mine) end(d.state, d.message);
    });
    source.onerror = () => {
      if (run === mine && !mine.ended) end('failed', 'Lost the connection to the PortQry server');
    };
    if (cancelWhenStarted) cancel();
  }

  async function cancel() {
    if (!run || run.ended) {
      // Clicked while the server is still starting the query (it has no id yet): cancel it once it has one.
      if ($('query').disabled) {
        cancelWhenStarted = true;
        $('cancel').disabled = true;
      }
      return;
    }
    $('cancel').disabled = true;
    try {
      await fetch('/api/queries/' + run.id + '/cancel', { method: 'POST' });
    } catch (err) {
      end('cancelled', 'Cancelled');
    }
  }

  async function init() {
    try {
      const res = await fetch('/api/services');
      const d = await res.json();
      services = d.services;
      maxPorts = d.maxPorts;
      $('community').placeholder = d.community;
      for (const s of services) {
        const o = el('option', null, s.name);
        o.value = s.key;
        $('service').appendChild(o);
      }
    } catch (err) {
      $('form-error').textContent = 'Could not load the predefined services: ' + err;
    }
    $('service').addEventListener('change', () => {
      const s = services.find((x) => x.key === $('service').value);
      $('service-hint').textContent = s ? s.ports : '';
      clearFieldError('tcp');
      clearFieldError('udp');
    });
    for (const f of FIELDS) {
      $(f).addEventListener('input', () => clearFieldError(f));
    }
    // Leaving a field that holds something shows its own problem at once; emptiness waits for Query.
    for (const f of ['target', 'tcp', 'udp', 'sourcePort']) {
      $(f).addEventListener('blur', () => {
        if ($(f).value.trim() === '') return;
        const msg = check(formValues())[f];
        if (msg && !/^Choose|^At most/.test(msg)) {
          $(f + '-error').textContent = msg;
          $(f).classList.add('invalid');
          $(f).setAttribute('aria-invalid', 'true');
        }
      });
    }
    $('query-form').addEventListener('submit', start);
    $('cancel').addEventListener('click', cancel);
  }

  init();
})();
