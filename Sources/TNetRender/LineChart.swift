import TNetIO

/// A plain SVG line chart: one line per series over a shared x axis, axes with ticks, a legend.
/// Every text is escaped for XML. Deterministic (the same data give the same bytes).
public struct LineChart: Sendable {
    /// One line of the chart, with its name in the legend.
    public struct Series: Sendable {
        /// The name shown in the legend.
        public var name: String
        /// The points in drawing order; a point whose y is not finite is left out.
        public var points: [(x: Double, y: Double)]
        /// A series.
        /// - Parameters:
        ///   - name: the legend's name for it.
        ///   - points: the points, in drawing order.
        public init(name: String, points: [(x: Double, y: Double)]) {
            self.name = name
            self.points = points
        }
    }

    /// The heading above the plot.
    public var title: String
    /// The label under the x axis.
    public var xLabel: String
    /// The label beside the y axis.
    public var yLabel: String
    /// The lines, each in its own colour and dash pattern (Okabe–Ito, seven before they repeat).
    public var series: [Series]
    /// The y range drawn; nil: from 0 to the largest value.
    public var yRange: ClosedRange<Double>?

    /// A chart.
    /// - Parameters:
    ///   - title: the heading.
    ///   - xLabel: the x axis label.
    ///   - yLabel: the y axis label.
    ///   - series: the lines.
    ///   - yRange: the y range drawn (nil: from 0 to the largest value).
    public init(title: String, xLabel: String, yLabel: String, series: [Series], yRange: ClosedRange<Double>? = nil) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
        self.yRange = yRange
    }

    /// Okabe–Ito colours and dash patterns, so lines differ in grey print too.
    static let colors = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]
    static let dashes = ["", "6 3", "2 3", "8 3 2 3", "4 4", "1 2", "10 4"]

    /// The chart as a standalone SVG document: plot on the left, legend on the right, white
    /// background, about five round ticks per axis.
    /// - Parameters:
    ///   - width: the image width in pixels.
    ///   - height: the image height in pixels.
    /// - Returns: the SVG text, ending with a newline; the same chart gives the same bytes.
    /// - Complexity: O(*p*) for *p* points.
    public func svg(width: Double = 720, height: Double = 440) -> String {
        let left = 70.0, right = 200.0, top = 50.0, bottom = 60.0
        let plotW = width - left - right, plotH = height - top - bottom
        let xs = series.flatMap { $0.points.map(\.x) }, ys = series.flatMap { $0.points.map(\.y) }.filter(\.isFinite)
        let xMin = xs.min() ?? 0, xMax = max(xs.max() ?? 1, xMin + 1)
        let range = yRange ?? 0 ... max(ys.max() ?? 1, 1e-9)
        let yMin = range.lowerBound, yMax = range.upperBound > yMin ? range.upperBound : yMin + 1
        func px(_ x: Double) -> Double { left + (x - xMin) / (xMax - xMin) * plotW }
        func py(_ y: Double) -> Double { top + plotH - (y - yMin) / (yMax - yMin) * plotH }
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(f(width))\" height=\"\(f(height))\" viewBox=\"0 0 \(f(width)) \(f(height))\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n"
        out += "<rect width=\"100%\" height=\"100%\" fill=\"#FFFFFF\"/>\n"
        out += "<text x=\"\(f(left))\" y=\"28\" font-size=\"16\" font-weight=\"bold\">\(Self.xml(title))</text>\n"
        // Axes and ticks.
        out += "<line x1=\"\(f(left))\" y1=\"\(f(top + plotH))\" x2=\"\(f(left + plotW))\" y2=\"\(f(top + plotH))\" stroke=\"#333333\"/>\n"
        out += "<line x1=\"\(f(left))\" y1=\"\(f(top))\" x2=\"\(f(left))\" y2=\"\(f(top + plotH))\" stroke=\"#333333\"/>\n"
        for t in Self.ticks(xMin, xMax) {
            out += "<line x1=\"\(f(px(t)))\" y1=\"\(f(top + plotH))\" x2=\"\(f(px(t)))\" y2=\"\(f(top + plotH + 5))\" stroke=\"#333333\"/>"
            out += "<text x=\"\(f(px(t)))\" y=\"\(f(top + plotH + 19))\" text-anchor=\"middle\">\(Self.number(t))</text>\n"
        }
        for t in Self.ticks(yMin, yMax) {
            out += "<line x1=\"\(f(left - 5))\" y1=\"\(f(py(t)))\" x2=\"\(f(left + plotW))\" y2=\"\(f(py(t)))\" stroke=\"#DDDDDD\"/>"
            out += "<text x=\"\(f(left - 8))\" y=\"\(f(py(t) + 4))\" text-anchor=\"end\">\(Self.number(t))</text>\n"
        }
        out += "<text x=\"\(f(left + plotW / 2))\" y=\"\(f(height - 18))\" text-anchor=\"middle\">\(Self.xml(xLabel))</text>\n"
        out += "<text transform=\"translate(18 \(f(top + plotH / 2))) rotate(-90)\" text-anchor=\"middle\">\(Self.xml(yLabel))</text>\n"
        for (i, s) in series.enumerated() {
            let color = Self.colors[i % Self.colors.count], dash = Self.dashes[i % Self.dashes.count]
            let points = s.points.filter { $0.y.isFinite }.map { "\(f(px($0.x))),\(f(py($0.y)))" }.joined(separator: " ")
            out += "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\"\(dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"") points=\"\(points)\"/>\n"
            for p in s.points where p.y.isFinite { out += "<circle cx=\"\(f(px(p.x)))\" cy=\"\(f(py(p.y)))\" r=\"2.5\" fill=\"\(color)\"/>" }
            out += "\n"
            let ly = top + 10 + Double(i) * 20
            out += "<line x1=\"\(f(left + plotW + 20))\" y1=\"\(f(ly))\" x2=\"\(f(left + plotW + 50))\" y2=\"\(f(ly))\" stroke=\"\(color)\" stroke-width=\"2\"\(dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"")/>"
            out += "<text x=\"\(f(left + plotW + 56))\" y=\"\(f(ly + 4))\">\(Self.xml(s.name))</text>\n"
        }
        return out + "</svg>\n"
    }

    /// About five round ticks from `a` to `b`.
    static func ticks(_ a: Double, _ b: Double) -> [Double] {
        let span = b - a
        guard span > 0 && span.isFinite else { return [a] }
        let raw = span / 5
        var step = 1.0
        while step > raw { step /= 10 }
        while step * 10 <= raw { step *= 10 }
        if raw / step >= 5 { step *= 5 } else if raw / step >= 2 { step *= 2 }
        var out: [Double] = []
        var t = (a / step).rounded(.up) * step
        while t <= b + step * 1e-9 { out.append(t); t += step }
        return out
    }

    static func number(_ x: Double) -> String {
        let r = (x * 1000).rounded() / 1000
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    private func f(_ x: Double) -> String { Self.number(x) }

    /// Text for the chart's XML (`XMLEscaping.display(_:)`, TNetIO): escaped, display
    /// controls shown as spaces.
    /// - Parameter s: any text.
    /// - Returns: the escaped text.
    public static func xml(_ s: String) -> String { XMLEscaping.display(s) }
}
