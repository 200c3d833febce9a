import Foundation

/// What `litmus serve` changes in a page Site wrote before serving it: a small script that
/// reloads the page when its lesson changes, a banner while the lesson's cells run or when the
/// lesson has problems, and the content security policy that lets that one script run.
///
/// Only the served bytes change: the static site (`litmus render`, `litmus build`) stays
/// script-free. The policy is the page's own (its `Content-Security-Policy` meta) with
/// `script-src` narrowed to a nonce drawn for each response and `connect-src 'self'` for the
/// event stream, so every other script on the page is still refused.
enum PreviewPage {
    /// The page's place in the preview: what the reload script asks the server about.
    struct Context {
        /// The page path (`01-neuron.html`, `index.html`).
        var page: String
        /// The page's version: the server tells the script to reload when it has a newer one.
        var version: Int
        /// The banner's HTML (already escaped), or nothing.
        var banner: String = ""
    }

    /// The policy a page gets when it carries none: Site's own rules (no script, images from
    /// the site, `data:` and HTTPS, styles from the stylesheet and `style` attributes).
    static let defaultPolicy =
        "default-src 'none'; script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; "
        + "frame-src 'none'; img-src 'self' data: https:; style-src 'self' 'unsafe-inline'; font-src 'self'"

    /// The policy for files other than pages (images, the stylesheet): nothing in them may run,
    /// so an SVG opened on its own from the preview runs no script either.
    static let filePolicy = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox"

    /// The served form of `html` (a page Site wrote, or a page of diagnostics), and the policy
    /// to send with it.
    static func serve(_ html: String, context: Context, nonce: String = makeNonce()) -> (html: String, policy: String) {
        guard let headEnd = html.range(of: "</head>", options: .caseInsensitive) else {
            return (html, defaultPolicy)
        }
        var head = String(html[..<headEnd.lowerBound])
        var rest = String(html[headEnd.lowerBound...])
        var policy = defaultPolicy
        if let meta = policyMeta(in: head) {
            policy = meta.policy
            head.removeSubrange(meta.range)
        }
        let served = servedPolicy(from: policy, nonce: nonce)
        head += "<meta http-equiv=\"Content-Security-Policy\" content=\"\(HTMLEscaping.attribute(served))\" />\n"
        head += "<link rel=\"stylesheet\" href=\"/_litmus/preview.css\" />\n"
        head += script(context, nonce: nonce)
        if !context.banner.isEmpty, let body = rest.range(of: "<body>") {
            rest.insert(contentsOf: "\n" + context.banner, at: body.upperBound)
        }
        return (head + rest, served)
    }

    /// `policy` with scripts allowed only by `nonce` and connections to the server itself.
    static func servedPolicy(from policy: String, nonce: String) -> String {
        var directives: [String] = []
        for directive in policy.split(separator: ";") {
            let trimmed = directive.trimmingCharacters(in: .whitespaces)
            let name = trimmed.split(separator: " ").first.map { $0.lowercased() } ?? ""
            if name.isEmpty || name == "script-src" || name == "script-src-elem" || name == "script-src-attr"
                || name == "connect-src"
            {
                continue
            }
            directives.append(trimmed)
        }
        directives.append("script-src 'nonce-\(nonce)'")
        directives.append("connect-src 'self'")
        return directives.joined(separator: "; ")
    }

    /// The reload script: it listens to the server's events for this page and reloads it when
    /// told. It is the only script a served page runs.
    static func script(_ context: Context, nonce: String) -> String {
        """
        <script nonce="\(nonce)" data-page="\(HTMLEscaping.attribute(context.page))" data-version="\(context.version)">
        (function () {
          var script = document.currentScript;
          var url = "/_litmus/events?page=" + encodeURIComponent(script.dataset.page) +
            "&version=" + script.dataset.version;
          var events = new EventSource(url);
          events.addEventListener("reload", function () { events.close(); location.reload(); });
        })();
        </script>

        """
    }

    /// The first `<meta http-equiv="Content-Security-Policy" content="…">` in a page's head.
    static func policyMeta(in head: String) -> (range: Range<String.Index>, policy: String)? {
        var searchStart = head.startIndex
        while let open = head.range(of: "<meta", options: .caseInsensitive, range: searchStart..<head.endIndex) {
            guard let close = head.range(of: ">", range: open.upperBound..<head.endIndex) else { return nil }
            let tag = String(head[open.lowerBound..<close.upperBound])
            searchStart = close.upperBound
            guard tag.lowercased().contains("content-security-policy"), let content = attribute("content", in: tag)
            else { continue }
            var end = close.upperBound
            if head[end...].hasPrefix("\n") { end = head.index(after: end) }
            return (open.lowerBound..<end, HTMLEscaping.unescape(content))
        }
        return nil
    }

    private static func attribute(_ name: String, in tag: String) -> String? {
        guard let start = tag.range(of: " \(name)=\"", options: .caseInsensitive),
            let end = tag.range(of: "\"", range: start.upperBound..<tag.endIndex)
        else { return nil }
        return String(tag[start.upperBound..<end.lowerBound])
    }

    /// 16 random bytes, base64: a new nonce for every response, so no text in a lesson can
    /// carry a script that matches it.
    static func makeNonce() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
    }

    /// The preview's own stylesheet: the banner and the problems list.
    static let stylesheet = """
        .litmus-preview { position: sticky; top: 0; z-index: 10; margin: 0; padding: 0.5rem 1rem;
          font: 0.9rem/1.4 system-ui, sans-serif; border-bottom: 1px solid #d0d7de; background: #fff8c5; }
        .litmus-preview.problems { background: #ffebe9; border-bottom-color: #ff8182; }
        .litmus-preview.passed { background: #dafbe1; }
        .litmus-preview p { margin: 0.2rem 0; }
        .litmus-preview pre { margin: 0.4rem 0; padding: 0.5rem; max-height: 40vh; overflow: auto;
          background: #fff; border: 1px solid #d0d7de; font-size: 0.8rem; white-space: pre-wrap; }

        """
}
