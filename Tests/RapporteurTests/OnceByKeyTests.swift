import Foundation
import Testing

@testable import Support

/// Values made once per key and shared, as the build's caches of tables, markers and chapter list items use them.
@Suite struct OnceByKeyTests {
    @Test func eachKeysValueIsMadeOnceByWhicheverThreadAsksFirst() {
        let values = OnceByKey<Int, String>()
        let counter = NSLock()
        nonisolated(unsafe) var makes: [Int: Int] = [:]
        let results = Array(0..<400).parallelMap { index in
            values.value(index % 4) {
                counter.withLock { makes[index % 4, default: 0] += 1 }
                return "value \(index % 4)"
            }
        }
        #expect(results == (0..<400).map { "value \($0 % 4)" })
        #expect(makes == [0: 1, 1: 1, 2: 1, 3: 1], "one make per key: \(makes)")
    }
}
