// overlappende_teams: the facts behind the overlap question for one wijk: its buurten and, for
// every team working in the wijk (in a buurt, in the wijk itself or in its gemeente), the areas
// it works in, its leefgebieden, doelgroepen and its acquaintances (WERKT_SAMEN_MET,
// VERWIJST_NAAR, in either direction). Pairing and scoring happen in netwerk.analyse.overlap,
// shared by both stores.
// params: $wijk (CBS wijkcode)
MATCH (w:Wijk {id: $wijk})
OPTIONAL MATCH (w)-[:LIGT_IN]->(g:Gemeente)
WITH w, g, COLLECT { MATCH (b:Buurt)-[:LIGT_IN]->(w) RETURN b ORDER BY b.id } AS buurten
WITH w, g, buurten, [x IN buurten + [w, g] WHERE x IS NOT NULL] AS gebieden
CALL (gebieden) {
  UNWIND gebieden AS a
  MATCH (t:Team)-[r:WERKT_IN]->(a)
  WITH t, collect({gebied: a.id, soort: [l IN labels(a) WHERE l <> 'Knoop'][0],
                   bron: r.bron, bevestigd_op: r.bevestigd_op}) AS werk
  RETURN collect({
    id: t.id, naam: t.naam, soort: t.soort, doelgroepen: coalesce(t.doelgroepen, []),
    werkgebied: werk,
    leefgebieden: COLLECT { MATCH (t)-[:RICHT_ZICH_OP]->(l:Leefgebied) RETURN DISTINCT l.id },
    contacten: COLLECT {
      MATCH (t)-[c:WERKT_SAMEN_MET|VERWIJST_NAAR]-(x:Knoop)
      RETURN {id: x.id, naam: x.naam, type: type(c),
              richting: CASE WHEN startNode(c) = t THEN 'uit' ELSE 'in' END,
              bron: c.bron, bevestigd_op: c.bevestigd_op}
    }
  }) AS teams
}
RETURN {code: w.id, naam: w.naam, gemeente: g.id, inwoners: w.inwoners} AS wijk,
       [b IN buurten | {code: b.id, naam: b.naam}] AS buurten,
       teams
