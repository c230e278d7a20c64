"""A small bounded run of bench/load_test.py: concurrent requests on 127.0.0.1, zero errors."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from tests.serving import SERVING_FIXTURE

BENCH = Path(__file__).resolve().parent.parent / "bench" / "load_test.py"


def load_bench():
    spec = importlib.util.spec_from_file_location("load_test", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_concurrent_queries_and_entity_requests_all_succeed(capsys):
    bench = load_bench()
    code = bench.main([str(SERVING_FIXTURE), "--requests", "150", "--concurrency", "100"])
    out = capsys.readouterr().out
    assert "errors 0" in out and "p50" in out
    assert code == 0


def test_load_test_refuses_other_hosts():
    bench = load_bench()
    try:
        bench.loopback_only("http://192.0.2.10:8000")
    except SystemExit as exc:
        assert "only talks to 127.0.0.1" in str(exc)
    else:
        raise AssertionError("a non-loopback host was accepted")
    bench.loopback_only("http://127.0.0.1:8000")
