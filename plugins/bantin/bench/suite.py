"""``scripts/bench``: build the same generated items with bantin and with bare MkDocs.

For every corpus size: full builds of both sides (alternated, median of ``runs``), peak
memory, output size, ``bantin check``, the `mkdocs serve` edit loop and the reader's first
load in Chromium. Figures are printed as a table and, with ``--json``, written as JSON.
"""

from __future__ import annotations

import argparse
import importlib.machinery
import importlib.util
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from bantin.bench import corpus, editloop, measure, project
from bantin.core import index, urls
from bantin.core.vntext import grouping_key

QUICK_SIZES = (1_000,)
DEFAULT_SIZES = (1_000, 5_000, 10_000)

# The goals of the scale issue, stated for 10,000 items.
GOAL_RATIO = 1.25
GOAL_LINEAR = 1.10
"""time per item at the largest size / time per item at the smallest."""
GOAL_MEMORY_RATIO = 1.2
GOAL_EDIT_S = 5.0
GOAL_EDIT_STRETCH_S = 2.0
GOAL_CHECK_S = 5.0
GOAL_PAGE_BYTES = 500 * 1024


@dataclass(frozen=True)
class Options:
    sizes: tuple[int, ...]
    runs: int
    repository: Path
    workdir: Path | None
    keep: bool
    images: bool
    search: bool
    seed: int
    edit_loop: bool
    reader: bool
    serve_args: tuple[str, ...]
    serve_limit_s: float
    json_path: Path | None
    profile_dir: Path | None
    ablate: bool = False


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--quick", action="store_true", help="1,000 items only (default: 1,000, 5,000, 10,000)"
    )
    parser.add_argument(
        "--sizes",
        type=_sizes,
        help="comma-separated corpus sizes, e.g. 500,2000",
    )
    parser.add_argument("--runs", type=int, default=3, help="builds per side and size (median)")
    parser.add_argument("--json", dest="json_path", type=Path, help="also write results here")
    parser.add_argument(
        "--workdir", type=Path, help="folder for the generated projects (default: temp)"
    )
    parser.add_argument("--keep", action="store_true", help="keep generated projects and sites")
    parser.add_argument("--images", action="store_true", help="two photos per item (slow)")
    parser.add_argument(
        "--search", action="store_true", help="keep search plugins on both sides (default: off)"
    )
    parser.add_argument("--seed", type=int, default=corpus.DEFAULT_SEED)
    parser.add_argument("--no-edit-loop", dest="edit_loop", action="store_false")
    parser.add_argument("--no-reader", dest="reader", action="store_false")
    parser.add_argument(
        "--serve-arg",
        dest="serve_args",
        action="append",
        default=[],
        help="extra argument for `mkdocs serve` in the edit loop (repeatable), e.g. --dirty",
    )
    parser.add_argument("--serve-limit", type=float, default=900.0, help="seconds")
    parser.add_argument(
        "--ablate",
        action="store_true",
        help="also build once without each bantin plugin (and with bantin-news only) "
        "to show what each costs",
    )
    parser.add_argument(
        "--profile",
        dest="profile_dir",
        type=Path,
        help="also profile one bantin build of the first size with pyinstrument into this folder",
    )


