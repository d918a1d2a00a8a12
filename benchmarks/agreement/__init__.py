"""The measurements ``accuracy.py`` runs: framing's evidence against external human annotation.

One module a task (``hedges``, ``attribution``, ``loaded``, ``persuasion``; generic frames are
``frames_accuracy.py``), each returning a ``sections.Section``; ``metrics``, ``sections``,
``baselines`` and ``evidence`` are what they share.
"""
