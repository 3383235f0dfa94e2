#!/usr/bin/env python3
"""cmark's pathological inputs, and deeply nested YAML, through `rapporteur build` and `serve`.

    python3 Benchmarks/pathological.py [--binary .build/release/rapporteur] [--only NAME] [--markdown FILE]

The cases are cmark's own (`test/pathological_tests.py` of commonmark/cmark, at 54b2be5, June
2026: the same inputs and sizes, its commented-out "many references" and its `cmark`-only
"nested inlines" included), a block quote at and one past the nesting limit, and YAML nested
far too deep (flow lists in a table cell and in a figure, flow mappings in front matter, block
mappings by indentation in a table) and a "billion laughs" alias bomb.

Each case is put into a copy of the valid fixture project (Tests/Fixtures/
sites/valid/content; the theme is built in): a Markdown input becomes the body of
content/zh-Hant/02-spsg.md after its heading `## 資安威脅 {#threats}` (kept, since the other
chapters link to it), a YAML input a value of that chapter's front matter, of a figure block
in it, or of content/tables/funding.yaml. Then:

- build: `rapporteur build --output DIR`, killed after 10 s; the case fails when it takes over
  4 s, crashes (a signal), exits 0 without writing DIR/index.html, exits non-zero without an
  `error:` line, or does not give the expected result (built, or refused with the expected
  message at the file). Peak memory is GNU time's maximum resident set (`/usr/bin/time -f %M`,
  Debian package `time`), else os.wait4's (see `run_timed`).
- serve: one `rapporteur serve --port 0` on another copy; each input is saved as an editor
  saves (a temporary file renamed over the old one) and the chapter's page is polled until it
  shows the error overlay (id="rapporteur-errors") naming the file, or a new build with the new
  body; over 4 s fails. Then `GET /` must answer 200, the file is restored and the overlay must
  go. A server still rebuilding after 10 s must be alive; it is replaced for the next cases. The
  last one must still be running at the end; it is stopped with SIGINT (SIGKILL after 5 s).

Prints a Markdown table and ends with `pathological: N passed, M failed`; exits 1 when a case
failed, 2 when the binary is missing. Only Python's standard library; traffic stays on 127.0.0.1.
"""

import argparse
import html
import http.client
import itertools
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURE = REPO / "Tests/Fixtures/sites/valid"
CHAPTER = "content/zh-Hant/02-spsg.md"
TABLE = "content/tables/funding.yaml"
PAGE = "/zh-hant/spsg/"  # CHAPTER's page
KEPT_HEADING = "## 資安威脅 {#threats}\n\n"  # other chapters link to #threats
ORIGINAL_TEXT = "威脅包括"  # in the chapter's own body, which the Markdown cases replace
FIRST_TITLE = '  - title: {zh-Hant: 地震監測系統之 IoT 應用, en: "Earthquakes Monitoring System <IoT>"}\n'

LIMIT = 4.0  # seconds, per case, in build and in serve
KILL_AFTER = 10.0  # seconds: a build still running then is killed
POLL = 0.02  # seconds between two requests to the server
OVERLAY = 'id="rapporteur-errors"'
GNU_TIME = "/usr/bin/time"
TOO_DEEP = r"error: nested too deep"


# MARK: - Cases


@dataclass
class Case:
    """One input: `make()` gives it (made on demand, some are large), `where` says where it goes
    (see `files_for`), `refused` is None when it must build, else a pattern the first error line
    must match."""

    name: str
    where: str
    make: object
    refused: str | None = None
    text: str = field(default="", repr=False)


def hash_collisions():
    """cmark's "reference collisions": 24,999 reference definitions whose labels fall into one
    bucket of cmark's reference map, and as many uses of a label that is not defined."""

    def badhash(ref):
        h = 0
        for c in ref:
            a = (h << 6) & 0xFFFFFFFF
            b = (h << 16) & 0xFFFFFFFF
            h = (ord(c) + a + b - h) & 0xFFFFFFFF
        return h % 16 == 0

    keys = ("x%d" % i for i in itertools.count())
    collisions = itertools.islice((k for k in keys if badhash(k)), 25000)
    bad_key = next(collisions)
    return "".join("[%s]: /url\n\n[%s]\n\n" % (key, bad_key) for key in collisions)


