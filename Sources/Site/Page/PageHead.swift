/// The start every page shares: doctype, head with the content security policy and the
/// stylesheet, and the site header.
enum PageHead {
    /// Defence in depth behind the sanitizer: no script, plugin, frame, form target or `<base>`
    /// may act on a page, whatever reached it; images from the site, `data:` and HTTPS; styles
    /// from the site's stylesheet and `style` attributes.
    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; "
        + "frame-src 'none'; img-src 'self' data: https:; style-src 'self' 'unsafe-inline'; font-src 'self'"

    /// Up to and including the site header; `rootPrefix` climbs back to the site's top.
    static func render(title: String, siteTitle: String, rootPrefix: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8" />
        <meta http-equiv="Content-Security-Policy" content="\(contentSecurityPolicy)" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="generator" content="Litmus" />
        <title>\(HTMLText.escape(title))</title>
        <link rel="stylesheet" href="\(rootPrefix)litmus.css" />
        </head>
        <body>
        <header class="site"><a href="\(rootPrefix)index.html">\(HTMLText.escape(siteTitle))</a></header>

        """
    }
}
