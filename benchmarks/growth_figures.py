"""`bench_growth`'s figures as a table and as a chart: page times, the import, the rebuild and the sizes against the
archive's size, for each database measured. matplotlib is imported by the chart only, from the benchmarks' own
requirements."""

# The page types drawn, of those `bench_growth` times: one of each kind, so that the lines stay readable.
DRAWN = [
    "home",
    "all articles",
    "search, a common word",
    "a person",
    "a year",
    "an article (a lead with similar items)",
    "Atom feed",
    "sitemap",
    "OAI-PMH ListRecords",
    "API list",
]
STYLES = {"sqlite": "-", "postgresql": "--"}
NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


def table(figures):
    """The figures as a Markdown table: a row a measure, a column a size, and a page's time at the largest size
    against its time at the one before."""
    sizes = figures["sizes"]
    last, before = sizes[-1], sizes[max(len(sizes) - 2, 0)]
    ratio = f"{last['articles']:,} / {before['articles']:,}"
    lines = [
        f"| {NAMES[figures['database']]} | "
        + " | ".join(f"{size['articles']:,} articles" for size in sizes)
        + f" | {ratio} |",
        "| --- |" + " ---: |" * (len(sizes) + 1),
    ]

    def row(label, values):
        lines.append(f"| {label} | " + " | ".join(values) + " |")

    for index, page in enumerate(sizes[0]["pages"]):
        times = [f"{size['pages'][index]['median_ms']:.1f} ms ({size['pages'][index]['queries']} q)" for size in sizes]
        growth = last["pages"][index]["median_ms"] / before["pages"][index]["median_ms"]
        row(page["page"], [*times, f"{growth:.2f}"])
    row("importing the next pages, articles/s", [f"{rate(size['import']):,.0f}" for size in sizes] + [""])
    row("… peak memory: own data, index files mapped, both", [memory(size["import"]) for size in sizes] + [""])
    row("`rebuild_index`", [f"{size['rebuild']['seconds']:,.1f} s" for size in sizes] + [""])
    row("… peak memory", [f"{size['rebuild']['peak_mib']:,} MiB" for size in sizes] + [""])
    row("database", [f"{size['database_bytes'] / 2**20:,.0f} MiB" for size in sizes] + [""])
    row("read index", [f"{size['index_bytes'] / 2**20:,.0f} MiB" for size in sizes] + [""])
    return lines


def rate(imported):
    return imported["articles"] / imported["seconds"]


def memory(imported):
    own = imported.get("own_peak_mib", max(imported["own_mib"]))
    mapped = imported.get("mapped_peak_mib", imported["mapped_mib"])
    return f"{own}, {mapped}, {imported['process_peak_mib']} MiB"


def draw(runs, path):
    """Write the chart of `runs` (the parsed JSON files) as SVG to `path`, the same bytes for the same figures."""
    import matplotlib

    matplotlib.use("svg")
    from matplotlib import pyplot

    matplotlib.rcParams.update({"svg.hashsalt": "growth", "svg.fonttype": "none", "font.size": 9})
    figure, ((pages, imports), (rebuilds, sizes)) = pyplot.subplots(2, 2, figsize=(11, 8.5), layout="constrained")
    colours = dict(zip(DRAWN, matplotlib.colormaps["tab10"].colors, strict=True))
    for run in runs:
        style, name = STYLES[run["database"]], NAMES[run["database"]]
        articles = [size["articles"] for size in run["sizes"]]
        for label in DRAWN:
            times = [_page(size, label)["median_ms"] for size in run["sizes"]]
            pages.plot(articles, times, style, marker="o", color=colours[label], label=f"{label} ({name})")
        rates = [rate(size["import"]) for size in run["sizes"]]
        imports.plot(articles, rates, style, marker="o", color="tab:blue", label=f"articles a second ({name})")
        peaks = [size["import"]["process_peak_mib"] for size in run["sizes"]]
        imports.plot(articles, peaks, style, marker="s", color="tab:red", label=f"peak memory, MiB ({name})")
        seconds = [size["rebuild"]["seconds"] for size in run["sizes"]]
        rebuilds.plot(articles, seconds, style, marker="o", color="tab:green", label=f"rebuild_index ({name})")
        for key, colour, what in (("database_bytes", "tab:purple", "database"), ("index_bytes", "tab:orange", "index")):
            megabytes = [size[key] / 2**20 for size in run["sizes"]]
            sizes.plot(articles, megabytes, style, marker="o", color=colour, label=f"{what} ({name})")
    _axes(pages, "Pages in process, page cache off", "median, ms", log_y=True, columns=2)
    _axes(imports, "Importing the next 2,000 pages", "articles a second; MiB")
    imports.axhline(400, color="tab:blue", linewidth=0.5, linestyle=":")
    imports.axhline(200, color="tab:red", linewidth=0.5, linestyle=":")
    _axes(rebuilds, "rebuild_index", "seconds", log_y=True)
    rebuilds.axhline(600, color="tab:green", linewidth=0.5, linestyle=":")
    _axes(sizes, "On disk", "MiB", log_y=True)
    figure.suptitle("The archive from 10,000 to 1,000,000 articles (solid: SQLite; dashed: PostgreSQL; dotted: aims)")
    figure.savefig(path, format="svg", metadata={"Date": None})
    pyplot.close(figure)


def _page(size, label):
    return next(page for page in size["pages"] if page["page"] == label)


def _axes(axes, title, unit, log_y=False, columns=1):
    axes.set_title(title)
    axes.set_xscale("log")
    if log_y:
        axes.set_yscale("log")
    axes.set_xlabel("articles in the archive")
    axes.set_ylabel(unit)
    axes.grid(True, which="major", linewidth=0.3)
    axes.legend(fontsize=6 if columns > 1 else 7, ncols=columns)
