"""Geography: the gazetteer place names are resolved against (see :mod:`parley.geo.gazetteer`)."""

from parley.geo.gazetteer import Candidate, Gazetteer, GeoEntry, get_gazetteer

__all__ = ["Candidate", "Gazetteer", "GeoEntry", "get_gazetteer"]
