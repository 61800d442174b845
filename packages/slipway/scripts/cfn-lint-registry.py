"""cfn-lint, with the registry schemas it is given (`--registry-schemas`) applied to their resources.

cfn-lint 1.x loads a directory of CloudFormation registry schemas and stops reporting their types
as unknown (E3006), but its per-region lookup (`ProviderSchemaManager.get_resource_schemas_by_regions`)
only yields schemas that its bundled region tables name, so a third-party type's properties are
never checked against the schema it was given. This runs cfn-lint's own command line with that
one lookup answering from the loaded registry schemas first; every rule, message and exit code is
cfn-lint's. Without registry schemas, nothing changes.

Usage: python3 cfn-lint-registry.py <cfn-lint arguments>
"""

import sys

from cfnlint.runner import main
from cfnlint.schema import manager

_by_regions = manager.ProviderSchemaManager.get_resource_schemas_by_regions


def _registry_first(self, resource_type, regions):  # type: ignore[no-untyped-def]
    registry = getattr(self, "_registry_schemas", {})
    if resource_type in registry:
        yield list(regions), registry[resource_type]
        return
    yield from _by_regions(self, resource_type, regions)


manager.ProviderSchemaManager.get_resource_schemas_by_regions = _registry_first

if __name__ == "__main__":
    sys.argv[0] = "cfn-lint"
    sys.exit(main())
