// hsds_diensten: one page of Aanbod for the HSDS feed (or the one with $id), ordered by id, with
// what the feed shows of each (see netwerk.analyse.hsds_feed): its properties, its mentions
// in sources (GENOEMD_IN: record, bevestigd, status), the Organisaties offering it, its
// leefgebieden and the areas it is active in. Relationships with bevestigd = false are left out.
// params: $id (or null), $organisatie (or null), $overslaan, $aantal
MATCH (n:Aanbod)
WHERE ($id IS NULL OR n.id = $id)
  AND ($organisatie IS NULL OR EXISTS {
        MATCH (o:Organisatie {id: $organisatie})-[b:BIEDT_AAN]->(n)
        WHERE coalesce(b.bevestigd, true) })
WITH n ORDER BY n.id
WITH collect(n) AS alle
WITH size(alle) AS totaal, alle[$overslaan..($overslaan + $aantal)] AS pagina
CALL (pagina) {
  UNWIND pagina AS n
  RETURN collect({
    id: n.id,
    props: properties(n),
    vermeldingen: COLLECT {
      MATCH (n)-[g:GENOEMD_IN]->(b:Bron)
      RETURN {bron: b.id, record: g.record, bevestigd: coalesce(g.bevestigd, true),
              bevestigd_op: g.bevestigd_op, status: g.status}
    },
    aanbieders: COLLECT {
      MATCH (o:Organisatie)-[b:BIEDT_AAN]->(n)
      WHERE coalesce(b.bevestigd, true)
      RETURN DISTINCT {id: o.id, props: properties(o)}
    },
    leefgebieden: COLLECT {
      MATCH (n)-[r:RICHT_ZICH_OP]->(l:Leefgebied)
      WHERE coalesce(r.bevestigd, true)
      RETURN DISTINCT {id: l.id, naam: l.naam}
    },
    gebieden: COLLECT {
      MATCH (n)-[r:ACTIEF_IN]->(a:Knoop)
      WHERE coalesce(r.bevestigd, true)
      RETURN DISTINCT {code: a.id, naam: a.naam, label: [l IN labels(a) WHERE l <> 'Knoop'][0]}
    }
  }) AS items
}
RETURN totaal, items
