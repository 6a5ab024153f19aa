"""What a benchmark records of the machine it ran on, and how it prints it."""

from __future__ import annotations

import os
import platform
from typing import Any


def machine_info() -> dict[str, Any]:
    return {
        "cpu_count": os.cpu_count(),
        "platform": platform.platform(),
        "python": platform.python_version(),
    }


def describe(info: dict[str, Any]) -> str:
    return f"{info['cpu_count']} CPUs, {info['platform']}, Python {info['python']}"
