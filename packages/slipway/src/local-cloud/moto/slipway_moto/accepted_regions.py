"""Every region and zone Slipway's config accepts, in the emulator too.

moto's tables are older than AWS's: its EC2 lists `ca-central-1` with zones a, b and d (AWS has a
c), so a VPC with a subnet in ca-central-1c failed to deploy, and its CodePipeline knows no
`ap-southeast-7`, so a pipeline there failed with `KeyError`. Slipway checks configs against its
own table (AWS's data as cfn-lint ships it); the launcher hands that table over in
`SLIPWAY_REGION_ZONES` (JSON: region to its zone names) and this module makes moto take it.
Nothing moto already has is removed or renumbered.
"""

import json
import os
import re
from typing import Any

from moto.core.base_backend import AccountSpecificBackend
from moto.ec2.models.availability_zones_and_regions import Region, RegionsAndZonesBackend, Zone

ENV_VAR = "SLIPWAY_REGION_ZONES"


def _table() -> dict[str, list[str]]:
    raw = os.environ.get(ENV_VAR)
    return json.loads(raw) if raw else {}


def _short_name(region: str) -> str:
    """The zone-id prefix moto derives for a region it has no hand-written zones for:
    `ap-southeast-7` → `apse7` (the part before the first dash, then north/south before
    central/east/west, then the number)."""
    parts = region.split("-")
    short = parts[0]
    for cardinal in ("north", "south", "central", "east", "west"):
        if cardinal in region:
            short += cardinal[0]
    return short + parts[-1]


def _add_zones(table: dict[str, list[str]]) -> list[str]:
    """Adds the regions EC2 lacks and the zones each region lacks.

    A new zone gets the lowest `-az<n>` number its region does not use yet, after moto's prefix
    for the region: ca-central-1c becomes `cac1-az3` beside moto's az1, az2 and az4.
    """
    known = {region.name for region in RegionsAndZonesBackend.regions}
    added: list[str] = []
    for region, names in table.items():
        if region not in known:
            RegionsAndZonesBackend.regions.append(
                Region(region, f"ec2.{region}.amazonaws.com", "not-opted-in")
            )
            added.append(f"region {region}")
        zones = RegionsAndZonesBackend.zones.setdefault(region, [])
        have = {zone.name for zone in zones}
        missing = [name for name in names if name not in have]
        if not missing:
            continue
        prefix = zones[0].zone_id.split("-az")[0] if zones else _short_name(region)
        used = {int(m.group(1)) for z in zones if (m := re.search(r"-az(\d+)$", z.zone_id))}
        for name in missing:
            number = next(n for n in range(1, len(used) + 2) if n not in used)
            used.add(number)
            zones.append(Zone(region_name=region, name=name, zone_id=f"{prefix}-az{number}"))
            added.append(name)
        zones.sort(key=lambda zone: zone.name)
    return added


def _regional_services_serve(regions: list[str]) -> None:
    """Every regional service answers in every region of the table.

    moto gives each service the regions botocore lists for it, which lag AWS's (CodePipeline has
    no ap-southeast-7), and a request to another region fails with `KeyError`. Whether AWS offers
    a service in a region is the config's check (its table of resource types per region), not the
    emulator's. Global services (IAM, STS, Route 53, S3) keep their partition keys.
    """
    original = AccountSpecificBackend.__init__

    def init(
        self: Any,
        service_name: str,
        account_id: str,
        backend: type,
        use_boto3_regions: bool,
        additional_regions: list[str] | None,
    ) -> None:
        original(self, service_name, account_id, backend, use_boto3_regions, additional_regions)
        if use_boto3_regions:
            self.regions.extend([region for region in regions if region not in self.regions])

    AccountSpecificBackend.__init__ = init


def apply() -> list[str]:
    table = _table()
    if not table:
        return []
    added = _add_zones(table)
    _regional_services_serve(list(table))
    summary = f"EC2: {', '.join(added)} added" if added else "EC2: no zone missing"
    return [f"{len(table)} regions of Slipway's table served by every regional service; {summary}"]