def nested_flow_lists(depth):
    return "[" * depth + "x" + "]" * depth


def nested_flow_mappings(depth):
    return "{a: " * depth + "x" + "}" * depth


def nested_block_mappings(depth, indent):
    """`a:` mappings nested by indentation, one space a level, starting at `indent` spaces."""
    return "".join(" " * (indent + level) + "a:\n" for level in range(depth)) + " " * (indent + depth) + "x\n"


def billion_laughs():
    """Ten anchors, each a list of ten aliases of the one before: 10^9 strings once expanded."""
    lines = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n']
    for level in range(1, 10):
        lines.append(f"l{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * 10) + "]\n")
    return "".join(lines)


CMARK = [
    Case("nested strong emph", "chapter", lambda: ("*a **a " * 32500) + "b" + (" a** a*" * 32500), TOO_DEEP),
    Case("many emph closers with no openers", "chapter", lambda: "a_ " * 32500),
    Case("many emph openers with no closers", "chapter", lambda: "_a " * 32500),
    Case("many link closers with no openers", "chapter", lambda: "a]" * 32500),
    Case("many link openers with no closers", "chapter", lambda: "[a" * 32500),
    Case("mismatched openers and closers", "chapter", lambda: "*a_ " * 25000),
    Case("issue #389", "chapter", lambda: "*a " * 20000 + "_a*_ " * 20000, TOO_DEEP),
    Case("openers and closers multiple of 3", "chapter", lambda: "a**b" + ("c* " * 25000)),
    Case("link openers and emph closers", "chapter", lambda: "[ a_" * 25000),
    Case("pattern [ (]( repeated", "chapter", lambda: "[ (](" * 40000),
    # libcmark 0.30.2 takes minutes over it (fixed in cmark 0.30.3): refused before parsing.
    Case("pattern ![[]() repeated", "chapter", lambda: "![[]()" * 160000, r"error: too many images"),
    # [a*b**c*](d) links to a chapter "d", which the link check refuses.
    Case("hard link/emph case", "chapter", lambda: "**x [a*b**c*](d)", r"error: link to 'd'"),
    Case("nested brackets", "chapter", lambda: "[" * 25000 + "a" + "]" * 25000),
    Case("nested block quotes", "chapter", lambda: "> " * 25000 + "a", TOO_DEEP),
    Case("deeply nested lists", "chapter", lambda: "".join("  " * x + "* a\n" for x in range(500)), TOO_DEEP),
    Case("U+0000 in input", "chapter", lambda: "abc\u0000de\u0000"),
    Case("backticks", "chapter", lambda: "".join("e" + "`" * x for x in range(1, 2500))),
    Case("unclosed links A", "chapter", lambda: "[a](<b" * 30000),
    Case("unclosed links B", "chapter", lambda: "[a](b" * 30000),
    Case("unclosed <!--", "chapter", lambda: "</" + "<!--" * 300000),
    Case("empty lines in deeply nested lists", "chapter", lambda: "- " * 30000 + "x" + "\n" * 30000, TOO_DEEP),
    Case("empty lines in deeply nested lists in blockquote", "chapter",
         lambda: "> " + "- " * 30000 + "x\n" + ">\n" * 30000, TOO_DEEP),
    Case("emph in deep blockquote", "chapter", lambda: ">" * 100000 + "a*" * 100000, TOO_DEEP),
    Case("reference collisions", "chapter", hash_collisions),
    Case("many references", "chapter",
         lambda: "".join("[" + str(x) + "]: u\n" for x in range(1, 5000 * 16)) + "[0] " * 5000),
    # cmark tests it through its CommonMark writer; in HTML it is 10,000 nested <strong>.
    Case("nested inlines", "chapter", lambda: "*" * 20000 + "a" + "*" * 20000, TOO_DEEP),
]

