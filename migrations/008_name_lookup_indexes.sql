-- 008: names are resolved by index alone (`newskb who-said --speaker Kirby`, `newskb entity US`).
--
-- A person's surname (`Kirby`) is found by index, not by reading every person entity
-- (`lower(name) LIKE '% kirby'` was a full scan of entities, the slowest part of a speaker query
-- on a large corpus).
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

-- A name is resolved through entity_aliases and entity_roles by key; the entity id is now in
-- those indexes too, so the lookup reads the index alone. A frequent name (`US`: one alias row per
-- document that writes it, tens of thousands at 1,000,000 articles) was one table row per
-- document; EntityQueries ranks the entities a name may mean by those rows, which is also an
-- index range now. Same number of index entries as before, one integer wider.
DROP INDEX entity_aliases_key;
CREATE INDEX entity_aliases_key ON entity_aliases(alias_key, entity_id);
DROP INDEX entity_roles_key;
CREATE INDEX entity_roles_key ON entity_roles(role_key, entity_id);
