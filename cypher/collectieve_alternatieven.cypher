// collectieve_alternatieven: the facts behind the alternatives question for one wijk: the wijk;
// its neighbouring wijken (GRENST_AAN, either direction, one row per relationship); the asked
// Aanbod (null when $aanbod is null or unknown) with its leefgebieden and doelgroepen; and every
// Aanbod that can be a candidate for the need: vorm collectief or algemeen, RICHT_ZICH_OP a
// leefgebied of the need, and (when the need has doelgroepen) a doelgroep of it, 'iedereen' or
// none; that is ACTIEF_IN a wijk of the wijk's gemeente, a neighbouring wijk, a buurt of those
// wijken or the gemeente of those wijken (werkgebied: those ACTIEF_IN relationships), with its
// RICHT_ZICH_OP relationships to the need's leefgebieden, aanbieders and the teams that
// VERWIJST_NAAR it (one scan of its relationships); and gebieden: per area in a werkgebied its
// soort, naam, wijk and gemeente, looked up once (the gemeente once per wijk). The need is the
// asked Aanbod's leefgebieden and doelgroepen, or $leefgebied and $doelgroep. Filtering by the
// need (again), the distance steps, the ranking and the page are done in
// netwerk.analyse.alternatieven, shared by both stores.
// params: $wijk (CBS wijkcode), $aanbod (id of an individueel-maatwerk Aanbod, or null),
//         $leefgebied (leefgebied id, or null), $doelgroep (doelgroep id, or null)
MATCH (w:Wijk {id: $wijk})
WITH w, COLLECT { MATCH (w)-[:LIGT_IN]->(g:Gemeente) RETURN DISTINCT g ORDER BY g.id } AS gemeenten
OPTIONAL MATCH (v:Aanbod {id: $aanbod})
WITH w, gemeenten, v,
     CASE
       WHEN $aanbod IS NULL THEN COLLECT { MATCH (lg:Leefgebied {id: $leefgebied}) RETURN lg }
       ELSE COLLECT { MATCH (v)-[:RICHT_ZICH_OP]->(lg:Leefgebied) RETURN DISTINCT lg }
     END AS nodig_lg,
     CASE
       WHEN $aanbod IS NOT NULL THEN coalesce(v.doelgroepen, [])
       WHEN $doelgroep IS NULL THEN []
       ELSE [$doelgroep]
     END AS nodig_dg
WITH w, gemeenten, v, nodig_lg, nodig_dg,
     COLLECT {
       MATCH (w)-[r:GRENST_AAN]-(n:Wijk) WHERE n <> w
       WITH n, collect(r) AS rs
       WITH n, rs, head(COLLECT {
         MATCH (n)-[:LIGT_IN]->(ng:Gemeente) RETURN ng.id ORDER BY ng.id
       }) AS ngm
       UNWIND rs AS r
       RETURN {code: n.id, naam: n.naam, gemeente: ngm,
               van: startNode(r).id, naar: endNode(r).id,
               bron: r.bron, bevestigd_op: r.bevestigd_op}
     } AS grenzen,
     COLLECT { MATCH (w)-[:GRENST_AAN]-(n:Wijk) WHERE n <> w RETURN DISTINCT n } AS buren
WITH w, gemeenten, v, nodig_lg, nodig_dg, grenzen,
     COLLECT {
       UNWIND gemeenten AS g
       MATCH (x:Wijk)-[:LIGT_IN]->(g)
       RETURN x
       UNION
       UNWIND buren + [w] AS x
       RETURN x
     } AS wijken
WITH w, gemeenten, v, nodig_lg, nodig_dg, grenzen,
     COLLECT {
       UNWIND wijken AS x
       RETURN x AS a
       UNION
       UNWIND wijken AS x
       MATCH (x)-[l:LIGT_IN]-(a)
       WHERE (a:Buurt AND endNode(l) = x) OR (a:Gemeente AND startNode(l) = x)
       RETURN a
     } AS omgeving
CALL (omgeving, nodig_lg, nodig_dg) {
  UNWIND omgeving AS a
  MATCH (o:Aanbod)-[r:ACTIEF_IN]->(a)
  WHERE o.vorm IN ['collectief', 'algemeen']
    AND (size(nodig_dg) = 0 OR size(coalesce(o.doelgroepen, [])) = 0
         OR any(d IN o.doelgroepen WHERE d = 'iedereen' OR d IN nodig_dg))
  WITH o, collect([a, r]) AS plekken
  WHERE EXISTS { MATCH (o)-[:RICHT_ZICH_OP]->(lg) WHERE lg IN nodig_lg }
  WITH o, plekken, COLLECT {
    MATCH (o)-[x:RICHT_ZICH_OP|BIEDT_AAN|VERWIJST_NAAR]-(y)
    RETURN {soort: type(x), uit: startNode(x) = o, in: endNode(x) = o, x: x, y: y}
  } AS randen
  RETURN collect({
    id: o.id, naam: o.naam, vorm: o.vorm, omschrijving: o.omschrijving, contact: o.contact,
    doelgroepen: coalesce(o.doelgroepen, []),
    leefgebieden: [z IN randen WHERE z.soort = 'RICHT_ZICH_OP' AND z.uit AND z.y IN nodig_lg |
                   {id: z.y.id, bron: z.x.bron, bevestigd_op: z.x.bevestigd_op}],
    aanbieders: [z IN randen WHERE z.soort = 'BIEDT_AAN' AND z.in |
                 {id: z.y.id, naam: z.y.naam, label: [l IN labels(z.y) WHERE l <> 'Knoop'][0],
                  bron: z.x.bron, bevestigd_op: z.x.bevestigd_op}],
    verwijzers: [z IN randen WHERE z.soort = 'VERWIJST_NAAR' AND z.in AND z.y:Team |
                 {id: z.y.id, naam: z.y.naam, bron: z.x.bron, bevestigd_op: z.x.bevestigd_op}],
    werkgebied: [p IN plekken | {gebied: p[0].id, bron: p[1].bron, bevestigd_op: p[1].bevestigd_op}]
  }) AS aanbod, collect([p IN plekken | p[0]]) AS actief
}
CALL (actief) {
  UNWIND actief AS plekken
  UNWIND plekken AS a
  WITH DISTINCT a
  WITH a, [l IN labels(a) WHERE l <> 'Knoop'][0] AS soort
  WITH a, soort,
       CASE soort
         WHEN 'Wijk' THEN a
         WHEN 'Buurt' THEN head(COLLECT { MATCH (a)-[:LIGT_IN]->(bw:Wijk) RETURN bw ORDER BY bw.id })
       END AS aw
  WITH aw, collect([a, soort]) AS per_wijk
  WITH aw, per_wijk,
       CASE WHEN aw IS NOT NULL THEN
         head(COLLECT { MATCH (aw)-[:LIGT_IN]->(wg:Gemeente) RETURN wg.id ORDER BY wg.id })
       END AS awgm
  UNWIND per_wijk AS x
  RETURN collect({
    gebied: x[0].id, soort: x[1], naam: x[0].naam, wijk: aw.id, wijk_naam: aw.naam,
    gemeente: CASE WHEN x[1] = 'Gemeente' THEN x[0].id ELSE awgm END
  }) AS gebieden
}
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
       gebieden,
       aanbod
