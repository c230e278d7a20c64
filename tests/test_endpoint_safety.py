"""The endpoint cannot be turned against its host: no request reaches out, stalls or kills it.

A listener on 127.0.0.1 stands in for an internal service: every SERVICE form
of the bypass corpus is refused by the guard, and even a query run straight
on pyoxigraph in a query thread cannot connect to it.
"""
from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from migkg import sandbox, sparqlcheck, workers
from migkg.fairshare import FairShare
from migkg.sparqlcheck import QuerySyntaxError, QueryTooDeep, QueryTooLarge, ReadOnlyViolation, check
from tests.serving import SERVING_FIXTURE, free_port, start_migkg, stop, wait_for

HOG = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l } ORDER BY STR(?c) STR(?f) STR(?i) LIMIT 1"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n1 ?o }"
ENTITY = "/doc/person/arwen-undomiel.ttl"


class Listener:
    """A TCP socket on 127.0.0.1 that counts the connections it is offered."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.contacts = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.contacts += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self.sock.close()


@pytest.fixture(scope="module")
def listener():
    server = Listener()
    yield server
    server.close()


def service_corpus(port: int) -> list[str]:
    """SERVICE in every disguise the grammar allows, all aimed at the listener."""
    url = f"<http://127.0.0.1:{port}/sparql>"
    svc = f"SERVICE {url} {{ ?s ?p ?o }}"
    return [
        f"SELECT * WHERE {{ {svc} }}",
        f"SELECT * WHERE {{ # a comment\r{svc} }}",                       # comment ended by CR
        f"SELECT * WHERE {{ ?s ?p ?o # x\r{svc} \n }}",                   # CR inside a line rdflib would skip
        f"SELECT * WHERE {{ # a comment\r\n{svc} }}",
        f"select * where {{ sErViCe sIlEnT {url} {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ \\u0053ERVICE {url} {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERV\\u0049CE {url} {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE \\u003Chttp://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o # x\\u000A{svc}\n }}",                # an escaped line end ends the comment
        f"SELECT * WHERE {{ ?s ?p ?o # x\\u000D{svc}\n }}",
        f"SELECT * WHERE {{ SERVICE ?where {{ ?s ?p ?o }} VALUES ?where {{ {url} }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o OPTIONAL {{ {svc} }} }}",
        f"SELECT * WHERE {{ {{ SELECT ?s WHERE {{ {svc} }} }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o FILTER EXISTS {{ {svc} }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o FILTER NOT EXISTS {{ {svc} }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o MINUS {{ {svc} }} }}",
        f"SELECT * WHERE {{ {{ ?s ?p ?o }} UNION {{ {svc} }} }}",
        f"SELECT * WHERE {{ GRAPH ?g {{ {svc} }} }}",
        f"SELECT * WHERE {{ ?s <http://p>/<http://q>* ?o . {svc} }}",
        f"ASK {{ {svc} }}",
        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {svc} }}",
        f"DESCRIBE ?s WHERE {{ {svc} }}",
        f"SELECT (COUNT(*) AS ?n) WHERE {{ {svc} }} GROUP BY ?s HAVING (COUNT(*) > 0)",
    ]


UPDATES = [
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "DELETE DATA { <urn:a> <urn:b> <urn:c> }",
    "DELETE WHERE { ?s ?p ?o }",
    "DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }",
    "WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "LOAD <http://127.0.0.1:9/data.ttl>",
    "LOAD SILENT <http://127.0.0.1:9/data.ttl> INTO GRAPH <urn:g>",
    "CLEAR ALL", "CLEAR DEFAULT", "DROP GRAPH <urn:g>", "CREATE GRAPH <urn:g>",
    "ADD DEFAULT TO <urn:g>", "MOVE <urn:g> TO DEFAULT", "COPY DEFAULT TO <urn:g>",
    "PREFIX x: <urn:x:>\n# a comment\ninsert data { x:a x:b x:c }",
    "\\u0049NSERT DATA { <urn:a> <urn:b> <urn:c> }",
]


# ---------- the guard, on the parse tree ----------

def test_every_service_form_is_refused_with_one_message(listener):
    for query in service_corpus(listener.port):
        with pytest.raises(ReadOnlyViolation) as caught:
            check(query)
        assert str(caught.value) == sparqlcheck.SERVICE_MESSAGE, query
        # one clear message a line long, never the text of anything internal
        assert "\n" not in str(caught.value)


def test_service_hidden_after_a_form_feed_is_only_a_comment():
    # SPARQL ends a comment at CR or LF only: this query has no SERVICE and runs.
    assert check("SELECT * WHERE { ?s ?p ?o # x\fSERVICE <http://h/> { ?s ?p ?o }\n }").form == "SELECT"


@pytest.mark.parametrize("update", UPDATES)
def test_every_update_operation_is_refused_by_name(update):
    with pytest.raises(ReadOnlyViolation, match="read-only"):
        check(update)


def test_words_in_strings_iris_and_names_do_not_trip_the_guard():
    for query in ['SELECT ?x WHERE { ?x <http://p> "SERVICE <http://h/> { ?s ?p ?o }" }',
                  "SELECT ?service WHERE { ?service <http://example.org/SERVICE> ?insert }",
                  "PREFIX ex: <http://ex/> SELECT ?x WHERE { ?x ex:SERVICE ?y . ?x ex:delete ?z }",
                  "ASK { ?s ?p '''a\nSERVICE <http://h/> {}''' }",
                  "SELECT * WHERE {\r\n\t?s ?p ?o\r\n}"]:
        check(query)


def test_the_checked_text_is_what_executes():
    checked = check("SELECT * WHERE { ?s ?p ?o . # c\r?s ?p 'caf\\u00e9' }")
    assert checked.text == "SELECT * WHERE { ?s ?p ?o . # c\n?s ?p 'café' }"


def test_an_escape_that_spells_an_escape_is_refused():
    with pytest.raises(QuerySyntaxError, match="escape"):
        check("SELECT * WHERE { ?s ?p ?o # \\u005Cu000A SERVICE <http://h/> { ?s ?p ?o }\n }")


def test_nesting_depth_counts_brackets_outside_strings_comments_and_iris():
    assert sparqlcheck.nesting_depth("SELECT * WHERE { { ?s ?p (1 2) } }") == 3
    assert sparqlcheck.nesting_depth("ASK { ?s ?p '((((((' . ?s <http://x/(((> ?o } # {{{{{{") == 1
    # closers in a string cannot hide the openers around them
    assert sparqlcheck.nesting_depth('{ "}" { "}" { "}" {') == 4


def test_deep_and_large_queries_are_refused_before_parsing():
    with pytest.raises(QueryTooDeep, match="4000 levels"):
        check("SELECT * WHERE " + "{" * 4000)
    with pytest.raises(QueryTooDeep, match="at most 64"):
        check("SELECT * WHERE { FILTER(" + "(" * 70 + "1" + ")" * 70 + ") }")
    with pytest.raises(QueryTooLarge, match="at most 100"):
        check("SELECT * WHERE { ?s ?p ?o } #" + "x" * 100, sparqlcheck.Limits(max_chars=100))


def test_a_long_pattern_parses_in_the_query_threads_stack():
    # rdflib's grammar recurses once per triple: past Python's default recursion limit
    query = "SELECT * WHERE { " + "?s <http://x/p> ?o . " * 400 + "}"
    assert sandbox.run_in_query_thread(check, query).form == "SELECT"


# ---------- the sandbox: even a missed SERVICE cannot connect ----------

needs_seccomp = pytest.mark.skipif(not sandbox.network_filter_supported(), reason="seccomp filter is Linux-only")


@needs_seccomp
def test_a_query_thread_cannot_reach_a_listening_socket(listener):
    import pyoxigraph as ox

    before = listener.contacts

    def run_service_unchecked() -> str:
        try:
            list(ox.Store().query(f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{listener.port}/x> {{ ?s ?p ?o }} }}"))
        except OSError as exc:
            return exc.__class__.__name__
        return "ran"

    assert sandbox.run_in_query_thread(run_service_unchecked) == "PermissionError"
    time.sleep(0.3)
    assert listener.contacts == before
    with socket.create_connection(("127.0.0.1", listener.port)):  # the caller's own thread keeps its network
        pass


def run_query_command(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "migkg", "query", "--graph", str(SERVING_FIXTURE), *args],
                          capture_output=True, text=True, timeout=120)


def test_query_command_refuses_a_deep_query_in_one_line():
    proc = run_query_command("SELECT * WHERE " + "{" * 4000)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.strip().splitlines() == [
        "migkg query: error: query nested too deeply: 4000 levels of brackets (at most 64)"]


def test_query_command_never_contacts_a_service(listener):
    before = listener.contacts
    for query in service_corpus(listener.port)[:4]:
        proc = run_query_command(query)
        assert proc.returncode == 2 and "SERVICE" in proc.stderr and len(proc.stderr.splitlines()) == 1
    assert listener.contacts == before


# ---------- workers ----------

class _FailingStore:
    def query(self, *args: object, **kwargs: object) -> None:
        raise OSError("internal service said: secret-token-42")


class _Graph:
    store = _FailingStore()
    prefixes: dict[str, str] = {}


def test_evaluation_errors_are_not_echoed_to_the_client(capsys):
    reply = workers._answer(_Graph(), ("ASK {}", {"ask": "json"}, 10), sparqlcheck.Limits())
    assert reply == ("error", "QueryError", workers.EVALUATION_FAILED)
    assert "secret-token-42" in capsys.readouterr().err  # the server log keeps the detail


def test_one_client_cannot_hold_every_worker():
    async def scenario() -> list[str]:
        share: FairShare[str] = FairShare(per_client=1)
        share.add("w1")
        share.add("w2")
        order = []
        first = await share.acquire("hog", 1)
        order.append(f"hog:{first}")
        hog_second = asyncio.create_task(share.acquire("hog", 5))
        await asyncio.sleep(0)
        other = await share.acquire("analyst", 1)  # the hog's queue does not stand in the way
        order.append(f"analyst:{other}")
        assert not hog_second.done()
        share.release("analyst", other)
        assert not hog_second.done()  # still over its share while its first query runs
        share.release("hog", first)
        order.append(f"hog:{await hog_second}")
        return order

    assert asyncio.run(scenario()) == ["hog:w1", "analyst:w2", "hog:w2"]


def test_a_waiting_client_gets_the_next_free_worker_before_a_busier_one():
    async def scenario() -> str:
        share: FairShare[str] = FairShare(per_client=2)
        share.add("w1")
        share.add("w2")
        a1 = await share.acquire("a", 1)
        a2 = await share.acquire("a", 1)
        a3 = asyncio.create_task(share.acquire("a", 5))
        await asyncio.sleep(0)
        b1 = asyncio.create_task(share.acquire("b", 5))
        await asyncio.sleep(0)
        share.release("a", a1)
        got = await b1
        share.release("a", a2)
        await a3
        return got

    assert asyncio.run(scenario()) == "w1"


# ---------- the running server ----------

@pytest.fixture(scope="module")
def server():
    process, url = start_migkg(SERVING_FIXTURE, "--time-limit", "5", "--worker-memory", "200",
                               "--workers", "2", "--request-timeout", "2", "--max-connections", "40")
    try:
        with httpx.Client(base_url=url, timeout=60) as client:
            yield client, process, url
    finally:
        stop(process)


def send(client: httpx.Client, how: str, query: str) -> httpx.Response:
    if how == "get":
        return client.get("/sparql", params={"query": query})
    if how == "form":
        return client.post("/sparql", data={"query": query})
    return client.post("/sparql", content=query.encode(), headers={"Content-Type": "application/sparql-query"})


@pytest.mark.parametrize("how", ["get", "form", "body"])
def test_server_refuses_every_service_form_without_contacting_it(server, listener, how):
    client = server[0]
    before = listener.contacts
    for query in service_corpus(listener.port):
        r = send(client, how, query)
        assert r.status_code == 403, query
        assert r.text.strip() == sparqlcheck.SERVICE_MESSAGE
    time.sleep(0.3)
    assert listener.contacts == before


@pytest.mark.parametrize("how", ["get", "form", "body", "update-form", "update-body", "update-get"])
def test_server_refuses_every_update_by_every_route(server, listener, how):
    client = server[0]
    before = listener.contacts
    for update in UPDATES:
        if how == "update-form":
            r = client.post("/sparql", data={"update": update})
        elif how == "update-body":
            r = client.post("/sparql", content=update, headers={"Content-Type": "application/sparql-update"})
        elif how == "update-get":
            r = client.get("/sparql", params={"update": update})
        else:
            r = send(client, how, update)
        assert r.status_code == 403 and "read-only" in r.text, (how, update)
    assert client.get("/sparql", params={"query": "ASK { <urn:a> ?p ?o }"}).json()["boolean"] is False
    time.sleep(0.3)
    assert listener.contacts == before


def test_server_answers_a_deep_query_with_400_and_keeps_its_workers(server):
    client, process, _ = server
    r = client.get("/sparql", params={"query": "SELECT * WHERE " + "{" * 4000})
    assert r.status_code == 400 and "nested too deeply" in r.text
    assert process.poll() is None
    assert client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).json()["boolean"] is True


def test_a_query_past_the_memory_cap_gets_503_and_the_server_recovers(server):
    client = server[0]
    r = client.get("/sparql", params={"query": HOG})
    assert r.status_code == 503 and "memory limit of 200 MB" in r.text
    for _ in range(3):
        assert client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).status_code == 200


def test_a_page_does_not_wait_for_a_slow_check(server):
    client, _, url = server
    # rdflib reads a long IN list slowly (the word "insert" in the comment makes the guard read the
    # parse tree): the query occupies a worker, never the event loop
    slow = "SELECT * WHERE { ?s ?p ?o FILTER(?o IN (" + "1," * 15000 + "1)) } # insert"
    done: list[str] = []

    def slow_query() -> None:
        with httpx.Client(base_url=url, timeout=60) as other:
            other.post("/sparql", content=slow, headers={"Content-Type": "application/sparql-query"})
        done.append("query")

    thread = threading.Thread(target=slow_query)
    thread.start()
    time.sleep(0.5)
    assert client.get(ENTITY).status_code == 200
    done.append("page")
    thread.join(60)
    assert done == ["page", "query"]


def test_idle_half_sent_requests_do_not_lock_out_other_clients(server):
    client, _, url = server
    port = int(url.rsplit(":", 1)[1])
    idle = []
    for _ in range(60):  # more than --max-connections 40
        s = socket.create_connection(("127.0.0.1", port))
        s.sendall(b"GET /sparql HTTP/1.1\r\nHost: x\r\n")  # a head that never ends
        idle.append(s)
    try:
        with httpx.Client(base_url=url, timeout=30) as fresh:
            for _ in range(5):
                assert fresh.get(ENTITY).status_code == 200
        time.sleep(3)  # past --request-timeout: the server closed every one of them
        closed = 0
        for s in idle:
            s.settimeout(5)
            try:
                closed += s.recv(100) == b""
            except (ConnectionResetError, socket.timeout):
                closed += 1
        assert closed == len(idle)
    finally:
        for s in idle:
            s.close()


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process table from /proc")
def test_workers_die_with_a_killed_server_even_mid_query():
    port = free_port()
    log = open(os.devnull, "wb")
    process = subprocess.Popen([sys.executable, "-m", "migkg", "serve", str(SERVING_FIXTURE), "--port", str(port),
                                "--time-limit", "60"], stdout=log, stderr=log)
    try:
        url = f"http://127.0.0.1:{port}"
        wait_for(url + "/sparql", process)
        children = _children(process.pid)
        assert len(children) == 2
        threading.Thread(target=lambda: _quietly(url), daemon=True).start()
        time.sleep(1.5)
        process.kill()
        process.wait(10)
        deadline = time.monotonic() + 10
        while any(_running(c) for c in children) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not any(_running(c) for c in children)
    finally:
        if process.poll() is None:
            process.kill()
        log.close()


def _quietly(url: str) -> None:
    try:
        httpx.get(url + "/sparql", params={"query": SLOW}, timeout=60)
    except httpx.HTTPError:
        pass


def _raw_get(sock: socket.socket, path: str) -> bytes:
    sock.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
    sock.settimeout(10)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = next((int(line.split(b":")[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length")), 0)
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        body += chunk
    return head


def test_idle_sockets_of_one_address_never_push_out_another_clients_connection(server):
    _, _, url = server
    port = int(url.rsplit(":", 1)[1])
    kept = socket.create_connection(("127.0.0.1", port))
    idle = []
    try:
        assert _raw_get(kept, ENTITY).startswith(b"HTTP/1.1 200")  # now idle, kept alive
        for _ in range(60):  # more than --max-connections 40, all from another address
            s = socket.socket()
            s.bind(("127.0.0.2", 0))
            s.connect(("127.0.0.1", port))
            s.sendall(b"GET /sparql HTTP/1.1\r\nHost: x\r\n")
            idle.append(s)
        time.sleep(0.3)
        assert _raw_get(kept, ENTITY).startswith(b"HTTP/1.1 200")  # the same connection still serves
    finally:
        kept.close()
        for s in idle:
            s.close()
