"""`abletonosc mcp` as a subprocess, talked to with the MCP SDK's own client (stdio or HTTP).

The client runs on an event loop in a thread of its own, so a test calls tools one after the
other (or starts one and does something meanwhile) with plain blocking calls.
"""
import asyncio
import os
import subprocess
import sys
import threading

import pytest

from tests.tooling import IN_CI

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CALL_TIMEOUT = 60.0


def require_sdk():
    """Skip where the MCP SDK cannot be installed (before Python 3.10); where it can, fail under CI without it."""
    if sys.version_info < (3, 10):
        pytest.skip("the MCP SDK needs Python 3.10 or later")
    try:
        import mcp  # noqa: F401
    except ImportError:
        message = "the MCP SDK is not installed (requirements-dev.txt: mcp)"
        if IN_CI:
            pytest.fail(message + "; CI must have it", pytrace=False)
        pytest.skip(message)


def server_command(port, *options):
    """The argv of `abletonosc mcp` reaching AbletonOSC on ``port`` (replies to an ephemeral port)."""
    return [sys.executable, "-m", "abletonosc_client", "mcp", "--port", str(port), "--reply-port", "0"] + list(options)


class McpSession(object):
    """One MCP client session with a server started for it (stdio) or by it (HTTP)."""

    def __init__(self, transport, argv):
        self.transport = transport
        self.argv = list(argv)
        self.process = None
        self.loop = None
        self.client = None
        self._ready = threading.Event()
        self._failure = None
        self._stop = None
        self._thread = threading.Thread(target=self._run, name="mcp-client", daemon=True)

    def start(self):
        from mcp.client.stdio import StdioServerParameters

        if self.transport == "http":
            target = self._start_http()
        else:
            target = StdioServerParameters(command=self.argv[0], args=self.argv[1:], cwd=ROOT,
                                           env={"PYTHONPATH": ROOT})
        self._target = target
        self._thread.start()
        if not self._ready.wait(CALL_TIMEOUT):
            raise AssertionError("the MCP session did not start")
        if self._failure is not None:
            raise self._failure
        return self

    def _start_http(self):
        env = dict(os.environ, PYTHONPATH=ROOT)
        self.process = subprocess.Popen(self.argv + ["--http", "0"], cwd=ROOT, env=env, stdin=subprocess.DEVNULL,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                        universal_newlines=True)
        seen = []
        for line in self.process.stderr:
            seen.append(line)
            if "http://127.0.0.1:" in line:
                url = line[line.index("http://"):].split()[0]
                threading.Thread(target=self._drain, daemon=True).start()
                return url
        raise AssertionError("the HTTP server did not say where it listens: %s" % "".join(seen))

    def _drain(self):
        for _line in self.process.stderr:
            pass

    def _run(self):
        asyncio.run(self._main())

    async def _main(self):
        from mcp import Client

        self.loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        try:
            async with Client(self._target) as client:
                self.client = client
                self._ready.set()
                await self._stop.wait()
        except BaseException as error:  # reported to the test thread
            self._failure = error
        finally:
            self._ready.set()

    def submit(self, coroutine):
        """Run a coroutine on the session's loop; returns a concurrent Future."""
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop)

    def tools(self):
        """The listed tools."""
        return self.submit(self.client.list_tools()).result(CALL_TIMEOUT).tools

    def start_call(self, name, arguments=None):
        """Start a tool call; ``.result()`` of the returned future is the CallToolResult."""
        return self.submit(self.client.call_tool(name, arguments or {}))

    def call(self, name, arguments=None):
        """A tool's structured result; AssertionError with its text when the tool failed."""
        result = self.start_call(name, arguments).result(CALL_TIMEOUT)
        if result.is_error:
            raise AssertionError("%s failed: %s" % (name, text_of(result)))
        return result.structured_content

    def error(self, name, arguments=None):
        """The error text of a tool call that must fail."""
        result = self.start_call(name, arguments).result(CALL_TIMEOUT)
        assert result.is_error, "%s should have failed, got %r" % (name, result.structured_content)
        return text_of(result)

    def close(self):
        if self.loop is not None and self._stop is not None:
            self.loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(CALL_TIMEOUT)
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)


def text_of(result):
    """The text content of a tool result."""
    return "".join(getattr(item, "text", "") for item in result.content)
