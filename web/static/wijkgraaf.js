/* Wijkgraaf: small progressive enhancements. Every page works without this file. */
(function () {
  "use strict";

  /* Autocomplete on CBS names: an <input data-gebieden="URL" list="ID"> gets <option>s in its
     <datalist> from the JSON endpoint while the user types. Without JavaScript the form takes a
     name or a code as typed. */
  function autocomplete(invoer) {
    var lijst = document.getElementById(invoer.getAttribute("list"));
    var status = document.getElementById(invoer.id + "-status");
    var url = invoer.getAttribute("data-gebieden");
    var wacht = null;
    var laatste = "";
    if (!lijst || !url) {
      return;
    }
    invoer.addEventListener("input", function () {
      var q = invoer.value.trim();
      if (wacht) {
        clearTimeout(wacht);
      }
      if (q.length < 2 || q === laatste || /\([^)]*\b(GM|WK|BU)[0-9A-Z]+\)$/.test(q)) {
        return;
      }
      wacht = setTimeout(function () {
        laatste = q;
        var scheider = url.indexOf("?") >= 0 ? "&" : "?";
        fetch(url + scheider + "q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } })
          .then(function (r) { return r.ok ? r.json() : { gebieden: [] }; })
          .then(function (data) {
            if (invoer.value.trim() !== q) {
              return;
            }
            lijst.textContent = "";
            data.gebieden.forEach(function (g) {
              var optie = document.createElement("option");
              optie.value = g.omschrijving;
              lijst.appendChild(optie);
            });
            if (status) {
              status.textContent = data.gebieden.length
                ? data.gebieden.length + " suggesties; kies met de pijltjestoetsen."
                : "Geen gebied gevonden met deze naam.";
            }
          })
          .catch(function () { /* suggestions are a convenience: typing still works */ });
      }, 200);
    });
  }

  /* A form that takes a moment says so (loading state) and is not sent twice. */
  function bezig(formulier) {
    formulier.addEventListener("submit", function () {
      var plek = formulier.querySelector(".bezig");
      var knop = formulier.querySelector("button[type=submit]");
      if (plek) {
        plek.textContent = formulier.getAttribute("data-bezig") || "Bezig…";
      }
      formulier.setAttribute("aria-busy", "true");
      if (knop) {
        setTimeout(function () { knop.disabled = true; }, 0);
      }
    });
  }

  /* The print button of the zichtbaarheidsrapport. */
  function afdrukken(knop) {
    knop.hidden = false;
    knop.addEventListener("click", function () { window.print(); });
  }

  document.querySelectorAll("input[data-gebieden]").forEach(autocomplete);
  document.querySelectorAll("form[data-bezig]").forEach(bezig);
  var printknop = document.getElementById("afdrukken");
  if (printknop) {
    afdrukken(printknop);
  }
  // Coming back to a page from the history: forms are usable again.
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form[aria-busy]").forEach(function (f) {
      f.removeAttribute("aria-busy");
      var knop = f.querySelector("button[type=submit]");
      var plek = f.querySelector(".bezig");
      if (knop) { knop.disabled = false; }
      if (plek) { plek.textContent = ""; }
    });
  });
})();
