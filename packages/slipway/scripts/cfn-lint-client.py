"""Runs `cfn-lint-registry.py <arguments>` on a warm `cfn-lint-server.py` and behaves as that run:
the same bytes on stdout and stderr, the same exit status. It imports nothing heavy, so it starts
in a tenth of a second where cfn-lint takes three.

Usage: python3 cfn-lint-client.py <socket path> <cfn-lint arguments>
"""

import json
import os
import socket
import sys


def _fail(socket_path, problem):  # type: ignore[no-untyped-def]
    sys.stderr.write(
        f"cfn-lint server at {socket_path} {problem}. Fix: run the tests through vitest, whose "
        "global setup starts the server, or unset SLIPWAY_CFN_LINT_SERVER to run cfn-lint once "
        "per call.\n"
    )
    sys.exit(1)


def main(socket_path, argv):  # type: ignore[no-untyped-def]
    request = json.dumps({"argv": argv, "cwd": os.getcwd()}).encode("utf-8", "surrogateescape")
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
            connection.connect(socket_path)
            connection.sendall(request)
            connection.shutdown(socket.SHUT_WR)
            chunks = []
            while chunk := connection.recv(1 << 20):
                chunks.append(chunk)
    except OSError as error:
        _fail(socket_path, f"did not answer ({error})")
    if not chunks:
        _fail(socket_path, "closed the connection without an answer (its lint run crashed)")
    answer = json.loads(b"".join(chunks))
    sys.stdout.buffer.write(answer["stdout"].encode("utf-8", "surrogateescape"))
    sys.stderr.buffer.write(answer["stderr"].encode("utf-8", "surrogateescape"))
    sys.stdout.flush()
    sys.stderr.flush()
    sys.exit(answer["status"])


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: cfn-lint-client.py <socket path> <cfn-lint arguments>")
    main(sys.argv[1], sys.argv[2:])
