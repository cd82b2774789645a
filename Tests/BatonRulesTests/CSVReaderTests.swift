import Testing

@testable import BatonRules

@Suite struct CSVReaderTests {
    @Test func readsRFC4180() throws {
        let text = "\u{FEFF}a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\r\n\n\"two\nlines\",,last\nend"
        let records = try CSVReader.readAll(Array(text.utf8))
        #expect(
            records.map(\.cells) == [
                ["a", "b", "c"], ["x, y", "say \"hi\"", ""], ["two\nlines", "", "last"], ["end"],
            ])
        #expect(records.map(\.line) == [1, 2, 4, 6])
        #expect(records[1].columns == [1, 8, 21])
        #expect(records[2].lines == [4, 5, 5])
        #expect(records[2].columns == [1, 8, 9])
    }

    @Test func emptyInputHasNoRecords() throws {
        #expect(try CSVReader.readAll([]) == [])
        #expect(try CSVReader.readAll(Array("\n\r\n".utf8)) == [])
    }

    @Test(arguments: [
        ("a,\"b", "1:3: a quoted cell is not closed"),
        ("a,\"b\"c", "1:6: text after the closing quote of a cell"),
        ("ab\"c", "1:3: a quote inside an unquoted cell (quote the whole cell and double the quote)"),
        ("a\rb", "1:2: a carriage return not followed by a line feed"),
    ])
    func rejectsMalformedInput(text: String, expected: String) {
        let bytes = Array(text.utf8)
        #expect(throws: CSVError.self) { try CSVReader.readAll(bytes) }
        do {
            _ = try CSVReader.readAll(bytes)
        } catch {
            #expect(error.description == expected)
        }
    }

    @Test func rejectsInvalidUTF8AtTheCell() {
        let unquoted: [UInt8] = Array("x\né,".utf8) + [0xFF]
        let quoted: [UInt8] = Array("x\né,\"".utf8) + [0xFF, UInt8(ascii: "\"")]
        for (bytes, expected) in [
            (unquoted, "2:3: a cell is not valid UTF-8"), (quoted, "2:3: a cell is not valid UTF-8"),
        ] {
            #expect(throws: CSVError.self) { try CSVReader.readAll(bytes) }
            do {
                _ = try CSVReader.readAll(bytes)
            } catch {
                #expect(error.description == expected)
            }
        }
    }

    @Test func aLongLineStaysFast() throws {
        let line = Array(repeating: "cell", count: 200_000).joined(separator: ",")
        let records = try CSVReader.readAll(Array(line.utf8))
        #expect(records.first?.cells.count == 200_000)
        #expect(records.first?.columns.last == 200_000 * 5 - 4)
    }
}
