// The job page follows its job without a reload: it asks the job's progress every second and puts the figures in
// place; once the job is finished it loads the page again, which then shows the whole outcome. Without JavaScript
// the page's refresh link does the same.
(function () {
  "use strict";
  const root = document.querySelector("[data-progress-url]");
  if (!root) {
    return;
  }
  const url = root.dataset.progressUrl;
  const bar = document.getElementById("job-progress");
  const rejections = document.getElementById("job-rejections");
  const warning = document.getElementById("no-worker");

  function cell(row, text) {
    const td = document.createElement("td");
    td.textContent = text;
    row.appendChild(td);
    return td;
  }

  function showRejections(list) {
    if (list.length === rejections.rows.length) {
      return;
    }
    rejections.replaceChildren();
    for (const rejection of list) {
      const row = document.createElement("tr");
      cell(row, rejection.name);
      cell(row, rejection.line === null ? "—" : String(rejection.line));
      cell(row, rejection.error);
      const code = document.createElement("code");
      code.textContent = rejection.line_text;
      cell(row, "").appendChild(code);
      rejections.appendChild(row);
    }
  }

  function update(progress) {
    bar.max = progress.files_total;
    bar.value = progress.files_done;
    const figures = Object.assign({}, progress, progress.text);
    for (const element of root.querySelectorAll("[data-field]")) {
      const value = figures[element.dataset.field];
      if (value !== undefined && value !== null) {
        element.textContent = String(value);
      }
    }
    showRejections(progress.rejections);
    if (warning) {
      warning.hidden = progress.worker_running;
    }
    if (progress.finished) {
      window.location.reload();
    } else {
      window.setTimeout(poll, 1000);
    }
  }

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
      .then(update, () => window.setTimeout(poll, 5000));
  }

  window.setTimeout(poll, 1000);
})();
