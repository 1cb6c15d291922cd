"""Matrix products of the spaCy pipeline through numpy's BLAS, one thread per process.

thinc's CPU ops multiply matrices with blis; numpy ships an OpenBLAS (or Accelerate, or
MKL) that ran the pipeline's shapes four times faster per CPU-second on the machines we
measured (an AVX-512 x86-64: 22 against 85 GFLOP per CPU-second), and matrix products are
most of the time of spaCy's tok2vec and NER. Same products, another library: on our
corpora the entities, tags and parses came out identical (`benchmarks/throughput.py`
checks it at each run). One thread per product: a BLAS's own threads spin on matrices
this small and would burn more CPU than they save, and `--workers` already fills the
cores. The limit is taken and given back around each product, so a caller's own numpy
code keeps its threads.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy
from thinc.api import NumpyOps

if TYPE_CHECKING:
    from spacy.language import Language


@lru_cache(maxsize=1)
def _blas() -> Any:
    """numpy's BLAS as threadpoolctl sees it (found once: the scan costs a millisecond)."""
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController().select(user_api="blas")


class NumpyBlasOps(NumpyOps):
    """thinc's NumpyOps with `gemm` done by numpy.matmul."""

    def gemm(self, x: Any, y: Any, out: Any = None, trans1: bool = False,
             trans2: bool = False) -> Any:
        with _blas().limit(limits=1):
            return numpy.matmul(x.T if trans1 else x, y.T if trans2 else y, out=out)


def use_numpy_blas(nlp: Language) -> Language:
    """Give every layer of every trained pipe of `nlp` the numpy-BLAS ops (in place)."""
    ops = NumpyBlasOps()
    for _, pipe in nlp.pipeline:
        model = getattr(pipe, "model", None)
        if model is not None and hasattr(model, "walk"):
            for layer in model.walk():
                layer.ops = ops
    return nlp
