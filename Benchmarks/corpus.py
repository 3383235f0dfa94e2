#!/usr/bin/env python3
"""Writes a deterministic synthetic bilingual report, as a Rapporteur project and as a Hugo site.

    python3 Benchmarks/corpus.py --seed 1 --pairs 5000 --out /tmp/rapporteur-bench/corpus-5000

makes OUT/rapporteur/ (content/site.yaml, content/zh-Hant/NNNN-slug.md, content/en/NNNN-slug.md,
content/tables/ copied from this repository, the theme built in) and OUT/hugo/ (the same pages, a
multilingual config and minimal layouts: table of contents, language switch, previous / next).

The same seed and pair count always give byte-identical files. Pages are 4-8 KB of Markdown;
the Chinese pages are mostly CJK text; each has 3-8 headings with explicit ids, lists, emphasis,
links to headings of other chapters (all of which resolve) and now and then a `table NAME` block.

The real tables name chapters by slug in their `source:` fields, so the first chapters take those
slugs and carry the headings they point at. That needs at least as many pairs as there are such
slugs (18 for the TEL53 tables).

By default the project overrides the built-in chapter.mustache with one that loses its list of all chapters (a chapter-nav
`<nav>` on every chapter page makes output grow with the square of the chapter count, and the
benchmark compares a table of contents and a language switch, as the Hugo layouts render);
`--nav full` keeps the templates verbatim and gives the Hugo layouts the same list.
"""

import argparse
import json
import random
import re
import shutil
import sys
from pathlib import Path

# The built-in theme, in the repository.
THEME = "Sources/Rapporteur/Theme"

GENERATOR_VERSION = 2

# Vocabulary: phrases in the register of the TEL53 report. Kept here, not read from content/,
# so the corpus does not change when the report's text does.
ZH_TERMS = """
電信 資訊 工作小組 會議 大會 經濟體 代表團 指導分組 專案小組 研討會 寬頻 網路 行動通訊 頻譜 管理
政策 法規 監理 架構 基礎建設 光纖 骨幹 網際網路 物聯網 資通安全 網路安全 數位經濟 電子商務 中小企業
數位包容 偏鄉 公共無線網路 互通性 標準 驗證 相互承認協議 計畫 提案 經費 預算 秘書處 主席 副主席 召集人
報告 討論 決議 建議 合作 交流 經驗 分享 發展 推動 促進 強化 提升 建立 規劃 執行 評估 檢討 成果 挑戰
機會 趨勢 市場 競爭 投資 創新 應用 服務 平台 技術 資料 隱私 保護 消費者 使用者 業者 政府 民間 學術
國際 區域 亞太 整合 連結 人與物 普及 接取 品質 資費 頻寬 容量 覆蓋率 用戶數 成長率 統計 調查 指標
""".split()
ZH_VERBS = "指出 表示 說明 強調 認為 建議 提出 報告 分享 介紹 呼籲 期盼 回應 補充".split()
ZH_SUBJECTS = """
我國代表 秘魯代表 美國代表 日本代表 澳洲代表 中國大陸代表 越南代表 菲律賓代表 墨西哥代表 俄羅斯代表
會議主席 秘書處 各經濟體 與會代表 講者 召集人 本分組 本專案小組 主辦經濟體 工作小組
""".split()
ZH_CONNECTORS = "並 且 同時 此外 因此 然而 亦 另 進一步 目前 未來 近年來 在此 透過 為了".split()
ASCII_TERMS = "APEC TEL DSG LSG SPSG IoT 5G IPv6 ICT OECD ITU MRA CA&MRA AHSGIE LTE Wi-Fi".split()

EN_WORDS = """
the of and to in a on for with by as that from at is was are be this which an their its it
telecommunications information working group meeting plenary economy economies delegation
steering task force workshop broadband network networks mobile spectrum management policy
regulation regulatory framework infrastructure fibre backbone internet things security
cybersecurity digital commerce small medium enterprises inclusion rural public wireless access
interoperability standards conformity assessment mutual recognition arrangement project proposal
funding budget secretariat chair vice convenor report discussion decision recommendation
cooperation exchange experience sharing development promote strengthen improve establish plan
implement evaluate review outcome challenge opportunity trend market competition investment
innovation application service platform technology data privacy protection consumer user operator
government private sector academic international regional integration connectivity coverage
quality price bandwidth capacity subscribers growth rate statistics survey indicator members
representatives session agenda priority areas capacity building emergency disaster resilience
""".split()
EN_SUBJECTS = """
Chinese Taipei|Peru|The United States|Japan|Australia|China|Viet Nam|The Philippines|Mexico|Russia|
The Chair|The Secretariat|The economies|The delegates|The speaker|The convenor|The steering group|
The task force|The host economy|The working group
""".replace("\n", "").split("|")
EN_VERBS = "noted said explained stressed considered recommended proposed reported shared introduced urged hoped replied added".split()

