// labels_van: the label of each existing node among the given ids.
// params: $ids: list of node ids
UNWIND $ids AS id
MATCH (n:Knoop {id: id})
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Knoop'][0] AS label
