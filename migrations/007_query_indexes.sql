-- 007: indexes the query commands need on large databases (checked with EXPLAIN QUERY PLAN in
-- Tests/NewsKBTests/Query/QueryPlanTests.swift).

-- `newskb disagree --story ID` and `compare --story ID`: the conflicts found in one story.
CREATE INDEX conflicts_story ON conflicts(story_id);
