/// Rules of GB/T 2260 region codes.
enum RegionCode {
    /// Whether the region coded `inner` is the region coded `outer` or lies inside it: a province
    /// (`XX0000`) holds every code that starts `XX`, a prefecture-level city (`XXYY00`) every code
    /// that starts `XXYY`, and a county only itself.
    static func code(_ inner: String, liesWithin outer: String) -> Bool {
        let prefix: Substring
        if outer.hasSuffix("0000") {
            prefix = outer.prefix(2)
        } else if outer.hasSuffix("00") {
            prefix = outer.prefix(4)
        } else {
            prefix = Substring(outer)
        }
        return inner.hasPrefix(prefix)
    }
}
