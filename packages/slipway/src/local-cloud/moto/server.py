"""Slipway's local cloud: moto's server with the CloudFormation support Slipway's templates need.

Run by the kit's launcher as `python server.py --host 127.0.0.1 --port <port>`. It imports moto,
applies the patches in this folder (each module says what it adds and why), then hands over to
moto's own server.
"""

import sys

EXIT_MOTO_MISSING = 3


def main() -> None:
    try:
        import moto
        from moto import server as moto_server
    except ImportError as error:
        print(f"moto is not importable from {sys.executable}: {error}", file=sys.stderr)
        sys.exit(EXIT_MOTO_MISSING)
    if not moto.__version__.startswith("5."):
        print(
            f"warning: Slipway's patches were written for moto 5.x, found {moto.__version__}",
            file=sys.stderr,
        )

    import slipway_moto

    applied = slipway_moto.apply()
    print(f"slipway local cloud: moto {moto.__version__}, {len(applied)} patches", flush=True)
    moto_server.main(sys.argv[1:])


if __name__ == "__main__":
    main()