TOPIC_WORDS = """
spectrum broadband fibre backbone iot security privacy wifi inclusion mra standards roaming
satellite cloud data policy regulation market ipv6 5g emergency rural smes commerce testing
""".split()


def main(argv=None):
    parser = argparse.ArgumentParser(description="Write a synthetic bilingual report as a Rapporteur project and a Hugo site.")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--pairs", type=int, required=True, help="chapter pairs (pages = 2 x pairs)")
    parser.add_argument("--out", type=Path, required=True, help="folder to write (replaced)")
    parser.add_argument("--repo", type=Path, default=Path(__file__).resolve().parent.parent,
                        help="the Rapporteur repository whose content/site.yaml, content/tables and theme are copied")
    parser.add_argument("--nav", choices=["none", "full"], default="none",
                        help="none: drop the all-chapters list from chapter pages (default); full: keep the templates verbatim")
    args = parser.parse_args(argv)
    write_corpus(args.seed, args.pairs, args.out, args.repo, args.nav)


def write_corpus(seed, pairs, out, repo, nav):
    tables_dir = repo / "content" / "tables"
    table_names = sorted(p.stem for p in tables_dir.glob("*.yaml"))
    required = required_anchors(tables_dir)
    if pairs < len(required):
        sys.exit(f"--pairs must be at least {len(required)}: the tables' source fields name that many chapters")
    if out.exists():
        shutil.rmtree(out)
    rap = out / "rapporteur"
    hugo = out / "hugo"
    chapters = plan_chapters(seed, pairs, required)
    width = max(4, len(str(pairs)))
    for chapter in chapters:
        chapter["file"] = f"{chapter['number']:0{width}d}-{chapter['slug']}.md"

    copy_project_files(repo, rap, nav)
    write_hugo_scaffold(repo, hugo, nav)
    sizes = []
    for chapter in chapters:
        skeleton = plan_body(seed, chapter, chapters, table_names)
        for lang in ("zh-Hant", "en"):
            body = render_body(seed, chapter, skeleton, lang)
            text = front_matter(chapter, lang) + body
            write(rap / "content" / lang / chapter["file"], text)
            sizes.append(len(text.encode("utf-8")))
            hugo_text = hugo_front_matter(chapter, lang) + hugo_body(body)
            write(hugo / "content" / lang.lower() / chapter["file"], hugo_text)
    stats = {
        "generator": GENERATOR_VERSION, "seed": seed, "pairs": pairs, "pages": 2 * pairs, "nav": nav,
        "markdown_bytes": sum(sizes), "min_page_bytes": min(sizes), "max_page_bytes": max(sizes),
    }
    write(out / "corpus.json", json.dumps(stats, indent=2) + "\n")
    print(f"wrote {out}: {2 * pairs} pages, {sum(sizes) / 1e6:.1f} MB of Markdown, "
          f"pages {min(sizes)}-{max(sizes)} bytes")


# MARK: - Planning

def required_anchors(tables_dir):
    """The chapter slugs and heading ids that the tables' `source:` fields point at."""
    required = {}
    for path in sorted(tables_dir.glob("*.yaml")):
        for match in re.finditer(r"^\s*-?\s*source:\s*([a-z0-9-]+)(?:#([a-z0-9-]+))?\s*$", path.read_text(encoding="utf-8"), re.M):
            anchors = required.setdefault(match.group(1), set())
            if match.group(2):
                anchors.add(match.group(2))
    return {slug: sorted(anchors) for slug, anchors in sorted(required.items())}


def plan_chapters(seed, pairs, required):
    """Numbers, slugs, titles and heading ids of every chapter (links need them all up front)."""
    chapters = []
    required_slugs = list(required)
    for number in range(1, pairs + 1):
        rng = random.Random(f"{seed}:plan:{number}")
        if number <= len(required_slugs):
            slug = required_slugs[number - 1]
            ids = list(required[slug])
        else:
            slug = "-".join(rng.sample(TOPIC_WORDS, 2)) + f"-{number}"
            ids = []
        count = max(len(ids), rng.randint(3, 8))
        while len(ids) < count:
            candidate = "-".join(rng.sample(TOPIC_WORDS, rng.randint(1, 2)))
            if candidate not in ids:
                ids.append(candidate)
        levels = [2] + [3 if rng.random() < 0.3 else 2 for _ in ids[1:]]
        chapters.append({
            "number": number, "slug": slug, "ids": ids, "levels": levels,
            "title_zh": zh_phrase(rng, 2, 4), "title_en": en_title(rng),
        })
    return chapters


