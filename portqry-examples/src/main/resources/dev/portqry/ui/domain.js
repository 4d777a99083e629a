// The "Domain" view: find an AD domain's controllers through DNS and stream the DC x check matrix.
// Server side: GET /api/domain/events (DomainStream). Every text goes in with textContent.
(function () {
  'use strict';

  const CLASS = {
    'LISTENING': 'state-listening', 'ANSWERED': 'state-listening', 'WARNING': 'state-filtered',
    'NOT LISTENING': 'state-not-listening', 'FILTERED': 'state-filtered',
    'LISTENING or FILTERED': 'state-listening-or-filtered', 'FAILED': 'state-not-listening', 'ERROR': 'state-not-listening'
  };

  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, v));
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function field(id, label, placeholder) {
    const f = el('div', { class: 'field' });
    f.append(el('label', { for: id }, label));
    f.append(el('input', { id: id, name: id, type: 'text', spellcheck: 'false', placeholder: placeholder }));
    return f;
  }

  function build() {
    const card = el('section', { class: 'card results', id: 'domain-view', 'aria-live': 'polite' });
    const head = el('div', { class: 'results-head' });
    const titles = el('div');
    titles.append(el('h2', {}, 'Domain'));
    titles.append(el('p', { class: 'results-sub' },
      'Find every domain controller of an Active Directory domain through DNS SRV records and check each one from here.'));
    head.append(titles);
    card.append(head);
    const form = el('form', { class: 'form-grid', id: 'domain-form', novalidate: '', autocomplete: 'off' });
    form.append(field('domain-name', 'AD domain', 'corp.example.test'));
    form.append(field('domain-dns', 'DNS server (empty: this computer\'s)', '127.0.0.1'));
    form.append(field('domain-site', 'Site (optional)', 'Default-First-Site-Name'));
    const go = el('button', { type: 'submit', id: 'domain-go' }, 'Check domain');
    form.append(go);
    card.append(form);
    card.append(el('p', { class: 'run-message', id: 'domain-message' }));
    card.append(el('ul', { class: 'domain-discovery', id: 'domain-discovery' }));
    const wrap = el('div', { style: 'overflow-x:auto' });
    wrap.append(el('table', { class: 'result-table', id: 'domain-table' }));
    card.append(wrap);
    card.append(el('ul', { class: 'domain-details', id: 'domain-details' }));
    document.querySelector('main').append(card);
    form.addEventListener('submit', start);
  }

  let source = null;

  function start(e) {
    e.preventDefault();
    if (source) source.close();
    const q = new URLSearchParams();
    q.set('domain', document.getElementById('domain-name').value.trim());
    q.set('dnsserver', document.getElementById('domain-dns').value.trim());
    q.set('site', document.getElementById('domain-site').value.trim());
    const msg = document.getElementById('domain-message');
    const table = document.getElementById('domain-table');
    const disc = document.getElementById('domain-discovery');
    const details = document.getElementById('domain-details');
    table.replaceChildren();
    disc.replaceChildren();
    details.replaceChildren();
    msg.textContent = 'Asking DNS for the domain controllers...';
    document.getElementById('domain-go').disabled = true;
    const cells = {};
    source = new EventSource('/api/domain/events?' + q.toString());
    source.addEventListener('discovery', (m) => {
      const d = JSON.parse(m.data);
      d.records.forEach((r) => disc.append(el('li', {}, 'SRV ' + r.name + ': ' + (r.targets.length ? r.targets.join(', ') : r.outcome))));
      d.controllers.forEach((c) => disc.append(el('li', {}, c.hostName + '  ' + (c.addresses.join(' ') || c.problem) + '  (' + c.roles.join(', ') + ')')));
      msg.textContent = d.controllers.length + ' domain controllers from DNS server ' + d.dnsServer + '; checking...';
      const thead = el('thead');
      const hr = el('tr');
      hr.append(el('th', {}, 'DC'));
      d.columns.forEach((c) => hr.append(el('th', { title: c.description }, c.label)));
      thead.append(hr);
      const tbody = el('tbody');
      d.controllers.forEach((c) => {
        const tr = el('tr');
        tr.append(el('td', {}, c.hostName));
        d.columns.forEach((col) => {
          const td = el('td', {}, '...');
          cells[c.hostName + '|' + col.key] = { td: td, label: col.label };
          tr.append(td);
        });
        tbody.append(tr);
      });
      table.append(thead, tbody);
    });
    source.addEventListener('cell', (m) => {
      const c = JSON.parse(m.data);
      const slot = cells[c.controller + '|' + c.column];
      if (!slot) return;
      const span = el('span', { class: 'state ' + (CLASS[c.state] || '') }, c.short);
      const why = [c.value, c.reason].filter((x) => x).join('; ');
      span.title = c.state + (why ? ': ' + why : '');
      slot.td.replaceChildren(span);
      if (c.reason || (c.value && !c.column.includes('/'))) {
        details.append(el('li', {}, c.controller + ' ' + slot.label + ': ' + c.state + (why ? ' - ' + why : '')));
      }
    });
    source.addEventListener('end', (m) => {
      const d = JSON.parse(m.data);
      msg.textContent = d.message + ' (exit code ' + d.exitCode + ')';
      source.close();
      source = null;
      document.getElementById('domain-go').disabled = false;
    });
    source.onerror = () => {
      if (source) {
        msg.textContent = 'The stream ended early (check the domain and DNS server fields).';
        source.close();
        source = null;
        document.getElementById('domain-go').disabled = false;
      }
    };
  }

  document.addEventListener('DOMContentLoaded', build);
})();
