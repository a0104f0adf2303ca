"""Every threshold and weight the aligner uses, in one place, with how it was chosen.

Development data lives in ../shared/eval/ and is read from there by the scripts under bench/;
nothing here was written for one sentence of one article.
"""

from __future__ import annotations

# --- sentence similarity (aligner.similarity) ---------------------------------------------------
# Logistic model over aligner.similarity.FEATURE_NAMES, fitted by `python bench/train_similarity.py`
# on STS-B train (graded, MSRpar rows left out) and MSRP train; SAME_FACT_THRESHOLD maximises
# accuracy on MSRP train. Held-out figures are in the README (bench/quality.py).
SIMILARITY_WEIGHTS: tuple[float, ...] = (
    0.9706,  # ratio
    0.7824,  # sorted_ratio
    0.6228,  # set_ratio
    -0.8135,  # jaccard
    0.7430,  # containment
    0.1655,  # length_ratio
    -1.3112,  # bigram_jaccard
    0.4369,  # order
    0.3743,  # numbers
    -0.9686,  # trigram_jaccard
    0.2759,  # trigram_containment
    2.9716,  # cover_min
    0.4201,  # cover_max
)
SIMILARITY_BIAS = -3.7983
SAME_FACT_THRESHOLD = 0.47

# --- grouping (aligner.group, aligner.vectors) ----------------------------------------------------
# Chosen with `python bench/tune_grouping.py`, which scans these on the seeds and NewsWCL50 event 0
# (two readers each) and on the team's topic annotations of NewsWCL50 events 1-4, and reports the
# mean pairwise F1 at every threshold. See README "Grouping" for the figures.
CHAR_NGRAMS = (3, 5)
IDF_POWER = 2.0  # squaring the IDF lets sub-topic words outweigh the story's common vocabulary
WORD_WEIGHT = 0.5  # stemmed words vs. character n-grams in the paragraph cosine
CONTEXT_WEIGHT = 0.2  # share of each neighbouring paragraph of the same article in a paragraph's vector
SENTENCE_WEIGHT = 0.5  # weight of the best sentence-to-sentence cosine added to the paragraph cosine
PROFILE_WEIGHT = 0.5  # weight of the similarity-profile correlation (aligner.group.profile_similarity)
GROUP_THRESHOLD = 0.26  # average cross-source link needed to merge two rows
LABEL_WORDS = 3

# --- sentence matches (aligner.match) -----------------------------------------------------------
# Evidence = sentence_similarity + the sentence TF-IDF cosine in the cluster. Chosen on the seeds'
# 22 annotated matches and the topical precision of matches on NewsWCL50 events 0-4:
MATCH_CANDIDATE_COSINE = 0.1  # sentence TF-IDF cosine below which a pair is not even scored
MATCH_IN_ROW_EVIDENCE = 0.45  # evidence needed when both paragraphs are in one row
MATCH_ACROSS_ROWS_EVIDENCE = 0.6  # evidence needed otherwise
NEAR_VERBATIM_RATIO = 85  # rapidfuzz ratio of folded texts from which a pair is a reused passage
NEAR_VERBATIM_SHARED_WORDS_SHARE = 0.8  # ...or this share of the shorter one's words in order
