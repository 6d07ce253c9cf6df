"""Scale-out runners: every core of one machine, then a Ray cluster, with the same records.

- :func:`~parley.scale.local.analyse_parallel`: a process pool on one machine (no Ray);
  :class:`~parley.scale.local.WorkerPool` keeps one warm for several streams.
- :func:`~parley.scale.ray_engine.run_ray`: Ray Data over a folder of shards, resumable
  (needs the ``ray`` extra; imported only when called).
- :mod:`~parley.scale.shards`: finding, reading and writing shards, and the completion markers.

Importing this package never imports Ray or pyarrow.
"""

from __future__ import annotations

from parley.scale.local import WorkerPool, analyse_parallel, default_workers

__all__ = ["WorkerPool", "analyse_parallel", "default_workers", "run_ray"]


def run_ray(*args, **kwargs):
    """See :func:`parley.scale.ray_engine.run_ray` (imports Ray on first call)."""
    from parley.scale.ray_engine import run_ray as _run_ray

    return _run_ray(*args, **kwargs)
