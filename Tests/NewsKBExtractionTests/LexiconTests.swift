import Testing
@testable import NewsKBExtraction

/// Each entity lexicon loads and holds what the recognizer relies on.
@Suite struct LexiconTests {
    @Test func gazetteerFilesLoad() {
        let g = Gazetteer.standard
        #expect(g.lookup("U.S.")?.canonical == "United States")
        #expect(g.lookup("Pyongyang")?.type == .gpe)
        #expect(g.lookup("Middle East")?.type == .loc)
        #expect(g.lookup("Russian")?.type == .norp)
        #expect(g.lookup("KCNA")?.canonical == "Korean Central News Agency")
        #expect(g.lookup("Kremlin")?.type == .org)
        #expect(g.lookup("Baikonur")?.type == .facility)
        #expect(g.lookup("California")?.type == .gpe)
    }

    @Test func otherEntityLexiconsLoad() {
        #expect(NERTagger.firstNames.contains("Dmitry"))
        #expect(NERTagger.titleWords.contains("spokesman"))
        #expect(NERTagger.heads.contains("Ministry"))
        #expect(Tokenizer.abbreviations.value("Gen") == .title)
        #expect(SentenceSplitter.sentenceOpeners.contains("However"))
        #expect(EntityRecognizer.commonWords.contains("meeting"))
        #expect(!EntityRecognizer.lowerHeads.isEmpty)
    }

    @Test func taggerModelParsesFeaturesAndWeights() {
        let m = PerceptronWeights(tags: NERModel.tags, """
            # comment line
            b\tO=1000 B-PER=-2500
            w Peskov\tB-PER=1500 I-MISC=7
            sh Xx xx\tB-ORG=-40 BOGUS=5 O=x
            """)
        func scores(_ key: UInt64) -> [Float] {
            var s = [Float](repeating: 0, count: NERModel.nTags)
            s.withUnsafeMutableBufferPointer { m.add(key, to: $0.baseAddress!) }
            return s
        }
        let h = FeatureHash.string, mix = FeatureHash.mix
        #expect(scores(h("b")) == [1, -2.5, 0, 0, 0, 0, 0, 0, 0])
        #expect(scores(mix(h("w"), h("Peskov"))) == [0, 1.5, 0, 0, 0, 0, 0, 0, 0.007])
        #expect(scores(mix(mix(h("sh"), h("Xx")), h("xx"))) == [0, 0, 0, -0.04, 0, 0, 0, 0, 0])
        #expect(scores(h("w")) == [Float](repeating: 0, count: NERModel.nTags))
    }

    @Test func taggerModelLoads() {
        let m = NERModel.shared
        #expect(m.count > 10_000)
        #expect(m.count < m.slotCount)
    }
}
