// landschap: the facts behind the actor network of one gemeente: its wijken and buurten, every
// WERKT_IN / ACTIEF_IN relationship into one of those areas, the actors present there (a team
// working there, an organisatie or initiatief active there or offering an aanbod active there,
// the organisatie a team there is ONDERDEEL_VAN) with their own leefgebieden, the offers active
// there or referred to by an actor (with leefgebieden and BIEDT_AAN relationships), and every
// WERKT_SAMEN_MET / VERWIJST_NAAR / ONDERDEEL_VAN leaving an actor. The graph and its metrics are
// built in netwerk.analyse.landschap, shared by both stores. The CALL (g) block is repeated
// verbatim in zichtbaarheid.cypher.
// params: $gemeente (CBS gemeentecode)
MATCH (g:Gemeente {id: $gemeente})
CALL (g) {
  WITH COLLECT { MATCH (w:Wijk)-[:LIGT_IN]->(g) RETURN DISTINCT w } AS wijken,
       COLLECT {
         MATCH (b:Buurt)-[:LIGT_IN]->(w:Wijk)-[:LIGT_IN]->(g)
         RETURN DISTINCT {knoop: b, wijk: w.id} AS bw
       } AS buurten
  WITH wijken, buurten,
       COLLECT {
         UNWIND [g] + wijken + [x IN buurten | x.knoop] AS a RETURN DISTINCT a
       } AS gebieden
  CALL (gebieden) {
    UNWIND gebieden AS a
    MATCH (x:Knoop)-[r:WERKT_IN|ACTIEF_IN]->(a)
    RETURN collect({van: x.id, type: type(r), naar: a.id, bron: r.bron,
                    bevestigd_op: r.bevestigd_op}) AS gebied_relaties,
           collect(DISTINCT x) AS aanwezig
  }
  CALL (aanwezig) {
    UNWIND aanwezig AS x
    CALL (x) {
      WITH x WHERE NOT x:Aanbod
      RETURN x AS actor
      UNION
      MATCH (x:Aanbod)<-[:BIEDT_AAN]-(p:Knoop)
      RETURN p AS actor
      UNION
      MATCH (x:Team)-[:ONDERDEEL_VAN]->(m:Organisatie)
      RETURN m AS actor
    }
    WITH DISTINCT actor
    RETURN collect(actor) AS actoren,
           collect({
             id: actor.id, label: [l IN labels(actor) WHERE l <> 'Knoop'][0], naam: actor.naam,
             soort: actor.soort, rol: actor.rol,
             leefgebieden: COLLECT {
               MATCH (actor)-[:RICHT_ZICH_OP]->(l:Leefgebied)
             RETURN DISTINCT l.id AS id ORDER BY id
             }
           }) AS actor_feiten
  }
  CALL (actoren) {
    UNWIND actoren AS x
    MATCH (x)-[r:WERKT_SAMEN_MET|VERWIJST_NAAR|ONDERDEEL_VAN]->(y:Knoop)
    RETURN collect({van: x.id, type: type(r), naar: y.id, bron: r.bron,
                    bevestigd_op: r.bevestigd_op}) AS relaties,
           collect(DISTINCT CASE WHEN y:Aanbod THEN y END) AS verwezen
  }
  CALL (aanwezig, verwezen) {
    UNWIND [x IN aanwezig WHERE x:Aanbod] + verwezen AS ab
    WITH DISTINCT ab
    RETURN collect({
      id: ab.id, naam: ab.naam,
      leefgebieden: COLLECT {
        MATCH (ab)-[:RICHT_ZICH_OP]->(l:Leefgebied) RETURN DISTINCT l.id AS id ORDER BY id
      },
      aanbieders: COLLECT {
        MATCH (p:Knoop)-[b:BIEDT_AAN]->(ab)
        RETURN {van: p.id, type: type(b), naar: ab.id, bron: b.bron, bevestigd_op: b.bevestigd_op}
      }
    }) AS aanbod
  }
  RETURN {
    gemeente: {code: g.id, naam: g.naam, inwoners: g.inwoners},
    wijken: [w IN wijken | {code: w.id, naam: w.naam}],
    buurten: [x IN buurten | {code: x.knoop.id, naam: x.knoop.naam, wijk: x.wijk}],
    gebied_relaties: gebied_relaties,
    actoren: actor_feiten,
    aanbod: aanbod,
    relaties: relaties
  } AS feiten
}
RETURN feiten
