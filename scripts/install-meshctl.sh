#!/usr/bin/env bash
# Packs meshctl as a .NET tool into artifacts/ and installs it globally as 'meshctl'
# (updates it when it is already installed). Run from anywhere inside the repository.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
artifacts="$root/artifacts"
package=MeshActors.Cli

# Every pack gets its own version, or NuGet's cache would serve an older build under the same one.
version="0.1.0-dev.$(date -u +%Y%m%d%H%M%S)"

# The package carries the node program for 'meshctl demo': build it first, in the same configuration.
dotnet build "$root/src/MeshActors.Node" -c Release --nologo -v quiet
rm -f "$artifacts/$package".*.nupkg
dotnet pack "$root/src/MeshActors.Cli" -c Release --nologo -v quiet -o "$artifacts" -p:Version="$version"

# Already installed: replace it. ('dotnet tool update' refuses a version that sorts lower, such as
# this dev build after a 0.1.0, so the old one is removed first.)
if dotnet tool list --global | awk 'NR > 2 { print tolower($1) }' | grep -qx "$(echo "$package" | tr '[:upper:]' '[:lower:]')"; then
  dotnet tool uninstall --global "$package"
fi
dotnet tool install --global --add-source "$artifacts" --version "$version" "$package"

tools="$HOME/.dotnet/tools"
case ":$PATH:" in
  *":$tools:"*) echo "meshctl is installed: run 'meshctl --help'." ;;
  *)
    echo
    echo "meshctl is installed in $tools, which is not on your PATH. Add it with:"
    echo "  export PATH=\"\$PATH:$tools\""
    echo "(put that line in ~/.bashrc or ~/.profile to keep it), then run 'meshctl --help'."
    ;;
esac
