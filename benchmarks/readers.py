"""Readers for the fault runs: threads asking servers for pages in turn until stopped, each answer counted under the
phase of the run it came back in, and each 200 checked against what that page must say."""

import http.client
import itertools
import threading
from collections import Counter

NO_ANSWER = "no answer"
WRONG_PAGE = "wrong page"
TIMEOUT_SECONDS = 60


class Readers:
    """`threads` readers for each server in `ports` ({name: port}), each walking `pages` ({path: text a 200 answer
    must hold}) from its own starting point."""

    def __init__(self, ports, pages, threads=3):
        self.ports = ports
        self.pages = list(pages.items())
        self.threads = threads
        self.phase = "start"
        self.counts = Counter()
        self.wrong = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._running = []

    def __enter__(self):
        for number, (server, _) in enumerate(itertools.product(self.ports, range(self.threads))):
            reader = threading.Thread(target=self._read, args=(server, self.ports[server], number), daemon=True)
            reader.start()
            self._running.append(reader)
        return self

    def __exit__(self, *exc_info):
        self._stop.set()
        for reader in self._running:
            reader.join(timeout=TIMEOUT_SECONDS)

    def answers(self, phase):
        """{server: {outcome: count}} for one phase."""
        with self._lock:
            found = {server: Counter() for server in self.ports}
            for (counted_phase, server, outcome), n in self.counts.items():
                if counted_phase == phase:
                    found[server][outcome] += n
            return found

    def _read(self, server, port, start):
        connection = None
        for position in itertools.count(start * 7919):
            if self._stop.is_set():
                break
            path, must_say = self.pages[position % len(self.pages)]
            phase = self.phase
            try:
                connection = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT_SECONDS)
                connection.request("GET", path, headers={"Host": "127.0.0.1"})
                response = connection.getresponse()
                body = response.read().decode("utf-8", "replace")
                outcome = str(response.status)
                if response.status == 200 and must_say not in body:
                    outcome = WRONG_PAGE
                    self.wrong.append((phase, server, path))
            except (OSError, http.client.HTTPException):
                outcome = NO_ANSWER
                connection.close()
                connection = None
            with self._lock:
                self.counts[phase, server, outcome] += 1
        if connection is not None:
            connection.close()
