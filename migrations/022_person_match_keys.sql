-- 022: a person's entities.match_key documented and indexed (#14, session 25).
--
-- Since session 25 a person's match key is the name as PersonNameKey writes it: without a lone
-- middle initial or a `Jr.`/`III`, the given name in its full form (`Michael R. Bloomberg`,
-- `Mike Bloomberg` → `michael_bloomberg`), so that stories and claims link one person named more
-- or less fully. Keys are written at import; a store keeps the keys it was imported with until its
-- documents are imported again.
--
-- `newskb entity` and `newskb who-said --speaker` find a person by that key too (`Mike Bloomberg`
-- finds `Michael R. Bloomberg`): a partial index, one entry per PERSON entity, like
-- entities_person_surname (migration 008). EntityQueries spells the same condition.

UPDATE schema_docs SET doc = 'Key matching claims and stories across documents: the gazetteer name when known (U.S. = United States); a person''s name without a lone middle initial or Jr./III, the given name in full (Mike R. Smith = michael_smith); lower case, _ for spaces.'
 WHERE object = 'entities' AND column_name = 'match_key';

CREATE INDEX entities_person_match_key ON entities(match_key) WHERE type = 'PERSON';
