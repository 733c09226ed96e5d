"""What the dashboard and the docs page load, found in installed packages (never copied into kroniek):
plotly.js from the plotly wheel, Swagger UI from swagger-ui-py, country shapes from countryinfo."""

from __future__ import annotations

from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

STATIC = Path(__file__).parent / "static"  # kroniek's own small HTML, JS and CSS


def _package_dir(name: str) -> Path:
    spec = find_spec(name)
    if spec is None or spec.origin is None:
        raise RuntimeError(f"the {name} package is not installed (pip install kroniek installs it)")
    return Path(spec.origin).parent


def plotly_js() -> Path:
    """plotly.min.js as the plotly PyPI wheel ships it."""
    path = _package_dir("plotly") / "package_data" / "plotly.min.js"
    if not path.is_file():
        raise RuntimeError(f"plotly.min.js not found at {path}: reinstall plotly")
    return path


def swagger_ui_dir() -> Path:
    """Swagger UI's files (swagger-ui-bundle.js, swagger-ui.css) as swagger-ui-py ships them."""
    path = _package_dir("swagger_ui") / "static"
    if not (path / "swagger-ui-bundle.js").is_file():
        raise RuntimeError(f"swagger-ui-bundle.js not found in {path}: reinstall swagger-ui-py")
    return path


@lru_cache(maxsize=1)
def country_shapes() -> dict[str, Any]:
    """The world's countries as one GeoJSON FeatureCollection, each feature's id its ISO alpha-3 code
    (Natural Earth 1:110m outlines, as the countryinfo package ships them; small states have none)."""
    import countryinfo

    features: list[dict[str, Any]] = []
    seen: set[str] = set()
    for country in countryinfo.all_countries():
        try:
            shapes = country.geo_json()
        except Exception:  # noqa: BLE001 - countryinfo raises on records without a shape
            continue
        for feature in (shapes or {}).get("features", ()):
            code = feature.get("id")
            if code and code not in seen and feature.get("geometry"):
                seen.add(code)
                features.append({"type": "Feature", "id": code, "properties": feature.get("properties", {}),
                                 "geometry": feature["geometry"]})  # fmt: skip
    return {"type": "FeatureCollection", "features": features}


@lru_cache(maxsize=1)
def country_topology() -> dict[str, Any]:
    """The same outlines as TopoJSON in the shape plotly.js asks its CDN for (objects `countries` and
    `land`, ids ISO alpha-3), served by us through plotly's `topojsonURL` so that a geo plot fetches
    nothing from outside. Each ring is an arc of its own: valid TopoJSON, without shared borders."""
    arcs: list[list[list[float]]] = []

    def rings(polygon: list[list[list[float]]]) -> list[list[int]]:
        indexes = []
        for ring in polygon:
            indexes.append([len(arcs)])
            arcs.append(ring)
        return indexes

    geometries = []
    for feature in country_shapes()["features"]:
        geometry = feature["geometry"]
        if geometry["type"] == "Polygon":
            shape = {"type": "Polygon", "arcs": rings(geometry["coordinates"])}
        elif geometry["type"] == "MultiPolygon":
            shape = {"type": "MultiPolygon", "arcs": [rings(polygon) for polygon in geometry["coordinates"]]}
        else:
            continue
        geometries.append({**shape, "id": feature["id"], "properties": feature.get("properties", {})})
    collection = {"type": "GeometryCollection", "geometries": geometries}
    return {"type": "Topology", "objects": {"countries": collection, "land": collection}, "arcs": arcs}
