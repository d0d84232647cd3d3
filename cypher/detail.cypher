// detail: one node with its relationships in both directions (except the hidden types).
// params: $id, $verborgen (relationship types never shown)
MATCH (n:Knoop {id: $id})
RETURN [l IN labels(n) WHERE l <> 'Knoop'][0] AS label, properties(n) AS props,
  COLLECT {
    MATCH (n)-[r]->(m:Knoop) WHERE NOT type(r) IN $verborgen
    RETURN {richting: 'uit', type: type(r),
            ander: {id: m.id, label: [l IN labels(m) WHERE l <> 'Knoop'][0], naam: m.naam},
            bron: r.bron, bevestigd_op: r.bevestigd_op}
  } + COLLECT {
    MATCH (n)<-[r]-(m:Knoop) WHERE NOT type(r) IN $verborgen
    RETURN {richting: 'in', type: type(r),
            ander: {id: m.id, label: [l IN labels(m) WHERE l <> 'Knoop'][0], naam: m.naam},
            bron: r.bron, bevestigd_op: r.bevestigd_op}
  } AS relaties
