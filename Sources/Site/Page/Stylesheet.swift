/// `litmus.css`: a calm reading layout, a math font stack so fences stretch and sums are large,
/// Swift colours, and verdict marks that a reader cannot miss when something is wrong.
enum Stylesheet {
    static let css = """
        :root {
          --text: #1f2328; --muted: #59636e; --rule: #d1d9e0; --link: #0969da; --code-bg: #f6f8fa;
          --ok: #1a7f37; --bad: #cf222e; --bad-bg: #ffebe9; --def: #8250df; --unk: #9a6700;
          font-family: -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif;
          color: var(--text); line-height: 1.6;
        }
        body { margin: 0; }
        header.site { padding: 0.6rem 1.5rem; border-bottom: 1px solid var(--rule); font-weight: 600; }
        header.site a { color: var(--text); text-decoration: none; }
        .layout { display: flex; gap: 2rem; max-width: 90rem; margin: 0 auto; padding: 1.5rem; }
        nav.course, nav.toc { position: sticky; top: 1rem; align-self: flex-start; font-size: 0.9rem;
          max-height: calc(100vh - 2rem); overflow-y: auto; }
        nav.course { flex: 0 0 15rem; order: 0; }
        nav.toc { flex: 0 0 13rem; order: 2; }
        main { order: 1; }
        nav.course ol { padding-left: 1.4rem; margin: 0; }
        nav.course li { margin: 0.3rem 0; }
        nav.course li.current > a { font-weight: 700; color: var(--text); text-decoration: none;
          border-left: 3px solid var(--link); padding-left: 0.4rem; }
        nav.course .toc-title a { color: var(--text); text-decoration: none; }
        nav.toc ul { list-style: none; padding-left: 0; }
        nav.toc li.level-2 { padding-left: 0.8rem; }
        nav.toc li.level-3 { padding-left: 1.6rem; }
        .toc-title { font-weight: 600; color: var(--muted); }
        main { flex: 1 1 auto; min-width: 0; max-width: 48rem; }
        main.index { margin: 0 auto; padding: 1.5rem; }
        a { color: var(--link); }
        h1, h2, h3, h4 { line-height: 1.25; margin-top: 1.6em; }
        h1 { border-bottom: 1px solid var(--rule); padding-bottom: 0.3em; }
        a.anchor { visibility: hidden; margin-left: 0.4rem; text-decoration: none; color: var(--muted); }
        h1:hover a.anchor, h2:hover a.anchor, h3:hover a.anchor, h4:hover a.anchor { visibility: visible; }
        img { max-width: 100%; height: auto; }
        table { border-collapse: collapse; margin: 1rem 0; }
        th, td { border: 1px solid var(--rule); padding: 0.35rem 0.7rem; }
        blockquote { margin: 0; padding: 0 1rem; color: var(--muted); border-left: 0.25rem solid var(--rule); }
        code, pre { font-family: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, monospace; font-size: 0.88em; }
        code { background: var(--code-bg); padding: 0.1em 0.3em; border-radius: 4px; }
        pre { background: var(--code-bg); padding: 0.8rem 1rem; border-radius: 6px; overflow-x: auto; }
        pre code { background: none; padding: 0; }
        pre.output { background: #fff; border: 1px solid var(--rule); margin-top: -0.6rem; }
        pre.output::before { content: "output"; display: block; color: var(--muted); font-size: 0.75em; }
        pre.output.expected::before { content: "expected output"; }
        pre.output.actual::before { content: "what the cell printed"; }
        .cell-status { margin: -0.4rem 0 1rem; font-size: 0.9em; }
        .cell-status.failed { border-left: 4px solid #cf222e; padding: 0.1rem 0 0.1rem 0.8rem; }
        .cell-status.failed pre.output { margin-top: 0.3rem; }
        .cell-status.failed strong { color: #cf222e; }
        .cell-status.skipped { color: var(--muted); font-style: italic; }
        .kw { color: #cf222e; } .ty { color: #8250df; } .st { color: #0a3069; } .nu { color: #0550ae; }
        .cm { color: #6e7781; font-style: italic; }
        math { font-family: "Latin Modern Math", "STIX Two Math", "DejaVu Math TeX Gyre", "Cambria Math", math; }
        math[display="block"] { margin: 0.4em 0; }
        .formula { position: relative; border-radius: 4px; }
        .formula.display { display: block; text-align: center; margin: 0.8rem 0; padding: 0.2rem 1.6rem; overflow-x: auto; }
        .formula .verdict { display: inline-block; margin-left: 0.4em; padding: 0 0.35em; vertical-align: 0.1em;
          font: 700 0.68rem/1.35 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif;
          border: 1px solid currentColor; border-radius: 0.7em; background: #fff; user-select: none; }
        .formula.display .verdict { position: absolute; left: 0.2rem; top: 50%; transform: translateY(-50%); margin: 0; }
        .formula.display.numbered { padding-right: 4rem; }
        .formula .eqno { position: absolute; right: 0.3rem; top: 50%; transform: translateY(-50%);
          font-family: "Latin Modern Roman", "STIX Two Text", "DejaVu Serif", serif; }
        .formula .eqno:target { background: #fff8c5; }
        a.eqref { text-decoration: none; white-space: nowrap; }
        .eqref.missing { color: var(--bad); font-weight: 600; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
          clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
        .formula.verified .verdict { color: var(--ok); }
        .formula.definition .verdict { color: var(--def); }
        .formula.unchecked .verdict { color: var(--unk); }
        .formula.mismatch, .formula.error { background: var(--bad-bg); outline: 2px solid var(--bad); }
        .formula.mismatch .verdict, .formula.error .verdict { color: var(--bad); font-size: 0.9em; }
        .formula[data-verdict]:hover::after, .formula[data-verdict]:focus::after {
          content: attr(data-verdict); position: absolute; left: 0; top: 100%; z-index: 10; width: max-content;
          max-width: 32rem; white-space: normal; text-align: left; font-size: 0.8rem; line-height: 1.4;
          background: #24292f; color: #fff; padding: 0.4rem 0.6rem; border-radius: 6px;
        }
        .formula:focus { outline: 2px solid var(--link); }
        section.summary { border: 1px solid var(--rule); border-radius: 6px; padding: 0.2rem 1rem; margin-bottom: 1rem; }
        section.summary.has-mismatch { border-color: var(--bad); background: var(--bad-bg); }
        section.summary ul.mismatches > li { margin: 0.4rem 0; }
        details.counterexample { margin: 0.2rem 0 0.4rem; font-size: 0.9em; }
        details.counterexample summary { cursor: pointer; color: var(--muted); }
        details.counterexample dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 0.8rem; }
        details.counterexample dt { font-style: italic; }
        details.counterexample dd { margin: 0; min-width: 0; }
        details.counterexample pre { margin: 0; padding: 0.3rem 0.5rem; background: #fff; overflow-x: auto; }
        nav.pager { display: flex; justify-content: space-between; margin: 3rem 0 1rem; padding-top: 1rem;
          border-top: 1px solid var(--rule); }
        nav.pager a.next { margin-left: auto; }
        ol.lessons li { margin: 0.5rem 0; }
        ol.lessons .counts { color: var(--muted); font-size: 0.9em; margin-left: 0.5rem; }
        ol.lessons li.has-mismatch .counts { color: var(--bad); font-weight: 600; }
        li.task { list-style: none; }
        figure.chart { margin: 0.5rem 0 1rem; }
        figure.chart svg { max-width: 100%; height: auto; border: 1px solid var(--rule); border-radius: 6px; }
        @media (max-width: 72rem) { nav.toc { display: none; } }
        @media (max-width: 50rem) { .layout { display: block; } nav.course { position: static; max-height: none; } }

        """
}
