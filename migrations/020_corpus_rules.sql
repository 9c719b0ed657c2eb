-- 020: which rules of the corpus phase made the stored results (#17, README "Adding to a store").
--
-- An import recomputes only what its documents reach, with the key counts taken by the last run
-- over the whole store; every other story, claim group and conflict keeps its rows. Those rows
-- were made by the rules of the version that ran then. When a later version decides groups,
-- stories or conflicts differently, a store would mix the two until something touched each
-- component. The version of the rules is recorded with the key counts: an import by other rules
-- recomputes everything once (NULL, a store of an earlier version: the next import does).

ALTER TABLE corpus_snapshot ADD COLUMN rules TEXT;

INSERT INTO schema_docs(object, column_name, doc, position) VALUES
 ('corpus_snapshot', 'rules', 'The version of the corpus phase''s rules that took the counts and made the results (NULL: before this was recorded); an import by other rules recomputes everything.', 7);