def plan_body(seed, chapter, chapters, table_names):
    """The block structure shared by both languages: sections, block kinds and link targets."""
    rng = random.Random(f"{seed}:body:{chapter['number']}")
    sections = []
    for index, (anchor, level) in enumerate(zip(chapter["ids"], chapter["levels"])):
        blocks = []
        for _ in range(rng.randint(1, 3) if len(chapter["ids"]) <= 8 else 1):
            roll = rng.random()
            if roll < 0.62:
                blocks.append(("p", plan_links(rng, chapter, chapters)))
            elif roll < 0.80:
                blocks.append(("ul", rng.randint(2, 5)))
            elif roll < 0.92:
                blocks.append(("ol", rng.randint(2, 4)))
            else:
                blocks.append(("quote", plan_links(rng, chapter, chapters)))
        if rng.random() < 0.03:
            blocks.append(("table", rng.choice(table_names)))
        names = rng.sample(ASCII_TERMS, rng.choice([0, 1, 1, 2, 3]))
        sections.append({"id": anchor, "level": level, "blocks": blocks, "names": names})
    # Every page links to at least one other chapter.
    first = sections[0]["blocks"]
    first.insert(0, ("p", [("chapter", *pick_target(rng, chapter, chapters))] + plan_links(rng, chapter, chapters)))
    return sections


def plan_links(rng, chapter, chapters):
    links = []
    for _ in range(3):
        roll = rng.random()
        if roll < 0.18:
            links.append(("chapter", *pick_target(rng, chapter, chapters)))
        elif roll < 0.26:
            links.append(("anchor", None, rng.choice(chapter["ids"])))
    return links


def pick_target(rng, chapter, chapters):
    while True:
        target = rng.choice(chapters)
        if target is not chapter or len(chapters) == 1:
            return target["file"], rng.choice(target["ids"] + [None])


# MARK: - Text

def zh_phrase(rng, low, high):
    return "".join(rng.choice(ZH_TERMS) for _ in range(rng.randint(low, high)))


def zh_sentence(rng):
    clauses = []
    for index in range(rng.randint(2, 4)):
        clause = zh_phrase(rng, 2, 5)
        if index == 0:
            clause = rng.choice(ZH_SUBJECTS) + rng.choice(ZH_VERBS) + clause
        else:
            clause = rng.choice(ZH_CONNECTORS) + clause
        clauses.append(clause)
    return "，".join(clauses) + "。"


def en_title(rng):
    words = [w for w in rng.sample(EN_WORDS, 6) if len(w) > 3][:4] or ["report"]
    return " ".join(words).capitalize()


def en_sentence(rng):
    words = [rng.choice(EN_WORDS) for _ in range(rng.randint(8, 20))]
    return f"{rng.choice(EN_SUBJECTS)} {rng.choice(EN_VERBS)} that " + " ".join(words) + "."


def names_sentence(names, lang):
    if lang == "zh-Hant":
        return "本節提及 " + " 與 ".join(names) + " 等相關議題。"
    return "This section concerns " + " and ".join(names) + "."


def decorate(rng, sentence, lang):
    """Emphasis and strong emphasis on a few sentences."""
    roll = rng.random()
    if roll < 0.08:
        return f"*{sentence}*"
    if roll < 0.13:
        return f"**{sentence}**"
    return sentence


def link_text(rng, lang):
    return zh_phrase(rng, 1, 3) if lang == "zh-Hant" else " ".join(rng.choice(EN_WORDS) for _ in range(rng.randint(2, 4)))


def render_link(rng, link, lang):
    kind, file, anchor = link
    text = link_text(rng, lang)
    if kind == "anchor":
        return f"[{text}](#{anchor})"
    return f"[{text}]({file}{'#' + anchor if anchor else ''})"


