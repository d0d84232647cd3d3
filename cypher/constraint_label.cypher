// constraint_label (template over __LABEL__): the key of one label is unique.
// params: none
CREATE CONSTRAINT __LABEL___id IF NOT EXISTS FOR (n:__LABEL__) REQUIRE n.id IS UNIQUE
