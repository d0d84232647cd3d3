// wissen: delete the whole graph, in batches (run in an auto-commit transaction).
// params: none
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS
