// tellingen_relaties: number of relationships per type.
// params: none
MATCH ()-[r]->()
RETURN type(r) AS type, count(*) AS aantal
