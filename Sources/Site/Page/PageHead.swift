/// The start every page shares: doctype, head with the stylesheet, and the site header.
enum PageHead {
    /// Up to and including the site header; `rootPrefix` climbs back to the site's top.
    static func render(title: String, siteTitle: String, rootPrefix: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8" />
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
