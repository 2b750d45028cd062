// piano site: sorting and filtering of the index's table. Without this
// script the table reads as it is, in the order the site was written in.
// Each cell's sort key is its data-ordine attribute, else its text; columns
// whose header says data-tipo="numero" sort as numbers, blanks last.
(function () {
  "use strict";
  var table = document.getElementById("piani");
  if (!table || !table.tBodies.length) {
    return;
  }
  var body = table.tBodies[0];
  var headers = table.tHead.rows[0].cells;
  var rows = Array.prototype.slice.call(body.rows);

  function key(row, column) {
    var cell = row.cells[column];
    var value = cell.getAttribute("data-ordine");
    return (value === null ? cell.textContent : value).trim();
  }

  function compare(column, numeric) {
    return function (a, b) {
      var x = key(a, column);
      var y = key(b, column);
      if (x === "" || y === "") {
        return (x === "") - (y === "");
      }
      if (numeric) {
        return parseFloat(x) - parseFloat(y);
      }
      return x.localeCompare(y, "it");
    };
  }

  function sortBy(column) {
    var header = headers[column];
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    var numeric = header.getAttribute("data-tipo") === "numero";
    var order = compare(column, numeric);
    rows.sort(function (a, b) {
      var result = order(a, b);
      var blank = key(a, column) === "" || key(b, column) === "";
      return ascending || blank ? result : -result;
    });
    rows.forEach(function (row) {
      body.appendChild(row);
    });
    Array.prototype.forEach.call(headers, function (other) {
      other.removeAttribute("aria-sort");
    });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }

  Array.prototype.forEach.call(headers, function (header, column) {
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = header.textContent;
    button.addEventListener("click", function () {
      sortBy(column);
    });
    header.textContent = "";
    header.appendChild(button);
  });

  var filters = document.getElementById("filtri");
  var text = document.getElementById("filtro-testo");
  var verdict = document.getElementById("filtro-esito");
  var count = document.getElementById("filtro-conteggio");
  function filter() {
    var words = text.value.toLocaleLowerCase("it").split(/\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (row) {
      var content = row.textContent.toLocaleLowerCase("it");
      var match = (!verdict.value || row.getAttribute("data-esito") === verdict.value) &&
        words.every(function (word) {
          return content.indexOf(word) !== -1;
        });
      row.hidden = !match;
      shown += match ? 1 : 0;
    });
    count.textContent = shown + " piani su " + rows.length;
  }
  text.addEventListener("input", filter);
  verdict.addEventListener("change", filter);
  filters.hidden = false;
  filter();
})();