def render_body(seed, chapter, skeleton, lang):
    """The Markdown body, grown sentence by sentence until the page reaches its target size."""
    rng = random.Random(f"{seed}:{lang}:{chapter['number']}")
    sentence = zh_sentence if lang == "zh-Hant" else en_sentence
    target = rng.randint(4096, 8192 - 600)
    # Each paragraph is a list of pieces; lists are lists of items.
    blocks = []
    for section in skeleton:
        title = zh_phrase(rng, 2, 4) if lang == "zh-Hant" else en_title(rng)
        start = len(blocks)
        blocks.append(["heading", "#" * section["level"] + f" {title} {{#{section['id']}}}"])
        for kind, detail in section["blocks"]:
            if kind in ("p", "quote"):
                pieces = [decorate(rng, sentence(rng), lang)]
                # Links keep their order, so that both languages have them in the same order.
                position = 0
                for link in detail:
                    position = rng.randint(position, len(pieces))
                    pieces.insert(position, render_link(rng, link, lang))
                    position += 1
                blocks.append([kind, pieces])
            elif kind in ("ul", "ol"):
                items = [decorate(rng, sentence(rng), lang) for _ in range(detail)]
                blocks.append([kind, items])
            else:
                blocks.append(["table", f"```table {detail}\n```"])
        if section["names"]:
            # The same Latin names in both languages' sections, as a translation keeps them.
            text_block = next((b for b in blocks[start + 1:] if b[0] in ("p", "quote", "ul", "ol")), None)
            if text_block:
                text_block[1].insert(0, names_sentence(section["names"], lang))
            else:
                blocks.append(["p", [names_sentence(section["names"], lang)]])
    size = len(front_matter(chapter, lang).encode()) + sum(len(block_text(b, lang).encode()) + 1 for b in blocks)
    paragraphs = [b for b in blocks if b[0] in ("p", "quote")]
    while size < target:
        extra = decorate(rng, sentence(rng), lang)
        rng.choice(paragraphs)[1].append(extra)
        size += len(extra.encode()) + (0 if lang == "zh-Hant" else 1)
    return "\n".join(block_text(b, lang) for b in blocks)


def block_text(block, lang):
    kind, value = block
    joiner = "" if lang == "zh-Hant" else " "
    if kind == "p":
        return joiner.join(value) + "\n"
    if kind == "quote":
        return "> " + joiner.join(value) + "\n"
    if kind == "ul":
        return "".join(f"- {item}\n" for item in value)
    if kind == "ol":
        return "".join(f"{n}. {item}\n" for n, item in enumerate(value, 1))
    return value + "\n"


def front_matter(chapter, lang):
    title = chapter["title_zh"] if lang == "zh-Hant" else chapter["title_en"]
    return f"---\ntitle: {title}\ndescription: {title} ({chapter['number']})\n---\n\n"


# MARK: - Hugo

def hugo_front_matter(chapter, lang):
    title = chapter["title_zh"] if lang == "zh-Hant" else chapter["title_en"]
    return (f"---\ntitle: {title}\ndescription: {title} ({chapter['number']})\n"
            f"slug: {chapter['slug']}\nweight: {chapter['number']}\n---\n\n")


def hugo_body(body):
    """Hugo reads the table name from a code-block attribute rather than the info string's second word."""
    return re.sub(r"^```table ([a-z0-9-]+)$", r'```table {name="\1"}', body, flags=re.M)


def write_hugo_scaffold(repo, hugo, nav):
    languages = {"zh-Hant": ("zh-hant", "中文", 1), "en": ("en", "English", 2)}
    config = [
        'baseURL = "https://example.org/"',
        'title = "Benchmark report"',
        'defaultContentLanguage = "zh-hant"',
        "defaultContentLanguageInSubdir = true",
        'disableKinds = ["taxonomy", "term", "RSS"]',
        "enableRobotsTXT = true",
        "[markup.tableOfContents]",
        "  startLevel = 2",
        "  endLevel = 3",
        "[params]",
        f"  fullNav = {'true' if nav == 'full' else 'false'}",
    ]
    for code, (key, name, weight) in languages.items():
        config += [f"[languages.{key}]", f'  languageCode = "{code}"', f'  languageName = "{name}"',
                   f"  weight = {weight}", f'  contentDir = "content/{key}"', f"  [languages.{key}.params]",
                   f'    code = "{code}"']
    write(hugo / "config.toml", "\n".join(config) + "\n")
    for path in sorted((repo / "content" / "tables").glob("*.yaml")):
        shutil.copyfile(path, make_parent(hugo / "data" / "tables" / path.name))
    for name, text in HUGO_LAYOUTS.items():
        write(hugo / "layouts" / name, text.lstrip("\n"))
    shutil.copytree(repo / THEME / "assets", hugo / "static" / "assets")


