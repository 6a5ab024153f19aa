"""Annotation as Ray tasks, on a local Ray or an existing cluster (`Settings.executor` "ray").

The driver ingests, sends the new documents in batches of `Settings.batch_size` to Ray workers,
and stores the annotations through its one store writer as they come back: each batch is a
streaming generator task that yields one annotation per document as soon as it is done, and the
driver takes them in the order of the documents, so that the store is the one a local run
writes. At most `IN_FLIGHT_PER_CPU` batches per CPU of the cluster are out at once: a slow store
or a fast cluster cannot pile results up in memory. A batch whose worker dies is run again by Ray
(`TASK_RETRIES`; annotation is deterministic, so the retry yields what the first try did); a
driver that dies loses only the documents out, as the next run skips the documents stored.

Importing this module imports Ray: `analyze` imports it only for the ray executor."""

from __future__ import annotations

import logging
import os
import socket
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from itertools import islice
from typing import Any, TypeVar

import ray
from ray.exceptions import RayError, RayTaskError

from counterpoint.config import Settings
from counterpoint.errors import CounterpointError, InputError
from counterpoint.nlp.annotate import annotate
from counterpoint.records import Annotation, Document

IN_FLIGHT_PER_CPU = 2  # batches out per CPU: one running, one waiting in the worker's queue
TASK_RETRIES = 3  # runs of a batch whose worker process died, after the first
CONNECT_SECONDS = 10  # a cluster address that does not answer within this is an error

T = TypeVar("T")
_GivenUp = tuple[str, str]  # (path, reason) of a document given up: InputError does not pickle


def annotate_batch(documents: list[Document], settings: Settings) -> Iterator[Any]:
    """One batch annotated in a Ray worker with one spaCy process (Ray runs a task per CPU),
    yielding each document's `Annotation`, or its `_GivenUp`, in order. The pipeline stays
    loaded in the worker process for its next batches (`load_pipeline` is cached)."""
    given_up: list[_GivenUp] = []
    one_process = replace(settings, workers=1)
    for annotation in annotate(
        documents, one_process, lambda e: given_up.append((e.path, e.reason))
    ):
        yield from given_up  # the documents given up before this one
        given_up.clear()
        yield annotation
    yield from given_up


_annotate_batch = ray.remote(max_retries=TASK_RETRIES)(annotate_batch)


def annotate_on_ray(
    documents: Iterable[Document],
    settings: Settings | None = None,
    on_error: Callable[[InputError], None] | None = None,
) -> Iterator[Annotation]:
    """What `nlp.annotate.annotate` yields, with the work done by Ray tasks: one `Annotation`
    per document in the order given, a document an extractor failed on sent to `on_error`
    (raised without one)."""
    settings = settings or Settings()
    with connected(settings):
        shared = ray.put(settings)
        batches = _batches(documents, settings.batch_size)
        for item in in_order(
            lambda batch: _annotate_batch.remote(batch, shared), batches, in_flight_limit()
        ):
            if isinstance(item, Annotation):
                yield item
                continue
            error = InputError(*item)
            if on_error is None:
                raise error
            on_error(error)


def _batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    """Lists of `size` documents (the last one shorter), read from `documents` as needed."""
    items = iter(documents)
    while batch := list(islice(items, size)):
        yield batch


def in_order(
    submit: Callable[[T], ray.ObjectRefGenerator], items: Iterable[T], limit: int
) -> Iterator[Any]:
    """What the generator task `submit(item)` yields, for each item in the items' order, with
    at most `limit` tasks submitted and not yet consumed to their end: the next item is read
    only when a task's last result is taken, which is the back-pressure. Tasks still out when
    the consumer stops are cancelled."""
    pending: deque[ray.ObjectRefGenerator] = deque()
    try:
        for item in items:
            if len(pending) >= limit:
                yield from _results(pending[0])
                pending.popleft()
            pending.append(submit(item))
        while pending:
            yield from _results(pending[0])
            pending.popleft()
    finally:
        for task in pending:
            ray.cancel(task)


def _results(task: ray.ObjectRefGenerator) -> Iterator[Any]:
    """A generator task's results as they come; Ray's own failures (a worker dead on each of its
    tries, a lost node) become one line for the user. A failure in the task's code is raised as
    it is."""
    try:
        for ref in task:
            yield ray.get(ref)
    except RayTaskError:
        raise
    except RayError as error:
        raise CounterpointError(
            f"a Ray task failed ({type(error).__name__}: {error}); the documents stored so far "
            "are kept, run again to resume"
        ) from error


def in_flight_limit() -> int:
    """Batches out at once: `IN_FLIGHT_PER_CPU` for each CPU of the cluster."""
    cpus = ray.cluster_resources().get("CPU", 1)
    return max(1, int(cpus * IN_FLIGHT_PER_CPU))


@contextmanager
def connected(settings: Settings) -> Iterator[None]:
    """Ray, connected for the run: the Ray this process already joined (`ray.init` called by
    the caller; `ray_address` is not read then), else the cluster at `settings.ray_address`,
    else a local Ray of `settings.workers` CPUs started for the run
    and stopped after it (usage statistics off: nothing leaves the machine)."""
    if ray.is_initialized():
        yield
        return
    if settings.ray_address is not None:
        check_reachable(settings.ray_address)
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    options: dict[str, Any] = {"logging_level": logging.ERROR, "include_dashboard": False}
    try:
        if settings.ray_address is None:
            ray.init(address="local", num_cpus=settings.workers, **options)
        else:
            ray.init(address=settings.ray_address, **options)
    except (ConnectionError, RuntimeError, ValueError) as error:
        where = settings.ray_address or "a local Ray"
        raise CounterpointError(f"cannot start or reach Ray at {where}: {error}") from error
    try:
        yield
    finally:
        ray.shutdown()


def check_reachable(address: str) -> None:
    """A "HOST:PORT" address where nothing answers is said at once: Ray itself would wait for
    minutes. "auto" and "ray://" addresses are left to Ray."""
    host, _, port = address.rpartition(":")
    if "://" in address or not host or not port.isdigit():
        return
    try:
        socket.create_connection((host, int(port)), timeout=CONNECT_SECONDS).close()
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise CounterpointError(f"no Ray cluster answers at {address} ({reason})") from None
