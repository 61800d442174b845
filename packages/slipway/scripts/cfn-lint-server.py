"""cfn-lint-registry.py, kept warm: one Python that has imported cfn-lint lints many requests.

A one-shot `cfn-lint-registry.py` run spends about three seconds importing cfn-lint, loading its
rules and reading region schemas before it looks at a template. This server pays that once, then
listens on a Unix socket and forks a child per request, so parallel callers each lint with warm
imports and no request sees another's state: every child starts from the same warmed parent.

A request is one JSON object, `{"argv": [...], "cwd": "..."}`: the arguments the script takes
(`--registry-schemas <dir> --format json --regions ... -- files`) and the directory to resolve
them from. The child runs cfn-lint's own `main()` with them, its file descriptors 1 and 2 on
temporary files, and answers `{"stdout": ..., "stderr": ..., "status": n}` with what the
one-shot process would have printed and its exit status. Bytes that are not UTF-8 travel as
surrogate escapes, so the client writes back exactly the bytes cfn-lint wrote.

Usage: python3 cfn-lint-server.py <socket path> [region ...]
Prints `ready <python executable>` once it listens; exits when the process that started it does.
"""

import importlib
import json
import os
import socketserver
import sys
import tempfile
import traceback

# Importing the registry script applies its registry-schema lookup to cfn-lint, as running it does.
importlib.import_module("cfn-lint-registry")

import cfnlint.config  # noqa: E402
from cfnlint.rules import Rules  # noqa: E402
from cfnlint.runner import main  # noqa: E402
from cfnlint.schema import PROVIDER_SCHEMA_MANAGER  # noqa: E402

_DEFAULT_RULES_DIR = cfnlint.config._DEFAULT_RULESDIR
_load_rules_dir = Rules.create_from_directory.__func__  # type: ignore[attr-defined]
_unused_default_rules = None


def _default_rules_once(cls, rulesdir):  # type: ignore[no-untyped-def]
    """The default rules, loaded in the parent but never run: the request's first load takes them.

    cfn-lint executes every rule file again on each run (about 0.6 s), and a run configures the
    rule objects it uses, so only a set no run has touched stands in for a fresh load.
    """
    global _unused_default_rules
    if rulesdir == _DEFAULT_RULES_DIR and _unused_default_rules is not None:
        rules, _unused_default_rules = _unused_default_rules, None
        return rules
    return _load_rules_dir(cls, rulesdir)


def _exit_status(code):  # type: ignore[no-untyped-def]
    """The status a process exiting with SystemExit(code) reports, as Python's own exit does."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    print(code, file=sys.stderr)
    return 1


def run_cfn_lint(argv):  # type: ignore[no-untyped-def]
    """cfn-lint's command line in this process, as `cfn-lint-registry.py <argv>` runs it."""
    sys.argv = ["cfn-lint", *argv]
    try:
        main()
        return 0
    except SystemExit as exit_:
        return _exit_status(exit_.code)
    except BaseException:  # noqa: BLE001 -- the one-shot script would die with this traceback
        traceback.print_exc()
        return 1


def _warm(regions):  # type: ignore[no-untyped-def]
    """Loads what every run reads: cfn-lint's modules and each region's table of types (by linting
    a one-resource template in those regions), and an untouched default rule set."""
    global _unused_default_rules
    with tempfile.TemporaryDirectory() as folder:
        template = os.path.join(folder, "warm.template.json")
        with open(template, "w", encoding="utf-8") as handle:
            json.dump({"Resources": {"Topic": {"Type": "AWS::SNS::Topic"}}}, handle)
        region_args = ["--regions", *regions] if regions else []
        saved = os.dup(1)
        with open(os.devnull, "w") as devnull:
            os.dup2(devnull.fileno(), 1)
            try:
                status = run_cfn_lint(["--format", "json", *region_args, "--", template])
            finally:
                sys.stdout.flush()
                os.dup2(saved, 1)
                os.close(saved)
    if status != 0:
        raise SystemExit(f"cfn-lint-server: warming up failed (cfn-lint exit {status})")
    # Keep the imported region modules, drop the looked-up schemas: those lookups are cached as
    # the registry schemas stood (none here), and a request that brings some must not find a
    # type list or schema cached without them, as a fresh process would not.
    PROVIDER_SCHEMA_MANAGER.reset()
    PROVIDER_SCHEMA_MANAGER.get_type_ref.cache_clear()
    _unused_default_rules = _load_rules_dir(Rules, _DEFAULT_RULES_DIR)
    Rules.create_from_directory = classmethod(_default_rules_once)


def _read_request(connection):  # type: ignore[no-untyped-def]
    chunks = []
    while True:
        chunk = connection.recv(65536)
        if not chunk:
            break
        chunks.append(chunk)
    request = json.loads(b"".join(chunks).decode("utf-8", "surrogateescape"))
    argv, cwd = request.get("argv"), request.get("cwd")
    if not isinstance(argv, list) or not all(isinstance(a, str) for a in argv):
        raise ValueError('request.argv must be a list of strings: cfn-lint\'s arguments')
    if not isinstance(cwd, str):
        raise ValueError("request.cwd must be a string: the directory to resolve files from")
    return argv, cwd


class LintRequest(socketserver.BaseRequestHandler):
    """Runs in the forked child: one cfn-lint run, then the child exits."""

    def handle(self):  # type: ignore[no-untyped-def]
        try:
            argv, cwd = _read_request(self.request)
        except (ValueError, UnicodeDecodeError) as error:
            self._answer(b"", f"cfn-lint-server: bad request: {error}\n".encode(), 1)
            return
        captured = [tempfile.TemporaryFile(), tempfile.TemporaryFile()]
        sys.stdout.flush()
        sys.stderr.flush()
        with open(os.devnull, "rb") as devnull:
            os.dup2(devnull.fileno(), 0)
        os.dup2(captured[0].fileno(), 1)
        os.dup2(captured[1].fileno(), 2)
        os.chdir(cwd)
        status = run_cfn_lint(argv)
        sys.stdout.flush()
        sys.stderr.flush()
        out, err = (self._read_back(file) for file in captured)
        self._answer(out, err, status)

    @staticmethod
    def _read_back(file):  # type: ignore[no-untyped-def]
        file.seek(0)
        return file.read()

    def _answer(self, stdout, stderr, status):  # type: ignore[no-untyped-def]
        answer = {
            "stdout": stdout.decode("utf-8", "surrogateescape"),
            "stderr": stderr.decode("utf-8", "surrogateescape"),
            "status": status,
        }
        self.request.sendall(json.dumps(answer).encode("utf-8", "surrogateescape"))


class ForkingUnixServer(socketserver.ForkingMixIn, socketserver.UnixStreamServer):
    # Several test workers lint at once; the default of 40 children is more than enough.
    block_on_close = False


def serve(socket_path, regions):  # type: ignore[no-untyped-def]
    _warm(regions)
    parent = os.getppid()
    with ForkingUnixServer(socket_path, LintRequest) as server:
        # Wake up now and then to reap children and to notice the starter is gone (the pipe to it
        # closes, its pid is no longer our parent): a server must not outlive its test run.
        server.timeout = 1.0
        print(f"ready {sys.executable}", flush=True)
        while os.getppid() == parent:
            server.handle_request()


if __name__ == "__main__":
    if len(sys.argv) < 2:
        raise SystemExit("usage: cfn-lint-server.py <socket path> [region ...]")
    serve(sys.argv[1], sys.argv[2:])
