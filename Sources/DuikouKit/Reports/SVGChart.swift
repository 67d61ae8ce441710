#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// How the bars of a series are filled. The fills differ in greyscale and in print too: dark,
/// hatched, and pale with an outline; a legend and value labels name them besides.
enum BarFill {
    /// Solid dark slate.
    case dark
    /// Dark diagonal lines on a pale ground.
    case hatched
    /// Pale, outlined.
    case pale

    /// The SVG paint, referring to the chart's own hatching pattern.
    func paint(chart id: String) -> String {
        switch self {
        case .dark: SVG.dark
        case .hatched: "url(#\(id)-hatch)"
        case .pale: "#c6d3e0"
        }
    }
}

/// One series of a chart: its name in the legend, its fill, and a value and a label per category.
struct ChartSeries {
    var name: String
    var fill: BarFill
    var values: [Double]
    var labels: [String]
}

/// The ticks of a value axis: from 0 to `top` in steps of 1, 2 or 5 times a power of ten.
struct ChartScale {
    let top: Double
    let step: Double
    let places: Int

    init(maximum: Double, integral: Bool = false, ticks: Int = 5) {
        guard maximum.isFinite, maximum > 0 else {
            top = 1
            step = 1
            places = 0
            return
        }
        let raw = maximum / Double(max(1, ticks))
        var exponent = Int(floor(log10(raw)))
        let fraction = raw / pow(10, Double(exponent))
        let multiple: Double
        if fraction <= 1 {
            multiple = 1
        } else if fraction <= 2 {
            multiple = 2
        } else if fraction <= 5 {
            multiple = 5
        } else {
            multiple = 1
            exponent += 1
        }
        var step = multiple * pow(10, Double(exponent))
        var places = max(0, -exponent)
        if integral && step < 1 {
            step = 1
            places = 0
        }
        self.step = step
        self.places = places
        top = max(step, (maximum / step - 1e-9).rounded(.up) * step)
    }

    /// The tick values, 0 first.
    var ticks: [Double] { (0...Int((top / step).rounded())).map { Double($0) * step } }

    /// A tick's label.
    func label(_ value: Double) -> String { HTMLText.decimal(value, places: places) }
}

/// The pieces every chart is drawn with.
enum SVG {
    static let ink = "#1a1a1a"
    static let muted = "#4d4d4d"
    static let grid = "#d4d4d4"
    static let dark = "#2f4b6e"

    /// A coordinate with at most one decimal, written without a locale.
    static func number(_ value: Double) -> String {
        HTMLText.decimal(value, places: value.rounded() == value ? 0 : 1).replacingEvery(",", with: "")
    }

    /// About how wide text is drawn: wide (CJK) characters take the font size, others a little over half of it.
    static func textWidth(_ text: String, size: Double) -> Double {
        text.unicodeScalars.reduce(0.0) { width, scalar in
            switch scalar.displayWidth {
            case 0: width
            case 2: width + size
            default: width + size * 0.6
            }
        }
    }

    /// The text, cut with `…` so that it fits `width`.
    static func fitted(_ text: String, width: Double, size: Double) -> String {
        guard textWidth(text, size: size) > width else { return text }
        var cut = ""
        for character in text {
            if textWidth(cut + String(character) + "…", size: size) > width { break }
            cut.append(character)
        }
        return cut + "…"
    }

    /// The text broken into at most `limit` lines that fit `width`: between words where it has
    /// spaces, else between characters; the last line is cut with `…` when the text does not fit.
    static func wrapped(_ text: String, width: Double, size: Double, limit: Int) -> [String] {
        guard limit > 1, textWidth(text, size: size) > width else { return [fitted(text, width: width, size: size)] }
        let pieces: [String] = text.contains(" ") ? text.split(separator: " ").map(String.init) : text.map { String($0) }
        let separator = text.contains(" ") ? " " : ""
        var lines: [String] = []
        var current = ""
        var rest = pieces[...]
        while let piece = rest.first, lines.count < limit - 1 {
            let candidate = current.isEmpty ? piece : current + separator + piece
            if textWidth(candidate, size: size) > width && !current.isEmpty {
                lines.append(fitted(current, width: width, size: size))
                current = ""
            } else {
                current = candidate
                rest = rest.dropFirst()
            }
        }
        let last = ([current].filter { !$0.isEmpty } + rest).joined(separator: separator)
        if !last.isEmpty { lines.append(fitted(last, width: width, size: size)) }
        return lines
    }

    /// Lines of text centred vertically on `middle`, each a `<tspan>`; their content is escaped.
    static func lines(_ lines: [String], x: Double, middle: Double, size: Double, anchor: Anchor) -> String {
        let step = size * 1.2
        let first = middle - step * Double(lines.count - 1) / 2 + size * 0.36
        let spans = lines.enumerated().map { index, line in
            "<tspan x=\"\(number(x))\" y=\"\(number(first + step * Double(index)))\">\(HTMLText.escape(line))</tspan>"
        }
        return "<text font-size=\"\(number(size))\" fill=\"\(ink)\" text-anchor=\"\(anchor.rawValue)\">\(spans.joined())</text>"
    }

