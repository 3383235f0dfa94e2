import Foundation

/// Finds the numbers and dates of one line of text, in either language: Chinese units (`萬`,
/// `億`), English scale words (`million`), thousands separators and the date forms of both
/// languages (`2016 年 6 月 12 日`, `6/12`, `12 June 2016`, `June 12`, `12-17 June`).
///
/// Rules run in order and a later rule never takes text an earlier one matched, so a date's
/// digits are not also read as bare numbers.
package enum FactScanner {
    package static func facts(in line: String) -> [ScannedFact] {
        var facts: [ScannedFact] = []
        var taken: [Range<String.Index>] = []
        let traits = Trait.of(Substring(line))
        // Each window gets its own traits, so a window holding only `13,000` runs only the number rule.
        let windows = digitWindows(line).map { ($0, Trait.of(line[$0])) }
        for rule in rules where rule.needs.isSubset(of: traits) {
            let candidates = windows.filter { rule.needs.isSubset(of: $0.1) }
            let matches: [Regex<AnyRegexOutput>.Match] =
                if rule.startsWithDigit {
                    candidates.flatMap { window in
                        digitRunStarts(line[window.0]).compactMap { try? rule.regex.prefixMatch(in: line[$0..<window.0.upperBound]) }
                    }
                } else if rule.needs.contains(.digits) {
                    candidates.flatMap { line[$0.0].matches(of: rule.regex) }
                } else {
                    line.matches(of: rule.regex)
                }
            for match in matches {
                let range = match.range
                guard !taken.contains(where: { $0.overlaps(range) }), startsCleanly(range, in: line) else { continue }
                let captures = match.output.map { $0.substring.map(String.init) }
                let offset = line.distance(from: line.startIndex, to: range.lowerBound)
                let previous = facts.last { $0.offset < offset }
                let values = rule.read(captures, previous?.value)
                guard !values.isEmpty else { continue }
                taken.append(range)
                let written = String(line[range]).trimmed
                for value in values {
                    facts.append(
                        ScannedFact(value: value, written: written, offset: offset, isSignificant: isSignificant(value, written: written)))
                }
            }
        }
        return sharingYears(facts.sorted { $0.offset < $1.offset }, in: line)
    }

    /// `2016 年 10 月 31 日至 11 月 4 日` and `31 October - 4 November 2016` name the year once:
    /// the other date of the range has it too, so that a wrong year is caught on both.
    package static func sharingYears(_ facts: [ScannedFact], in line: String) -> [ScannedFact] {
        var facts = facts
        let characters = Array(line)
        for index in facts.indices.dropLast() {
            let (first, second) = (facts[index], facts[index + 1])
            guard case .date(let year, let month, let day) = first.value,
                case .date(let otherYear, let otherMonth, let otherDay) = second.value,
                (year == nil) != (otherYear == nil), first.offset + first.written.count <= second.offset
            else { continue }
            let gap = String(characters[(first.offset + first.written.count)..<second.offset]).trimmed
            guard rangeConnectors.contains(gap) else { continue }
            facts[index].value = .date(year: year ?? otherYear, month: month, day: day)
            facts[index + 1].value = .date(year: otherYear ?? year, month: otherMonth, day: otherDay)
        }
        return facts
    }

    /// The stretches of `line` around its digits, where the rules that need digits can match:
    /// searching only there keeps long lines of prose cheap. A window reaches back over a month
    /// name (`September 12`) and forward over units and a range (`31 October - 4 November 2016`).
    package static func digitWindows(_ line: String) -> [Range<String.Index>] {
        var windows: [Range<String.Index>] = []
        var index = line.startIndex
        while let start = line[index...].firstIndex(where: { $0.isASCII && $0.isNumber }) {
            let end = line[start...].firstIndex { !($0.isASCII && $0.isNumber) } ?? line.endIndex
            let lower = line.index(start, offsetBy: -12, limitedBy: line.startIndex) ?? line.startIndex
            let upper = line.index(end, offsetBy: 24, limitedBy: line.endIndex) ?? line.endIndex
            if let last = windows.last, last.upperBound >= lower {
                windows[windows.count - 1] = last.lowerBound..<upper
            } else {
                windows.append(lower..<upper)
            }
            index = end
        }
        return windows
    }

    /// Where each run of digits starts: the only places a rule that starts with a digit can match.
    package static func digitRunStarts(_ text: Substring) -> [String.Index] {
        var starts: [String.Index] = []
        var previousIsDigit = false
        for index in text.indices {
            let isDigit = text[index].isASCII && text[index].isNumber
            if isDigit && !previousIsDigit { starts.append(index) }
            previousIsDigit = isDigit
        }
        return starts
    }

    /// The digits that end a Latin name (`TEL56`, `IPv6`): not facts of their own, but a number
    /// of the other language may be written so here (`TEL55 及 56` / `TEL55 and TEL56`).
    package static func embeddedNumbers(in line: String) -> Set<Decimal> {
        Set(line.matches(of: embedded).compactMap { Decimal(string: String($0.output.1)) })
    }
}

