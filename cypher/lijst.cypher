// lijst (template over __LABEL__): one page of the nodes of a label, ordered by id, optionally
// within a gemeente or wijk (areas by their own gemeente/wijk property, actors and aanbod by
// the areas they WERKT_IN or are ACTIEF_IN).
// params: $gemeente (or null), $wijk (or null), $overslaan, $aantal
MATCH (n:__LABEL__)
WHERE ($gemeente IS NULL OR n.id = $gemeente OR n.gemeente = $gemeente
       OR EXISTS { MATCH (n)-[:WERKT_IN|ACTIEF_IN]->(a) WHERE a.id = $gemeente OR a.gemeente = $gemeente })
  AND ($wijk IS NULL OR n.id = $wijk OR n.wijk = $wijk
       OR EXISTS { MATCH (n)-[:WERKT_IN|ACTIEF_IN]->(a) WHERE a.id = $wijk OR a.wijk = $wijk })
WITH n ORDER BY n.id
WITH collect(n) AS alle
RETURN size(alle) AS totaal,
       [n IN alle[$overslaan..($overslaan + $aantal)] | {label: '__LABEL__', props: properties(n)}]
         AS items