def _sizes(text: str) -> tuple[int, ...]:
    try:
        sizes = tuple(int(part.replace("_", "")) for part in text.split(",") if part.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: write sizes like 1000,5000") from None
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("sizes must be positive numbers")
    return sizes


def options_from(args: argparse.Namespace, repository: Path) -> Options:
    sizes = args.sizes or (QUICK_SIZES if args.quick else DEFAULT_SIZES)
    return Options(
        sizes=tuple(sizes),
        runs=max(1, args.runs),
        repository=repository,
        workdir=args.workdir,
        keep=args.keep,
        images=args.images,
        search=args.search,
        seed=args.seed,
        edit_loop=args.edit_loop,
        reader=args.reader,
        serve_args=tuple(args.serve_args),
        serve_limit_s=args.serve_limit,
        json_path=args.json_path,
        profile_dir=args.profile_dir,
        ablate=args.ablate,
    )


def main(argv: Sequence[str] | None = None, repository: Path | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/bench", description=__doc__)
    add_arguments(parser)
    args = parser.parse_args(argv)
    root = repository or Path(__file__).resolve().parents[3]
    options = options_from(args, root)
    if not (root / "mkdocs.yml").is_file():
        print(
            f"{root}/mkdocs.yml: not found; run scripts/bench from the repository", file=sys.stderr
        )
        return 2
    workdir = options.workdir or Path(tempfile.mkdtemp(prefix="bantin-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    results: list[dict[str, Any]] = []
    print(_header(options, workdir), flush=True)
    try:
        for number, size in enumerate(options.sizes):
            results.append(run_size(options, size, workdir / f"n{size}", profile=number == 0))
            print(_row_text(results[-1]), flush=True)
            # Written after every size: a long run that is stopped still leaves its figures.
            _write_json(options, results)
    except (measure.CommandFailedError, RuntimeError, OSError) as error:
        print(f"bench: {error}", file=sys.stderr)
        return 1
    finally:
        if not options.keep and options.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    print()
    print(format_table(results))
    print()
    for goal in evaluate(results):
        print(goal["text"])
    if options.json_path:
        print(f"\nresults written to {options.json_path}")
    return 0


def _write_json(options: Options, results: list[dict[str, Any]]) -> None:
    if options.json_path is None:
        return
    document = {
        "generated_at": datetime.now(tz=UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "options": {
            key: (str(value) if isinstance(value, Path) else value)
            for key, value in asdict(options).items()
        },
        "sizes": results,
        "goals": evaluate(results),
    }
    options.json_path.parent.mkdir(parents=True, exist_ok=True)
    options.json_path.write_text(
        json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n",
        encoding="utf-8",
    )


# -- one size ------------------------------------------------------------------------------


def run_size(options: Options, size: int, root: Path, *, profile: bool) -> dict[str, Any]:
    started = time.perf_counter()
    bench = project.create(
        root,
        options.repository,
        size,
        seed=options.seed,
        images=options.images,
        search=options.search,
        photo_writer=photo_writer(options.repository) if options.images else None,
    )
    corpus_s = time.perf_counter() - started
    logs = root / "logs"
    logs.mkdir()
    print(f"  {size:,} items generated in {corpus_s:.1f} s; building…", flush=True)

    sides = {"bare": bench.bare_config, "bantin": bench.bantin_config}
    runs: dict[str, list[measure.Run]] = {side: [] for side in sides}
    for _ in range(options.runs):
        for side, config in sides.items():
            # Cold every time: earlier output and caches removed, as on a fresh CI checkout.
            measure.clear(bench.site(side), root / ".cache")
            command = measure.mkdocs_build(config)
            runs[side].append(measure.run_once(command, cwd=root, log=logs / f"{side}.log"))
    measured = {}
    for side in sides:
        total, files, html = measure.tree_size(bench.site(side))
        measured[side] = measure.Measured(tuple(runs[side]), total, files, html)

    result: dict[str, Any] = {
        "items": size,
        "corpus_s": round(corpus_s, 2),
        "plugins": {
            "bare": list(bench.plugins_bare),
            "bantin": list(bench.plugins_bantin),
            "serve": list(bench.plugins_full),
        },
        "bare": measured["bare"].as_json(),
        "bantin": measured["bantin"].as_json(),
        "ratio": round(measured["bantin"].median_s / measured["bare"].median_s, 3),
        # CPU seconds are steadier than wall time on a shared machine; shown beside it.
        "cpu_ratio": round(measured["bantin"].median_cpu_s / measured["bare"].median_cpu_s, 3),
        "load_average": [round(value, 2) for value in os.getloadavg()],
        "memory_ratio": round(measured["bantin"].peak_rss_mb / measured["bare"].peak_rss_mb, 3),
        "ms_per_item": {side: round(1000 * measured[side].median_s / size, 2) for side in measured},
    }
    result["check"] = _check(options, root, logs)
    if options.edit_loop or options.reader:
        result.update(_serve(options, bench, logs))
    if options.ablate:
        result["ablation"] = _ablate(bench, logs)
    if profile and options.profile_dir is not None:
        result["profile"] = _profile(bench, options.profile_dir, logs)
    if not options.keep:
        measure.clear(bench.site("bare"), bench.site("bantin"))
    return result


def photo_writer(repository: Path) -> corpus.PhotoWriter:
    """The images benchmark's phone-photo generator when present, else the corpus' own."""
    script = repository / "scripts" / "bench-images"
    if not script.is_file():
        return corpus.default_photo_writer
    loader = importlib.machinery.SourceFileLoader("bantin_bench_images", str(script))
    spec = importlib.util.spec_from_loader(loader.name, loader)
    if spec is None:
        return corpus.default_photo_writer
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    write_photo = getattr(module, "write_photo", None)
    if write_photo is None:
        return corpus.default_photo_writer

    def delegate(path: Path, width: int, height: int, seed: int) -> None:
        write_photo((path, seed, (width, height)))

    return delegate


def _ablate(bench: project.Project, logs: Path) -> dict[str, Any]:
    """One cold build per variant: without each plugin in turn, and bantin-news alone."""
    entries = list(bench.timed_plugins)
    names = [project.plugin_name(entry) for entry in entries]
    variants = {
        f"without {name}": [e for e in entries if project.plugin_name(e) != name]
        for name in names
        if name != "bantin-news"  # every other plugin reads its index
    }
    variants["bantin-news only"] = [e for e in entries if project.plugin_name(e) == "bantin-news"]
    figures: dict[str, dict[str, Any]] = {}
    for label, plugins in variants.items():
        config = project.variant(bench, label.replace(" ", "-"), plugins)
        measure.clear(bench.site("variant"), bench.root / ".cache")
        try:
            run = measure.run_once(
                measure.mkdocs_build(config), cwd=bench.root, log=logs / "ablate.log"
            )
        except measure.CommandFailedError:
            # Some plugins own pages the nav links to; without them the build cannot pass.
            figures[label] = {"failed": True}
            continue
        figures[label] = {
            "wall_s": round(run.wall_s, 2),
            "cpu_s": round(run.user_s + run.system_s, 2),
            "peak_rss_mb": round(run.peak_rss_mb, 1),
        }
    measure.clear(bench.site("variant"))
    return figures


def _check(options: Options, root: Path, logs: Path) -> dict[str, Any]:
    """`bantin check` on the same project (it reads mkdocs.yml from the working folder)."""
    if importlib.util.find_spec("bantin.commands.check") is None:
        return {"available": False}
    command = [str(Path(sys.executable).with_name("bantin")), "check"]
    runs = [
        measure.run_once(command, cwd=root, log=logs / "check.log") for _ in range(options.runs)
    ]
    return {
        "available": True,
        "median_s": round(statistics.median(run.wall_s for run in runs), 3),
        "peak_rss_mb": round(max(run.peak_rss_mb for run in runs), 1),
    }


def watched_pages(content: Path, src_uri: str) -> dict[str, str]:
    """URL paths that must show an edit of the item: itself, its month, its first topic, home."""
    items, problems = index.load(content, index.discover(content))
    if problems:
        raise RuntimeError("the generated corpus has problems:\n" + problems[0].format())
    news, _ = index.NewsIndex.build(items, now=corpus.LATEST, preview=True)
    item = news.by_src_uri[src_uri]
    topic = news.topic_of[grouping_key(item.tags[0])]
    return {
        "item": item.url,
        "month": urls.month(item.date.year, item.date.month),
        "topic": topic.url,
        "home": urls.HOME,
    }


def _serve(options: Options, bench: project.Project, logs: Path) -> dict[str, Any]:
    pages = watched_pages(bench.content, bench.newest.src_uri)
    result: dict[str, Any] = {}
    with editloop.served(
        bench.full_config,
        log=logs / "serve.log",
        probe_path=pages["item"],
        limit_s=options.serve_limit_s,
        extra=options.serve_args,
    ) as (base, startup_s):
        result["serve_startup_s"] = round(startup_s, 2)
        if options.reader:
            from bantin.bench import reader  # noqa: PLC0415 - Playwright only when asked for

            weights = reader.weigh([base + pages["home"], base + pages["item"]])
            result["reader"] = {
                name: asdict(weight) for name, weight in zip(("home", "item"), weights, strict=True)
            }
        if options.edit_loop:
            loop = editloop.measure(
                base,
                bench.content / bench.newest.src_uri,
                bench.newest.slug,
                pages,
                limit_s=options.serve_limit_s,
            )
            result["edit_loop"] = {
                "serve_args": list(options.serve_args),
                "seconds": {name: round(value, 2) for name, value in loop.seconds.items()},
                "worst_s": None if loop.worst_s is None else round(loop.worst_s, 2),
                "missing": loop.missing,
            }
    return result


def _profile(bench: project.Project, folder: Path, logs: Path) -> dict[str, str]:
    """One bantin build under pyinstrument: an HTML report and a text summary."""
    folder.mkdir(parents=True, exist_ok=True)
    outputs = {}
    measure.clear(bench.site("bantin"), bench.root / ".cache")
    session = folder / f"bantin-{bench.items}.pyisession"
    # 10 ms samples: a build of minutes stays a report of a few MB.
    command = [sys.executable, "-m", "pyinstrument", "--interval", "0.01"]
    command += ["--renderer", "session", "--outfile"]
    command += [str(session), "-m", "mkdocs", "build", "--quiet", "--config-file"]
    command += [str(bench.bantin_config)]
    with (logs / "profile.log").open("ab") as output:
        subprocess.run(
            command,
            cwd=bench.root,
            env=measure.build_environment(),
            stdout=output,
            stderr=subprocess.STDOUT,
            check=True,
        )
    for renderer, suffix in (("html", "html"), ("text", "txt")):
        target = folder / f"bantin-{bench.items}.{suffix}"
        load = [sys.executable, "-m", "pyinstrument", "--load", str(session)]
        load += ["--renderer", renderer, "--outfile", str(target)]
        subprocess.run(load, check=True, stdout=subprocess.DEVNULL)
        outputs[renderer] = str(target)
    outputs["session"] = str(session)
    return outputs


# -- reporting -----------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    def package(name: str) -> str:
        try:
            return version(name)
        except PackageNotFoundError:
            return "absent"

    return {
        "cpus": os.cpu_count(),
        "load_average": [round(value, 2) for value in os.getloadavg()],
        "python": platform.python_version(),
        "platform": platform.platform(),
        "mkdocs": package("mkdocs"),
        "mkdocs-material": package("mkdocs-material"),
    }


def _header(options: Options, workdir: Path) -> str:
    info = machine()
    sizes = ", ".join(f"{size:,}" for size in options.sizes)
    return (
        f"bantin benchmark: {sizes} items, {options.runs} cold builds per side "
        f"(mkdocs {info['mkdocs']}, material {info['mkdocs-material']}, "
        f"{info['cpus']} CPUs, load {info['load_average'][0]}) in {workdir}"
    )


def _row_text(result: dict[str, Any]) -> str:
    return f"  {result['items']:,} items: bare {result['bare']['median_s']:.1f} s, " + (
        f"bantin {result['bantin']['median_s']:.1f} s (× {result['ratio']:.2f}; "
        f"CPU × {result['cpu_ratio']:.2f}; load {result['load_average'][0]})"
    )


def _mb(value: float) -> str:
    return f"{value / 1e6:,.0f}"


def format_table(results: list[dict[str, Any]]) -> str:
    header = (
        "| items | bare s | bantin s | bantin/bare | ms/item bare | ms/item bantin "
        "| peak MB bare | peak MB bantin | mem ratio | output MB bare | output MB bantin "
        "| CPU s bare | CPU s bantin | CPU ratio | check s | serve start s | edit→visible s |"
    )
    results = sorted(results, key=lambda r: r["items"])
    lines = [header, _rule(header)]
    for r in results:
        check = r.get("check", {})
        edit = r.get("edit_loop", {})
        lines.append(
            "| "
            + " | ".join(
                [
                    f"{r['items']:,}",
                    f"{r['bare']['median_s']:.1f}",
                    f"{r['bantin']['median_s']:.1f}",
                    f"{r['ratio']:.2f}",
                    f"{r['ms_per_item']['bare']:.1f}",
                    f"{r['ms_per_item']['bantin']:.1f}",
                    f"{r['bare']['peak_rss_mb']:.0f}",
                    f"{r['bantin']['peak_rss_mb']:.0f}",
                    f"{r['memory_ratio']:.2f}",
                    _mb(r["bare"]["output_bytes"]),
                    _mb(r["bantin"]["output_bytes"]),
                    f"{r['bare'].get('median_cpu_s', 0):.1f}",
                    f"{r['bantin'].get('median_cpu_s', 0):.1f}",
                    f"{r.get('cpu_ratio', 0):.2f}",
                    f"{check['median_s']:.2f}" if check.get("available") else "n/a",
                    f"{r['serve_startup_s']:.1f}" if "serve_startup_s" in r else "n/a",
                    _edit_text(edit),
                ]
            )
            + " |"
        )
    for r in results:
        for name, weight in r.get("reader", {}).items():
            external = (
                f", {len(weight['external'])} external requests blocked"
                if weight["external"]
                else ""
            )
            lines.append(
                f"reader, {r['items']:,} items, {name} page: "
                f"{weight['bytes'] / 1024:,.0f} KB as served, "
                f"{weight['gzip_bytes'] / 1024:,.0f} KB gzipped, {weight['requests']} requests, "
                f"{weight['blocked_images']} images not loaded{external}"
            )
    for r in results:
        baseline = r["bantin"].get("median_cpu_s", 0.0)
        for label, figures in r.get("ablation", {}).items():
            if figures.get("failed"):
                lines.append(f"cost, {r['items']:,} items, {label}: the build fails (see log)")
                continue
            saved = 100 * (baseline - figures["cpu_s"]) / baseline if baseline else 0.0
            lines.append(
                f"cost, {r['items']:,} items, {label}: {figures['cpu_s']:.1f} CPU s "
                f"(saves {saved:.0f} % of bantin's {baseline:.1f}), "
                f"{figures['wall_s']:.1f} s wall, {figures['peak_rss_mb']:.0f} MB"
            )
    return "\n".join(lines)


def _rule(header: str) -> str:
    return "|" + "---|" * (header.count("|") - 1)


def _edit_text(edit: dict[str, Any]) -> str:
    if not edit:
        return "n/a"
    if edit.get("missing"):
        return "not visible: " + ", ".join(edit["missing"])
    return f"{edit['worst_s']:.1f}"


def evaluate(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each goal of the scale issue, checked at the largest size measured."""
    if not results:
        return []
    largest = max(results, key=lambda r: r["items"])
    smallest = min(results, key=lambda r: r["items"])
    at = f"at {largest['items']:,} items"
    goals: list[dict[str, Any]] = []

    def goal(name: str, ok: bool | None, detail: str) -> None:
        word = "n/a " if ok is None else "ok  " if ok else "MISS"
        goals.append({"goal": name, "ok": ok, "text": f"[{word}] {name}: {detail}"})

    goal(
        "build time ≤ 1.25 × bare",
        largest["ratio"] <= GOAL_RATIO,
        f"{largest['ratio']:.2f} × wall, {largest.get('cpu_ratio', 0):.2f} × CPU {at}",
    )
    if largest is not smallest:
        growth = (largest["bantin"]["median_s"] / smallest["bantin"]["median_s"]) / (
            largest["items"] / smallest["items"]
        )
        goal(
            "linear (time per item grows ≤ 10 %)",
            growth <= GOAL_LINEAR,
            f"{smallest['ms_per_item']['bantin']:.1f} → {largest['ms_per_item']['bantin']:.1f} "
            f"ms per item ({growth:.2f} ×) from {smallest['items']:,} to {largest['items']:,}"
            + _cpu_growth(smallest, largest),
        )
    else:
        goal("linear (time per item grows ≤ 10 %)", None, "needs two sizes")
    goal(
        "peak memory ≤ 1.2 × bare",
        largest["memory_ratio"] <= GOAL_MEMORY_RATIO,
        f"{largest['bantin']['peak_rss_mb']:.0f} MB vs {largest['bare']['peak_rss_mb']:.0f} MB "
        f"({largest['memory_ratio']:.2f} ×) {at}",
    )
    edit = largest.get("edit_loop")
    if edit and edit.get("worst_s") is not None:
        worst = edit["worst_s"]
        stretch = " (stretch goal 2 s met)" if worst <= GOAL_EDIT_STRETCH_S else ""
        goal("edit loop ≤ 5 s", worst <= GOAL_EDIT_S, f"{worst:.1f} s {at}{stretch}")
    elif edit:
        goal("edit loop ≤ 5 s", False, "pages never showed the edit: " + ", ".join(edit["missing"]))
    else:
        goal("edit loop ≤ 5 s", None, "not measured")
    check = largest.get("check", {})
    if check.get("available"):
        goal(
            "bantin check ≤ 5 s",
            check["median_s"] <= GOAL_CHECK_S,
            f"{check['median_s']:.2f} s {at}",
        )
    else:
        goal("bantin check ≤ 5 s", None, "bantin check is not available yet")
    for name in ("home", "item"):
        weight = largest.get("reader", {}).get(name)
        if weight is None:
            goal(f"{name} page ≤ 500 KB", None, "not measured")
            continue
        goal(
            f"{name} page ≤ 500 KB",
            weight["bytes"] <= GOAL_PAGE_BYTES and not weight["external"],
            f"{weight['bytes'] / 1024:,.0f} KB as served ({weight['gzip_bytes'] / 1024:,.0f} KB "
            f"gzipped), {len(weight['external'])} external requests {at}",
        )
    return goals


def _cpu_growth(smallest: dict[str, Any], largest: dict[str, Any]) -> str:
    """CPU time per item, which a busy shared machine distorts less than wall time."""
    small = smallest["bantin"].get("median_cpu_s")
    large = largest["bantin"].get("median_cpu_s")
    if not small or not large:
        return ""
    growth = (large / small) / (largest["items"] / smallest["items"])
    return f"; CPU time per item {growth:.2f} ×"
