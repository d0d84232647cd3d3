// export_knopen: every node with label and properties, in key order, one page at a time.
// params: $na (export after this id; '' for the start), $aantal (page size)
MATCH (n:Knoop)
WHERE n.id > $na
RETURN [l IN labels(n) WHERE l <> 'Knoop'][0] AS label, properties(n) AS props
ORDER BY n.id
LIMIT $aantal
