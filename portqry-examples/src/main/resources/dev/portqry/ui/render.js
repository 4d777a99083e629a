/*
 * Renders any responder's result (the JSON the CLI's -json writes for it) without knowing its
 * type: objects become key/value tables, lists of objects become tables with a column per key,
 * other lists become bullet lists. Text is always set with textContent, never parsed as HTML.
 */
'use strict';

const PortQryRender = (() => {
  const MAX_DEPTH = 10;
  const MAX_ITEMS = 500;
  const MAX_COLUMNS = 12;

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function isPlainObject(v) {
    return v !== null && typeof v === 'object' && !Array.isArray(v);
  }

  function isScalar(v) {
    return v === null || typeof v !== 'object';
  }

  function scalar(v) {
    if (v === null || v === undefined) return el('span', 'muted', '—');
    if (typeof v === 'number') return el('span', 'val-num', String(v));
    if (typeof v === 'boolean') return el('span', 'val-bool', v ? 'true' : 'false');
    if (v === '') return el('span', 'muted', '(empty)');
    return el('span', 'val-str', String(v));
  }

  function more(total) {
    return el('div', 'more', '… ' + (total - MAX_ITEMS) + ' more not shown (export JSON for all)');
  }

  function objectTable(o, depth) {
    const keys = Object.keys(o);
    if (keys.length === 0) return el('span', 'muted', '(no fields)');
    const t = el('table', 'kv');
    const body = el('tbody');
    for (const k of keys) {
      const tr = el('tr');
      tr.appendChild(el('th', null, k));
      const td = el('td');
      td.appendChild(value(o[k], depth + 1));
      tr.appendChild(td);
      body.appendChild(tr);
    }
    t.appendChild(body);
    return t;
  }

  function recordTable(list, depth) {
    const columns = [];
    for (const item of list.slice(0, MAX_ITEMS)) {
      for (const k of Object.keys(item)) {
        if (!columns.includes(k)) columns.push(k);
      }
    }
    if (columns.length > MAX_COLUMNS) return itemList(list, depth);
    const wrap = el('div');
    const t = el('table', 'rec');
    const head = el('thead');
    const hr = el('tr');
    for (const c of columns) hr.appendChild(el('th', null, c));
    head.appendChild(hr);
    t.appendChild(head);
    const body = el('tbody');
    for (const item of list.slice(0, MAX_ITEMS)) {
      const tr = el('tr');
      for (const c of columns) {
        const td = el('td');
        td.appendChild(value(item[c], depth + 1));
        tr.appendChild(td);
      }
      body.appendChild(tr);
    }
    t.appendChild(body);
    wrap.appendChild(t);
    if (list.length > MAX_ITEMS) wrap.appendChild(more(list.length));
    return wrap;
  }

  function itemList(list, depth) {
    const wrap = el('div');
    const ul = el('ul', 'list');
    for (const item of list.slice(0, MAX_ITEMS)) {
      const li = el('li');
      li.appendChild(value(item, depth + 1));
      ul.appendChild(li);
    }
    wrap.appendChild(ul);
    if (list.length > MAX_ITEMS) wrap.appendChild(more(list.length));
    return wrap;
  }

  function value(v, depth) {
    if (depth > MAX_DEPTH) return el('span', 'muted', '…');
    if (isScalar(v)) return scalar(v);
    if (Array.isArray(v)) {
      if (v.length === 0) return el('span', 'muted', '(none)');
      if (v.every(isPlainObject)) return recordTable(v, depth);
      return itemList(v, depth);
    }
    return objectTable(v, depth);
  }

  return {
    /** @return a DOM node showing any JSON value */
    value: (v) => value(v, 0),
    el
  };
})();
