import Testing
import Foundation
@testable import NewsKB

/// `newskb datasette-metadata`: the database's own documentation as Datasette metadata.
@Suite struct DatasetteMetadataTests {
    private func metadata() throws -> (TempDir, DatasetteMetadata) {
        let dir = TempDir()
        _ = try importInto(dir.file("news.db"), [repoRoot + "/seeds"])
        let db = try KnowledgeStore.openForReading(path: dir.file("news.db")).db
        return (dir, try DatasetteMetadata.build(db: db, name: "news"))
    }

    @Test func everyPublicViewAndColumnIsDescribedFromSchemaDocs() throws {
        let (dir, m) = try metadata()
        let tables = try #require(m.databases["news"]?.tables)
        let db = try KnowledgeStore.openForReading(path: dir.file("news.db")).db
        // every documented object and column, with the text of schema_docs
        for row in try db.rows("SELECT object, column_name, doc FROM schema_docs") {
            let object = row[0].string!, column = row[1].string!, doc = row[2].string!
            if column.isEmpty {
                #expect(tables[object]?.description == doc, "\(object)")
            } else {
                #expect(tables[object]?.columns?[column] == doc, "\(object).\(column)")
            }
        }
        #expect(tables["who_said"]?.columns?["quote"]?.isEmpty == false)
        #expect(tables["who_said"]?.hidden == nil)
    }

    @Test func fullTextSearchIsConfiguredAndInternalTablesAreHidden() throws {
        let (_, m) = try metadata()
        let tables = try #require(m.databases["news"]?.tables)
        #expect(tables["statements"]?.ftsTable == "statements_fts" && tables["statements"]?.ftsPK == "id")
        #expect(tables["who_said"]?.ftsTable == "statements_fts" && tables["who_said"]?.ftsPK == "statement_id")
        for t in ["schema_migrations", "corpus_pending", "deferred_indexes", "statement_search", "corpus_postings", "corpus_story_links"] {
            #expect(tables[t]?.hidden == true, "\(t)")
        }
        // the full-text index's shadow tables are Datasette's own business
        #expect(!tables.keys.contains { $0.hasPrefix("statements_fts_") })
    }

    @Test func theJSONIsDatasettesShapeAndTheSameEveryTime() throws {
        let (_, m) = try metadata()
        let text = try m.json()
        #expect(text == (try m.json()))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let databases = try #require(object["databases"] as? [String: Any])
        let news = try #require(databases["news"] as? [String: Any])
        let tables = try #require(news["tables"] as? [String: Any])
        let statements = try #require(tables["statements"] as? [String: Any])
        #expect(statements["fts_table"] as? String == "statements_fts")
        #expect(statements["fts_pk"] as? String == "id")
        // absent settings are left out, not written as null
        let whoSaid = try #require(tables["who_said"] as? [String: Any])
        #expect(whoSaid["hidden"] == nil)
        #expect((object["title"] as? String)?.contains("news") == true)
    }
}
