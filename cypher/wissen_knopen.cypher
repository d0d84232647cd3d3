// wissen_knopen: after wissen (no relationships left), delete every node, in batches.
// params: none
MATCH (n)
CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS
