// tellingen_knopen: number of nodes per label.
// params: none
MATCH (n:Knoop)
RETURN [l IN labels(n) WHERE l <> 'Knoop'][0] AS label, count(*) AS aantal
