// knopen_upsert (template over __LABEL__): create or update nodes of one label.
// params: $rows: list of {id, props}
UNWIND $rows AS row
MERGE (n:Knoop {id: row.id})
SET n:__LABEL__
SET n += row.props
RETURN count(n) AS aantal
