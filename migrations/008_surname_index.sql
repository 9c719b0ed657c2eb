-- 008: a person's surname is found by index (`newskb who-said --speaker Kirby`, `newskb entity
-- Kirby`), not by reading every person entity (`lower(name) LIKE '% kirby'` was a full scan of
-- entities, the slowest part of a speaker query on a large corpus).
--
-- The key is the last word of entities.name_key, written as an expression of the column rather
-- than a stored column: the importer fills name_key already, so nothing new is written per row
-- and existing rows are indexed as they are. rtrim(k, <every non-space character of k>) cuts the
-- last word off k, so the substring after its length is that word (`kim jong un` -> `un`; a
-- one-word name is its own last word). Only persons have surnames: the index is partial, one entry
-- per PERSON entity (a few hundred thousand at 1,000,000 articles), the cheapest index there is
-- to maintain. EntityQueries.resolve spells the same expression (SQLite matches it exactly;
-- Tests/NewsKBTests/Query/QueryPlanTests.swift checks the plan).
CREATE INDEX entities_person_surname
    ON entities(substr(name_key, length(rtrim(name_key, replace(name_key, ' ', ''))) + 1))
    WHERE type = 'PERSON';
