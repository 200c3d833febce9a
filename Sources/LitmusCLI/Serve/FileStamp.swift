import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What tells a saved file from the one read before: its modification time to the nanosecond,
/// its size and its inode (an editor that saves by writing a new file and renaming it over the
/// old one changes the inode).
struct FileStamp: Equatable, Sendable {
    var seconds: Int
    var nanoseconds: Int
    var size: Int
    var inode: UInt64

    /// The stamp of `path`, or nil when it cannot be read.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        seconds = Int(info.st_mtim.tv_sec)
        nanoseconds = Int(info.st_mtim.tv_nsec)
        size = Int(info.st_size)
        inode = UInt64(info.st_ino)
    }
}