    /// Where text is anchored.
    enum Anchor: String {
        case start, middle, end
    }

    /// A `<text>` element; its content is escaped. `rotated` turns it to read upwards.
    static func text(
        _ content: String, x: Double, y: Double, size: Double, anchor: Anchor = .start, bold: Bool = false,
        fill: String = ink, rotated: Bool = false
    ) -> String {
        var attributes = "x=\"\(number(x))\" y=\"\(number(y))\" font-size=\"\(number(size))\" fill=\"\(fill)\""
        if anchor != .start { attributes += " text-anchor=\"\(anchor.rawValue)\"" }
        if bold { attributes += " font-weight=\"bold\"" }
        if rotated { attributes += " transform=\"rotate(-90 \(number(x)) \(number(y)))\"" }
        return "<text \(attributes)>\(HTMLText.escape(content))</text>"
    }

    /// A line.
    static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double = 1, dashed: Bool = false) -> String {
        "<line x1=\"\(number(x1))\" y1=\"\(number(y1))\" x2=\"\(number(x2))\" y2=\"\(number(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(number(width))\""
            + (dashed ? " stroke-dasharray=\"4 3\"" : "") + "/>"
    }

    /// A bar or swatch, outlined so that pale fills keep their edge on white paper.
    static func rect(_ x: Double, _ y: Double, _ width: Double, _ height: Double, fill: BarFill, chart id: String) -> String {
        "<rect x=\"\(number(x))\" y=\"\(number(y))\" width=\"\(number(max(0, width)))\" height=\"\(number(max(0, height)))\" fill=\"\(fill.paint(chart: id))\" stroke=\"\(dark)\" stroke-width=\"0.8\"/>"
    }

    /// The opening of a chart: scalable to its container, with an accessible title and the hatching pattern.
    static func open(id: String, title: String, width: Double, height: Double) -> String {
        """
        <svg class="chart" viewBox="0 0 \(number(width)) \(number(height))" role="img" aria-labelledby="\(id)-title">\
        <title id="\(id)-title">\(HTMLText.escape(title))</title>\
        <defs><pattern id="\(id)-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">\
        <rect width="6" height="6" fill="#e3e9f0"/><line x1="0" y1="0" x2="0" y2="6" stroke="\(dark)" stroke-width="2.2"/></pattern></defs>
        """
    }

    /// A legend row: a swatch and the name of each series.
    static func legend(_ series: [ChartSeries], x: Double, y: Double, chart id: String) -> String {
        var out = ""
        var left = x
        for entry in series {
            out += rect(left, y, 14, 12, fill: entry.fill, chart: id)
            out += text(entry.name, x: left + 19, y: y + 10.5, size: 12)
            left += 19 + textWidth(entry.name, size: 12) + 18
        }
        return out
    }
}

/// A horizontal bar chart as inline SVG: categories down the left, the bars of each series side by
/// side with a value label at their end, a value axis with ticks underneath, a legend above, and
/// optionally a reference line (such as a 100% target).
struct BarChart {
    var id: String
    var title: String
    var categories: [String]
    var series: [ChartSeries]
    var axisTitle: String
    var reference: (value: Double, label: String)?
    var integral = false
    var width = 720.0

    func svg() -> String {
        let font = 12.0
        let small = 11.0
        let barHeight = 15.0
        let barGap = 2.0
        let groupGap = 11.0
        let legendHeight = series.count > 1 ? 26.0 : 0
        let referenceHeight = reference == nil ? 0.0 : 18
        let labelLimit = width * 0.3
        let lineLimit = series.count > 1 ? 2 : 1
        let labels = categories.map { SVG.wrapped($0, width: labelLimit, size: font, limit: lineLimit) }
        let labelWidth = labels.flatMap { $0 }.map { SVG.textWidth($0, size: font) }.max() ?? 0
        let valueWidth = series.flatMap(\.labels).map { SVG.textWidth($0, size: small) }.max() ?? 0
        let plotLeft = labelWidth + 12
        let plotRight = width - valueWidth - 10
        let maximum = max(series.flatMap(\.values).max() ?? 0, reference?.value ?? 0)
        let scale = ChartScale(maximum: maximum, integral: integral)
        let x = { (value: Double) in plotLeft + (plotRight - plotLeft) * min(max(value, 0), scale.top) / scale.top }
        let top = legendHeight + referenceHeight + 6
        let groupHeight = Double(series.count) * barHeight + Double(max(0, series.count - 1)) * barGap
        let plotBottom = top + Double(categories.count) * (groupHeight + groupGap)
        let height = plotBottom + 38

        var out = SVG.open(id: id, title: title, width: width, height: height)
        if series.count > 1 { out += SVG.legend(series, x: plotLeft, y: 4, chart: id) }
        for tick in scale.ticks {
            let position = x(tick)
            if tick > 0 { out += SVG.line(position, top - 2, position, plotBottom, stroke: SVG.grid, dashed: true) }
            out += SVG.line(position, plotBottom, position, plotBottom + 4, stroke: SVG.muted)
            out += SVG.text(scale.label(tick), x: position, y: plotBottom + 16, size: small, anchor: .middle, fill: SVG.muted)
        }
        out += SVG.text(axisTitle, x: plotRight, y: plotBottom + 32, size: small, anchor: .end, fill: SVG.muted)
        for (index, label) in labels.enumerated() {
            let groupTop = top + Double(index) * (groupHeight + groupGap) + groupGap / 2
            out += SVG.lines(label, x: plotLeft - 8, middle: groupTop + groupHeight / 2, size: font, anchor: .end)
            for (position, entry) in series.enumerated() where index < entry.values.count {
                let barTop = groupTop + Double(position) * (barHeight + barGap)
                let end = x(entry.values[index])
                out += SVG.rect(plotLeft, barTop, end - plotLeft, barHeight, fill: entry.fill, chart: id)
                if index < entry.labels.count {
                    out += SVG.text(entry.labels[index], x: end + 4, y: barTop + barHeight / 2 + small * 0.36, size: small)
                }
            }
        }
        out += SVG.line(plotLeft, top - 2, plotLeft, plotBottom, stroke: SVG.ink)
        out += SVG.line(plotLeft, plotBottom, plotRight, plotBottom, stroke: SVG.ink)
        if let reference {
            let position = x(reference.value)
            out += SVG.line(position, top - 6, position, plotBottom, stroke: SVG.ink, width: 1.5, dashed: true)
            out += SVG.text(reference.label, x: position, y: top - 9, size: small, anchor: .middle, bold: true)
        }
        return out + "</svg>"
    }
}

