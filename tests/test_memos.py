"""aligner.memos.forget empties what the aligner remembers between alignments."""

from aligner import align
from aligner.flags import analysis
from aligner.memos import forget
from aligner.similarity import prepare
from aligner.text import _fold_short, _words_short


def test_forget_empties_every_memo_an_alignment_fills(seeds_dir):
    align([seeds_dir])
    memos = (_fold_short, _words_short, prepare, analysis.analyse, analysis._token_info)
    assert all(m.cache_info().currsize > 0 for m in memos) and analysis._NAMES
    forget()
    assert [m.cache_info().currsize for m in memos] == [0] * len(memos)
    assert not analysis._NAMES
