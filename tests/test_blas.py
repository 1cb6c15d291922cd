"""The pipeline's matrix products on numpy's BLAS: same products, one thread, nothing leaked."""

from __future__ import annotations

import numpy
import pytest
import spacy
from thinc.api import NumpyOps
from threadpoolctl import threadpool_info

from nigerfacts.blas import NumpyBlasOps, use_numpy_blas
from nigerfacts.pipeline import load_pipeline

RNG = numpy.random.default_rng(7)


@pytest.mark.parametrize(("trans1", "trans2"), [(False, False), (True, False), (False, True),
                                                (True, True)])
def test_gemm_gives_thincs_product_in_float32(trans1, trans2):
    x = RNG.random((40, 30) if not trans1 else (30, 40), dtype=numpy.float32)
    y = RNG.random((30, 20) if not trans2 else (20, 30), dtype=numpy.float32)
    ours = NumpyBlasOps().gemm(x, y, trans1=trans1, trans2=trans2)
    thincs = NumpyOps().gemm(x, y, trans1=trans1, trans2=trans2)
    assert ours.dtype == numpy.float32 and ours.shape == (40, 20)
    assert ours.flags.c_contiguous
    numpy.testing.assert_allclose(ours, thincs, rtol=1e-5)


def test_gemm_writes_into_the_given_output():
    x = RNG.random((8, 5), dtype=numpy.float32)
    y = RNG.random((5, 3), dtype=numpy.float32)
    out = numpy.zeros((8, 3), dtype=numpy.float32)
    result = NumpyBlasOps().gemm(x, y, out=out)
    assert result is out
    numpy.testing.assert_allclose(out, x @ y, rtol=1e-6)


def test_every_layer_of_the_loaded_pipeline_uses_numpy_blas():
    nlp = load_pipeline()
    trained = [pipe.model for _, pipe in nlp.pipeline if hasattr(pipe, "model")]
    assert {"tok2vec", "ner", "parser"} <= {name for name, pipe in nlp.pipeline
                                            if hasattr(pipe, "model")}
    assert all(isinstance(layer.ops, NumpyBlasOps) for model in trained
               for layer in model.walk())


def test_entities_tags_and_parse_are_those_of_spacys_own_ops():
    text = ("Le président Mohamed Bazoum a reçu à Niamey le 12 mars 2023 le ministre "
            "français des Armées. Environ 1 500 soldats français restent au Niger, "
            "selon l'état-major, qui évoque un retrait d'ici la fin de l'année.")
    theirs = spacy.load("fr_core_news_md")(text)
    ours = use_numpy_blas(spacy.load("fr_core_news_md"))(text)
    assert [(e.text, e.label_) for e in ours.ents] == [(e.text, e.label_) for e in theirs.ents]
    assert [(t.pos_, t.dep_, t.head.i) for t in ours] == [(t.pos_, t.dep_, t.head.i)
                                                           for t in theirs]


def test_the_callers_blas_threads_are_left_as_they_were():
    before = [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"]
    nlp = load_pipeline()
    nlp("Les soldats tchadiens sont arrivés à Ndjamena.")
    after = [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"]
    assert after == before
