/// What `\boxed`, `\fbox` and the `\cancel` family draw around or across their content.
public enum EncloseNotation: String, Hashable, Sendable, CaseIterable {
    /// `\boxed{…}`, `\fbox{…}`: a frame.
    case box
    /// `\cancel{…}`: a stroke from bottom left to top right.
    case cancel
    /// `\bcancel{…}`: a stroke from top left to bottom right.
    case backCancel
    /// `\xcancel{…}`: both strokes.
    case crossCancel
}

/// What `\phantom` and its relatives keep of their content.
public enum PhantomKind: String, Hashable, Sendable, CaseIterable {
    /// `\phantom{…}`: its space, not its ink.
    case phantom
    /// `\hphantom{…}`: its width only.
    case horizontal
    /// `\vphantom{…}`: its height and depth only.
    case vertical
    /// `\smash{…}`: its ink, without height or depth.
    case smash
}
