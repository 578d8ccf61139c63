"""Load test: gunicorn on loopback, a mixed read and forum-write workload for a fixed time.

    .venv/bin/python benchmarks/loadtest.py --size M --servers 1 [--seconds 60] [--users 8]
    .venv/bin/python benchmarks/loadtest.py --size M --servers 2

Starts ``--servers`` separate gunicorn masters (one worker process, four threads each) on
127.0.0.1 ports 8101, 8102, ... with the benchmark settings (PostgreSQL
``puente_bench_<size>`` built by ``generate.py``, Redis for cache and sessions, the
anonymous page cache on), and drives them round-robin from ``--users`` threads for
``--seconds``: ``--writers`` of them are signed-in members who open a topic's reply form
and post a reply carrying a unique marker, every ``--think`` seconds; the others are
anonymous readers fetching the key pages and random knowledge-base and topic pages (so
both cache hits and misses). It prints throughput, latency percentiles and errors, then counts
the marked posts in the database: every reply the server accepted must be there exactly
once, and no other. Traffic goes to loopback only, and stops by itself.
"""

import argparse
import os
import random
import re
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.bench_settings")
CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')
BASE_PORT = 8101


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = {"read": [], "write": []}
        self.errors = []
        self.accepted = []
        self.cache_hits = 0

    def record(self, kind, seconds, cache_hit=False):
        with self.lock:
            self.latencies[kind].append(seconds * 1000)
            self.cache_hits += cache_hit

    def error(self, what):
        with self.lock:
            self.errors.append(what)


class Browser:
    """Keeps cookies like a browser, follows no redirect (a redirect is an answer here)."""

    def __init__(self, cookies: dict[str, str]):
        self.cookies = dict(cookies)
        self.opener = urllib.request.build_opener(NoRedirect)
        self.cache_hit = False  # whether the last answer came from the anonymous page cache

    def fetch(self, url, data=None, timeout=30):
        request = urllib.request.Request(url, data=data)
        if self.cookies:
            request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        try:
            with self.opener.open(request, timeout=timeout) as response:
                status, headers, body = response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            status, headers, body = error.code, error.headers, error.read()
        self.cache_hit = headers.get("X-Cache") == "hit"
        for cookie in headers.get_all("Set-Cookie") or []:
            name, _sep, value = cookie.split(";", 1)[0].partition("=")
            self.cookies[name.strip()] = value.strip()
        return status, body


def reader(servers, urls, stats, stop, seed):
    rng = random.Random(seed)
    browser = Browser({})
    turn = seed
    while not stop.is_set():
        server = servers[turn % len(servers)]
        turn += 1
        url = rng.choice(urls)
        started = time.perf_counter()
        try:
            status, _body = browser.fetch(server + url)
        except OSError as error:
            stats.error(f"read {url}: {error}")
            continue
        stats.record("read", time.perf_counter() - started, browser.cache_hit)
        if status != 200:
            stats.error(f"read {url}: {status}")


def writer(servers, session_key, topics, marker, stats, stop, seed, think):
    rng = random.Random(seed)
    browser = Browser({"sessionid": session_key})
    turn = seed
    number = 0
    while not stop.is_set():
        server = servers[turn % len(servers)]
        turn += 1
        topic_url, reply_url = rng.choice(topics)
        started = time.perf_counter()
        try:
            status, body = browser.fetch(server + reply_url)
            token = CSRF.search(body)
            if status != 200 or token is None:
                stats.error(f"reply form {reply_url}: {status}")
                continue
            number += 1
            text = f"Respuesta de prueba {marker}-{seed}-{number}"
            form = urllib.parse.urlencode(
                {"csrfmiddlewaretoken": token.group(1).decode(), "source": text, "language": "es"}
            ).encode()
            status, _body = browser.fetch(server + reply_url, data=form)
        except OSError as error:
            stats.error(f"write {reply_url}: {error}")
            continue
        stats.record("write", time.perf_counter() - started)
        if status == 302:
            with stats.lock:
                stats.accepted.append(text)
        else:
            stats.error(f"write {reply_url}: {status}")
        stop.wait(think)


def workload(rng):
    """Reader URLs (key pages and random pages) and writers' topics, from the database."""
    from benchmarks.pages import key_pages
    from forum.models import CategoryPage, Topic
    from kb.models import CareModelPage, GoodPracticePage, OrganisationPage, PolicyPositionPage

    pages, _member = key_pages()
    urls = [url for _name, url, signed_in in pages if not signed_in]
    for model in (GoodPracticePage, CareModelPage, OrganisationPage, PolicyPositionPage):
        ids = list(model.objects.live().values_list("pk", flat=True))
        for pk in rng.sample(ids, min(60, len(ids))):
            urls.append(model.objects.get(pk=pk).url)
    public = Topic.objects.filter(category__visibility="public", is_locked=False)
    topic_ids = list(public.values_list("pk", flat=True))
    categories = {c.pk: c for c in CategoryPage.objects.filter(visibility="public")}
    for pk in rng.sample(topic_ids, min(100, len(topic_ids))):
        topic = Topic.objects.get(pk=pk)
        urls.append(categories[topic.category_id].topic_url(topic))
    writable = [
        Topic.objects.get(pk=pk)
        for pk in rng.sample(topic_ids, min(20, len(topic_ids)))
        + list(public.filter(last_position__gte=1_000).values_list("pk", flat=True)[:1])
    ]
    topics = [
        (
            categories[t.category_id].topic_url(t),
            categories[t.category_id].sub_url("reply", t.pk),
        )
        for t in writable
    ]
    return urls, topics


