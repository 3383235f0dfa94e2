#!/usr/bin/env python3
"""Writes a deterministic synthetic library of reports, as a Rapporteur library and as a Hugo site.

    python3 Benchmarks/library_corpus.py --reports 200 --chapters 25 --out /tmp/rapporteur-bench/library-200x25

makes OUT/rapporteur/, a library project (content/site.yaml, content/glossary.yaml,
content/meetings/SERIES.yaml, content/reports/ID/{report.yaml,tables/,zh-Hant/,en/}), and OUT/hugo/,
the same pages as a multilingual Hugo site (content/<lang>/ID/NN-slug.md, one section per report,
each report's tables as data files, minimal layouts). Pages = reports x chapters x 2.

The text comes from corpus.py's generators (the Chinese pages mostly Han characters). Meetings
belong to 4 series held 2-3 times a year from 2000 to 2025; each report is on one of them, and
the meetings without a report are listed in their series' file. Every report has a hosting
roster (a `meeting` column naming the next meetings of its series) and some a second table;
about one chapter in three links to a heading of another report's chapter, by relative file
path. Every link resolves. The same arguments always give byte-identical files.
"""

import argparse
import json
import math
import random
import re
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402
from corpus import write  # noqa: E402

GENERATOR_VERSION = 1
FIRST_YEAR, LAST_YEAR = 2000, 2025

# Series: file name, names per language, organising body, meetings a year, first number.
SERIES = [
    ("apec-tel", ("APEC 電信暨資訊工作小組", "APEC Telecommunications and Information Working Group"),
     ("APEC TEL", "APEC TEL"), ("亞太經濟合作", "Asia-Pacific Economic Cooperation"), 2, 21),
    ("sample-forum", ("範例區域數位論壇", "Sample Regional Digital Forum"), ("範例論壇", "Sample Forum"),
     ("範例區域組織", "Sample Regional Organisation"), 2, 1),
    ("sample-spectrum", ("範例頻譜管理研討會", "Sample Spectrum Management Workshop"), ("範例頻譜研討會", "Sample Spectrum Workshop"),
     ("範例電信聯盟", "Sample Telecommunication Union"), 3, 1),
    ("sample-security", ("範例資通安全會議", "Sample Cybersecurity Meeting"), ("範例資安會議", "Sample Cyber Meeting"),
     ("範例區域組織", "Sample Regional Organisation"), 2, 1),
]
PLACES = [("甲市", "Alpha City"), ("乙市", "Beta City"), ("丙市", "Gamma City"), ("丁市", "Delta City"),
          ("戊市", "Epsilon City"), ("己市", "Zeta City"), ("庚市", "Eta City"), ("辛市", "Theta City")]
HOSTS = [("甲經濟體", "Economy A"), ("乙經濟體", "Economy B"), ("丙經濟體", "Economy C"), ("丁經濟體", "Economy D"),
         ("戊經濟體", "Economy E"), ("己經濟體", "Economy F")]
LANGUAGES = ("zh-Hant", "en")


def main(argv=None):
    parser = argparse.ArgumentParser(description="Write a synthetic library of reports as a Rapporteur library and a Hugo site.")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--reports", type=int, default=200, help="reports (default 200)")
    parser.add_argument("--chapters", type=int, default=25, help="chapter pairs per report (default 25; pages = 2 x reports x chapters)")
    parser.add_argument("--out", type=Path, required=True, help="folder to write (replaced)")
    parser.add_argument("--repo", type=Path, default=Path(__file__).resolve().parent.parent,
                        help="the Rapporteur repository whose content/tables/glossary.yaml and theme assets are used")
    args = parser.parse_args(argv)
    write_library(args.seed, args.reports, args.chapters, args.out, args.repo)


