// "Simpan" keeps a list of product slugs on this device (localStorage, no cookie, nothing sent):
// each link to /simpanan?p=<slug> becomes a button that adds or removes its product, and
// /simpanan without a list opens the device's list by putting it in the address.
(() => {
  'use strict';
  const key = 'melokal:simpanan';
  const max = 50;
  const slug = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  let store;
  try {
    store = window.localStorage;
    store.getItem(key);
  } catch {
    return; // Storage off (private mode, settings): the links keep working as links.
  }

  const read = () => {
    try {
      const list = JSON.parse(store.getItem(key) || '[]');
      return Array.isArray(list) ? list.filter(s => typeof s === 'string' && slug.test(s)).slice(-max) : [];
    } catch {
      return [];
    }
  };
  const write = list => {
    try {
      store.setItem(key, JSON.stringify(list));
    } catch {
      // Full or refused: the page says nothing was kept by leaving the button as it was.
    }
  };

  if (document.querySelector('[data-saved-page]') && !new URLSearchParams(location.search).has('p')) {
    const list = read();
    if (list.length > 0) {
      location.replace('/simpanan?p=' + list.join(','));
      return;
    }
  }

  const status = document.createElement('p');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  document.body.append(status);

  const buttons = [];
  const show = (button, saved) => {
    button.querySelector('[data-save-label]').textContent = saved ? button.dataset.labelSaved : button.dataset.labelSave;
    button.toggleAttribute('data-saved', saved);
  };
  const saved = new Set(read());
  for (const link of document.querySelectorAll('a[data-save]')) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = link.className;
    Object.assign(button.dataset, link.dataset);
    button.append(...link.childNodes);
    link.replaceWith(button);
    buttons.push(button);
    show(button, saved.has(button.dataset.save));
    button.addEventListener('click', () => {
      const product = button.dataset.save;
      const list = read();
      write(list.includes(product) ? list.filter(s => s !== product) : [...list, product].slice(-max));
      const now = new Set(read());
      for (const other of buttons.filter(b => b.dataset.save === product)) {
        show(other, now.has(product));
      }
      status.textContent = now.has(product) ? button.dataset.saidSaved : button.dataset.saidRemoved;
    });
  }
})();
