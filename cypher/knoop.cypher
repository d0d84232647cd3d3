// knoop: one node by id, with its label and properties.
// params: $id
MATCH (n:Knoop {id: $id})
RETURN [l IN labels(n) WHERE l <> 'Knoop'][0] AS label, properties(n) AS props