// MARK: - Rules

private extension FactScanner {
    nonisolated(unsafe) static let embedded = #/[A-Za-z]([0-9]+)/#

    struct Rule {
        let regex: Regex<AnyRegexOutput>
        /// The values of a match from its captures (index 0 is the whole match) and the date
        /// before it on the line, which a bare day (`至 17 日`) continues; none rejects the match.
        let read: ([String?], ScannedFact.Value?) -> [ScannedFact.Value]
        /// What a line must contain for the rule to have a chance: regexes are slow on long lines.
        let needs: Set<Trait>
        /// A match can only start at the first digit of a number, so only those places are tried.
        let startsWithDigit: Bool

        init(_ pattern: String, needs: Set<Trait>, read: @escaping ([String?], ScannedFact.Value?) -> [ScannedFact.Value]) {
            self.startsWithDigit =
                needs.contains(.digits)
                && (pattern.hasPrefix("([0-9]") || pattern.hasPrefix("(?:([0-9]") || pattern.hasPrefix("(?:[0-9]"))
            // The patterns are constants of this file: failing to compile one is a programming error.
            // Unicode scalars, not characters: the patterns need no grapheme breaking, which is slow.
            self.regex = try! Regex(pattern).matchingSemantics(.unicodeScalar)
            self.read = read
            self.needs = needs
        }
    }

    enum Trait {
        case digits, chineseMonth, englishMonth, numberWord, slash, bracket, latin

        static func of(_ line: Substring) -> Set<Trait> {
            var traits: Set<Trait> = []
            for scalar in line.unicodeScalars {
                switch scalar {
                case "0"..."9": traits.insert(.digits)
                case "a"..."z", "A"..."Z": traits.insert(.latin)
                case "月": traits.insert(.chineseMonth)
                case "/": traits.insert(.slash)
                case "(", "（": traits.insert(.bracket)
                default: break
                }
            }
            guard traits.contains(.latin) else { return traits }
            for word in line.split(whereSeparator: { !($0.isASCII && $0.isLetter) }) {
                if word.first!.isUppercase, monthNames.contains(String(word)) { traits.insert(.englishMonth) }
                let lower = word.lowercased()
                if tens[lower] != nil || (lower.hasSuffix("fold") && tens[String(lower.dropLast(4))] != nil) { traits.insert(.numberWord) }
            }
            return traits
        }
    }

    static let rangeConnectors: Set<String> = ["-", "–", "—", "~", "～", "至", "到", "to", "and", "until"]

