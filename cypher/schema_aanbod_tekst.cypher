// schema_aanbod_tekst: the full-text index behind the question `zoek` (cypher/aanbod_zoeken).
// It holds the naam and omschrijving of every Aanbod and the naam of every Organisatie and
// Initiatief (as aanbieder), folded to ASCII and lower case ('standard-folding'). The index only
// narrows the candidates; netwerk.analyse.zoek applies the exact word rule to them.
// params: none
CREATE FULLTEXT INDEX aanbod_tekst IF NOT EXISTS
FOR (n:Aanbod|Organisatie|Initiatief) ON EACH [n.naam, n.omschrijving]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}}
