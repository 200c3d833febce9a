/// Heading anchors as GitHub makes them: lower case, spaces to `-`, punctuation dropped, and
/// `-1`, `-2`… added to repeats.
struct HeadingSlugger {
    private var used: [String: Int] = [:]

    mutating func slug(for text: String) -> String {
        var slug = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "-" || character == "_" {
                slug.append(character)
            } else if character == " " {
                slug.append("-")
            }
        }
        if slug.isEmpty { slug = "section" }
        let count = used[slug, default: 0]
        used[slug] = count + 1
        return count == 0 ? slug : "\(slug)-\(count)"
    }
}