LIMITS = [
    # The document is not counted: 99 block quotes and their paragraph are 100 levels.
    Case("block quotes, 100 levels", "chapter", lambda: "> " * 99 + "a"),
    Case("block quotes, 101 levels", "chapter", lambda: "> " * 100 + "a", TOO_DEEP),
]

YAML = [
    Case("YAML: 10,000 nested flow lists in a table cell", "table", lambda: nested_flow_lists(10000), TOO_DEEP),
    Case("YAML: 10,000 nested flow mappings in front matter", "front matter",
         lambda: nested_flow_mappings(10000), TOO_DEEP),
    Case("YAML: 10,000 nested flow lists in a figure", "figure", lambda: nested_flow_lists(10000), TOO_DEEP),
    Case("YAML: 5,000 nested block mappings in a table", "table", lambda: "\n" + nested_block_mappings(5000, 6),
         TOO_DEEP),
    Case("YAML: billion laughs", "table top", billion_laughs, r"error: YAML anchors and aliases are not allowed"),
]

CASES = CMARK + LIMITS + YAML


# MARK: - Placing an input


def originals(project):
    return {path: (project / path).read_text(encoding="utf-8") for path in (CHAPTER, TABLE)}


def files_for(case, original):
    """The files (relative path -> text) that carry `case.text`."""
    chapter, table = original[CHAPTER], original[TABLE]
    front, body_start = split_front_matter(chapter)
    if case.where == "chapter":
        return {CHAPTER: front + "\n" + KEPT_HEADING + case.text}
    if case.where == "front matter":
        value = "\ndescription: " + case.text + "\n"
        return {CHAPTER: front.replace("\ndescription: SPSG 會議\n", value) + body_start}
    if case.where == "figure":
        return {CHAPTER: front + body_start + "\n```figure\nnumber: 9\ncaption: " + case.text + "\n```\n"}
    if case.where == "table":  # the first row's title
        return {TABLE: table.replace(FIRST_TITLE, "  - title: " + case.text.rstrip("\n") + "\n")}
    if case.where == "table top":  # keys before the table's own, and an alias of the last in a cell
        return {TABLE: case.text + table.replace(FIRST_TITLE, "  - title: *l9\n")}
    raise ValueError(case.where)


def check_fixture(original):
    """The places `files_for` writes into must be in the fixture, or a case would test nothing."""
    front, body = split_front_matter(original[CHAPTER])
    for text, where in [("\ndescription: SPSG 會議\n", front), (ORIGINAL_TEXT, body), (KEPT_HEADING.strip(), body),
                        (FIRST_TITLE, original[TABLE])]:
        if text not in where:
            raise SystemExit(f"the fixture changed: {text.strip()!r} is gone; update Benchmarks/pathological.py")


def split_front_matter(text):
    """(the front matter with both `---` lines, the rest)."""
    end = text.index("\n---\n", 4) + len("\n---\n")
    return text[:end], text[end:]


def save(project, files):
    """Writes each file as editors do: a temporary file beside it, renamed over it."""
    for relative, text in files.items():
        path = project / relative
        temporary = path.with_name("." + path.name + ".tmp")
        temporary.write_text(text, encoding="utf-8")
        os.rename(temporary, path)


def read(path):
    return path.read_text(encoding="utf-8", errors="replace")


def copy_project(destination):
    destination.mkdir()
    shutil.copytree(FIXTURE / "content", destination / "content")
    return destination


# MARK: - build


@dataclass
class BuildResult:
    result: str
    seconds: float
    peak_mb: float
    problem: str | None  # why the case fails, or None


