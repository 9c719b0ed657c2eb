import Testing
@testable import NewsKBExtraction

@Suite struct DocumentTextTests {
    @Test func scalarOffsetsCountCodePointsNotGraphemesOrUTF16() {
        // "🇺🇸" is one Character, two scalars, four UTF-16 units; "é" below is e + combining acute.
        let body = "“Hi” 🇺🇸 e\u{301} said Kim."
        let text = DocumentText(body)
        #expect(text.scalarCount == body.unicodeScalars.count)
        let kimByte = Array(body.utf8).count - 4
        let kimScalar = text.scalarOffset(ofByte: kimByte)
        #expect(kimScalar == body.unicodeScalars.count - 4)
        #expect(text.text(TextSpan(kimScalar, kimScalar + 3)) == "Kim")
        #expect(text.text(text.span(bytes: 0, 5)) == "“Hi")
    }

    @Test func emptyBody() {
        let text = DocumentText("")
        #expect(text.scalarCount == 0)
        #expect(text.scalarOffset(ofByte: 0) == 0)
        #expect(text.text(TextSpan(0, 0)) == "")
    }
}
