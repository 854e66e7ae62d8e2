// The import status page: polls its JSON every second and moves the progress bar; reloads the
// page once the import stops working (the page then shows the report). Without JavaScript the
// page reloads itself every 2 seconds instead.
(function () {
    "use strict";
    var section = document.getElementById("keadaan");
    var bar = document.getElementById("kemajuan");
    if (!section || !bar) {
        return;
    }
    var url = section.getAttribute("data-progress-url");
    var text = section.querySelector("[data-field='progress']");
    var words = text ? text.textContent : "";
    function poll() {
        fetch(url, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (status) {
                if (!status) {
                    return;
                }
                if (!status.working || status.state !== section.getAttribute("data-state")) {
                    window.location.reload();
                    return;
                }
                bar.value = status.percent;
                bar.textContent = status.percent + " %";
                if (text) {
                    // "{processed} dari {total} baris ({percent} %)": the numbers change, the words stay.
                    var numbers = [status.processed, status.total, status.percent];
                    var i = 0;
                    text.textContent = words.replace(/\d[\d.,]*/g, function (match) { return i < numbers.length ? String(numbers[i++]) : match; });
                }
                window.setTimeout(poll, 1000);
            })
            .catch(function () { window.setTimeout(poll, 3000); });
    }
    window.setTimeout(poll, 1000);
})();