def run_build(binary, case, work):
    project = copy_project(work / "build")
    try:
        save(project, files_for(case, originals(project)))
        code, seconds, peak, killed = run_timed([str(binary), "build", "--output", "out"], project)
        stderr = read(project / "stderr")
        errors = [line for line in stderr.splitlines() if "error:" in line]
        if killed:
            return BuildResult(f"killed after {KILL_AFTER:.0f} s", seconds, peak, "timeout")
        if code < 0:
            name = signal.Signals(-code).name
            return BuildResult(f"crashed: {name} (exit {code})", seconds, peak, f"crash ({name})")
        if code == 0:
            result, problem = "built", None
            if not (project / "out/index.html").is_file():
                result, problem = "exit 0, no output", "exit 0 without out/index.html"
            elif case.refused:
                problem = "built, expected a refusal"
        elif not errors:
            result, problem = f"exit {code}, no error: line", f"exit {code} without an error: line"
        else:
            result, problem = "refused: " + errors[0], None
            if not case.refused:
                problem = "refused, expected to build"
            elif not re.search(case.refused, errors[0]) or not errors[0].startswith(expected_file(case) + ":"):
                problem = f"expected /{case.refused}/ at {expected_file(case)}"
        if problem is None and seconds > LIMIT:
            problem = f"over {LIMIT:.0f} s"
        return BuildResult(result, seconds, peak, problem)
    finally:
        shutil.rmtree(project, ignore_errors=True)


