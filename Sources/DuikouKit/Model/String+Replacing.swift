extension String {
    /// The string with every occurrence of the Unicode scalar `target` replaced by `replacement`.
    ///
    /// Scalar by scalar, so that a quote followed by a combining mark is replaced too (comparing
    /// characters would see one character there, and leave it).
    func replacingEvery(_ target: Unicode.Scalar, with replacement: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            if scalar == target {
                result.append(contentsOf: replacement.unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }
}