def write_library(seed, report_count, chapter_count, out, repo):
    if report_count < 2 or chapter_count < 2:
        sys.exit("--reports and --chapters must be at least 2")
    if out.exists():
        shutil.rmtree(out)
    rap, hugo = out / "rapporteur" / "content", out / "hugo"
    meetings = plan_meetings(seed, report_count)
    reports = [m for m in meetings if m["report"]]
    for report in reports:
        report["chapters"] = plan_report_chapters(seed, report, chapter_count)

    write_site(rap, repo)
    for series in SERIES:
        write(rap / "meetings" / f"{series[0]}.yaml", series_yaml(series, [m for m in meetings if m["series"] == series[0]]))
    write_hugo_scaffold(repo, hugo)
    sizes = []
    for report in reports:
        folder = rap / "reports" / report["id"]
        write(folder / "report.yaml", report_yaml(report))
        tables = report_tables(seed, report, meetings)
        for name, text in tables.items():
            write(folder / "tables" / f"{name}.yaml", text)
            write(hugo / "data" / "tables" / report["id"] / f"{name}.yaml", text)
        for lang in LANGUAGES:
            write(hugo / "content" / lang.lower() / report["id"] / "_index.md",
                  f"---\ntitle: \"{report['title'][lang]}\"\nweight: {report['order']}\n---\n")
        for chapter in report["chapters"]:
            skeleton = corpus.plan_body(report["seed"], chapter, report["chapters"], sorted(tables))
            add_cross_report_link(seed, report, chapter, skeleton, reports)
            for lang in LANGUAGES:
                body = corpus.render_body(report["seed"], chapter, skeleton, lang).replace("@LANG@", lang)
                text = corpus.front_matter(chapter, lang) + body
                write(folder / lang / chapter["file"], text)
                sizes.append(len(text.encode("utf-8")))
                hugo_text = corpus.hugo_front_matter(chapter, lang) + hugo_body(body)
                write(hugo / "content" / lang.lower() / report["id"] / chapter["file"], hugo_text)
    stats = {
        "generator": GENERATOR_VERSION, "seed": seed, "reports": len(reports), "chapters": chapter_count,
        "pages": len(sizes), "meetings": len(meetings), "series": len(SERIES),
        "years": sorted({r["year"] for r in reports}), "markdown_bytes": sum(sizes),
        "min_page_bytes": min(sizes), "max_page_bytes": max(sizes),
        "sample_chapter": str(Path("content/reports") / reports[len(reports) // 2]["id"] / "en" / reports[len(reports) // 2]["chapters"][chapter_count // 2]["file"]),
    }
    write(out / "library.json", json.dumps(stats, indent=2) + "\n")
    print(f"wrote {out}: {len(reports)} reports x {chapter_count} chapter pairs = {len(sizes)} pages, "
          f"{len(meetings)} meetings in {len(SERIES)} series, {sum(sizes) / 1e6:.1f} MB of Markdown")


# MARK: - Planning

def plan_meetings(seed, report_count):
    """Every meeting of every series, 2000-2025, in date order per series; `report_count` of them have a report."""
    years = LAST_YEAR - FIRST_YEAR + 1
    per_year = sum(s[4] for s in SERIES)
    scale = max(1, math.ceil(report_count / (years * per_year) * 1.15))
    meetings = []
    for name, _, _, _, yearly, first in SERIES:
        rng = random.Random(f"{seed}:series:{name}")
        number = first
        count = yearly * scale
        for year in range(FIRST_YEAR, LAST_YEAR + 1):
            for index in range(count):
                # Meetings spread through the year, each 3-5 days.
                month = 1 + (index * 12) // count + rng.randint(0, max(0, 12 // count - 1))
                day = rng.randint(1, 23)
                length = rng.randint(2, 4)
                meetings.append({
                    "series": name, "number": number, "year": year,
                    "dates": f"{year}-{month:02d}-{day:02d}/{year}-{month:02d}-{day + length:02d}",
                    "place": rng.choice(PLACES), "host": rng.choice(HOSTS), "report": False,
                })
                number += 1
    rng = random.Random(f"{seed}:reports")
    for order, meeting in enumerate(sorted(rng.sample(meetings, report_count), key=lambda m: (m["dates"], m["series"]))):
        meeting["report"] = True
        meeting["order"] = order + 1
        meeting["id"] = f"{meeting['series']}-{meeting['number']}"
        meeting["seed"] = f"{seed}:{meeting['id']}"
        series = next(s for s in SERIES if s[0] == meeting["series"])
        short = series[2]
        space = " " if series[1][0][0].isascii() else ""
        meeting["title"] = {
            "zh-Hant": f"(範例) 出席{space}{series[1][0]}第 {meeting['number']} 次會議報告",
            "en": f"(Sample) Report on meeting {meeting['number']} of the {series[1][1]}",
        }
        meeting["short"] = {"zh-Hant": f"{short[0]} {meeting['number']}", "en": f"{short[1]} {meeting['number']}"}
    return meetings


def plan_report_chapters(seed, report, chapter_count):
    """corpus.py's chapter plan (slugs, titles, heading ids) for one report, with NN-slug.md file names."""
    chapters = corpus.plan_chapters(report["seed"], chapter_count, {})
    width = max(2, len(str(chapter_count)))
    for chapter in chapters:
        chapter["file"] = f"{chapter['number']:0{width}d}-{chapter['slug']}.md"
    return chapters


def add_cross_report_link(seed, report, chapter, skeleton, reports):
    """About one chapter in three links to a heading of another report's chapter (the previous
    meeting of the same series when the library has it), as `../../ID/@LANG@/NN-slug.md#id`."""
    rng = random.Random(f"{seed}:cross:{report['id']}:{chapter['number']}")
    if rng.random() >= 0.34:
        return
    same_series = [r for r in reports if r["series"] == report["series"] and r["number"] < report["number"]]
    others = [r for r in reports if r is not report]
    target = max(same_series, key=lambda r: r["number"]) if same_series and rng.random() < 0.6 else rng.choice(others)
    page = rng.choice(target["chapters"])
    link = ("chapter", f"../../{target['id']}/@LANG@/{page['file']}", rng.choice(page["ids"]))
    _, links = next((b for b in skeleton[0]["blocks"] if b[0] in ("p", "quote")), (None, None))
    if links is not None:
        links.append(link)


# MARK: - Rapporteur files

def yaml_text(value):
    """A YAML scalar in double quotes (JSON's escaping is valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def localized(pair):
    return "{zh-Hant: " + yaml_text(pair[0]) + ", en: " + yaml_text(pair[1]) + "}"


def write_site(content, repo):
    write(content / "site.yaml", "\n".join([
        "# A synthetic library of sample reports for benchmarks; none of it is a real report.",
        "baseURL: https://example.org/library/",
        "languages:",
        "  - code: zh-Hant",
        "    name: 中文",
        "    locale: zh-Hant-TW",
        "    spacesBetweenHanAndDigits: true",
        "  - code: en",
        "    name: English",
        "    locale: en-GB",
        "original: zh-Hant",
        "title: " + localized(("(範例) 出國報告文庫", "(Sample) Library of delegation reports")),
        "subtitle: " + localized(("範例機關 · 效能測試用之合成報告", "Sample Agency · synthetic reports for benchmarks")),
        "description: " + localized(("(範例) 效能測試用之合成出國報告，內容皆為虛構。", "(Sample) Synthetic delegation reports for benchmarks; all made up.")),
        "allowRawHTML: false",
        "publisher: " + localized(("範例機關", "Sample Agency")),
    ]) + "\n")
    # The real report's glossary as the library's: its rows' `source:` fields name TEL53's chapters.
    glossary = (repo / "content" / "tables" / "glossary.yaml").read_text(encoding="utf-8")
    write(content / "glossary.yaml", re.sub(r"^  source: .*\n", "", glossary, flags=re.M))


def series_yaml(series, meetings):
    name, names, short, body, _, _ = series
    lines = [f"name: {localized(names)}", f"short: {localized(short)}", f"body: {localized(body)}", "meetings:"]
    for meeting in meetings:
        if not meeting["report"]:
            lines += [f"  - number: {meeting['number']}", f"    dates: {meeting['dates']}",
                      f"    venue: {localized(meeting['place'])}", f"    host: {localized(meeting['host'])}"]
    return "\n".join(lines) + "\n"


def report_yaml(report):
    title, short = report["title"], report["short"]
    return "\n".join([
        "title: " + localized((title["zh-Hant"], title["en"])),
        "subtitle: " + localized((f"範例代表團 · {short['zh-Hant']}", f"Sample delegation · {short['en']}")),
        "description: " + localized((f"(範例) {short['zh-Hant']} 之合成報告，效能測試用。", f"(Sample) A synthetic report on {short['en']}, for benchmarks.")),
        "meeting:",
        f"  series: {report['series']}",
        f"  number: {report['number']}",
        f"  dates: {report['dates']}",
        f"  venue: {localized(report['place'])}",
        f"  host: {localized(report['host'])}",
    ]) + "\n"


def report_tables(seed, report, meetings):
    """A hosting roster of the next 3 meetings of the series (a `meeting` column), and for about
    half the reports a delegation table."""
    rng = random.Random(f"{seed}:tables:{report['id']}")
    later = [m for m in meetings if m["series"] == report["series"] and m["number"] > report["number"]][:3]
    if not later:
        later = [m for m in meetings if m["series"] == report["series"] and m["number"] < report["number"]][-3:]
    rows = []
    for meeting in later:
        rows += [f"- meeting: {meeting['series']} {meeting['number']}", f"  host: {localized(meeting['host'])}",
                 f"  venue: {localized(meeting['place'])}", f"  dates: {meeting['dates']}"]
    tables = {"hosting-roster": "\n".join([
        "caption: " + localized(("未來會議主辦安排", "Hosting of future meetings")),
        "columns:",
        "- id: meeting", "  label: " + localized(("會議", "Meeting")), "  type: meeting",
        "- id: host", "  label: " + localized(("主辦經濟體", "Host economy")), "  type: text",
        "- id: venue", "  label: " + localized(("地點", "Venue")), "  type: text",
        "- id: dates", "  label: " + localized(("日期", "Dates")), "  type: date-range",
        "rows:", *rows]) + "\n"}
    if rng.random() < 0.5:
        rows = []
        for host in rng.sample(HOSTS, rng.randint(3, 6)):
            rows += [f"- economy: {localized(host)}", f"  delegates: {rng.randint(1, 12)}"]
        tables["delegations"] = "\n".join([
            "caption: " + localized(("出席代表團", "Delegations attending")),
            "columns:",
            "- id: economy", "  label: " + localized(("經濟體", "Economy")), "  type: text",
            "- id: delegates", "  label: " + localized(("人數", "Delegates")), "  type: number",
            "totals: [delegates]",
            "rows:", *rows]) + "\n"
    return tables


# MARK: - Hugo

def hugo_body(body):
    """corpus.py's Hugo body, with links to another report's chapter as Hugo page paths
    (`/ID/NN-slug`: the language folder is Hugo's contentDir, not part of a page's path)."""
    body = re.sub(r"\]\(\.\./\.\./([a-z0-9-]+)/[A-Za-z-]+/([^)#]+)", r"](/\1/\2", body)
    return corpus.hugo_body(body)


HUGO_LAYOUTS = {
    # A chapter lists its report's chapters (the chapter list a library's chapter page has).
    "_default/single.html": corpus.HUGO_LAYOUTS["_default/single.html"].replace(
        "{{ if .Site.Params.fullNav }}", "").replace("range .Site.RegularPages", "range .CurrentSection.RegularPages").replace(
        "</ol></nav>{{ end }}", "</ol></nav>"),
    # A report's home lists its chapters; the library home lists the reports.
    "_default/list.html": """
{{ define "main" }}
<main id="main">
<h1>{{ .Title }}</h1>
<ol>
{{ range .RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Description }}</li>
{{ end }}</ol>
</main>
{{ end }}
""",
    "index.html": """
{{ define "main" }}
<main id="main">
<h1>{{ .Site.Title }}</h1>
<ol>
{{ range .Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ol>
</main>
{{ end }}
""",
    # A report's tables are data/tables/ID/NAME.yaml; the section is the report.
    "_default/_markup/render-codeblock-table.html": corpus.HUGO_LAYOUTS["_default/_markup/render-codeblock-table.html"].replace(
        "index site.Data.tables .Attributes.name", "index (index site.Data.tables .Page.Section) .Attributes.name"),
}


def write_hugo_scaffold(repo, hugo):
    config = [
        'baseURL = "https://example.org/library/"',
        'title = "Benchmark library"',
        'defaultContentLanguage = "zh-hant"',
        "defaultContentLanguageInSubdir = true",
        'disableKinds = ["taxonomy", "term", "RSS"]',
        "enableRobotsTXT = true",
        "[markup.tableOfContents]",
        "  startLevel = 2",
        "  endLevel = 3",
    ]
    for code, name, weight in [("zh-Hant", "中文", 1), ("en", "English", 2)]:
        key = code.lower()
        config += [f"[languages.{key}]", f'  languageCode = "{code}"', f'  languageName = "{name}"',
                   f"  weight = {weight}", f'  contentDir = "content/{key}"', f"  [languages.{key}.params]",
                   f'    code = "{code}"']
    write(hugo / "config.toml", "\n".join(config) + "\n")
    layouts = dict(corpus.HUGO_LAYOUTS) | HUGO_LAYOUTS
    for name, text in layouts.items():
        write(hugo / "layouts" / name, text.lstrip("\n"))
    shutil.copytree(repo / corpus.THEME / "assets", hugo / "static" / "assets")


if __name__ == "__main__":
    main()
