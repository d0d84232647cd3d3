/* The zichtbaarheid map: CBS buurten coloured by the status of their wijk, wijk borders on top,
   buurten where the organisation itself is active outlined. Leaflet (vendored), no tile server:
   only the polygons the app serves. Without JavaScript the table shows the same data. */
(function () {
  "use strict";

  var vlak = document.getElementById("kaart");
  var bron = document.getElementById("kaart-data");
  var laden = document.getElementById("kaart-laden");
  if (!vlak || !bron) {
    return;
  }
  function melding(tekst) {
    if (laden) {
      laden.textContent = tekst;
    }
  }
  if (!window.L) {
    melding("De kaart kon niet worden getekend. Alle gegevens staan in de tabel.");
    return;
  }

  var data = JSON.parse(bron.textContent);
  var KLEUR = {
    "gezien": "#4daf4a",
    "actief maar onzichtbaar": "#d7301f",
    "geen teams": "#bdbdbd"
  };
  var NIET_ACTIEF = "#ffffff";
  var eigenBuurten = {};
  (data.buurten || []).forEach(function (b) { eigenBuurten[b] = true; });

  function status(wijk) {
    return data.wijken[wijk] || "niet actief";
  }

  Promise.all((data.bronnen || []).map(function (url) {
    return fetch(url, { headers: { Accept: "application/geo+json" } }).then(function (r) {
      if (!r.ok) {
        throw new Error(r.status === 404 ? "geen grenzen" : "fout " + r.status);
      }
      return r.json();
    });
  })).then(function (lagen) {
    var features = [];
    lagen.forEach(function (fc) { features = features.concat(fc.features || []); });
    var wijken = features.filter(function (f) { return f.properties.soort === "wijk"; });
    var buurten = features.filter(function (f) { return f.properties.soort === "buurt"; });
    if (!wijken.length && !buurten.length) {
      throw new Error("leeg");
    }
    if (laden) {
      laden.remove();
    }
    var kaart = L.map(vlak, {
      zoomControl: false,
      scrollWheelZoom: false,
      zoomSnap: 0.25,
      attributionControl: true
    });
    L.control.zoom({ zoomInTitle: "Inzoomen", zoomOutTitle: "Uitzoomen" }).addTo(kaart);
    kaart.attributionControl.setPrefix(false);
    kaart.attributionControl.addAttribution("Gebieden: CBS, Kadaster · Leaflet");

    // Buurten filled with the status of their wijk (where buurten are missing: the wijk itself).
    var opvulling = buurten.length ? buurten : wijken;
    var vullaag = L.geoJSON({ type: "FeatureCollection", features: opvulling }, {
      style: function (f) {
        var p = f.properties;
        var wijk = p.soort === "wijk" ? p.code : p.wijk;
        var eigen = eigenBuurten[p.code];
        return {
          fillColor: KLEUR[status(wijk)] || NIET_ACTIEF,
          fillOpacity: 0.8,
          color: eigen ? "#000000" : "#5a5a5a",
          weight: eigen ? 3 : 0.7,
          dashArray: eigen ? "6 4" : null
        };
      },
      onEachFeature: function (f, laag) {
        var p = f.properties;
        var wijk = p.soort === "wijk" ? p.code : p.wijk;
        var tekst = p.naam + (p.soort === "buurt" ? " (buurt)" : " (wijk)") + ": " + status(wijk) +
          (eigenBuurten[p.code] ? "; zelf actief in deze buurt" : "");
        laag.bindTooltip(tekst, { sticky: true });
      }
    }).addTo(kaart);

    var wijklaag = L.geoJSON({ type: "FeatureCollection", features: wijken }, {
      interactive: false,
      style: function () {
        return { fill: false, color: "#1a1a1a", weight: 2.5 };
      }
    }).addTo(kaart);

    if (wijken.length && wijken.length <= 30) {
      wijken.forEach(function (f) {
        var midden = L.geoJSON(f).getBounds().getCenter();
        L.tooltip({ permanent: true, direction: "center", className: "wijklabel", interactive: false })
          .setLatLng(midden)
          .setContent(f.properties.naam)
          .addTo(kaart);
      });
    }
    var grenzen = (wijken.length ? wijklaag : vullaag).getBounds();
    kaart.fitBounds(grenzen, { padding: [10, 10] });
    vlak.setAttribute("data-klaar", "true");
    window.wijkgraafKaart = kaart;
    // The printed report gives the map a fixed size (class 'afdrukken', see the CSS): resize and
    // fit the gemeente before printing, and back afterwards.
    var herschik = function (afdrukken) {
      document.body.classList.toggle("afdrukken", afdrukken);
      kaart.invalidateSize({ animate: false });
      kaart.fitBounds(grenzen, { padding: [6, 6], animate: false });
    };
    window.addEventListener("beforeprint", function () { herschik(true); });
    window.addEventListener("afterprint", function () { herschik(false); });
  }).catch(function (fout) {
    melding(String(fout && fout.message) === "geen grenzen"
      ? "De kaart is niet beschikbaar: de wijk- en buurtgrenzen zijn niet geïnstalleerd. Alle gegevens staan in de tabel."
      : "De kaart kon niet worden geladen. Alle gegevens staan in de tabel.");
  });
})();
