import Foundation

/// A linear map from values to positions, over a domain widened to round ("nice") ticks:
/// 0…83,000 becomes 0…100,000 with ticks every 20,000.
struct ChartScale: Equatable {
    /// The domain after widening, which the ticks start and end.
    let lower: Decimal
    let upper: Decimal
    /// The distance between two ticks.
    let step: Decimal
    /// The positions the domain is drawn between.
    let start: Double
    let end: Double

    /// A scale from `0` (or the smallest value, when negative) to the largest value, with at
    /// most `maxTicks` intervals. An empty or all-zero domain becomes 0…1.
    init(values: [Decimal], maxTicks: Int, range: ClosedRange<Double>) {
        let low = min(values.min() ?? 0, 0)
        var high = max(values.max() ?? 0, 0)
        if high == low { high = low + 1 }
        let step = Self.niceStep(for: (high - low) / Decimal(max(maxTicks, 1)))
        lower = Self.floor(low, to: step)
        upper = Self.ceil(high, to: step)
        self.step = step
        start = range.lowerBound
        end = range.upperBound
    }

    /// The tick values, from `lower` to `upper` by `step`.
    var ticks: [Decimal] {
        var ticks: [Decimal] = []
        var value = lower
        while value <= upper {
            ticks.append(value)
            value += step
        }
        return ticks
    }

    /// The position of `value`.
    func position(_ value: Decimal) -> Double {
        let fraction = NSDecimalNumber(decimal: (value - lower) / (upper - lower)).doubleValue
        return start + fraction * (end - start)
    }

    /// The smallest of 1, 2, 2.5 and 5 times a power of ten that is at least `raw`.
    static func niceStep(for raw: Decimal) -> Decimal {
        guard raw > 0 else { return 1 }
        var power = Decimal(1)
        while power * 10 <= raw { power *= 10 }
        while power > raw { power /= 10 }
        for factor in [Decimal(1), 2, 2.5, 5, 10] where power * factor >= raw {
            return power * factor
        }
        return power * 10
    }

    private static func floor(_ value: Decimal, to step: Decimal) -> Decimal {
        var quotient = value / step
        var rounded = Decimal()
        NSDecimalRound(&rounded, &quotient, 0, .down)
        return rounded * step
    }

    private static func ceil(_ value: Decimal, to step: Decimal) -> Decimal {
        var quotient = value / step
        var rounded = Decimal()
        NSDecimalRound(&rounded, &quotient, 0, .up)
        return rounded * step
    }
}
