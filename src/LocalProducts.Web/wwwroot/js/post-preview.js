// Live preview in the newsroom editor (/redaksi): sends the Markdown body to /redaksi/pratinjau
// with the form's antiforgery token and shows the sanitised HTML the server returns. Without
// JavaScript the "Pratinjau" button does the same with a full page.
(() => {
  'use strict';
  const form = document.getElementById('post-form');
  const body = document.getElementById('Input_Body');
  const section = document.getElementById('pratinjau');
  const target = section && section.querySelector('[data-preview-body]');
  if (!form || !body || !target || body.disabled) {
    return;
  }
  const token = form.querySelector('input[name="__RequestVerificationToken"]');
  const url = form.dataset.previewUrl;
  let timer = 0;
  let latest = 0;

  const render = async () => {
    const ticket = ++latest;
    const data = new FormData();
    data.append('body', body.value);
    if (token) {
      data.append('__RequestVerificationToken', token.value);
    }
    try {
      const response = await fetch(url, { method: 'POST', body: data, credentials: 'same-origin' });
      // An older answer arriving after a newer one is dropped.
      if (!response.ok || ticket !== latest) {
        return;
      }
      // Sanitised on the server by the same renderer as the published post.
      target.innerHTML = await response.text();
      section.hidden = false;
    } catch {
      // Offline or the server is busy: the last preview stays; the Pratinjau button still works.
    }
  };

  body.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(render, 400);
  });
})();
