#!/usr/bin/env python3
"""A/B include cost: compiles each bench/include_cost file RUNS times against
each header tree given, interleaved (so that machine noise hits every tree
alike), and prints the median CPU time (user + sys) of `-std=c++17 -O3 -c`.
CPU time rather than wall time, so that a busy machine counts less.

    bench/include_cost/measure.py RUNS NAME=DIR[:DIR...] ... [-- FILE...]
    e.g. measure.py 11 before=/tmp/old/include:build/include after=include:build/include
"""
import os
import resource
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_FILES = ["empty", "nlohmann_only", "paradigm_client", "paradigm_turn_copy"]


def cpu_seconds(command):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv):
    runs = int(argv[0])
    rest = argv[1:]
    files = DEFAULT_FILES
    if "--" in rest:
        files = rest[rest.index("--") + 1:]
        rest = rest[:rest.index("--")]
    trees = [tree.split("=", 1) for tree in rest]
    cxx = os.environ.get("CXX", "c++")
    times = {}
    for _ in range(runs):
        for name, dirs in trees:
            includes = [flag for d in dirs.split(":") for flag in ("-I", d)]
            for file in files:
                command = [cxx, "-std=c++17", "-O3", "-DNDEBUG", "-DPARADIGM_STATIC_DEFINE", *includes, "-c",
                           os.path.join(HERE, file + ".cpp"), "-o", os.devnull]
                times.setdefault((name, file), []).append(cpu_seconds(command))
    for (name, file), seconds in times.items():
        print(f"{name:20s} {file:20s} median {statistics.median(seconds):6.3f} s of {runs}")


if __name__ == "__main__":
    main(sys.argv[1:])
