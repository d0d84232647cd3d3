// wissen: delete the whole graph, relationships first, in batches (run in an auto-commit
// transaction). Deleting a node with its relationships in one go (DETACH DELETE) would put
// every relationship of a dense node (a Leefgebied, a Bron) in one transaction, which at
// national scale exceeds the transaction memory.
// params: none
MATCH ()-[r]->()
CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS
