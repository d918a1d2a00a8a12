"""Generic frames (the Policy Frames Codebook of Boydstun et al. 2014, as in SemEval-2023 Task 3).

``ids`` names the fourteen frames; ``profile`` turns frame evidence into a profile's ``frames``
part with the fitted ``present`` rule (``rule.json``); ``model`` and ``training`` are the
classifier users train on their own coded articles.
"""
