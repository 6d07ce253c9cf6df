"""The ``parley_events`` spaCy component: coded events on ``doc._.events``.

Add it after ``parley_quotes`` (events told in a quote carry its speaker)::

    nlp.add_pipe("parley_events")

It reads ``doc._.actors``, ``doc._.quotes``, ``doc._.dates``, ``doc._.places`` and
``doc._.published`` and sets ``doc._.events`` (a list of :class:`parley.model.Event`).

Every coded event then passes the reliability checks of :mod:`parley.extract.event_checks`
(word sense, a real actor as source, a named target ...); the events they drop are kept on
``doc._.dropped_events`` as ``(event, check name)`` pairs, for measuring the checks.
Set ``PARLEY_EVENT_CHECKS=off`` in the environment to code without them (to measure what
they cost or gain).

After the checks every event gets a ``confidence`` from the learned model of
:mod:`parley.extract.event_confidence` (``kb/data/models/events.json``); events below the
model's threshold move to ``doc._.dropped_events`` as ``(event, "low_confidence")``.
``PARLEY_EVENT_MIN_CONFIDENCE=<number>`` sets another threshold (``0`` keeps every event, each
with its confidence); ``PARLEY_EVENT_MODEL=<file>`` uses another model (``off``: no confidence).
"""

from __future__ import annotations

import os

from spacy.language import Language
from spacy.tokens import Doc

from . import components  # noqa: F401  (registers the extensions this component reads)

if not Doc.has_extension("events"):
    Doc.set_extension("events", default=None)
if not Doc.has_extension("dropped_events"):
    Doc.set_extension("dropped_events", default=None)


class EventComponent:
    """Codes who did what to whom (:mod:`parley.extract.events`); sets ``doc._.events``."""

    def __init__(self) -> None:
        from ..extract.events import EventCoder

        self.coder = EventCoder()  # loads and indexes the pattern files once
        self.checks = None
        if os.environ.get("PARLEY_EVENT_CHECKS", "on").lower() not in ("off", "0", "no"):
            from ..extract.event_checks import EventChecks

            self.checks = EventChecks(lexicon=self.coder.lex)
        self.confidence = self._confidence()

    def __call__(self, doc: Doc) -> Doc:
        events = self.match(doc)
        dropped: list = []
        if self.checks is not None and events:
            events, dropped = self.checks.review(doc, events)
        if self.confidence is not None and events:
            events, unsure = self.confidence.review(doc, events)
            dropped = dropped + unsure
        doc._.dropped_events = dropped
        self.set_annotations(doc, events)
        return doc

    def _confidence(self):
        """The learned confidence (None when no model file is shipped or it is turned off); it
        finds each event's trigger as the checks do."""
        from ..extract.event_checks import EventChecks
        from ..extract.event_confidence import EventConfidence, configured_model

        model = configured_model()
        if model is None:
            return None
        checks = self.checks or EventChecks(lexicon=self.coder.lex)
        return EventConfidence(model, checks.trigger_in)

    def match(self, doc: Doc) -> list:
        return self.coder.extract(
            doc, doc._.actors, doc._.quotes or [], doc._.dates or [], doc._.places or [], doc._.published
        )

    @staticmethod
    def set_annotations(doc: Doc, events: list) -> None:
        doc._.events = events


@Language.factory("parley_events")
def make_event_component(nlp: Language, name: str) -> EventComponent:
    return EventComponent()