    static let tens = [
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
        "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90,
    ]
    static let ones = ["one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9]

    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]
    static let monthNames = Set(months + ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec"])
    static let month = "(" + monthNames.sorted { ($0.count, $1) > ($1.count, $0) }.joined(separator: "|") + ")\\b\\.?"
    static let ordinal = "(?:st|nd|rd|th)?"
    static let to = "\\s*(?:-|–|—|~|to|and)\\s*"
    static let chineseTo = "\\s*(?:-|–|—|~|～|至|到|、|及|和|與)\\s*"
    static let number = "(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\\.[0-9]+)?"
    static let year = "(?:,?\\s+([0-9]{4})(?![0-9]))?"

    // Never mutated; `Regex` is not marked Sendable but compiles its program once, under a lock.
    nonisolated(unsafe) static let rules: [Rule] = [
        // 2016 年 6 月 12 日至 17 日, 6 月 12-17 日
        Rule(
            "(?:([0-9]{4})\\s*年\\s*)?([0-9]{1,2})\\s*月\\s*([0-9]{1,2})\\s*[日號]?\(chineseTo)([0-9]{1,2})\\s*[日號]",
            needs: [.digits, .chineseMonth]
        ) { c, _ in
            dates(year: c[1], month: c[2], days: [c[3], c[4]])
        },
        Rule("(?:([0-9]{4})\\s*年\\s*)?([0-9]{1,2})\\s*月\\s*([0-9]{1,2})\\s*[日號]", needs: [.digits, .chineseMonth]) { c, _ in
            dates(year: c[1], month: c[2], days: [c[3]])
        },
        Rule("([0-9]{4})\\s*年\\s*([0-9]{1,2})\\s*月", needs: [.digits, .chineseMonth]) { c, _ in dates(year: c[1], month: c[2], days: [nil])
        },
        Rule("([0-9]{1,2})\\s*月", needs: [.digits, .chineseMonth]) { c, _ in dates(year: nil, month: c[1], days: [nil]) },
        // 2016年二月, 六月底
        Rule("(?:([0-9]{4})\\s*年\\s*)?([一二三四五六七八九十]{1,2})月(?:([一二三四五六七八九十]{1,3})[日號])?", needs: [.chineseMonth]) { c, _ in
            dates(year: c[1], month: chineseNumeral(c[2]), days: [chineseNumeral(c[3])])
        },
        // 10 月 31 日至 11 月 4 日 is two dates already; 6 月 12 日至 17 日 ends with a bare day.
        Rule("(?:至|到|~|～|-|–)\\s*([0-9]{1,2})\\s*[日號]", needs: [.digits, .chineseMonth]) { c, previous in
            guard case .date(let year, let month, _)? = previous else { return [] }
            return dates(year: year.map(String.init), month: String(month), days: [c[1]])
        },
        // 12-17 June 2016, 31 October - 4 November 2016 (two matches), June 12-17, 2016
        Rule("([0-9]{1,2})\(ordinal)\(to)([0-9]{1,2})\(ordinal)\\s+\(month)\(year)", needs: [.digits, .englishMonth]) { c, _ in
            dates(year: c[4], month: monthNumber(c[3]), days: [c[1], c[2]])
        },
        Rule("\(month)\\s+([0-9]{1,2})\(ordinal)\(to)([0-9]{1,2})\(ordinal)(?![0-9])\(year)", needs: [.digits, .englishMonth]) { c, _ in
            dates(year: c[4], month: monthNumber(c[1]), days: [c[2], c[3]])
        },
        Rule("([0-9]{1,2})\(ordinal)\\s+(?:of\\s+)?\(month)\(year)", needs: [.digits, .englishMonth]) { c, _ in
            dates(year: c[3], month: monthNumber(c[2]), days: [c[1]])
        },
        Rule("\(month)\\s+([0-9]{4})(?![0-9])", needs: [.digits, .englishMonth]) { c, _ in
            dates(year: c[2], month: monthNumber(c[1]), days: [nil])
        },
        Rule("\(month)\\s+([0-9]{1,2})\(ordinal)(?![0-9])\(year)", needs: [.digits, .englishMonth]) { c, _ in
            dates(year: c[3], month: monthNumber(c[1]), days: [c[2]])
        },
        Rule(month, needs: [.englishMonth]) { c, _ in dates(year: nil, month: monthNumber(c[1]), days: [nil]) },
        // 2016-06-12, 2016/6/12, 6/12
        Rule("([0-9]{4})[-/]([0-9]{1,2})[-/]([0-9]{1,2})(?![0-9/])", needs: [.digits, .slash]) { c, _ in
            dates(year: c[1], month: c[2], days: [c[3]])
        },
        Rule("([0-9]{1,2})/([0-9]{1,2})(?![0-9/])", needs: [.digits, .slash]) { c, _ in dates(year: nil, month: c[1], days: [c[2]]) },
        // (十三): the report numbers its items in Chinese numerals, the English in digits.
        Rule("[(（]([一二三四五六七八九十]{2,3})[)）]", needs: [.bracket]) { c, _ in
            chineseNumeral(c[1]).flatMap { Decimal(string: $0) }.map { [.number($0)] } ?? []
        },
        // Seventeen, twenty-one, elevenfold (not Twenty-First): English spells out some numbers.
        Rule(
            "(?i)\\b(\(tens.keys.sorted().joined(separator: "|")))(?:-(\(ones.keys.sorted().joined(separator: "|"))))?(?:fold)?\\b(?!-[A-Za-z])",
            needs: [.numberWord]
        ) { c, _ in
            guard let tens = c[1].flatMap({ tens[$0.lowercased()] }) else { return [] }
            return [.number(Decimal(tens + (c[2].flatMap { ones[$0.lowercased()] } ?? 0)))]
        },
        // 13,000 / 8.3 萬 / 14.09 million / 28 億 3 千 6 百萬
        Rule(
            "\(number)(?:(?:\\s*[十百千萬万億亿兆]+(?:\\s*\(number)\\s*[十百千萬万億亿兆]+)*(?:\\s*\(number)(?![0-9]))?)|\\s*(?:million|billion|trillion|thousand)\\b)?",
            needs: [.digits]
        ) { c, _ in
            value(of: c[0] ?? "").map { [.number($0)] } ?? []
        },
    ]

    /// The dates of one match; none when a month or day is out of range (`13/40` is not a date).
    static func dates(year: String?, month: String?, days: [String?]) -> [ScannedFact.Value] {
        guard let month = month.flatMap({ Int($0) }), (1...12).contains(month) else { return [] }
        let year = year.flatMap { Int($0) }
        let values: [ScannedFact.Value] = days.compactMap { day in
            guard let day else { return .date(year: year, month: month, day: nil) }
            guard let number = Int(day), (1...31).contains(number) else { return nil }
            return .date(year: year, month: month, day: number)
        }
        return values.count == days.count ? values : []
    }

    static func monthNumber(_ name: String?) -> String? {
        guard let name else { return nil }
        return months.firstIndex { $0.hasPrefix(name.replacingOccurrences(of: ".", with: "")) }.map { String($0 + 1) }
    }

    /// `一` to `十二` (and `三十一`), for months and days written in Chinese numerals.
    static func chineseNumeral(_ text: String?) -> String? {
        guard let text else { return nil }
        let digits: [Character: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]
        let parts = text.split(separator: "十", omittingEmptySubsequences: false)
        if parts.count == 1 { return text.count == 1 ? digits[text.first!].map(String.init) : nil }
        guard parts.count == 2 else { return nil }
        let tens = parts[0].isEmpty ? 1 : digits[parts[0].first!] ?? 0
        let ones = parts[1].isEmpty ? 0 : digits[parts[1].first!] ?? 0
        return String(tens * 10 + ones)
    }

    /// The value of `13,000`, `14.09 million` or `28 億 3 千 6 百萬`: each number times its small
    /// unit (`千`, `百`) adds up within a group that a large unit (`萬`, `億`) then multiplies.
    static func value(of written: String) -> Decimal? {
        let small: [Character: Decimal] = ["十": 10, "百": 100, "千": 1_000]
        let large: [Character: Decimal] = ["萬": 10_000, "万": 10_000, "億": 100_000_000, "亿": 100_000_000, "兆": 1_000_000_000_000]
        let words: [String: Decimal] = ["thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1_000_000_000_000]
        var total: Decimal = 0
        var group: Decimal = 0
        var rest = Substring(written)
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isASCII && ($0.isNumber || $0 == "," || $0 == ".") }
            guard let number = Decimal(string: digits.replacingOccurrences(of: ",", with: ""), locale: Locale(identifier: "en_US_POSIX"))
            else { return nil }
            rest = rest.dropFirst(digits.count).drop { $0 == " " }
            let unit = rest.prefix { small[$0] != nil || large[$0] != nil }
            rest = rest.dropFirst(unit.count).drop { $0 == " " }
            if let word = words.first(where: { rest.hasPrefix($0.key) }) {
                return number * word.value
            }
            let smallPart = unit.prefix { small[$0] != nil }
            let largePart = unit.dropFirst(smallPart.count)
            group += number * smallPart.reduce(Decimal(1)) { $0 * small[$1]! }
            if !largePart.isEmpty {
                total += group * largePart.reduce(Decimal(1)) { $0 * (large[$1] ?? 1) }
                group = 0
            }
        }
        return total + group
    }

    /// A match glued to a Latin letter or a digit (`TEL53`, `IPv6`, the `15` of `2015`) is part
    /// of a name or a longer number, not a fact of its own.
    static func startsCleanly(_ range: Range<String.Index>, in line: String) -> Bool {
        guard range.lowerBound > line.startIndex else { return true }
        let before = line[line.index(before: range.lowerBound)]
        guard let first = line[range].first, first.isASCII, first.isNumber else { return !(before.isASCII && before.isLetter) }
        return !(before.isASCII && (before.isLetter || before.isNumber || before == "/" || before == "."))
    }

    /// Dates always count; a number counts from two digits (or from ten, as `5 萬` does).
    static func isSignificant(_ value: ScannedFact.Value, written: String) -> Bool {
        guard case .number(let number) = value else { return true }
        return number >= 10 || written.filter { $0.isASCII && $0.isNumber }.count >= 2
    }
}
