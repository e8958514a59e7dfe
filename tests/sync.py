"""Run a coroutine to the end from synchronous (module-scoped) fixtures.

asyncio.run() in the test thread would reset that thread's event loop and let pytest-asyncio's
previous loop be collected unclosed (a ResourceWarning, an error here); a thread of its own
keeps the two apart.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


def run_sync(coroutine: Coroutine[Any, Any, T]) -> T:
    return in_thread(asyncio.run, coroutine)


def in_thread(function: Callable[..., T], *args: Any) -> T:
    """Call `function` in a thread of its own (for code that calls asyncio.run itself)."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(function, *args).result()
