// huishoudens: the team involvements of the (pseudonymised) households living in a wijk.
// The pseudonyms stay inside Wijkgraaf: netwerk.analyse.huishoudens only returns aggregates.
// params: $wijk (CBS wijkcode)
MATCH (w:Wijk {id: $wijk})
RETURN {code: w.id, naam: w.naam, gemeente: w.gemeente} AS wijk,
       COLLECT {
         MATCH (hh:Huishouden)-[:WOONT_IN]->(w)
         RETURN {id: hh.id, betrokken: COLLECT {
           MATCH (t:Team)-[b:BETROKKEN_BIJ]->(hh)
           RETURN {team: t.id, naam: t.naam, regisseur: coalesce(b.regisseur, false),
                   bron: b.bron, bevestigd_op: b.bevestigd_op}
         }}
       } AS huishoudens
