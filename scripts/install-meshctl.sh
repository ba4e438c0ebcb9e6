#!/usr/bin/env bash
# Packs meshctl as a .NET tool into artifacts/ and installs it globally as 'meshctl'
# (updates it when it is already installed). Run from anywhere inside the repository.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
artifacts="$root/artifacts"
package=MeshActors.Cli

# The package carries the node program for 'meshctl demo': build it first, in the same configuration.
dotnet build "$root/src/MeshActors.Node" -c Release --nologo -v quiet
dotnet pack "$root/src/MeshActors.Cli" -c Release --nologo -v quiet -o "$artifacts"

if dotnet tool list --global | awk 'NR > 2 { print tolower($1) }' | grep -qx "$(echo "$package" | tr '[:upper:]' '[:lower:]')"; then
  dotnet tool update --global --add-source "$artifacts" "$package"
else
  dotnet tool install --global --add-source "$artifacts" "$package"
fi

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
