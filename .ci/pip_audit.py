"""Audit the installed packages with pip-audit; fail on any known vulnerability.

If the vulnerability database cannot be reached (pip-audit then skips every package as
"not found"), say so plainly and pass: an offline machine is not a vulnerable one.
"""

import json
import subprocess
import sys

result = subprocess.run(
    [
        sys.executable,
        "-m",
        "pip_audit",
        "--format",
        "json",
        "--progress-spinner",
        "off",
        "--skip-editable",
    ],
    capture_output=True,
    text=True,
    check=False,
)
try:
    report = json.loads(result.stdout)
except json.JSONDecodeError:
    print(result.stdout + result.stderr)
    if "Connection" in result.stderr or "resolve" in result.stderr.lower():
        print("pip-audit: the vulnerability database cannot be reached from here; not audited.")
        sys.exit(0)
    sys.exit(result.returncode or 1)

dependencies = report.get("dependencies", [])
audited = [d for d in dependencies if "skip_reason" not in d]
vulnerable = [d for d in audited if d.get("vulns")]
for dependency in vulnerable:
    for vuln in dependency["vulns"]:
        fixes = ", ".join(vuln.get("fix_versions", [])) or "no fix yet"
        print(f"{dependency['name']} {dependency['version']}: {vuln['id']} (fixed in {fixes})")
if vulnerable:
    sys.exit(1)
if dependencies and not audited:
    print(
        f"pip-audit: none of the {len(dependencies)} packages could be looked up (the "
        "vulnerability database is not reachable from this machine); not audited."
    )
    sys.exit(0)
print(f"pip-audit: {len(audited)} packages audited, no known vulnerability.")
