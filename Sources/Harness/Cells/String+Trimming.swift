extension String {
    /// Without leading and trailing spaces, tabs and line ends.
    var trimmingSpaces: String {
        trimming(" \t\n\r")
    }

    /// Without leading and trailing characters of `set`.
    func trimming(_ set: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
