// export_relaties: the relationships leaving a page of nodes, with type and properties.
// params: $ids: node ids whose outgoing relationships to export
UNWIND $ids AS id
MATCH (a:Knoop {id: id})-[r]->(b:Knoop)
RETURN a.id AS van, type(r) AS type, b.id AS naar, properties(r) AS props
