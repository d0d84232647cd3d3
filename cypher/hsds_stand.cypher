// hsds_stand: the bookkeeping an import of a directory needs (see netwerk.analyse.hsds_stand):
// the Bron, its mentions (GENOEMD_IN with record id), the other relationships of that source at
// the nodes it mentions, every Organisatie with the sources naming it, every samenvoeging
// proposal, and all relationships of the given nodes.
// params: $bron (Bron id or null), $knopen (list of node ids, may be empty)
OPTIONAL MATCH (b:Bron {id: $bron})
RETURN
  CASE WHEN b IS NULL THEN null
       ELSE {id: b.id, naam: b.naam, soort: b.soort, datum: b.datum} END AS bron,
  COLLECT {
    MATCH (n:Knoop)-[g:GENOEMD_IN]->(b)
    RETURN {knoop: n.id, label: [l IN labels(n) WHERE l <> 'Knoop'][0], props: properties(g)}
  } AS vermeldingen,
  COLLECT {
    MATCH (n:Knoop)-[:GENOEMD_IN]->(b)
    MATCH (n)-[r]-(:Knoop)
    WHERE r.bron = b.id AND type(r) <> 'GENOEMD_IN'
    RETURN DISTINCT {van: startNode(r).id, type: type(r), naar: endNode(r).id,
                     props: properties(r)}
  } AS relaties,
  COLLECT {
    MATCH (o:Organisatie)
    RETURN {id: o.id, naam: o.naam, website: o.website, kvk: o.kvk,
            bronnen: COLLECT {
              MATCH (o)-[g:GENOEMD_IN]->(x:Bron)
              RETURN {bron: x.id, record: g.record, bevestigd: coalesce(g.bevestigd, true)}
            }}
  } AS organisaties,
  COLLECT {
    MATCH (v:Voorstel)
    WHERE v.soort = 'samenvoeging'
    RETURN properties(v)
  } AS voorstellen,
  COLLECT {
    UNWIND $knopen AS k
    MATCH (n:Knoop {id: k})-[r]-(:Knoop)
    RETURN DISTINCT {van: startNode(r).id, type: type(r), naar: endNode(r).id,
                     props: properties(r)}
  } AS randen
