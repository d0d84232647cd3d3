/* The landschap page: the network of a gemeente with Cytoscape.js (vendored). Colour and shape
   by kind, filters by leefgebied and wijk, details of a node on click (or from the table, by
   keyboard), and a PNG download. Without JavaScript the table shows the same data. */
(function () {
  "use strict";

  var vlak = document.getElementById("netwerk");
  var bron = document.getElementById("landschap-data");
  var laden = document.getElementById("netwerk-laden");
  if (!vlak || !bron) {
    return;
  }
  if (typeof window.cytoscape !== "function") {
    if (laden) {
      laden.textContent = "Het netwerk kon niet worden getekend. Alle gegevens staan in de tabel hieronder.";
    }
    return;
  }

  var data = JSON.parse(bron.textContent);
  var namen = data.namen || { wijken: {}, leefgebieden: {} };
  var knopen = data.elements.nodes;
  var verbindingen = data.elements.edges;
  var naam = {};
  knopen.forEach(function (k) { naam[k.data.id] = k.data.label; });
  var SOORT = { Team: "team", Organisatie: "organisatie", Initiatief: "initiatief" };
  var RELATIE = {
    WERKT_SAMEN_MET: "werkt samen met",
    VERWIJST_NAAR: "verwijst naar",
    ONDERDEEL_VAN: "is onderdeel van",
    BIEDT_AAN: "biedt aan"
  };
  var MAANDEN = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
    "september", "oktober", "november", "december"];

  // Start on a circle in a fixed order, so the force layout gives the same picture every time.
  knopen.forEach(function (k, i) {
    var hoek = (2 * Math.PI * i) / Math.max(knopen.length, 1);
    k.position = { x: 300 * Math.cos(hoek), y: 300 * Math.sin(hoek) };
  });

  if (laden) {
    laden.remove();
  }
  var cy = window.cytoscape({
    container: vlak,
    elements: knopen.concat(verbindingen),
    minZoom: 0.2,
    maxZoom: 3,
    style: [
      {
        selector: "node",
        style: {
          label: "data(label)",
          "font-size": 12,
          color: "#1a1a1a",
          "text-valign": "bottom",
          "text-margin-y": 4,
          "text-wrap": "wrap",
          "text-max-width": 120,
          "text-background-color": "#ffffff",
          "text-background-opacity": 0.85,
          "text-background-padding": 2,
          width: "mapData(graad, 0, 8, 24, 52)",
          height: "mapData(graad, 0, 8, 24, 52)",
          "border-width": 2,
          "border-color": "#1a1a1a"
        }
      },
      { selector: 'node[wijkgraaf_label = "Team"]', style: { shape: "round-rectangle", "background-color": "#0072b2" } },
      { selector: 'node[wijkgraaf_label = "Organisatie"]', style: { shape: "ellipse", "background-color": "#e69f00" } },
      { selector: 'node[wijkgraaf_label = "Initiatief"]', style: { shape: "diamond", "background-color": "#009e73" } },
      { selector: "node[brug > 0]", style: { "border-width": 5 } },
      {
        selector: "edge",
        style: { width: 2, "line-color": "#6b6b6b", "curve-style": "bezier" }
      },
      {
        selector: ".gekozen",
        style: { "underlay-color": "#ffdd00", "underlay-padding": 8, "underlay-opacity": 1, "border-width": 5 }
      },
      { selector: "edge.gekozen", style: { "line-color": "#1a1a1a", width: 4, "underlay-padding": 3 } },
      { selector: ".verborgen", style: { display: "none" } }
    ],
    layout: {
      name: "cose",
      randomize: false,
      animate: false,
      padding: 30,
      nodeRepulsion: function () { return 12000; },
      idealEdgeLength: function () { return 60; },
      componentSpacing: 110,
      nodeOverlap: 20
    }
  });
  window.wijkgraafNetwerk = cy;
  vlak.setAttribute("data-klaar", "true");

  function datum(iso) {
    var d = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || "");
    return d ? Number(d[3]) + " " + MAANDEN[Number(d[2]) - 1] + " " + d[1] : (iso || "onbekende datum");
  }

  function el(tag, tekst) {
    var e = document.createElement(tag);
    if (tekst !== undefined) {
      e.textContent = tekst;
    }
    return e;
  }

  function rij(dl, term, waarde) {
    dl.appendChild(el("dt", term));
    dl.appendChild(el("dd", waarde || "–"));
  }

  var inhoud = document.getElementById("knoopdetail-inhoud");
  var paneel = document.getElementById("knoopdetail");

  function toon(id, metFocus) {
    var knoop = cy.getElementById(id);
    if (!knoop || knoop.empty()) {
      return;
    }
    cy.elements().removeClass("gekozen");
    knoop.addClass("gekozen");
    knoop.connectedEdges().addClass("gekozen");
    var d = knoop.data();
    inhoud.textContent = "";
    inhoud.appendChild(el("h4", d.label));
    var soort = SOORT[d.wijkgraaf_label] || d.wijkgraaf_label;
    inhoud.appendChild(el("p", soort.charAt(0).toUpperCase() + soort.slice(1) +
      (d.soort ? ": " + d.soort : d.rol ? ": " + d.rol : "")));
    var dl = el("dl");
    dl.className = "gegevens";
    var wijken = d.wijken || [];
    rij(dl, "Wijken", namen.alle_wijken && wijken.length >= namen.alle_wijken
      ? "de hele gemeente (" + wijken.length + " wijken)"
      : wijken.map(function (w) { return namen.wijken[w] || w; }).join(", "));
    rij(dl, "Leefgebieden", (d.leefgebieden || []).map(function (l) { return namen.leefgebieden[l] || l; }).join(", "));
    rij(dl, "Graad", String(d.graad) + (d.graad === 1 ? " verbinding" : " verbindingen"));
    rij(dl, "Betweenness", String(d.betweenness));
    rij(dl, "Gemeenschap", String(d.gemeenschap));
    if (d.brug) {
      rij(dl, "Brug", "zonder deze actor valt het netwerk in " + d.brug + " delen uiteen");
    }
    inhoud.appendChild(dl);
    var randen = knoop.connectedEdges();
    inhoud.appendChild(el("h4", randen.length ? "Verbonden met" : "Geen bekende verbindingen"));
    if (randen.length) {
      var ul = el("ul");
      ul.className = "compact";
      randen.forEach(function (rand) {
        var ander = rand.source().id() === id ? rand.target() : rand.source();
        var li = el("li");
        li.appendChild(el("strong", ander.data("label")));
        var sub = el("ul");
        (rand.data("relaties") || []).forEach(function (r) {
          sub.appendChild(el("li", (naam[r.van] || r.van) + " " + (RELATIE[r.type] || r.type.toLowerCase()) +
            " " + (naam[r.naar] || r.naar) + " (bron: " + r.bron + ", bevestigd " + datum(r.bevestigd_op) + ")"));
        });
        li.appendChild(sub);
        ul.appendChild(li);
      });
      inhoud.appendChild(ul);
    }
    if (metFocus) {
      paneel.focus();
    }
  }

  cy.on("tap", "node", function (e) { toon(e.target.id(), false); });
  cy.on("tap", function (e) {
    if (e.target === cy) {
      cy.elements().removeClass("gekozen");
    }
  });

  // The table: a 'Toon' button per row selects the node (keyboard access to the details).
  document.querySelectorAll(".toon-knoop").forEach(function (knop) {
    knop.hidden = false;
    knop.addEventListener("click", function () {
      toon(knop.getAttribute("data-id"), true);
      vlak.scrollIntoView({ block: "nearest" });
    });
  });

  // Filters: applied at once to the network and the table; the form still works without JS.
  var kiesLeefgebied = document.getElementById("filter-leefgebied");
  var kiesWijk = document.getElementById("filter-wijk");
  var filterStatus = document.getElementById("filter-status");
  var rijen = document.querySelectorAll("#actoren tbody tr[data-id]");

  function filter() {
    var lg = kiesLeefgebied.value;
    var wk = kiesWijk.value;
    var zichtbaar = 0;
    cy.batch(function () {
      cy.nodes().forEach(function (n) {
        var past = (!lg || (n.data("leefgebieden") || []).indexOf(lg) >= 0) &&
          (!wk || (n.data("wijken") || []).indexOf(wk) >= 0);
        n.toggleClass("verborgen", !past);
        if (past) {
          zichtbaar += 1;
        }
      });
    });
    rijen.forEach(function (r) {
      var n = cy.getElementById(r.getAttribute("data-id"));
      r.hidden = n.hasClass("verborgen");
    });
    var zichtbareKnopen = cy.nodes().not(".verborgen");
    if (zichtbareKnopen.length) {
      cy.fit(zichtbareKnopen, 30);
    }
    filterStatus.textContent = (lg || wk)
      ? zichtbaar + " van " + cy.nodes().length + " actoren getoond."
      : "";
    var params = new URLSearchParams();
    if (lg) { params.set("leefgebied", lg); }
    if (wk) { params.set("wijk", wk); }
    var query = params.toString();
    history.replaceState(null, "", window.location.pathname + (query ? "?" + query : ""));
  }
  [kiesLeefgebied, kiesWijk].forEach(function (s) { s.addEventListener("change", filter); });
  if (kiesLeefgebied.value || kiesWijk.value) {
    filter();
  }

  // PNG of the network as drawn (a button, since it needs the drawing).
  var pngPlek = document.getElementById("png-download");
  var pngKnop = document.getElementById("png-knop");
  if (pngPlek && pngKnop) {
    pngPlek.hidden = false;
    pngKnop.addEventListener("click", function () {
      var blob = cy.png({ output: "blob", bg: "#ffffff", full: true, scale: 2 });
      var a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = "landschap-" + (data.data && data.data.gemeente ? data.data.gemeente : "netwerk") + ".png";
      document.body.appendChild(a);
      a.click();
      setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
    });
  }
})();
