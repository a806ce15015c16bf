"""Test-only: every answer names the worker process that made it."""

from __future__ import annotations

import os


def worker_pid_middleware(get_response):
    def middleware(request):
        response = get_response(request)
        response["X-Worker-Pid"] = str(os.getpid())
        return response

    return middleware