def run_timed(command, folder):
    """Runs `command` in `folder` (output to folder/stdout and folder/stderr), killed after
    KILL_AFTER seconds; returns (exit code, negative for a signal; seconds; peak MB; killed).

    The peak comes from GNU time (`%M`) when /usr/bin/time exists: it forks the command itself.
    Else from os.wait4, whose figure can be this script's own size instead: Python starts a child
    with vfork, and Linux keeps the largest resident set of the process across exec."""
    timed = os.access(GNU_TIME, os.X_OK)
    prefix = [GNU_TIME, "-f", "%M", "-o", str(folder / "time")] if timed else []
    with open(folder / "stdout", "wb") as stdout, open(folder / "stderr", "wb") as stderr:
        started = time.perf_counter()
        # A session of its own, so that a kill reaches the command under time too.
        child = subprocess.Popen(prefix + command, cwd=folder, stdout=stdout, stderr=stderr, stdin=subprocess.DEVNULL,
                                 start_new_session=True)
        killed = threading.Event()

        def kill():
            # The command itself, so that GNU time still reports its peak; the whole session
            # when there is no time in between (or its child cannot be found).
            killed.set()
            try:
                children = Path(f"/proc/{child.pid}/task/{child.pid}/children").read_text().split()
            except OSError:
                children = []
            for pid in children if timed else []:
                os.kill(int(pid), signal.SIGKILL)
            if not timed or not children:
                os.killpg(child.pid, signal.SIGKILL)

        timer = threading.Timer(KILL_AFTER, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(child.pid, 0)
        except BaseException:  # interrupted: the command must not outlive this script
            os.killpg(child.pid, signal.SIGKILL)
            os.waitpid(child.pid, 0)
            raise
        finally:
            timer.cancel()
        seconds = time.perf_counter() - started
    child.returncode = code = os.waitstatus_to_exitcode(status)
    peak = usage.ru_maxrss / 1024
    report = (folder / "time").read_text().splitlines() if timed and (folder / "time").exists() else []
    if report and report[-1].isdigit():
        terminated = [line for line in report if line.startswith("Command terminated by signal ")]
        if terminated:
            code = -int(terminated[0].split()[-1])
        peak = int(report[-1]) / 1024
    return code, seconds, peak, killed.is_set()


def expected_file(case):
    return TABLE if case.where.startswith("table") else CHAPTER


# MARK: - serve


@dataclass
class Page:
    build: str | None  # the build id in the reload script
    overlay: str | None  # the error overlay's text
    original: bool  # whether the chapter's own body (ORIGINAL_TEXT) is on the page


@dataclass
class ServeResult:
    result: str
    seconds: float | None
    problem: str | None


class Server:
    """`rapporteur serve --port 0` on its own copy of the project."""

    def __init__(self, binary, folder):
        self.project = copy_project(folder)
        self.stuck = False  # a rebuild did not end in time: the next case needs a new server
        self.original = originals(self.project)
        self.log = open(self.project / "serve.log", "wb")
        self.errors = open(self.project / "serve.err", "wb")
        self.process = subprocess.Popen([str(binary), "serve", "--port", "0"], cwd=self.project, stdout=self.log,
                                        stderr=self.errors, stdin=subprocess.DEVNULL)
        self.port = None
        deadline = time.monotonic() + 30
        while self.port is None and time.monotonic() < deadline and self.process.poll() is None:
            match = re.search(r"\(port (\d+)\)", read(self.project / "serve.log"))
            self.port = int(match.group(1)) if match else None
            time.sleep(0.05)
        if self.port is None:
            self.stop()
            raise RuntimeError("serve printed no address: " + read(self.project / "serve.err")[-500:])

    def get(self, path):
        """(status, body) of GET path, or (None, reason)."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            return response.status, response.read().decode(errors="replace")
        except OSError as error:
            return None, str(error)
        finally:
            connection.close()

    def page(self):
        """The chapter's page, or None when it does not answer 200."""
        status, body = self.get(PAGE)
        if status != 200:
            return None
        build = re.search(r'const served = "([^"]*)"', body)
        overlay = None
        if OVERLAY in body:
            start = body.index(OVERLAY)
            overlay = html.unescape(body[start:body.index("</div>", start)])
        return Page(build.group(1) if build else None, overlay, ORIGINAL_TEXT in body)

    def wait(self, done, limit):
        """Polls the chapter's page until `done(page)`; returns (seconds, last page) or (None, last page)."""
        started = time.perf_counter()
        last = None
        for _ in range(int(limit / POLL) + 1):
            last = self.page()
            if last and done(last):
                return time.perf_counter() - started, last
            if time.perf_counter() - started > limit or self.process.poll() is not None:
                break
            time.sleep(POLL)
        return None, last

    def try_case(self, case):
        if self.process.poll() is not None:
            return ServeResult(f"server gone (exit {self.process.returncode})", None, "server stopped")
        before = self.page()
        if not before or before.overlay or not before.original:
            return ServeResult("no clean page before the save", None, "server not ready")
        save(self.project, files_for(case, self.original))
        file = expected_file(case)

        def shown(page):
            # A new build alone says little: the temporary file written beside the file also makes
            # one, with nothing rebuilt. So the new body must be seen; where the chapter's page does
            # not show the input, a new build counts only when one is expected.
            if page.overlay:
                return file in page.overlay
            if case.where == "chapter":
                return page.build != before.build and not page.original
            return page.build != before.build and not case.refused

        seconds, last = self.wait(shown, KILL_AFTER)
        if seconds is None:
            self.stuck = True
            alive = "server stopped" if self.process.poll() is not None else "no overlay and no new build"
            result = ServeResult(f"{alive} after {KILL_AFTER:.0f} s", None, alive)
        else:
            overlay = last.overlay
            result = ServeResult("overlay" if overlay else "new build served", seconds, None)
            if case.refused and not overlay:
                result.problem = "served, expected the overlay"
            elif case.refused and not re.search(case.refused, overlay):
                result.problem = f"the overlay does not say /{case.refused}/"
            elif not case.refused and overlay:
                result.problem = "overlay, expected a new build"
            elif seconds > LIMIT:
                result.problem = f"over {LIMIT:.0f} s"
        status, _ = self.get("/")
        if status != 200:
            result.problem = result.problem or f"GET / answered {status}"
        after = last.build if last else None
        save(self.project, {path: self.original[path] for path in files_for(case, self.original)})
        if not self.stuck:
            restored, _ = self.wait(lambda page: not page.overlay and page.original and page.build != after,
                                    KILL_AFTER)
            if restored is None:
                self.stuck = True
                result.problem = result.problem or "did not recover after the file was restored"
        return result

    def stop(self):
        """SIGINT, then SIGKILL after 5 s; returns whether it was still running."""
        alive = self.process.poll() is None
        if alive:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()
        self.errors.close()
        return alive


def start_server(binary, folder, number):
    try:
        return Server(binary, folder)
    except RuntimeError as error:
        print(f"serve #{number}: {error}", file=sys.stderr)
        return None


# MARK: - Report


def table(rows):
    lines = [
        "| case | size | build | build time | build peak | serve | serve time |",
        "| --- | ---: | --- | ---: | ---: | --- | ---: |",
    ]
    for case, size, build, serve in rows:
        failed = [problem for problem in (build.problem, serve.problem if serve else None) if problem]
        mark = " **FAILED: " + "; ".join(failed) + "**" if failed else ""
        serve_result = serve.result if serve else "not run"
        serve_time = f"{serve.seconds:.2f} s" if serve and serve.seconds is not None else "-"
        lines.append(f"| {cell(case.name)}{mark} | {size:,} B | {cell(shorten(build.result))} | {build.seconds:.2f} s "
                     f"| {build.peak_mb:.0f} MB | {cell(serve_result)} | {serve_time} |")
    return "\n".join(lines) + "\n"


def shorten(text, width=150):
    return text if len(text) <= width else text[:width - 1] + "…"


def cell(text):
    """`text` as plain text in a Markdown table cell."""
    return re.sub(r"([\\`*_\[\]<|])", r"\\\1", text)


def main():
    parser = argparse.ArgumentParser(description="cmark's pathological inputs and deep YAML in build and serve.")
    parser.add_argument("--binary", type=Path, default=REPO / ".build/release/rapporteur", help="the rapporteur to run")
    parser.add_argument("--only", help="run only the case of this name")
    parser.add_argument("--markdown", type=Path, help="also write the table to this file")
    args = parser.parse_args()
    binary = args.binary.resolve()
    if not os.access(binary, os.X_OK):
        print(f"no binary at {binary}: swift build -c release --product rapporteur", file=sys.stderr)
        return 2
    cases = [case for case in CASES if args.only in (None, case.name)]
    if not cases:
        print(f"no case named '{args.only}'; the cases:\n" + "\n".join(case.name for case in CASES), file=sys.stderr)
        return 2

    # A SIGTERM (CI's timeout) unwinds like an exception, so that the server is stopped too.
    signal.signal(signal.SIGTERM, lambda number, frame: sys.exit(128 + number))
    check_fixture(originals(FIXTURE))
    if not os.access(GNU_TIME, os.X_OK):
        print(f"no {GNU_TIME} (Debian package time): peak memory from os.wait4, which may show this script's own size")
    work = Path(tempfile.mkdtemp(prefix="rapporteur-pathological-"))
    servers = itertools.count(1)
    server = start_server(binary, work / "serve-1", next(servers))
    rows = []
    try:
        for case in cases:
            case.text = case.make()
            size = len(case.text.encode())
            build = run_build(binary, case, work)
            serve = server.try_case(case) if server else ServeResult("serve did not start", None, "serve did not start")
            case.text = ""
            if server and server.stuck and case is not cases[-1]:
                # Still rebuilding (or gone): the next cases get a new server, so that one slow
                # input does not count against them.
                if not server.stop():
                    serve.problem = serve.problem or "the server stopped"
                serve.result += "; a new server for the next cases"
                number = next(servers)
                server = start_server(binary, work / f"serve-{number}", number)
            rows.append((case, size, build, serve))
            problems = [problem for problem in (build.problem, serve.problem) if problem]
            seconds = f" {serve.seconds:.2f} s" if serve.seconds is not None else ""
            verdict = "FAILED: " + "; ".join(problems) if problems else "ok"
            print(f"{case.name}: {shorten(build.result, 80)}, {build.seconds:.2f} s, {build.peak_mb:.0f} MB; "
                  f"serve: {serve.result}{seconds}: {verdict}", flush=True)
        if server and not server.stop():
            rows[-1][3].problem = rows[-1][3].problem or "the server was not running at the end"
        server = None
    finally:
        if server:
            server.stop()
        shutil.rmtree(work, ignore_errors=True)

    markdown = table(rows)
    print()
    print(markdown)
    if args.markdown:
        args.markdown.write_text(markdown, encoding="utf-8")
    failed = sum(1 for _, _, build, serve in rows if build.problem or serve.problem)
    print(f"pathological: {len(rows) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
