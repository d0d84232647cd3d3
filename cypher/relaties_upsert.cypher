// relaties_upsert (template over __TYPE__): create or update relationships of one type,
// one per (van, type, naar, bron).
// params: $rows: list of {van, naar, bron, bevestigd_op, props}
UNWIND $rows AS row
MATCH (a:Knoop {id: row.van})
MATCH (b:Knoop {id: row.naar})
MERGE (a)-[r:__TYPE__ {bron: row.bron}]->(b)
SET r.bevestigd_op = row.bevestigd_op
SET r += row.props
RETURN count(r) AS aantal
