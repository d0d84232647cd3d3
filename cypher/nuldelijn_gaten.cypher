// nuldelijn_gaten: the facts behind the nuldelijn question for one wijk: its buurten; every
// team working in the wijk (in a buurt, in the wijk itself or in its gemeente) with its areas,
// leefgebieden and acquaintances (WERKT_SAMEN_MET, VERWIJST_NAAR, either direction); every
// Aanbod available in the wijk (ACTIEF_IN a buurt, the wijk or the gemeente) that counts as
// nuldelijn (vorm in $vormen, and an aanbieder that is an Initiatief or an Organisatie with a
// rol in $rollen, or no aanbieder at all), with its areas, leefgebieden and aanbieders
// (BIEDT_AAN); every Initiatief active in the wijk with its areas, leefgebieden and the Aanbod
// it offers. The links, statuses, lists and order are decided in netwerk.analyse.nuldelijn,
// shared by both stores (which applies the nuldelijn rule again and explains it).
// params: $wijk (CBS wijkcode), $vormen, $rollen
MATCH (w:Wijk {id: $wijk})
WITH w, COLLECT { MATCH (w)-[:LIGT_IN]->(g:Gemeente) RETURN DISTINCT g ORDER BY g.id } AS gemeenten
WITH w, gemeenten,
     COLLECT { MATCH (b:Buurt)-[:LIGT_IN]->(w) RETURN DISTINCT b ORDER BY b.id } AS buurten
// each area with its label, so the rows below need not compute it
WITH w, gemeenten, buurten,
     [b IN buurten | {knoop: b, soort: 'Buurt'}] + [{knoop: w, soort: 'Wijk'}]
       + [g IN gemeenten | {knoop: g, soort: 'Gemeente'}] AS gebieden
CALL (gebieden) {
  UNWIND gebieden AS a
  WITH a.knoop AS gebied, a.soort AS soort
  MATCH (t:Team)-[r:WERKT_IN]->(gebied)
  WITH t, collect({gebied: gebied.id, soort: soort, bron: r.bron,
                   bevestigd_op: r.bevestigd_op}) AS werk
  RETURN collect({
    id: t.id, naam: t.naam, soort: t.soort, werkgebied: werk,
    leefgebieden: COLLECT {
      MATCH (t)-[rl:RICHT_ZICH_OP]->(lg:Leefgebied)
      RETURN {id: lg.id, bron: rl.bron, bevestigd_op: rl.bevestigd_op}
    },
    contacten: COLLECT {
      MATCH (t)-[c:WERKT_SAMEN_MET|VERWIJST_NAAR]-(x:Knoop)
      RETURN {id: x.id, type: type(c),
              richting: CASE WHEN startNode(c) = t THEN 'uit' ELSE 'in' END,
              bron: c.bron, bevestigd_op: c.bevestigd_op}
    }
  }) AS teams
}
CALL (gebieden) {
  UNWIND gebieden AS a
  WITH a.knoop AS gebied, a.soort AS soort
  MATCH (o:Aanbod)-[r:ACTIEF_IN]->(gebied)
  WHERE o.vorm IN $vormen
  WITH o, collect({gebied: gebied.id, soort: soort, bron: r.bron,
                   bevestigd_op: r.bevestigd_op}) AS werk
  WITH o, werk, COLLECT {
    MATCH (p:Knoop)-[rb:BIEDT_AAN]->(o)
    RETURN {id: p.id, naam: p.naam, label: [l IN labels(p) WHERE l <> 'Knoop'][0],
            rol: p.rol, bron: rb.bron, bevestigd_op: rb.bevestigd_op}
  } AS aanbieders
  WHERE aanbieders = []
     OR any(p IN aanbieders WHERE p.label = 'Initiatief'
                               OR (p.label = 'Organisatie' AND p.rol IN $rollen))
  RETURN collect({
    id: o.id, naam: o.naam, vorm: o.vorm, doelgroepen: coalesce(o.doelgroepen, []),
    werkgebied: werk,
    leefgebieden: COLLECT {
      MATCH (o)-[rl:RICHT_ZICH_OP]->(lg:Leefgebied)
      RETURN {id: lg.id, bron: rl.bron, bevestigd_op: rl.bevestigd_op}
    },
    aanbieders: aanbieders
  }) AS aanbod
}
CALL (gebieden) {
  UNWIND gebieden AS a
  WITH a.knoop AS gebied, a.soort AS soort
  MATCH (i:Initiatief)-[r:ACTIEF_IN]->(gebied)
  WITH i, collect({gebied: gebied.id, soort: soort, bron: r.bron,
                   bevestigd_op: r.bevestigd_op}) AS werk
  RETURN collect({
    id: i.id, naam: i.naam, soort: i.soort, doelgroepen: coalesce(i.doelgroepen, []),
    werkgebied: werk,
    leefgebieden: COLLECT {
      MATCH (i)-[rl:RICHT_ZICH_OP]->(lg:Leefgebied)
      RETURN {id: lg.id, bron: rl.bron, bevestigd_op: rl.bevestigd_op}
    },
    aanbod: COLLECT {
      MATCH (i)-[rb:BIEDT_AAN]->(ia:Aanbod)
      RETURN {id: ia.id, naam: ia.naam, bron: rb.bron, bevestigd_op: rb.bevestigd_op,
              leefgebieden: COLLECT {
                MATCH (ia)-[:RICHT_ZICH_OP]->(il:Leefgebied) RETURN DISTINCT il.id ORDER BY il.id
              }}
    }
  }) AS initiatieven
}
RETURN {code: w.id, naam: w.naam, gemeente: head(gemeenten).id, inwoners: w.inwoners} AS wijk,
       [b IN buurten | {code: b.id, naam: b.naam}] AS buurten,
       teams, aanbod, initiatieven
