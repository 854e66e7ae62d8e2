// Shows the "copy link" button on post pages when the browser can copy; without it readers copy
// the address from the field beside it.
(() => {
  'use strict';
  if (!navigator.clipboard) {
    return;
  }
  for (const button of document.querySelectorAll('[data-copy-from]')) {
    const field = document.getElementById(button.dataset.copyFrom);
    const status = button.parentElement.querySelector('[data-copy-status]');
    if (!field) {
      continue;
    }
    button.hidden = false;
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(field.value);
        if (status) {
          status.textContent = button.dataset.copied;
        }
      } catch {
        field.select();
      }
    });
  }
})();
