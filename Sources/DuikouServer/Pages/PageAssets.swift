import Hummingbird

/// The pages' one style sheet and one small script, compiled into the server.
enum PageAssets {
    static let stylesheetPath = "/assets/duikou.css"
    static let scriptPath = "/assets/duikou.js"

    /// An asset with its type, cacheable for a day.
    static func response(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "public, max-age=86400"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    static let stylesheet = """
        :root { --ink: #1a1a1a; --muted: #5a5a5a; --line: #d4d4d4; --accent: #2f4b6e; --red: #b3261e; --yellow: #8a6d00; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.5 system-ui, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; color: var(--ink); }
        header.top { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; padding: .6rem 1.2rem; background: var(--accent); color: #fff; }
        header.top a { color: #fff; }
        .brand { font-weight: bold; text-decoration: none; }
        nav { display: flex; gap: 1rem; }
        nav a[aria-current] { font-weight: bold; text-decoration: underline; }
        .who { margin-left: auto; display: flex; gap: .6rem; align-items: center; }
        .role { opacity: .85; font-size: .9em; }
        form.logout { display: inline; margin: 0; }
        main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.2rem 3rem; }
        h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
        th, td { border-bottom: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        caption { text-align: left; color: var(--muted); font-size: .9em; caption-side: bottom; }
        tr.superseded td { color: var(--muted); text-decoration: line-through; }
        .red { color: var(--red); font-weight: bold; } .yellow { color: var(--yellow); font-weight: bold; }
        .figures { display: flex; flex-wrap: wrap; gap: 1rem; }
        .figures div { border: 1px solid var(--line); padding: .5rem .8rem; min-width: 9rem; }
        .figures strong { display: block; font-size: 1.4rem; }
        svg.chart { width: 100%; height: auto; max-width: 720px; display: block; }
        form.filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; }
        form.filters label, form.record label { display: block; font-size: .9em; color: var(--muted); }
        form.record { border: 1px solid var(--line); padding: .8rem 1rem; margin: 1rem 0; max-width: 40rem; }
        form.record .field { margin-bottom: .6rem; }
        form.login { display: grid; gap: .4rem; max-width: 20rem; }
        input, select, textarea, button { font: inherit; }
        textarea { width: 100%; min-height: 4rem; }
        .error, .field-error { color: var(--red); }
        .note { color: var(--muted); font-size: .9em; }
        .pager { display: flex; gap: 1rem; }
        .voided { border: 2px solid var(--red); padding: .5rem 1rem; }
        pre.text { white-space: pre-wrap; font: inherit; margin: 0; }

        """

    /// Progressive enhancement only: a form's submit button is disabled once pressed, so a second
    /// click does not post it twice. The pages work the same without it.
    static let script = """
        document.addEventListener("submit", function (event) {
          var buttons = event.target.querySelectorAll("button[type=submit]");
          for (var i = 0; i < buttons.length; i++) { buttons[i].disabled = true; }
        });

        """
}
