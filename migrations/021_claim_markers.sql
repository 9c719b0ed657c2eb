-- 021: the markers of claims.match_keys documented (#14, session 21).
--
-- Besides words and dates, a claim's key line carries markers: how it is asserted (`m:past`,
-- `m:prospective`) and, since session 21, whom it is about when a pronoun or a relative clause
-- says so (`h:` and the holder's entities.match_key). The corpus phase strips them before any
-- comparison; nothing in the schema changes, only what the column's documentation says.

UPDATE schema_docs SET doc = 'Matching keys, space-separated: base forms of content words (synonyms mapped) and d:dates; markers m:past / m:prospective (its mood) and h:KEY (its holder, the entities.match_key of the source that says it of itself), stripped before any comparison; entities come from claim_entities.'
 WHERE object = 'claims' AND column_name = 'match_keys';