HUGO_LAYOUTS = {
    "_default/baseof.html": """
<!DOCTYPE html>
<html lang="{{ .Language.Params.code }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} | {{ .Site.Title }}</title>
<meta name="description" content="{{ .Description }}">
<link rel="canonical" href="{{ .Permalink }}">
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Params.code }}" href="{{ .Permalink }}">
{{ end }}<link rel="stylesheet" href="{{ "assets/style.css" | relURL }}">
</head>
<body>
<a class="skip-link" href="#main">Skip</a>
<header class="site-header">
<a class="site-title" href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a>
<nav class="language-switch">
{{ range .Translations }}<a href="{{ .RelPermalink }}" hreflang="{{ .Language.Params.code }}" lang="{{ .Language.Params.code }}">{{ .Language.LanguageName }}</a>
{{ end }}</nav>
</header>
{{ block "main" . }}{{ end }}
</body>
</html>
""",
    "_default/single.html": """
{{ define "main" }}
<div class="page chapter-page">
{{ if .Site.Params.fullNav }}<nav class="chapter-nav"><ol>
{{ $current := . }}{{ range .Site.RegularPages }}<li><a href="{{ .RelPermalink }}"{{ if eq . $current }} aria-current="page"{{ end }}>{{ .Title }}</a></li>
{{ end }}</ol></nav>{{ end }}
<main id="main">
<article class="chapter">
<h1>{{ .Title }}</h1>
<nav class="toc">{{ .TableOfContents }}</nav>
<div class="chapter-body">
{{ .Content }}
</div>
</article>
<nav class="pager">
{{ with .NextInSection }}<a class="previous" rel="prev" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
{{ with .PrevInSection }}<a class="next" rel="next" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
</nav>
</main>
</div>
{{ end }}
""",
    "_default/list.html": """
{{ define "main" }}
<main id="main">
<h1>{{ .Site.Title }}</h1>
<ol>
{{ range .Site.RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Description }}</li>
{{ end }}</ol>
</main>
{{ end }}
""",
    "_default/_markup/render-link.html": """
{{- $href := .Destination -}}
{{- $u := urls.Parse .Destination -}}
{{- if and (not $u.IsAbs) (strings.HasSuffix $u.Path ".md") -}}
{{- with $.Page.GetPage (strings.TrimSuffix ".md" $u.Path) -}}
{{- $href = .RelPermalink -}}{{- with $u.Fragment -}}{{- $href = printf "%s#%s" $href . -}}{{- end -}}
{{- else -}}{{- errorf "broken link %q in %s" $.Destination $.Page.File.Path -}}{{- end -}}
{{- end -}}
<a href="{{ $href }}">{{ .Text | safeHTML }}</a>
{{- /* */ -}}
""",
    "_default/_markup/render-codeblock-table.html": """
{{- $table := index site.Data.tables .Attributes.name -}}
{{- $lang := .Page.Language.Params.code -}}
<table class="data-table">
<caption>{{ index $table.caption $lang }}</caption>
<thead><tr>{{ range $table.columns }}<th scope="col">{{ index .label $lang }}</th>{{ end }}</tr></thead>
<tbody>
{{ range $row := $table.rows }}<tr>{{ range $table.columns }}{{ $v := index $row .id }}<td>{{ if reflect.IsMap $v }}{{ index $v $lang }}{{ else }}{{ $v }}{{ end }}</td>{{ end }}</tr>
{{ end }}</tbody>
</table>
""",
}


# MARK: - Rapporteur project

def copy_project_files(repo, rap, nav):
    shutil.copyfile(repo / "content" / "site.yaml", make_parent(rap / "content" / "site.yaml"))
    shutil.copytree(repo / "content" / "tables", rap / "content" / "tables")
    copy_table_exceptions(repo / "content" / "integrity-exceptions.yaml", rap / "content" / "integrity-exceptions.yaml")
    if nav == "none":
        # The built-in chapter template without the list, as the project's own override.
        text = (repo / THEME / "chapter.mustache").read_text(encoding="utf-8")
        stripped = re.sub(r'<nav class="chapter-nav".*?</nav>\n', "", text, count=1, flags=re.S)
        if stripped == text:
            sys.exit(f"{THEME}/chapter.mustache has no <nav class=\"chapter-nav\"> to drop; use --nav full or update corpus.py")
        write(make_parent(rap / "Templates" / "chapter.mustache"), stripped)


def copy_table_exceptions(source, target):
    """The real report's integrity exceptions for its tables (those for its chapters would be unused here)."""
    if not source.exists():
        return
    entries = re.split(r"^(?=- )", source.read_text(encoding="utf-8"), flags=re.M)[1:]
    kept = [e for e in entries if re.match(r"- chapter: *[\"']?tables/", e)]
    if kept:
        write(target, "# The table entries of the real content/integrity-exceptions.yaml.\n" + "".join(kept))


def make_parent(path):
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def write(path, text):
    make_parent(path).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
