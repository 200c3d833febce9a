extension Set {
    /// The union of two sets, built from the larger: where it holds the smaller already (a
    /// lesson's function names beside the few every lesson has), the larger is returned as it is,
    /// for the cost of looking up the smaller's members, not of hashing the larger's again.
    public func adding(_ other: Set<Element>) -> Set<Element> {
        let (large, small) = count >= other.count ? (self, other) : (other, self)
        guard !small.isSubset(of: large) else { return large }
        var result = large
        for element in small { result.insert(element) }
        return result
    }
}
