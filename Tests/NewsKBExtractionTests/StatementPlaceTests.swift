import Testing
@testable import NewsKBExtraction

/// The place of a statement (`who_said.place`) is a location or a venue, never an organisation
/// or a person, and never half of a name (StatementExtractor+Place.swift).
@Suite struct StatementPlaceTests {
    /// The place of the statement whose content contains `content`; fails when there is none.
    func place(_ body: String, _ content: String) throws -> String? {
        let r = try #require(find(said(body), content), "no statement with \(content): \(said(body))")
        return r.place
    }

    // MARK: places

    @Test func newsConferenceInACity() throws {
        let p = try place("The talks will resume in the spring, the minister said at a news conference in Vienna.", "talks will resume")
        #expect(p == "at a news conference in Vienna")
    }

    @Test func toldReportersInACity() throws {
        let p = try place("The harvest was poor this year, she told reporters in Lagos.", "harvest was poor")
        #expect(p == "in Lagos")
    }

    @Test func seatOfGovernmentTypedAsOrganisation() throws {
        // the gazetteer types the White House and the Kremlin ORG (they speak); after at/in they are places
        let p = try place("The ceasefire is holding, the spokeswoman said at the White House on Tuesday.", "ceasefire is holding")
        #expect(p == "at the White House")
        let p2 = try place("The vote was fair, the president said in the Kremlin.", "vote was fair")
        #expect(p2 == "in the Kremlin")
    }

    @Test func namedForum() throws {
        let p = try place("The border will reopen soon, the president said at the Eastern Economic Forum.", "border will reopen")
        #expect(p == "at the Eastern Economic Forum")
    }

    @Test func rallyInAState() throws {
        let p = try place("We will carry this state, the candidate told supporters at a rally in Ohio.", "carry this state")
        #expect(p == "at a rally in Ohio")
    }

    @Test func venueAfterAPossessive() throws {
        let p = try place("Inflation has peaked, the governor said at Tuesday's briefing.", "Inflation has peaked")
        #expect(p == "at Tuesday's briefing")
        let p2 = try place("The troops will stay, the minister said at last week's summit.", "troops will stay")
        #expect(p2 == "at last week's summit")
    }

    @Test func venueBeforeTheReportingClause() throws {
        let p = try place("During a briefing in Nairobi, the minister said the vaccines would arrive next week.", "vaccines would arrive")
        #expect(p == "During a briefing in Nairobi")
    }

    @Test func venueAtABuilding() throws {
        let p = try place("We are ready, the general said at a news conference at the White House.", "We are ready")
        #expect(p == "at a news conference at the White House")
    }

    @Test func facilityWithALowerCaseHead() throws {
        let p = try place("The reactor is safe, the engineer said at Zaporizhzhia nuclear power plant.", "reactor is safe")
        #expect(p == "at Zaporizhzhia nuclear power plant")
    }

    @Test func locationModifyingAPlaceNoun() throws {
        let p = try place("Home prices are falling, the broker said in the Boston area.", "Home prices")
        #expect(p == "in the Boston area")
        let p2 = try place("The embassy will stay closed, the official said at the U.S. embassy in Kabul.", "embassy will stay closed")
        #expect(p2 == "at the U.S. embassy in Kabul")
    }

    @Test func venueEndsAtItsHead() throws {
        let p = try place("The truce will hold, the envoy said at a news conference following talks with the rebels.", "truce will hold")
        #expect(p == "at a news conference")
        let p2 = try place("The budget is sound, the minister said in the White House briefing room.", "budget is sound")
        #expect(p2 == "in the White House briefing room")
    }

    // MARK: not places

    @Test func anEmployerAfterARoleOrANameIsNoPlace() throws {
        // `a strategist at Wexbank`, `economist Ana Lorca at Delmont`: where they work, whatever
        // type the tagger gives the name; a place the gazetteer knows stays one.
        #expect(try place("\"Demand will stay weak,\" said Tomas Brenner, a strategist at Wexbank, on Tuesday.", "Demand will stay weak") == nil)
        #expect(try place("\"The rate cut is priced in,\" said chief economist Ana Lorca at Delmont in a note.", "rate cut is priced in") == nil)
        #expect(try place("\"We expect a slow spring,\" Peter Vahl, head of research at Kestrel, told reporters in Oslo.", "slow spring") == "in Oslo")
    }

    @Test func companyIsNoPlace() throws {
        let p = try place("Rates will rise again in March, said an analyst at Harbor Securities Inc.", "Rates will rise")
        #expect(p == nil)
        let p2 = try place("Exports slowed in May, said Mary Chen, an economist at Greenfield University.", "Exports slowed")
        #expect(p2 == nil)
    }

    @Test func newspaperIsNoPlace() throws {
        // the tagger may type `Boston Globe` GPE for its city; a publication is not a place
        let p = try place("Demand for steel has peaked, said Tom Reyes in the Boston Globe.", "Demand for steel")
        #expect(p == nil)
        let p2 = try place("The deal is fair, said Anna Berg in the New York Times.", "deal is fair")
        #expect(p2 == nil)
    }

    @Test func personIsNoPlace() throws {
        let p = try place("Ray Dunn runs the trading desk. Prices will hold, a broker said at Ray Dunn.", "Prices will hold")
        #expect(p == nil)
        // a name followed by a possessive modifies what follows: not `at Nixon`
        let p2 = try place("Richard Nixon resigned in 1974. The tapes were damning, the historian said at Nixon's library.", "tapes were damning")
        #expect(p2 == nil)
    }

    @Test func halfANameIsNoPlace() throws {
        // `Punta` and `Este` are two mentions: the run `Punta del Este` goes on past the first
        let p = try place("The plan will work, the mayor said in a speech at Punta del Este.", "plan will work")
        #expect(p == nil)
        // `the Tigray` modifies `war`, an unknown head
        let p2 = try place("The fighting has stopped, the envoy said in the Tigray war zone.", "fighting has stopped")
        #expect(p2 == nil)
    }

    @Test func idiomsAreNoVenues() throws {
        let p = try place("Growth will slow, the economist said in the event of a strike.", "Growth will slow")
        #expect(p == nil)
        let p2 = try place("The talks failed, he said in an interview.", "talks failed")
        #expect(p2 == nil)
    }

    @Test func lexiconLoads() {
        let t = PlaceLexicon.shared.table
        #expect(t.value("conference")?.contains(.venue) == true)
        #expect(t.value("event")?.contains(.atOnly) == true)
        #expect(t.value("forum")?.contains(.venueName) == true)
        #expect(t.value("white house")?.contains(.building) == true)
        #expect(t.value("globe")?.contains(.press) == true)
        #expect(t.value("del")?.contains(.particle) == true)
        #expect(t.value("area")?.contains(.placeNoun) == true)
        #expect(t.value("amid")?.contains(.adjunct) == true)
    }

    // MARK: without entities

    @Test func withoutEntitiesOnlyVenuesAndNamedVenues() {
        let rows = saidWithoutEntities("The talks will resume in the spring, the minister said at a news conference in Vienna.")
        #expect(find(rows, "talks will resume")?.place == "at a news conference")
        let rows2 = saidWithoutEntities("The harvest was poor this year, she told reporters in Lagos.")
        #expect(find(rows2, "harvest was poor") != nil)
        #expect(find(rows2, "harvest was poor")?.place == nil)
        let rows3 = saidWithoutEntities("The border will reopen soon, the president said at the Eastern Economic Forum.")
        #expect(find(rows3, "border will reopen")?.place == "at the Eastern Economic Forum")
    }
}
