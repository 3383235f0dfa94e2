import Foundation

/// 64-bit FNV-1a: enough to tell two versions of a file apart (an ETag, a search file's name), and cheap.
package struct FNV1a {
    package private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    package init() {}

    package mutating func add(_ data: Data) {
        data.withUnsafeBytes { add($0) }
    }

    package mutating func add(_ text: String) {
        add(Data(text.utf8))
    }

    package mutating func add(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { add($0) }
    }

    package var hex: String { String(value, radix: 16) }

    private static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// Hashes a word of eight bytes at a time (a search index hashes megabytes), in a local value.
    private mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var value = self.value
        var index = 0
        while index + 8 <= bytes.count {
            let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))  // the first byte lowest
            for shift in stride(from: 0, to: 64, by: 8) { value = (value ^ (word >> UInt64(shift) & 0xFF)) &* Self.prime }
            index += 8
        }
        for byte in bytes[index...] { value = (value ^ UInt64(byte)) &* Self.prime }
        self.value = value
    }
}
