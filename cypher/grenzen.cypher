// grenzen: the wijken of a gemeente with their buurten, and every WERKT_IN of a team in the
// gemeente, its wijken or its buurten (with via_gebied when it came through an own area).
// Deciding which wijken are cut happens in netwerk.analyse.grenzen, shared by both stores.
// params: $gemeente (CBS gemeentecode)
MATCH (g:Gemeente {id: $gemeente})
RETURN {code: g.id, naam: g.naam} AS gemeente,
  COLLECT {
    MATCH (w:Wijk)-[:LIGT_IN]->(g)
    RETURN {code: w.id, naam: w.naam,
            buurten: COLLECT { MATCH (b:Buurt)-[:LIGT_IN]->(w) RETURN b.id ORDER BY b.id }}
  } AS wijken,
  COLLECT {
    MATCH (w:Wijk)-[:LIGT_IN]->(g)
    MATCH (a:Knoop)-[:LIGT_IN*0..1]->(w) WHERE a = w OR a:Buurt
    MATCH (t:Team)-[r:WERKT_IN]->(a)
    RETURN {team: t.id, naam: t.naam, soort: t.soort, gebied: a.id, wijk: w.id,
            via_gebied: r.via_gebied, bron: r.bron, bevestigd_op: r.bevestigd_op}
  } + COLLECT {
    MATCH (t:Team)-[r:WERKT_IN]->(g)
    RETURN {team: t.id, naam: t.naam, soort: t.soort, gebied: g.id, wijk: null,
            via_gebied: null, bron: r.bron, bevestigd_op: r.bevestigd_op}
  } AS werk
