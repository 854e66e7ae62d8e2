// Suggestions under the search box as the shopper types (GET /api/v1/saran), as an ARIA 1.2
// combobox: arrow keys move through the list, Enter opens the chosen suggestion, Escape closes.
// Without this script the box is a plain search form.
(() => {
  'use strict';
  const form = document.querySelector('form[data-suggest]');
  const input = form && form.querySelector('input[name=q]');
  if (!input || !window.fetch || !window.AbortController) {
    return;
  }
  const kinds = JSON.parse(form.dataset.suggestKinds || '{}');
  const list = document.createElement('ul');
  list.id = input.id + '-saran';
  list.className = 'suggestions';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', form.dataset.suggestLabel || '');
  list.hidden = true;
  form.appendChild(list);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', list.id);
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('autocomplete', 'off');

  let items = [];
  let active = -1;
  let timer = 0;
  let pending = null;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const choose = (i) => {
    active = i;
    list.querySelectorAll('[role=option]').forEach((option, n) => option.setAttribute('aria-selected', String(n === i)));
    if (i < 0) {
      input.removeAttribute('aria-activedescendant');
    } else {
      input.setAttribute('aria-activedescendant', list.id + '-' + i);
    }
  };

  const show = (found) => {
    items = found;
    list.replaceChildren(...found.map((item, i) => {
      const option = document.createElement('li');
      option.id = list.id + '-' + i;
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', 'false');
      option.textContent = item.label;
      const kind = document.createElement('span');
      kind.className = 'suggestion-kind';
      kind.textContent = ' · ' + (kinds[item.kind] || item.kind);
      option.appendChild(kind);
      // mousedown, not click: the box must not lose focus (and close the list) first.
      option.addEventListener('mousedown', (e) => {
        e.preventDefault();
        window.location.assign(item.url);
      });
      return option;
    }));
    if (found.length === 0) {
      close();
      return;
    }
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    choose(-1);
  };

  const load = async () => {
    const q = input.value.trim();
    if (pending) {
      pending.abort();
    }
    if (q.length < 2 || q.length > 50) {
      show([]);
      return;
    }
    pending = new AbortController();
    try {
      const response = await fetch(form.dataset.suggest + '?q=' + encodeURIComponent(q), { signal: pending.signal, headers: { Accept: 'application/json' } });
      if (response.ok) {
        show((await response.json()).items || []);
      }
    } catch (e) {
      if (e.name !== 'AbortError') {
        show([]);
      }
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(load, 150);
  });
  input.addEventListener('keydown', (e) => {
    const open = !list.hidden;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!open) {
        if (items.length > 0) {
          show(items);
        }
        return;
      }
      e.preventDefault();
      // From the box (-1) through the options and back to the box.
      const next = active + (e.key === 'ArrowDown' ? 1 : -1);
      choose(next >= items.length ? -1 : next < -1 ? items.length - 1 : next);
    } else if (e.key === 'Enter' && open && active >= 0) {
      e.preventDefault();
      window.location.assign(items[active].url);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      close();
    }
  });
  input.addEventListener('blur', close);
})();
