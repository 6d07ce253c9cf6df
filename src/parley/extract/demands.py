"""Demands and conditions: what one party requires of another, in the text's words.

What is extracted (each a :class:`~parley.model.Demand`, words from ``lexicon/demands.yaml``):

- **obligations in speech**: a modal or "have/need to" clause inside a statement
  ("Ukraine must not join NATO", "talks had to be based on ...", "there should be an
  immediate ceasefire"), and "need/require" with an object that names an issue
  ("peace ... needed guarantees");
- **demand verbs** with an actor or a speaker behind them: "called for a ceasefire",
  "called on Hamas to release ...", "urged Israel to allow ...", "demanded that ...",
  "insisted on ...";
- **conditions** introduced by "unless", "only if", "on condition that", "as long as",
  "provided that", "until", when the main clause is negated or modal ("will not agree to a
  ceasefire unless Kyiv withdraws") or is someone's statement;
- **stated conditions**: "the conditions for ... were set out by President Putin";
- **refusals** ("refused negotiations", "declined to attend": ``stance="refusal"``) and
  **rejections** of a demand or proposal ("rejected the demand", "ruled out talks":
  ``stance="rejection"``);
- **forms with no classic cue word**: hopes and expectations addressed to someone ("hoped
  Beijing would lift ..."), "the only acceptable outcome is ...", "depends on Tehran
  restoring ...", "no pressure will make us ...", "will not be pushed around", "will
  continue until ...", "made X a precondition", "set X as a condition", "gave X until Friday
  to ...", "ready to ... if ...", and headline lines read by position ("Machado demands
  tallies");
- **more ways of saying it**: "was obliged to", "has no choice but to", "it is essential that
  X ...", "the onus is on X to", "it is up to X to" (obligations in a statement); "X was
  urged by Y to" (passive, agent as party); "requested that X withdraw" (subjunctive);
  "warned X against ...", "hold out for", "encourages X to"; conditions with "only when",
  "provided that" hung on an object, "should X escalate" (inverted), "once", "subject to",
  "only ... after", "impossible without"; refusals "out of the question", "not on the
  table", "not for negotiation", "non-negotiable", "not prepared to"; wants that name an
  issue ("wants zero enrichment"), "want to see X do"; "X's demands include ...".

When the parse names no party, fallbacks keep the demand: a pronoun subject continues the
speaker of the enclosing or most recent statement of its kind; a statement, resolution or
communique is its issuer's; a subject the parser lost (a participle read as a noun, a name
before "whose ..., pleaded") is found again.

Who: the **party** is the speaker of the statement the words are in (``doc._.quotes``), or
the subject of the demand verb; a refusal or rejection belongs to its subject even inside
someone else's statement ("it was Ukraine that refused"). When the speaker is a government
or military spokesperson (role words in the lexicon, e.g. "Kremlin spokesman"), the party is
the **state** they speak for (``RUS``) and the person is kept in ``voiced_by``; any other
speaker is the party themselves. The **addressee** is the actor told to act (the object of
"urge"/"call on", the subject of the obligation clause, the parties "between X and Y", the
owner of a thing to be revoked), else the addressee of the party's previous demand, else,
for issues between two sides (talks, ceasefire, territory, ...), the country other than the
party's that the article names most. A demand phrased in the first person ("we must ...")
has no addressee unless one is named.

Modality is that of the act of demanding: ``negated`` ("did not call for"), ``future``
("will demand"), ``hypothetical`` ("could call for"), ``historical`` (a past perfect act,
or a date in the sentence more than ``historical_days`` before publication), else
``asserted``. A condition that is itself negative ("must not join") stays asserted.

What is not: obligations with no speaker and no actor subject in narrative text (the
reporter's own "should"); epistemic modals ("it should rain", "must have been");
conditions in questions; wishes with no one asked to act ("wants peace").

Layout: this module is the public entry point (:class:`DemandExtractor`,
:func:`extract_demands`, :class:`Found`); the work is done in modules with one job each:

- :mod:`.demand_found`: the :class:`Found` record and the form groups that decide where a
  form's party comes from;
- the finders, one function per way a demand is phrased, each ``finder(lex, token)``:
  :mod:`.demand_obligations` (modals, needs, the onus, imperatives, warnings),
  :mod:`.demand_calls` (demand verbs and nouns, statements, wishes, headlines),
  :mod:`.demand_refusals` (refusals, rejections, verdicts, restrictions) and
  :mod:`.demand_conditions` (conditions by marker, provisos, deadlines, dependences),
  with the clause tests they share in :mod:`.demand_clauses`;
- :mod:`.demand_finders`: runs every finder over a Doc and tidies what they found;
- :mod:`.demand_spans`: splitting, merging and dropping found spans (lists, conjoined
  conditions, duplicates, restated demands, live-blog heading echoes);
- :mod:`.demand_parties`: who sets the condition (party, voice);
- :mod:`.demand_addressees`: who is told to meet it (addressee, the sides of an unnamed pair);
- :mod:`.demand_actor_index`: which known actor a token names, for both;
- :mod:`.demand_records`: turns found demands into :class:`~parley.model.Demand` records
  (party, addressee, issue, modality, label, span).
"""