def member_sessions(count):
    """Session keys of ``count`` members allowed to post, stored as a login would store them."""
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )
    from django.contrib.sessions.backends.cached_db import SessionStore

    members = get_user_model().objects.filter(memberships__isnull=False, is_active=True)
    users = [u for u in members.order_by("pk").distinct() if u.has_perm("forum.participate")]
    keys = []
    for user in users[:count]:
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.save()
        keys.append(session.session_key)
    return keys


def start_servers(count, workers_log):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    processes = []
    for index in range(count):
        port = BASE_PORT + index
        processes.append(
            subprocess.Popen(
                [
                    str(Path(sys.executable).parent / "gunicorn"),
                    "config.wsgi",
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--workers",
                    "1",
                    "--threads",
                    "4",
                    "--worker-class",
                    "gthread",
                    "--timeout",
                    "60",
                ],
                cwd=ROOT,
                env=env,
                stdout=workers_log,
                stderr=workers_log,
                start_new_session=True,
            )
        )
    servers = addresses(count)
    deadline = time.monotonic() + 60
    for server in servers:
        while True:
            try:
                Browser({}).fetch(server + "/floor/", timeout=5)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)
    return processes


def addresses(count):
    return [f"http://127.0.0.1:{BASE_PORT + i}" for i in range(count)]


def stop_servers(processes):
    for process in processes:
        os.killpg(process.pid, signal.SIGTERM)
    for process in processes:
        process.wait(timeout=30)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", default="M")
    parser.add_argument("--servers", type=int, default=1)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--users", type=int, default=8)
    parser.add_argument("--writers", type=int, default=2)
    parser.add_argument("--think", type=float, default=2.0, help="seconds between a writer's posts")
    args = parser.parse_args()
    os.environ.setdefault(
        "BENCH_DATABASE_URL", f"postgres://postgres@127.0.0.1:5432/puente_bench_{args.size.lower()}"
    )
    import django

    django.setup()
    from django.core.cache import cache

    from benchmarks.pages import percentile
    from forum.models import Post

    rng = random.Random(7)
    cache.clear()
    urls, topics = workload(rng)
    sessions = member_sessions(args.writers)
    marker = uuid.uuid4().hex[:10]
    log = open(f"/tmp/puente_loadtest_{args.servers}.log", "w")  # noqa: SIM115
    servers = addresses(args.servers)
    stats = Stats()
    stop = threading.Event()
    threads = [
        threading.Thread(
            target=writer,
            args=(servers, key, topics, marker, stats, stop, i, args.think),
        )
        for i, key in enumerate(sessions)
    ] + [
        threading.Thread(target=reader, args=(servers, urls, stats, stop, i))
        for i in range(len(sessions), args.users)
    ]
    processes = start_servers(args.servers, log)
    try:
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        time.sleep(args.seconds)
        stop.set()
        for thread in threads:
            thread.join(timeout=60)
        elapsed = time.perf_counter() - started
    finally:
        stop_servers(processes)
        log.close()

    reads, writes = stats.latencies["read"], stats.latencies["write"]
    stored = list(
        Post.objects.filter(source__contains=f" {marker}-").values_list("source", flat=True)
    )
    duplicates = len(stored) - len(set(stored))
    lost = len(set(stats.accepted) - set(stored))
    unexpected = len(set(stored) - set(stats.accepted))
    print(
        f"servers {args.servers} (separate gunicorn masters, 1 worker x 4 threads each), "
        f"{args.users} users ({args.writers} writing, {args.think:g} s between posts), "
        f"{elapsed:.0f} s, size {args.size}"
    )
    requests = len(reads) + 2 * len(writes)
    print(f"  requests: {requests} ({requests / elapsed:.1f}/s)")
    for kind, values in (("read", reads), ("write (form + post)", writes)):
        if values:
            print(
                f"  {kind}: {len(values)}, median {statistics.median(values):.0f} ms, "
                f"p95 {percentile(values, 0.95):.0f} ms, p99 {percentile(values, 0.99):.0f} ms, "
                f"max {max(values):.0f} ms"
            )
    if reads:
        print(f"  reads answered from the page cache: {stats.cache_hits / len(reads):.0%}")
    print(f"  errors: {len(stats.errors)}" + (f" e.g. {stats.errors[:3]}" if stats.errors else ""))
    print(
        f"  posts accepted: {len(stats.accepted)}, in the database: {len(stored)}, "
        f"lost: {lost}, duplicated: {duplicates}, unexpected: {unexpected}"
    )


if __name__ == "__main__":
    main()
