// collectieve_alternatieven: the facts behind the alternatives question for one wijk: the wijk;
// its neighbouring wijken (GRENST_AAN, either direction, one row per relationship); the asked
// Aanbod (null when $aanbod is null or unknown) with its leefgebieden and doelgroepen; and every
// Aanbod of vorm collectief or algemeen that is ACTIEF_IN a wijk of the wijk's gemeente, a
// neighbouring wijk, a buurt of those wijken or the gemeente of those wijken, with those ACTIEF_IN
// relationships (and the wijk and gemeente of each area), its leefgebieden, aanbieders and the
// teams that VERWIJST_NAAR it. Filtering by the need, the distance steps and the ranking are done
// in netwerk.analyse.alternatieven, shared by both stores ($leefgebied and $doelgroep too).
// params: $wijk (CBS wijkcode), $aanbod (id of an individueel-maatwerk Aanbod, or null)
MATCH (w:Wijk {id: $wijk})
WITH w, COLLECT { MATCH (w)-[:LIGT_IN]->(g:Gemeente) RETURN DISTINCT g ORDER BY g.id } AS gemeenten
WITH w, gemeenten,
     COLLECT {
       MATCH (w)-[r:GRENST_AAN]-(n:Wijk) WHERE n <> w
       RETURN {code: n.id, naam: n.naam,
               gemeente: head(COLLECT {
                 MATCH (n)-[:LIGT_IN]->(ng:Gemeente) RETURN ng.id ORDER BY ng.id
               }),
               van: startNode(r).id, naar: endNode(r).id,
               bron: r.bron, bevestigd_op: r.bevestigd_op}
     } AS grenzen,
     COLLECT { MATCH (w)-[:GRENST_AAN]-(n:Wijk) WHERE n <> w RETURN DISTINCT n } AS buren
WITH w, gemeenten, grenzen,
     COLLECT {
       UNWIND gemeenten AS g
       MATCH (x:Wijk)-[:LIGT_IN]->(g)
       RETURN x
       UNION
       UNWIND buren + [w] AS x
       RETURN x
     } AS wijken
WITH w, gemeenten, grenzen,
     COLLECT {
       UNWIND wijken AS x
       RETURN x AS a
       UNION
       UNWIND wijken AS x
       MATCH (a:Buurt)-[:LIGT_IN]->(x)
       RETURN a
       UNION
       UNWIND wijken AS x
       MATCH (x)-[:LIGT_IN]->(a:Gemeente)
       RETURN a
     } AS gebieden
CALL (gebieden) {
  UNWIND gebieden AS a
  MATCH (o:Aanbod)-[r:ACTIEF_IN]->(a)
  WHERE o.vorm IN ['collectief', 'algemeen']
  WITH o, a, r, [l IN labels(a) WHERE l <> 'Knoop'][0] AS soort
  WITH o, a, r, soort,
       CASE soort
         WHEN 'Wijk' THEN a
         WHEN 'Buurt' THEN head(COLLECT { MATCH (a)-[:LIGT_IN]->(bw:Wijk) RETURN bw ORDER BY bw.id })
       END AS aw
  WITH o, collect({
    gebied: a.id, soort: soort, naam: a.naam, wijk: aw.id, wijk_naam: aw.naam,
    gemeente: CASE
      WHEN soort = 'Gemeente' THEN a.id
      WHEN aw IS NULL THEN null
      ELSE head(COLLECT { MATCH (aw)-[:LIGT_IN]->(wg:Gemeente) RETURN wg.id ORDER BY wg.id })
    END,
    bron: r.bron, bevestigd_op: r.bevestigd_op
  }) AS werk
  RETURN collect({
    id: o.id, naam: o.naam, vorm: o.vorm, omschrijving: o.omschrijving, contact: o.contact,
    doelgroepen: coalesce(o.doelgroepen, []),
    leefgebieden: COLLECT {
      MATCH (o)-[rl:RICHT_ZICH_OP]->(lg:Leefgebied)
      RETURN {id: lg.id, bron: rl.bron, bevestigd_op: rl.bevestigd_op}
    },
    aanbieders: COLLECT {
      MATCH (p:Knoop)-[rb:BIEDT_AAN]->(o)
      RETURN {id: p.id, naam: p.naam, label: [l IN labels(p) WHERE l <> 'Knoop'][0],
              bron: rb.bron, bevestigd_op: rb.bevestigd_op}
    },
    verwijzers: COLLECT {
      MATCH (t:Team)-[rv:VERWIJST_NAAR]->(o)
      RETURN {id: t.id, naam: t.naam, bron: rv.bron, bevestigd_op: rv.bevestigd_op}
    },
    werkgebied: werk
  }) AS aanbod
}
OPTIONAL MATCH (v:Aanbod {id: $aanbod})
RETURN {code: w.id, naam: w.naam, gemeente: head(gemeenten).id, inwoners: w.inwoners} AS wijk,
       grenzen,
       CASE WHEN v IS NULL THEN null ELSE {
         id: v.id, naam: v.naam, vorm: v.vorm, omschrijving: v.omschrijving, contact: v.contact,
         doelgroepen: coalesce(v.doelgroepen, []),
         leefgebieden: COLLECT {
           MATCH (v)-[vl:RICHT_ZICH_OP]->(lg:Leefgebied)
           RETURN {id: lg.id, bron: vl.bron, bevestigd_op: vl.bevestigd_op}
         },
         aanbieders: COLLECT {
           MATCH (p:Knoop)-[vb:BIEDT_AAN]->(v)
           RETURN {id: p.id, naam: p.naam, label: [l IN labels(p) WHERE l <> 'Knoop'][0],
                   bron: vb.bron, bevestigd_op: vb.bevestigd_op}
         },
         verwijzers: COLLECT {
           MATCH (t:Team)-[rv:VERWIJST_NAAR]->(v)
           RETURN {id: t.id, naam: t.naam, bron: rv.bron, bevestigd_op: rv.bevestigd_op}
         }
       } END AS gevraagd,
       aanbod
