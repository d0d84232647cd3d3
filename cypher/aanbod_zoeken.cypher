// aanbod_zoeken: the candidate offers for the question `zoek` (netwerk.analyse.zoek), with the
// facts the shared answer needs to filter, order and page them: the area asked for (with the
// areas above it and inside it) and per offer its properties, leefgebieden, aanbieders and
// werkgebied, each relationship with bron and bevestigd_op. Candidates come from the full-text
// index `aanbod_tekst` when there are zoektermen (per term the offers whose naam/omschrijving
// or whose aanbieder's naam has a matching term, intersected over the terms), else from the
// area (offers ACTIEF_IN it, in an area above it or inside it), else every offer. vorm,
// doelgroep, leefgebied and area are then applied exactly; the text (index and $termen check)
// is a superset that the answer narrows with the exact word rule. Facts are gathered only for
// the candidates left. Always one row (gebied null when $gebied is unknown or null). Only g
// (one node) goes into the subqueries, never a list, so the de-duplication of candidates stays
// small.
// An own area (Gebied) stands for its buurten (OMVAT) and the wijken/gemeenten they lie in.
// params: $gebied (CBS code, id of an own area, or null), $leefgebied (leefgebied id or null), $doelgroepen (ids of
//         which an offer must name one, or null), $vorm (or null), $zoektermen (one Lucene query
//         per term, [] for no narrowing by the index), $termen (the terms, [] for no text),
//         $accenten (combining marks to drop), $ascii (a regex for ASCII text); see zoek.parameters
OPTIONAL MATCH (g:Knoop {id: $gebied})
WITH g,
     COLLECT { MATCH (g)-[:LIGT_IN*1..2]->(x) RETURN DISTINCT x.id ORDER BY x.id }
     + COLLECT { MATCH (g:Gebied)-[:OMVAT]->(:Buurt)-[:LIGT_IN*1..2]->(x) RETURN DISTINCT x.id }
       AS boven,
     COLLECT { MATCH (x)-[:LIGT_IN*1..2]->(g) RETURN DISTINCT x.id ORDER BY x.id }
     + COLLECT { MATCH (g:Gebied)-[:OMVAT]->(x:Buurt) RETURN x.id } AS onder
CALL (g) {
  CALL (g) {
    WITH g WHERE size($zoektermen) > 0 AND ($gebied IS NULL OR g IS NOT NULL)
    CALL db.awaitIndex('aanbod_tekst', 300)
    UNWIND range(0, size($zoektermen) - 1) AS i
    CALL db.index.fulltext.queryNodes('aanbod_tekst', $zoektermen[i]) YIELD node
    OPTIONAL MATCH (node:Organisatie|Initiatief)-[:BIEDT_AAN]->(via:Aanbod)
    WITH i, CASE WHEN node:Aanbod THEN node ELSE via END AS o
    WHERE o IS NOT NULL
    WITH o, count(DISTINCT i) AS termen
    WHERE termen = size($zoektermen)
    RETURN o
    UNION ALL
    WITH g WHERE size($zoektermen) = 0 AND g IS NOT NULL
    CALL (g) {
      RETURN g AS a
      UNION
      MATCH (g)-[:LIGT_IN*1..2]->(a) RETURN a
      UNION
      MATCH (a)-[:LIGT_IN*1..2]->(g) RETURN a
      UNION
      MATCH (g:Gebied)-[:OMVAT]->(a:Buurt) RETURN a
      UNION
      MATCH (g:Gebied)-[:OMVAT]->(:Buurt)-[:LIGT_IN*1..2]->(a) RETURN a
    }
    MATCH (a)<-[:ACTIEF_IN]-(o:Aanbod)
    RETURN o
    UNION ALL
    WITH g WHERE size($zoektermen) = 0 AND $gebied IS NULL
    CALL () { MATCH (o:Aanbod) RETURN o }  // own subquery: scanned only when this branch runs
    RETURN o
  }
  WITH DISTINCT o
  WHERE ($vorm IS NULL OR o.vorm = $vorm)
    AND ($doelgroepen IS NULL OR any(d IN coalesce(o.doelgroepen, []) WHERE d IN $doelgroepen))
    AND ($leefgebied IS NULL OR EXISTS { (o)-[:RICHT_ZICH_OP]->(:Leefgebied {id: $leefgebied}) })
    AND ($gebied IS NULL OR size($zoektermen) = 0 OR EXISTS {  // the area gave them already
      MATCH (o)-[:ACTIEF_IN]->(a)
      WHERE a = g OR EXISTS { (a)-[:LIGT_IN*1..2]->(g) } OR EXISTS { (g)-[:LIGT_IN*1..2]->(a) }
         OR EXISTS { (g:Gebied)-[:OMVAT]->(a) }
         OR EXISTS { (g:Gebied)-[:OMVAT]->(:Buurt)-[:LIGT_IN*1..2]->(a) }
    })
  // the text, before the facts are gathered: every term is in the naam, the omschrijving or the
  // naam of an aanbieder, in lower case in NFKD without the common accents, or that text has
  // another non-ASCII character left (a superset of the word rule; the answer applies it)
  WITH o, CASE WHEN size($termen) = 0 THEN [] ELSE [
         s IN [o.naam, o.omschrijving] + COLLECT { MATCH (a)-[:BIEDT_AAN]->(o) RETURN a.naam }
         WHERE s IS NOT NULL
         | reduce(x = toLower(normalize(s, NFKD)), m IN $accenten | replace(x, m, ''))
       ] END AS teksten
  WHERE all(t IN $termen WHERE any(x IN teksten WHERE x CONTAINS t OR NOT x =~ $ascii))
  RETURN collect({
    id: o.id, naam: o.naam, vorm: o.vorm, omschrijving: o.omschrijving, contact: o.contact,
    doelgroepen: coalesce(o.doelgroepen, []),
    leefgebieden: COLLECT {
      MATCH (o)-[r:RICHT_ZICH_OP]->(l:Leefgebied)
      RETURN {id: l.id, naam: l.naam, bron: r.bron, bevestigd_op: r.bevestigd_op}
    },
    aanbieders: COLLECT {
      MATCH (a)-[r:BIEDT_AAN]->(o)
      RETURN {id: a.id, naam: a.naam, label: [l IN labels(a) WHERE l <> 'Knoop'][0],
              bron: r.bron, bevestigd_op: r.bevestigd_op}
    },
    werkgebied: COLLECT {
      MATCH (o)-[r:ACTIEF_IN]->(x)
      RETURN {code: x.id, naam: x.naam, soort: [l IN labels(x) WHERE l <> 'Knoop'][0],
              bron: r.bron, bevestigd_op: r.bevestigd_op}
    }
  }) AS aanbod
}
RETURN CASE WHEN g IS NULL THEN null ELSE {
         code: g.id, naam: g.naam, soort: [l IN labels(g) WHERE l <> 'Knoop'][0],
         boven: boven, onder: onder
       } END AS gebied,
       aanbod
