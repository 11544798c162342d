"""Memory of a tab's renderer process, read from /proc, and its table (Linux; for
bench_visits.py).

Chromium runs a page and its dedicated workers (the site's Python workers: the
one that ran, the spare, on a first visit the one that makes the snapshot, the
judge's; Material's search worker) in one renderer process, so that process's
resident set is what the tab costs; the table says whether the service
worker's thread was in it too (so far it always was). Not counted: the
browser, GPU, network and storage processes (the HTTP cache and Cache Storage
live outside the renderer); counted: whatever the renderer shares with other
processes (Chromium's own code), alike for every page measured.

The kernel keeps the process's high-water mark (VmHWM in /proc/<pid>/status,
the peak resident set, caught between our readings too), and writing 5 to
/proc/<pid>/clear_refs sets that mark back to the current resident set
(VmRSS), so a phase's peak can be read alone.

Which renderer is the tab's: the browser is the process whose command line has
the profile's --user-data-dir and no --type; its renderers are its descendants
with --type=renderer, minus the browser's own UI (--top-chrome-webui, the
omnibox popup). With one tab open, the others are at most Chromium's spare
renderer (an empty process kept for the next navigation) and perhaps a service
worker's: the tab's is the one with the largest resident set, which is checked
by listing what runs in it (its threads: "DedicatedWorker", "ServiceWorker").
"""

from __future__ import annotations

import contextlib
import statistics
from dataclasses import dataclass
from pathlib import Path

PROC = Path("/proc")


@dataclass
class Memory:
    peak_mib: float  # VmHWM: the peak resident set since the process started or the last reset
    now_mib: float  # VmRSS: the resident set now
    workers: int  # dedicated worker threads in the process
    service_worker: str  # where the site's service worker thread is: "in it", "elsewhere", "none"


def _cmdline(pid: int) -> list[str]:
    """The process's arguments. Chromium's child processes rewrite theirs as one
    string, so this splits at spaces too (a profile path must have none)."""
    raw = (PROC / str(pid) / "cmdline").read_bytes()
    return raw.decode(errors="replace").replace("\0", " ").split()


def _status(pid: int) -> dict[str, str]:
    lines = (PROC / str(pid) / "status").read_text().splitlines()
    return dict(line.split(":", 1) for line in lines if ":" in line)


def _kib(value: str) -> float:
    return float(value.split()[0])  # "  542516 kB"


def _thread_names(pid: int) -> list[str]:
    names = []
    for task in (PROC / str(pid) / "task").iterdir():
        with contextlib.suppress(OSError):  # the thread ended meanwhile
            names.append((task / "comm").read_text().strip())
    return names


def renderers(profile: Path) -> list[int]:
    """The renderer processes of the browser that runs on this profile (no UI ones)."""
    parents: dict[int, int] = {}
    commands: dict[int, list[str]] = {}
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            commands[int(entry.name)] = _cmdline(int(entry.name))
            parents[int(entry.name)] = int(_status(int(entry.name))["PPid"])
        except (OSError, KeyError, ValueError):
            pass  # not ours, or gone
    flag = f"--user-data-dir={profile}"
    roots = {
        pid
        for pid, cmd in commands.items()
        if flag in cmd and not any(a.startswith("--type=") for a in cmd)
    }
    found = []
    for pid, cmd in commands.items():
        if "--type=renderer" not in cmd or "--top-chrome-webui" in cmd:
            continue
        ancestor = parents.get(pid)
        while ancestor and ancestor not in roots:
            ancestor = parents.get(ancestor)
        if ancestor:
            found.append(pid)
    return found


def tab_renderer(profile: Path) -> int:
    """The tab's renderer: of this profile's renderers, the one with the most memory."""
    pids = renderers(profile)
    if not pids:
        raise RuntimeError(f"no renderer process found for {profile}")
    return max(pids, key=lambda pid: _kib(_status(pid)["VmRSS"]))


def read(profile: Path, pid: int) -> Memory:
    status = _status(pid)
    threads = _thread_names(pid)
    # Linux cuts thread names at 15 characters: "ServiceWorker t(hread)".
    service_worker = "none"
    if any(name.startswith("ServiceWorker") for name in threads):
        service_worker = "in it"
    else:
        for other in renderers(profile):
            if other != pid and any(n.startswith("ServiceWorker") for n in _thread_names(other)):
                service_worker = "elsewhere"
    return Memory(
        peak_mib=_kib(status["VmHWM"]) / 1024,
        now_mib=_kib(status["VmRSS"]) / 1024,
        workers=sum(name.startswith("DedicatedWorker") for name in threads),
        service_worker=service_worker,
    )


def reset_peak(pid: int) -> None:
    """Set the process's peak resident set back to its current one (Linux >= 4.0)."""
    with open(PROC / str(pid) / "clear_refs", "w") as f:
        f.write("5")


def report(rounds: list[dict[str, Memory]], warm: dict[str, Memory]) -> None:
    """Visits (ours and bare, median of the rounds) and the warm tab's phases."""

    def where(m: Memory) -> str:
        return f"{m.workers} workers, service worker {m.service_worker}"

    peak = {key: statistics.median(r[key].peak_mib for r in rounds) for key in rounds[0]}
    now = {key: statistics.median(r[key].now_mib for r in rounds) for key in rounds[0]}
    print("-" * 78)
    print("Peak resident memory of the tab's renderer process (MiB, VmHWM; median of")
    print(f"{len(rounds)} rounds): the page and its dedicated workers; 'now' is VmRSS then;")
    print("'workers': dedicated worker threads then, Material's search worker one of them")
    print(f"  {'after':<22}{'ours':>9}{'bare':>9}{'ours/bare':>11}{'now: ours':>11}{'bare':>7}")
    for visit_kind in ("first", "return"):
        ours, bare = f"ours {visit_kind}", f"bare {visit_kind}"
        print(
            f"  {visit_kind + ' visit':<22}{peak[ours]:>9.0f}{peak[bare]:>9.0f}"
            f"{peak[ours] / peak[bare]:>11.2f}{now[ours]:>11.0f}{now[bare]:>7.0f}"
        )
    print(
        f"  in ours: {where(rounds[0]['ours first'])} (first visit), "
        f"{where(rounds[0]['ours return'])} (return); in bare: {where(rounds[0]['bare first'])}"
    )
    alone = peak["material first"]
    print(
        f"  context: our page without our script (Material alone, no Python): peak {alone:.0f},"
        f" now {now['material first']:.0f}; ours minus it: first visit"
        f" {peak['ours first'] - alone:.0f}, return {peak['ours return'] - alone:.0f}"
        f" (our runner and its Python workers); in it: {where(rounds[0]['material first'])}"
    )
    print(f"  {'warm tab, each phase':<36}{'peak':>7}{'now':>7}{'/bare first':>12}   in it")
    for label, m in warm.items():
        ratio = m.peak_mib / peak["bare first"]
        print(f"  {label:<36}{m.peak_mib:>7.0f}{m.now_mib:>7.0f}{ratio:>12.2f}   {where(m)}")
    print(f"  {'warm tab, whole session':<36}{max(m.peak_mib for m in warm.values()):>7.0f}")
    for key in rounds[0]:
        print(f"  peak by round, {key}: " + ", ".join(f"{r[key].peak_mib:.0f}" for r in rounds))
