#!/usr/bin/env bash
# Fetches the ImageNet-pretrained ResNet18 (CNTK's variant, as ONNX) from the NuGet package
# Microsoft.ML.DnnImageFeaturizer.ResNet18 0.23.1 (MIT; the weights come from ImageNet training, see
# docs/model.md) and converts it into torchvision's ResNet(BasicBlock, [2, 2, 2, 3]) state_dict, checked
# against the ONNX graph. The 64 MB weights are never committed: they stay in the NuGet cache and the
# converted copy in the cache folder below.
#
# Usage: tools/train/fetch_resnet18.sh [OUT.pt]   (default ${XDG_CACHE_HOME:-~/.cache}/smartspot/resnet18-imagenet.pt)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-${XDG_CACHE_HOME:-$HOME/.cache}/smartspot/resnet18-imagenet.pt}"
package=Microsoft.ML.DnnImageFeaturizer.ResNet18
version=0.23.1
expected_sha256=e2552f19db2dfdb01b3669537b6a0f1b44da38d18279535492ed5dfc2ef1ff8f

project="$(mktemp -d)"
trap 'rm -rf "$project"' EXIT
# PackageDownload fetches the package alone (no dependencies, nothing built) into the NuGet cache.
cat > "$project/fetch.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
  <ItemGroup><PackageDownload Include="$package" Version="[$version]" /></ItemGroup>
</Project>
XML
dotnet restore "$project/fetch.csproj" -v quiet -nologo >/dev/null
cache="$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //; s|/$||')"
onnx="$cache/${package,,}/$version/tools/DnnImageModels/ResNet18Onnx/ResNet18.onnx"
echo "$expected_sha256  $onnx" | sha256sum --check --quiet
echo "ONNX: $onnx"
/usr/bin/python3 "$here/convert_resnet18.py" "$onnx" "$out"