from __future__ import annotations

import datetime as dt
from typing import Optional, Sequence

from spacy.tokens import Doc

from ..model import DateRef, Demand, Quote
from .actors import ResolvedActors
from .demand_finders import find_demands
from .demand_found import Found  # re-exported: demand_model, nlp.demands_component and train use it
from .demand_lexicon import DemandLexicon, load_demand_lexicon  # re-exported
from .demand_records import to_records

__all__ = ["DemandExtractor", "Found", "DemandLexicon", "load_demand_lexicon", "extract_demands"]


class DemandExtractor:
    """Finds demands in a parsed Doc (:meth:`match`) and resolves them to records (:meth:`extract`)."""

    def __init__(self, lexicon: Optional[DemandLexicon] = None):
        self.lex = lexicon or load_demand_lexicon()

    def match(self, doc: Doc) -> list[Found]:
        """Every demand form in the Doc, in text order, overlapping duplicates removed."""
        return find_demands(self.lex, doc)

    def extract(self, doc: Doc, resolved: ResolvedActors, quotes: Sequence[Quote] = (),
                published: Optional[dt.date] = None, dates: Sequence[DateRef] = ()) -> list[Demand]:
        """The demands of the Doc as records, in text order.

        Args:
            doc: a parsed Doc.
            resolved: the article's actors (``doc._.actors``).
            quotes: the article's statements (``doc._.quotes``), whose speakers own the demands inside them.
            published: the publication date (for historical modality).
            dates: the article's date expressions (``doc._.dates``).
        """
        return self.set_records(doc, self.match(doc), resolved, quotes, published, dates)

    def set_records(self, doc: Doc, found: list[Found], resolved: ResolvedActors, quotes: Sequence[Quote],
                    published: Optional[dt.date], dates: Sequence[DateRef]) -> list[Demand]:
        """Records for demands found by :meth:`match` (or by the learned scorer): see
        :func:`~parley.extract.demand_records.to_records`."""
        return to_records(self.lex, doc, found, resolved, quotes, published, dates)


def extract_demands(doc: Doc, resolved_actors: Optional[ResolvedActors], quotes: Optional[Sequence[Quote]],
                    published: Optional[dt.date], dates: Optional[Sequence[DateRef]] = None,
                    lexicon: Optional[DemandLexicon] = None) -> list[Demand]:
    """The demands, conditions, refusals and rejections of a parsed Doc (see the module docstring).

    Args:
        doc: a Doc parsed by spaCy (dependency parse needed).
        resolved_actors: ``doc._.actors``; without it no party can be named and nothing is returned.
        quotes: ``doc._.quotes``; demands inside a statement belong to its speaker.
        published: the publication date, for historical modality.
        dates: ``doc._.dates`` (defaults to them when set).
        lexicon: word lists (default: the bundled ``demands.yaml``).
    """
    if resolved_actors is None:
        return []
    if dates is None:
        dates = getattr(doc._, "dates", None) or [] if Doc.has_extension("dates") else []
    return DemandExtractor(lexicon).extract(doc, resolved_actors, quotes or [], published, dates)
