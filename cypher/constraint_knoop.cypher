// constraint_knoop: every node carries :Knoop with a graph-wide unique id.
// params: none
CREATE CONSTRAINT knoop_id IF NOT EXISTS FOR (n:Knoop) REQUIRE n.id IS UNIQUE
