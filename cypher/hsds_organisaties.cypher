// hsds_organisaties: one page of Organisaties for the HSDS feed (or the one with $id), ordered
// by id, leaving out organisations merged into another (an accepted samenvoeging proposal names
// them as van): properties, mentions in sources, and for a single organisation ($id given) the
// Aanbod it offers (BIEDT_AAN not marked bevestigd = false) with their mentions.
// params: $id (or null), $overslaan, $aantal
MATCH (n:Organisatie)
WHERE ($id IS NULL OR n.id = $id)
  AND NOT EXISTS {
        MATCH (v:Voorstel)
        WHERE v.soort = 'samenvoeging' AND v.status = 'geaccepteerd' AND v.van = n.id }
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
    diensten: CASE WHEN $id IS NULL THEN [] ELSE COLLECT {
      MATCH (n)-[b:BIEDT_AAN]->(a:Aanbod)
      WHERE coalesce(b.bevestigd, true)
      RETURN DISTINCT {id: a.id, props: properties(a), vermeldingen: COLLECT {
        MATCH (a)-[g:GENOEMD_IN]->(x:Bron)
        RETURN {bron: x.id, record: g.record, bevestigd: coalesce(g.bevestigd, true),
                bevestigd_op: g.bevestigd_op, status: g.status}
      }}
    } END
  }) AS items
}
RETURN totaal, items
