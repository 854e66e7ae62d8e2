// Dependent province → regency → district lists. Without JavaScript the form's "Pilih" buttons
// post it back with the next list filled; with it, this fills the lists in place from
// /dasbor/wilayah and hides those buttons. No inline script: the page works under a strict CSP.
(function () {
    'use strict';
    var form = document.querySelector('[data-area-form]');
    if (!form || !window.fetch) {
        return;
    }
    var source = form.getAttribute('data-area-source');
    var province = form.querySelector('[data-area="province"]');
    var regency = form.querySelector('[data-area="regency"]');
    var district = form.querySelector('[data-area="district"]');
    var buttons = form.querySelectorAll('[data-area-refresh]');
    if (!province || !regency || !district) {
        return;
    }

    function showButtons(show) {
        Array.prototype.forEach.call(buttons, function (button) { button.hidden = !show; });
    }

    // Keeps the first option ("— pilih … —") and adds the areas of the chosen parent.
    function fill(select, query) {
        select.length = 1;
        if (!query) {
            return Promise.resolve();
        }
        select.setAttribute('aria-busy', 'true');
        return fetch(source + '?' + query, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error(String(response.status));
                }
                return response.json();
            })
            .then(function (areas) {
                areas.forEach(function (area) { select.add(new Option(area.name, area.code)); });
            })
            .catch(function () {
                // The way without JavaScript still works.
                showButtons(true);
            })
            .then(function () { select.removeAttribute('aria-busy'); });
    }

    showButtons(false);
    province.addEventListener('change', function () {
        district.length = 1;
        fill(regency, province.value ? 'provinsi=' + encodeURIComponent(province.value) : '');
    });
    regency.addEventListener('change', function () {
        fill(district, regency.value ? 'kabupaten=' + encodeURIComponent(regency.value) : '');
    });
})();
