"""Cold-process ``selfeval report`` and ``selfeval check`` on the example, against ``import openpyxl``.

Run from the repository root: ``python benchmarks/cli_cold.py [--runs 10]``.

Each command runs in a new interpreter (``python -m selfeval_xl``, as the console script does),
``--runs`` times; the script prints the median and best wall time of each, the ratio to a bare
``python -c "import openpyxl"`` measured in the same run, and which heavy modules the report path
imported beyond what ``import openpyxl`` itself imports (openpyxl imports numpy when it is
installed; none of pandas, pyarrow, fastexcel, calamine, rich, multiprocessing may be added).
Target (issue 7): report < 1.0 s.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.measure import ROOT, best, load, median, process

EXAMPLE = ROOT / "examples" / "daxiang_media_center_2020.xlsx"
HEAVY = ("pandas", "pyarrow", "numpy", "fastexcel", "python_calamine", "rich", "multiprocessing")
PROBE = """
import json, sys
if sys.argv[1] == "openpyxl":
    import openpyxl
else:
    from selfeval_xl.cli.main import main
    main(["report", sys.argv[1], "--text"])
sys.stderr.write(json.dumps(sorted({m.split(".")[0] for m in sys.modules} & set(json.loads(sys.argv[2])))))
"""


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    runs = parser.parse_args().runs
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        commands = {
            'python -c "import openpyxl"': [py, "-c", "import openpyxl"],
            "selfeval report EXAMPLE --text": [py, "-m", "selfeval_xl", "report", str(EXAMPLE), "--text"],
            "selfeval report EXAMPLE -o OUT": [py, "-m", "selfeval_xl", "report", str(EXAMPLE), "-o",
                                               str(Path(tmp) / "out.xlsx"), "--force"],  # replaced each run
            "selfeval check EXAMPLE": [py, "-m", "selfeval_xl", "check", str(EXAMPLE)],
        }
        print(f"cold-process CLI benchmark, {runs} runs each — {load()}")
        results = {}
        for label, argv in commands.items():
            process(argv)  # warm the OS file cache, not the interpreter
            results[label] = [process(argv) for _ in range(runs)]
            assert results[label][0].result in (0, 1), (label, results[label][0].result)
    base = median(results['python -c "import openpyxl"'])
    print(f"{'command':<34} {'median s':>9} {'best s':>7} {'x import openpyxl':>18} {'peak MB':>8}")
    for label, rs in results.items():
        print(f"{label:<34} {median(rs):>9.3f} {best(rs).seconds:>7.3f} {median(rs) / base:>18.2f} "
              f"{max(r.peak_mb for r in rs):>8.0f}")
    def heavy(target: str) -> set[str]:
        probe = subprocess.run([py, "-c", PROBE, target, json.dumps(HEAVY)], capture_output=True, text=True,
                               cwd=ROOT, check=False)
        return set(json.loads(probe.stderr.strip().splitlines()[-1]))

    baseline = heavy("openpyxl")
    imported = sorted(heavy(str(EXAMPLE)) - baseline)
    print(f"heavy modules imported by `report` beyond `import openpyxl` ({', '.join(sorted(baseline)) or 'none'}):"
          f" {', '.join(imported) or 'none'}")
    report = median(results["selfeval report EXAMPLE --text"])
    print(load())
    print(f"target (report < 1.0 s cold): {'met' if report < 1.0 and not imported else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