/// A column chart of stacked segments as inline SVG: a column per category, its segments stacked
/// from the bottom, the column's total above it (turned upwards when it does not fit across), the
/// category and a note under it (left out when the notes do not fit), a value axis on the left and
/// a legend above.
struct ColumnChart {
    var id: String
    var title: String
    var categories: [String]
    var segments: [ChartSeries]
    var totals: [String]
    var notes: [String]
    var axisTitle: String
    var width = 720.0
    var plotHeight = 220.0

    func svg() -> String {
        let font = 12.0
        let small = 11.0
        let count = max(1, categories.count)
        let sums = (0..<categories.count).map { index in segments.reduce(0.0) { $0 + (index < $1.values.count ? max(0, $1.values[index]) : 0) } }
        let scale = ChartScale(maximum: sums.max() ?? 0)
        let tickWidth = scale.ticks.map { SVG.textWidth(scale.label($0), size: small) }.max() ?? 0
        let plotLeft = tickWidth + 12
        let plotRight = width - 8
        let slot = (plotRight - plotLeft) / Double(count)
        let columnWidth = min(46, slot * 0.62)
        let labelsFit = totals.allSatisfy { SVG.textWidth($0, size: small) <= slot - 4 }
        let labelSpace = labelsFit ? 16 : (totals.map { SVG.textWidth($0, size: small) }.max() ?? 0) + 8
        let notes = notes.allSatisfy { SVG.textWidth($0, size: small * 0.95) <= slot - 2 } ? notes : []
        let legendHeight = 26.0
        let top = legendHeight + 16 + labelSpace
        let plotBottom = top + plotHeight
        let height = plotBottom + (notes.isEmpty ? 24 : 40)
        let y = { (value: Double) in plotBottom - plotHeight * min(max(value, 0), scale.top) / scale.top }

        var out = SVG.open(id: id, title: title, width: width, height: height)
        out += SVG.legend(segments, x: plotLeft, y: 4, chart: id)
        out += SVG.text(axisTitle, x: 0, y: legendHeight + 8, size: small, fill: SVG.muted)
        for tick in scale.ticks {
            let position = y(tick)
            if tick > 0 { out += SVG.line(plotLeft, position, plotRight, position, stroke: SVG.grid, dashed: true) }
            out += SVG.text(scale.label(tick), x: plotLeft - 6, y: position + small * 0.36, size: small, anchor: .end, fill: SVG.muted)
        }
        for (index, category) in categories.enumerated() {
            let center = plotLeft + slot * (Double(index) + 0.5)
            var base = 0.0
            for segment in segments where index < segment.values.count {
                let value = max(0, segment.values[index])
                guard value > 0 else { continue }
                out += SVG.rect(center - columnWidth / 2, y(base + value), columnWidth, y(base) - y(base + value), fill: segment.fill, chart: id)
                base += value
            }
            if index < totals.count {
                let columnTop = y(base) - 4
                out += labelsFit
                    ? SVG.text(totals[index], x: center, y: columnTop, size: small, anchor: .middle)
                    : SVG.text(totals[index], x: center + small * 0.36, y: columnTop, size: small, rotated: true)
            }
            out += SVG.text(category, x: center, y: plotBottom + 16, size: font, anchor: .middle)
            if index < notes.count {
                out += SVG.text(notes[index], x: center, y: plotBottom + 31, size: small * 0.95, anchor: .middle, fill: SVG.muted)
            }
        }
        out += SVG.line(plotLeft, top - 4, plotLeft, plotBottom, stroke: SVG.ink)
        out += SVG.line(plotLeft, plotBottom, plotRight, plotBottom, stroke: SVG.ink)
        return out + "</svg>"
    }
}
